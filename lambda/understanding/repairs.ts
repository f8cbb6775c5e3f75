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
