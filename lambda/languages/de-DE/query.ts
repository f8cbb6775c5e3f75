import type { QueryWords } from '../pack';
import words from './query.json';

const ENDINGS = ['en', 'er', 'es', 'em', 'e', 'n'];

/** A word's form for matching: without its plural or adjective ending ("jacken", "wasserdichte"). */
function stem(word: string): string {
  if (word.length <= 4) return word;
  const ending = ENDINGS.find((candidate) => word.endsWith(candidate));
  return ending ? word.slice(0, -ending.length) : word;
}

export const QUERY: QueryWords = { ...words, stem };
