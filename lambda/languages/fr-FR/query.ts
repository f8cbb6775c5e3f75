import type { QueryWords } from '../pack';
import words from './query.json';

/** An elided article or pronoun joined to its word: "l'écharpe", "d'hydratation". */
const ELIDED = /^(?:jusqu|qu|[cdjlmnst])'/;

/** Feminine and other endings brought back to one form: "légère" → "léger", "sportive" → "sportif". */
const ENDINGS: readonly (readonly [ending: string, replacement: string])[] = [
  ['euse', 'eur'],
  ['ive', 'if'],
  ['ere', 'er'],
  ['elle', 'el'],
  ['enne', 'en'],
  ['ette', 'et'],
  ['e', ''],
];

/** A word's form for matching: without accents, elided article, plural or feminine ending ("imperméables", "l'écharpe", "bleue"). */
function stem(word: string): string {
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '').replace(ELIDED, '');
  if (bare.length <= 3) return bare;
  const singular = /[sx]$/.test(bare) ? bare.slice(0, -1) : bare;
  const ending = ENDINGS.find(([candidate]) => singular.endsWith(candidate) && singular.length - candidate.length >= 3);
  return ending ? singular.slice(0, -ending[0].length) + ending[1] : singular;
}

export const QUERY: QueryWords = { ...words, stem };
