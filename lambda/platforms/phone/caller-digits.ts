import { languageOf } from '../../understanding/languages/languages';
import { spokenDigits } from '../../understanding/spoken-numbers';
import { tokenize } from '../../understanding/tokens';

/**
 * The number a caller said as their answer ("it's eight oh two oh five", "my card ends in
 * 4242"), as digits: the longest run of number words, read the way order numbers and PINs are
 * ("ten forty two" is 1042). Undefined when what they said is no go at a number: no number at
 * all ("where is my order"), or only a short one among other words ("the one from Monday").
 */

/** Fewer digits than any second factor has: among other words, such a number is a word of the request, not an answer. */
const FEWEST_DIGITS_AMONG_WORDS = 3;

export function digitsSaid(text: string, locale: string): string | undefined {
  const language = languageOf(locale);
  const words = tokenize(text, language).tokens.map((token) => token.word);
  let longest: string | undefined;
  let otherWords = 0;
  let run: string[] = [];
  const closeRun = () => {
    const digits = run.length > 0 ? spokenDigits(run, language.numbers) : undefined;
    if (digits !== undefined && digits.length > (longest?.length ?? 0)) longest = digits;
    run = [];
  };
  for (const word of words) {
    if (spokenDigits([word], language.numbers) !== undefined) run.push(word);
    else {
      otherWords += 1;
      closeRun();
    }
  }
  closeRun();
  if (longest === undefined) return undefined;
  return otherWords === 0 || longest.length >= FEWEST_DIGITS_AMONG_WORDS ? longest : undefined;
}
