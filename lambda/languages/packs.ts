import { DE_DE } from './de-DE';
import { EN_GB } from './en-GB';
import { EN_US } from './en-US';
import { ES_ES } from './es-ES';
import { ES_US } from './es-US';
import { FR_FR } from './fr-FR';
import { IT_IT } from './it-IT';
import type { LanguagePack } from './pack';

/**
 * Every language pack, by locale; the first is the fallback for a locale no pack speaks, and the
 * first of a language is the one a call goes on in where the caller's country has none of its own.
 * Adding a locale: README.md, "Adding a language".
 */
export const PACKS = {
  'en-US': EN_US,
  'de-DE': DE_DE,
  'en-GB': EN_GB,
  'es-ES': ES_ES,
  'es-US': ES_US,
  'fr-FR': FR_FR,
  'it-IT': IT_IT,
} as const satisfies Readonly<Record<string, LanguagePack>>;

export type SupportedLocale = keyof typeof PACKS;

/** Every locale the assistant speaks; the first is the fallback. */
export const LOCALES = Object.keys(PACKS) as readonly SupportedLocale[] as readonly [SupportedLocale, ...SupportedLocale[]];

/** The pack of a locale the assistant speaks. */
export function packOf(locale: SupportedLocale): LanguagePack {
  return PACKS[locale];
}
