import i18next, { type i18n as I18n } from 'i18next';
import deDE from './locales/de-DE.json';
import enUS from './locales/en-US.json';

/** Every locale the assistant speaks; the first is the fallback. */
export const LOCALES = ['en-US', 'de-DE'] as const;
export type SupportedLocale = (typeof LOCALES)[number];

type Messages = typeof enUS;

/** Dotted paths to every string leaf of the messages, e.g. "orderStatus.notFound". */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${PluralBase<K>}`
    : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** i18next plural keys ("items_one", "items_other") are addressed by their base name. */
type PluralBase<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? Base
  : K;

export type MessageKey = LeafPaths<Messages>;

const resources: Record<SupportedLocale, Messages> = {
  'en-US': enUS,
  // Parity with en-US is checked by test/speech/locale-parity.test.ts.
  'de-DE': deDE as Messages,
};

let instance: I18n | undefined;

/** One i18next instance for the process, initialised synchronously on first use. */
function i18n(): I18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    resources: Object.fromEntries(Object.entries(resources).map(([locale, messages]) => [locale, { translation: messages }])),
    lng: LOCALES[0],
    fallbackLng: LOCALES[0],
    supportedLngs: [...LOCALES],
    initAsync: false,
    // Values are escaped once, when speech becomes SSML; i18next must not HTML-escape them.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

export function supportedLocale(locale: string): SupportedLocale {
  const exact = LOCALES.find((candidate) => candidate.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const language = locale.split('-')[0]?.toLowerCase();
  return LOCALES.find((candidate) => candidate.split('-')[0] === language) ?? LOCALES[0];
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: SupportedLocale): Translate {
  const t = i18n().getFixedT(locale);
  return (key, values) => t(key, values ?? {}) as string;
}

/** Whether a message exists in this locale itself (not through the fallback). */
export function hasMessage(locale: SupportedLocale, key: string): boolean {
  return i18n().exists(key, { lng: locale, fallbackLng: false });
}
