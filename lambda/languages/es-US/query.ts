import type { QueryWords } from '../pack';
import { QUERY as SPAIN_QUERY } from '../es-ES/query';
import words from './query.json';

/** The words are the United States' own; plural and gender endings are Spanish's ("tenis", "chamarras", "audífonos"). */
export const QUERY: QueryWords = { ...words, stem: SPAIN_QUERY.stem };
