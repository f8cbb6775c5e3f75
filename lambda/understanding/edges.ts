import type { Language } from './languages/language';
import type { Token, Tokenized } from './tokens';

/** How many tokens `phrase` (words written with spaces) takes when it starts at `at`; 0 when it is not there. */
function phraseAt(tokens: readonly Token[], at: number, phrase: string): number {
  const words = phrase.split(' ');
  return words.every((word, offset) => tokens[at + offset]?.word === word) ? words.length : 0;
}

/** The longest of `phrases` starting at `at`, in tokens. */
export function longestPhraseAt(tokens: readonly Token[], at: number, phrases: readonly string[]): number {
  let longest = 0;
  for (const phrase of phrases) longest = Math.max(longest, phraseAt(tokens, at, phrase));
  return longest;
}

/** The longest of `phrases` ending just before `end`, in tokens. */
function longestPhraseBefore(tokens: readonly Token[], end: number, phrases: readonly string[]): number {
  let longest = 0;
  for (const phrase of phrases) {
    const length = phrase.split(' ').length;
    if (length <= end && phraseAt(tokens, end - length, phrase) === length) longest = Math.max(longest, length);
  }
  return longest;
}

/** The range left of tokens[start, end) once the phrases given for each edge are taken off it. */
export function trimmedRange(
  tokens: readonly Token[],
  range: { readonly start: number; readonly end: number },
  edges: { readonly leading: readonly string[]; readonly trailing: readonly string[] },
): { start: number; end: number } {
  let { start, end } = range;
  for (let step = longestPhraseAt(tokens, start, edges.leading); step > 0 && start + step <= end; step = longestPhraseAt(tokens, start, edges.leading)) start += step;
  for (let step = longestPhraseBefore(tokens, end, edges.trailing); step > 0 && end - step >= start; step = longestPhraseBefore(tokens, end, edges.trailing)) end -= step;
  return { start, end };
}

/** What a bare answer may carry around its value without saying more: "um, a medium please", "large i think". */
export function answerEdges(language: Language) {
  return { leading: [...language.fillers, ...language.hedges, ...language.articles], trailing: [...language.fillers, ...language.hedges] };
}

/** What free text may carry around the words that describe: "some", "like", "maybe", "please". */
export function freeTextEdges(language: Language) {
  return {
    leading: [...language.fillers, ...language.hedges, ...language.articles, ...language.determiners],
    trailing: [...language.fillers, ...language.hedges],
  };
}

/** What is said after an acknowledgement that starts it ("okay, stop"); all of it when nothing else is said. */
export function withoutLeadingAcknowledgement(utterance: Tokenized, language: Language): Tokenized {
  const said = longestPhraseAt(utterance.tokens, 0, language.acknowledgements);
  const rest = utterance.tokens.slice(said);
  const saysMore = rest.some((token) => !language.fillers.includes(token.word));
  return said > 0 && saysMore ? { ...utterance, tokens: rest } : utterance;
}
