import { ENGLISH } from './english';
import { GERMAN } from './german';
import type { Language } from './language';

const BY_CODE: Readonly<Record<string, Language>> = { en: ENGLISH, de: GERMAN };

/** Only digits are read as numbers in a language without a file here. */
const DIGITS_ONLY: Language = {
  contractions: {},
  contractionSuffixes: [],
  compounds: false,
  inflections: [],
  fillers: [],
  acknowledgements: [],
  articles: [],
  determiners: [],
  hedges: [],
  repairs: [],
  negations: [],
  prepositions: [],
  numbers: { units: {}, teens: {}, tens: {}, hundred: [], thousand: [], joiners: [], oneBeforeMultiplier: [], ordinal: () => undefined },
  dates: {
    relativeDays: {}, weekdays: {}, months: {}, offsets: {}, periods: {}, present: [], one: [], vagueCounts: {}, relativePeriods: {},
    ago: { word: '', position: 'after' }, fillers: [],
  },
};

/** The language of a locale such as "en-US". */
export function languageOf(locale: string): Language {
  return BY_CODE[locale.split('-')[0]?.toLowerCase() ?? ''] ?? DIGITS_ONLY;
}
