import { type NumberOrWord, numbersIn } from '../../understanding/spoken-numbers';
import type { QueryGrammar } from './grammar';

/** A word of a query, or a number it spelled out ("one hundred fifty" → 150, "149.99" → 149.99). */
export type QueryToken = NumberOrWord;

/** Turns a query's words into tokens, its numbers read by the understanding's one number reader. */
export function readNumbers(words: readonly string[], grammar: QueryGrammar): QueryToken[] {
  return numbersIn(words, grammar.numbers);
}
