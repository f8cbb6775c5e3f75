import type { QueryWords } from '../pack';
import { QUERY as AMERICAN_QUERY } from '../en-US/query';
import words from './query.json';

/** British words around a product query; plurals are stemmed as in American English ("jumpers", "batteries"). */
export const QUERY: QueryWords = { ...words, stem: AMERICAN_QUERY.stem };
