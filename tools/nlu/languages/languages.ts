import { ENGLISH } from './english';
import { GERMAN } from './german';
import type { Language } from './language';

const BY_CODE: Readonly<Record<string, Language>> = { en: ENGLISH, de: GERMAN };

/** Only digits are read as numbers in a language without a file here. */
const DIGITS_ONLY: Language = {
  contractions: {},
  contractionSuffixes: [],
  inflections: [],
  fillers: [],
  numbers: { units: {}, teens: {}, tens: {}, hundred: [], thousand: [], joiners: [], ordinal: () => undefined },
  dates: {
    relativeDays: {}, weekdays: {}, months: {}, offsets: {}, periods: {}, present: [], one: [],
    ago: { word: '', position: 'after' }, fillers: [],
  },
};

/** The language of a locale such as "en-US". */
export function languageOf(locale: string): Language {
  return BY_CODE[locale.split('-')[0]?.toLowerCase() ?? ''] ?? DIGITS_ONLY;
}
