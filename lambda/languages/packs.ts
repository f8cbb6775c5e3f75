import { DE_DE } from './de-DE';
import { EN_US } from './en-US';
import type { LanguagePack } from './pack';

/**
 * Every language pack, by locale; the first is the fallback for a locale no pack speaks. Adding a
 * locale: README.md, "Adding a language".
 */
export const PACKS = {
  'en-US': EN_US,
  'de-DE': DE_DE,
} as const satisfies Readonly<Record<string, LanguagePack>>;

export type SupportedLocale = keyof typeof PACKS;

/** Every locale the assistant speaks; the first is the fallback. */
export const LOCALES = Object.keys(PACKS) as readonly SupportedLocale[] as readonly [SupportedLocale, ...SupportedLocale[]];

/** The pack of a locale the assistant speaks. */
export function packOf(locale: SupportedLocale): LanguagePack {
  return PACKS[locale];
}
