import { LOCALES, type SupportedLocale } from '../../speech/i18n';
import { isUnderstoodLocale, understand } from '../../understanding/understanding';

/**
 * Which language a caller speaks, when it is not the line's. The relay recognises speech in the
 * call's language, and can say which language it heard when it is set to detect one; beyond
 * that, the words tell: a caller who asks for a language by name ("Deutsch bitte", "can we speak
 * English"), or whose words mean nothing in the call's language and something clear in another
 * ("wo ist meine Bestellung" on an English line). The call then goes on in that language.
 */

export interface LanguageChange {
  readonly locale: SupportedLocale;
  /** The caller only asked for the language: there is nothing else in what they said to answer. */
  readonly onlyAsked: boolean;
}

/** What the relay heard: the words, and the language it says they are in (`prompt.lang`). */
export interface HeardWords {
  readonly text: string;
  readonly lang?: string;
}

/** Words read in another language must mean something this surely to switch to it; no shared word ("okay", "stop") does on its own. */
const SURE_READING = 0.7;
/** A request for a language is short ("can we speak German please"); a longer sentence naming one is about something else. */
const MAX_REQUEST_WORDS = 5;

function languageOf(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}

const regionOf = (locale: string): string | undefined => locale.split('-')[1]?.toUpperCase();

/**
 * The locale a call in `callLocale` goes on in when the caller speaks `language`: the one of the
 * call's country where the assistant speaks it there (Spanish on a US line is es-US), else the first.
 */
function localeOfLanguage(language: string, callLocale: string): SupportedLocale | undefined {
  const speaking = LOCALES.filter((locale) => languageOf(locale) === language.toLowerCase());
  return speaking.find((locale) => regionOf(locale) === regionOf(callLocale)) ?? speaking[0];
}

/** What callers call each language the assistant speaks, in every one of them: "german" and "deutsch" for German. */
const LANGUAGE_NAMES: ReadonlyMap<string, string> = new Map(
  LOCALES.flatMap((locale) =>
    LOCALES.map((spokenIn) => [new Intl.DisplayNames([spokenIn], { type: 'language' }).of(languageOf(locale))!.toLocaleLowerCase(spokenIn), languageOf(locale)] as const),
  ),
);

function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase().split(/[^\p{L}]+/u).filter((word) => word !== '');
}

/** "Deutsch bitte", "do you speak English": the language a short request names, when it is not the call's. */
function languageAskedFor(text: string, callLocale: string): SupportedLocale | undefined {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_REQUEST_WORDS) return undefined;
  const language = words.map((word) => LANGUAGE_NAMES.get(word)).find((named) => named !== undefined && named !== languageOf(callLocale));
  const named = language === undefined ? undefined : localeOfLanguage(language, callLocale);
  if (!named) return undefined;
  // "a German cookbook" looks for a product; it asks for no language.
  return understand({ text, locale: callLocale }).intent === 'FindProductIntent' ? undefined : named;
}

/** The language whose understanding reads the words surely, when the call's own reads nothing in them. */
function languageReadBetter(text: string, callLocale: string): SupportedLocale | undefined {
  if (!isUnderstoodLocale(callLocale) || understand({ text, locale: callLocale, ownWordsOnly: true }).intent !== 'FallbackIntent') return undefined;
  let best: { readonly locale: SupportedLocale; readonly confidence: number } | undefined;
  for (const locale of LOCALES) {
    if (languageOf(locale) === languageOf(callLocale) || !isUnderstoodLocale(locale)) continue;
    const reading = understand({ text, locale, ownWordsOnly: true });
    if (reading.intent !== 'FallbackIntent' && reading.confidence >= SURE_READING && reading.confidence > (best?.confidence ?? 0)) {
      best = { locale, confidence: reading.confidence };
    }
  }
  return best ? localeOfLanguage(languageOf(best.locale), callLocale) : undefined;
}

/**
 * The language the call should switch to, if the caller spoke another than the call's. The
 * relay's `lang` counts only when it is a bare language ("de"): that is what it reports when it
 * detects the language itself; a full tag ("en-US") is just the language it was told to hear.
 */
export function languageChange(callLocale: string, heard: HeardWords): LanguageChange | undefined {
  const detected = heard.lang && /^[a-z]{2,3}$/i.test(heard.lang) ? localeOfLanguage(heard.lang, callLocale) : undefined;
  if (detected && languageOf(detected) !== languageOf(callLocale)) return { locale: detected, onlyAsked: false };
  const asked = languageAskedFor(heard.text, callLocale);
  if (asked) return { locale: asked, onlyAsked: true };
  const read = languageReadBetter(heard.text, callLocale);
  return read ? { locale: read, onlyAsked: false } : undefined;
}
