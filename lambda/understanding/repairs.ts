import { longestPhraseAt } from './edges';
import type { Language } from './languages/language';
import { spokenNumber } from './spoken-numbers';
import type { Token, Tokenized } from './tokens';

/** The end of the run of number words starting at `start` (where it is not one, `start`). */
function numberRunEnd(tokens: readonly Token[], start: number, language: Language): number {
  let end = start;
  while (end < tokens.length && spokenNumber([tokens[end]?.word ?? ''], language.numbers) !== undefined) end += 1;
  return end;
}

/**
 * A number the shopper corrects as they say it ("order ten six, no sorry, ten seven one eight"):
 * the number before the repair and the repair itself are dropped, so the slot takes the correction.
 */
export function withoutCorrectedNumbers(utterance: Tokenized, language: Language): Tokenized {
  const { tokens } = utterance;
  const kept: Token[] = [];
  let at = 0;
  while (at < tokens.length) {
    const end = numberRunEnd(tokens, at, language);
    if (end === at) {
      kept.push(tokens[at] as Token);
      at += 1;
      continue;
    }
    // Fillers may come between ("zehn sechs äh nein zehn sieben").
    let next = end;
    let repaired = false;
    for (;;) {
      const filler = language.fillers.includes(tokens[next]?.word ?? '') ? 1 : 0;
      const repair = filler === 0 ? longestPhraseAt(tokens, next, language.repairs) : 0;
      if (filler + repair === 0) break;
      repaired ||= repair > 0;
      next += filler + repair;
    }
    if (repaired && numberRunEnd(tokens, next, language) > next) {
      at = next;
      continue;
    }
    kept.push(...tokens.slice(at, end));
    at = end;
  }
  return kept.length === tokens.length ? utterance : { ...utterance, tokens: kept };
}

/** The most words a corrected phrase may have: a product or a choice, not a whole request. */
const LONGEST_CORRECTED = 3;

/**
 * A phrase the shopper corrects at the end of what they say ("headphones, no sorry, earbuds", "das
 * zweite, nee, das dritte"): the phrase before the repair is dropped when it is the same kind of
 * thing as the correction — as many words, starting with the same word or made of words no sample
 * uses (names of things). "There's no rush" is no correction: "there's" is a word of requests.
 */
export function withoutCorrectedPhrase(utterance: Tokenized, knows: (word: string) => boolean, language: Language): Tokenized {
  const { tokens } = utterance;
  for (let at = 1; at < tokens.length; at += 1) {
    const repair = longestPhraseAt(tokens, at, language.repairs);
    const corrected = tokens.length - (at + repair);
    if (repair === 0 || corrected === 0 || corrected > LONGEST_CORRECTED || corrected > at) continue;
    const before = tokens.slice(at - corrected, at);
    const after = tokens.slice(at + repair);
    // "un casque, non pardon, des écouteurs": two articles start the same kind of thing.
    const isArticle = (token: Token | undefined) => token !== undefined && language.articles.includes(token.word);
    const sameStart = before[0]?.word === after[0]?.word || (isArticle(before[0]) && isArticle(after[0]));
    const names = [...before, ...after].every((token) => !knows(token.word) && !language.fillers.includes(token.word));
    if (!sameStart && !names) continue;
    return { ...utterance, tokens: [...tokens.slice(0, at - corrected), ...after] };
  }
  return utterance;
}
