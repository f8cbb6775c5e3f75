/**
 * What a voice says for the numbers, dates, letters and symbols of one language. Only the number
 * of words and their syllables matter to a listen-time estimate, so each language writes its
 * numbers as its own spelling splits them into words: German and Italian compounds are one word
 * ("einundzwanzig", "centoventi"), French hyphenated numbers are several ("quatre vingt dix
 * sept", as the reply text's hyphenated words are counted), Spanish ones as written ("veintitrés",
 * "treinta y uno").
 */

/** A say-as date's fields; any may be missing ("????1125" has no year). */
export interface SpokenDate {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

/** The currency symbols a reply's text may carry, and what each is called: [major, minor]. */
export type CurrencySymbol = '$' | '€' | '£';

export interface SpokenLanguage {
  /** A whole number ≥ 0. */
  cardinal(value: number): string[];
  /** The ordinal of a whole number ≥ 1 ("twenty fifth", "vigésimo quinto"). */
  ordinal(value: number): string[];
  /** A year as people say it ("twenty twenty six", "deux mille vingt six"). */
  year(year: number): string[];
  /** A date in the order, and with the small words, the language says it; `locale` picks regional forms. */
  date(date: SpokenDate, locale: string): string[];
  /** The digits 0–9 said one by one. */
  readonly digitNames: readonly string[];
  /** A letter said on its own: one word, or two separated by a space ("i grec"). */
  letterName(letter: string): string;
  /** The word before a negative number. */
  readonly minus: string;
  /** The word a decimal mark is said as, by the mark the locale writes ("." or ","). */
  decimalWord(mark: string): string;
  /** What joins a price's cents to its whole ("and", "und", "et", "con", "e"). */
  readonly centsJoiner: string;
  readonly currencies: Readonly<Record<CurrencySymbol, readonly [major: string, minor: string]>>;
  /** Symbols said as words ("&" → "and"); a value may be two words ("pour cent"). */
  readonly symbols: Readonly<Record<string, string>>;
  /** A written ordinal ("3rd", "1er", "2.º"), capturing its digits. */
  readonly writtenOrdinal?: RegExp;
}

const monthNamesByLocale = new Map<string, readonly string[]>();

/** The month's name in the locale (1 = January), as Intl knows it; undefined for a number that is no month. */
export function monthNameIn(month: number, locale: string): string | undefined {
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  let names = monthNamesByLocale.get(locale);
  if (!names) {
    const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2000, index, 15)));
    monthNamesByLocale.set(locale, names);
  }
  return names[month - 1];
}
