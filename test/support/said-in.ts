import type { MessageKey } from '../../lambda/speech/i18n';
import { PACKS, type SupportedLocale } from '../../lambda/languages/packs';

/**
 * Whether a reply says a message in a given locale: the message's words as that locale's pack writes
 * them, its values (names, prices, dates) anything. A reply in the wrong language does not match,
 * since no two packs word a message the same way (en-US and en-GB aside, where that is the point).
 */

const PLURAL = /_(zero|one|two|few|many|other)$/;

function templatesOf(messages: unknown, key: string): string[] {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: unknown = messages;
  for (const part of parts) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node as Record<string, unknown>)
    .filter(([name, value]) => typeof value === 'string' && (name === last || name.replace(PLURAL, '') === last))
    .map(([, value]) => value as string);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** The message as a pattern: its own words exactly, each value any text. */
export function messagePattern(locale: SupportedLocale, key: MessageKey): RegExp {
  const templates = templatesOf(PACKS[locale].messages(), key);
  if (templates.length === 0) throw new Error(`${locale} has no message ${key}`);
  const alternatives = templates.map((template) =>
    template
      .split(/\{\{\s*[^{}]+?\s*\}\}/)
      .map(escape)
      .join('.+?'),
  );
  return new RegExp(`(?:${alternatives.join('|')})`, 'u');
}

/** Whether `text` (a reply without markup) says `key` as `locale` words it. */
export function saysMessage(text: string, locale: SupportedLocale, key: MessageKey): boolean {
  return messagePattern(locale, key).test(text);
}

/** The locales, other than `locale`, whose wording of `key` the text says: empty for a reply in one language. */
export function otherLanguagesSaying(text: string, locale: SupportedLocale, key: MessageKey): SupportedLocale[] {
  const own = PACKS[locale].messages();
  return (Object.keys(PACKS) as SupportedLocale[]).filter(
    (other) => other !== locale && JSON.stringify(templatesOf(PACKS[other].messages(), key)) !== JSON.stringify(templatesOf(own, key)) && saysMessage(text, other, key),
  );
}
