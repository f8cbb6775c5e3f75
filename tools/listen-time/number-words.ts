import { ENGLISH } from './languages/english';
import { FRENCH } from './languages/french';
import { GERMAN } from './languages/german';
import { ITALIAN } from './languages/italian';
import { SPANISH } from './languages/spanish';
import { monthNameIn, type SpokenDate, type SpokenLanguage } from './languages/spoken-language';

/**
 * Numbers, dates and spelled characters as the words a voice says for them, in every language the
 * assistant speaks (one module each under ./languages). Only the number of words and their
 * syllables matter to a listen-time estimate.
 */

export type Language = 'en' | 'de' | 'fr' | 'es' | 'it';

/** Every language the estimate knows, each with its own calibrated constants. */
export const LANGUAGES: readonly Language[] = ['en', 'de', 'fr', 'es', 'it'];

const SPOKEN: Readonly<Record<Language, SpokenLanguage>> = { en: ENGLISH, de: GERMAN, fr: FRENCH, es: SPANISH, it: ITALIAN };

/** The locale a language's words are taken from when a reply's locale is one the estimate does not know. */
const DEFAULT_LOCALE: Readonly<Record<Language, string>> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT' };

/** The language of a BCP 47 locale ("es-US" → "es"); a language the estimate does not know is timed as English. */
export function languageOf(locale: string): Language {
  const prefix = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : 'en';
}

/** The locale to read a reply's numbers and dates in: its own, or its language's default when it is timed as another language. */
export function speakingLocale(locale: string): string {
  const language = languageOf(locale);
  return locale.toLowerCase().startsWith(language) ? locale : DEFAULT_LOCALE[language];
}

/** The numbers, letters and symbols of a language. */
export function spokenLanguage(language: Language): SpokenLanguage {
  return SPOKEN[language];
}

/** A whole number (its absolute value, floored) as spoken words. */
export function cardinalWords(value: number, language: Language): string[] {
  const spoken = SPOKEN[language];
  const words = spoken.cardinal(Math.floor(Math.abs(value)));
  return value < 0 ? [spoken.minus, ...words] : words;
}

/** "twenty fifth", "fünfundzwanzigsten", "vingt-cinquième", "vigésimo quinto", "venticinquesimo". */
export function ordinalWords(value: number, language: Language): string[] {
  const n = Math.floor(Math.abs(value));
  return n === 0 ? SPOKEN[language].cardinal(0) : SPOKEN[language].ordinal(n);
}

/** A year as people say it: "twenty twenty six", "zweitausendsechsundzwanzig", "deux mille vingt six". */
export function yearWords(year: number, language: Language): string[] {
  return SPOKEN[language].year(Math.floor(Math.abs(year)));
}

/** A say-as date in the locale's words, or undefined when its month is no month. */
export function dateWords(date: SpokenDate, locale: string): string[] | undefined {
  const where = speakingLocale(locale);
  if (date.month !== undefined && monthNameIn(date.month, where) === undefined) return undefined;
  return SPOKEN[languageOf(where)].date(date, where);
}

/** One character read on its own: a digit's name, or a letter's (which may be two words: "i grec"). */
export function characterWord(character: string, language: Language): string {
  if (/^\d$/.test(character)) return SPOKEN[language].digitNames[Number(character)]!;
  return SPOKEN[language].letterName(character);
}

/** The month's name (1 = January) in the language, or undefined for a number that is no month. */
export function monthName(month: number, language: Language): string | undefined {
  return monthNameIn(month, DEFAULT_LOCALE[language]);
}
