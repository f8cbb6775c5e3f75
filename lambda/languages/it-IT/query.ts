import type { QueryWords } from '../pack';
import words from './query.json';

/** An article or preposition joined to the word by an apostrophe: "l'ombrello", "un'altra", "dell'escursionismo". */
const ELIDED = /^(?:dell|dall|nell|sull|all|quell|quest|nessun|un|l|d)'/;

/**
 * A word's form for matching: without an elided article before it and its gender or number
 * ending ("giacche" and "giacca" → "giacc", "impermeabili" → "impermeabil").
 */
function stem(word: string): string {
  const bare = word.replace(ELIDED, '');
  if (bare.length <= 3) return bare;
  // "giacche", "alberghi": the h only keeps the c or g hard before e and i.
  if (/[cg]h[ei]$/.test(bare)) return bare.slice(0, -2);
  return /[aeio]$/.test(bare) ? bare.slice(0, -1) : bare;
}

export const QUERY: QueryWords = { ...words, stem };
