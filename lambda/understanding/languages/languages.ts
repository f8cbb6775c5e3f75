import { LOCALES, packOf } from '../../languages/packs';
import type { Language } from './language';

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

/** The words of a locale such as "en-US": its own pack's, else those of a pack in the same language ("en-AU" reads as en-US). */
export function languageOf(locale: string): Language {
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  const pack = LOCALES.find((candidate) => candidate.toLowerCase() === wanted) ?? LOCALES.find((candidate) => candidate.split('-')[0] === language);
  return pack ? packOf(pack).words : DIGITS_ONLY;
}
