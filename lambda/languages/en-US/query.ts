import type { QueryWords } from '../pack';
import words from './query.json';

/** A word's form for matching: without its plural ending ("jackets", "batteries", "boxes"). */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export const QUERY: QueryWords = { ...words, stem };
