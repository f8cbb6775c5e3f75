import { languageOf } from '../../understanding/languages/languages';
import { spokenDigits } from '../../understanding/spoken-numbers';
import { tokenize } from '../../understanding/tokens';

/**
 * The number a caller said among other words ("it's eight oh two oh five", "my card ends in
 * 4242"), as digits: the longest run of number words, read the way order numbers and PINs are
 * ("ten forty two" is 1042). Undefined when they said no number.
 */
export function digitsSaid(text: string, locale: string): string | undefined {
  const language = languageOf(locale);
  const words = tokenize(text, language).tokens.map((token) => token.word);
  let longest: string | undefined;
  let run: string[] = [];
  const closeRun = () => {
    const digits = run.length > 0 ? spokenDigits(run, language.numbers) : undefined;
    if (digits !== undefined && digits.length > (longest?.length ?? 0)) longest = digits;
    run = [];
  };
  for (const word of words) {
    if (spokenDigits([word], language.numbers) !== undefined) run.push(word);
    else closeRun();
  }
  closeRun();
  return longest;
}
