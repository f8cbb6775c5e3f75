import deDE from '../../lambda/speech/locales/de-DE.json';
import enUS from '../../lambda/speech/locales/en-US.json';
import { supportedLocale } from '../../lambda/speech/i18n';

/**
 * The one list of replies allowed over the listen-time limit for now: each entry is a message
 * (lambda/speech/locales/) that makes a reply run over 15 seconds today. Issue 17 §2–§5 shorten
 * them; whoever rewrites a message removes its entry here, and an entry whose message is gone
 * fails every conversation test until it is removed. The replies still count in the printed
 * distribution ("> 15 s"); they are only not failed.
 */
export const KNOWN_LONG_MESSAGES: readonly { readonly key: string; readonly why: string }[] = [
  { key: 'orderStatus.onTheWayCount', why: 'reads up to three orders in full, every package, carrier and day' },
  { key: 'orderStatus.packages', why: 'reads each package of a split order with its carrier and day' },
  { key: 'returns.confirmReturn', why: 'item, order number, reason, refund and card, then the conditions' },
  { key: 'returns.created', why: 'return number, refund, card, label and deadline in one go' },
  { key: 'returns.insteadFound', why: 'lists the recent items after "I could not find it"' },
  { key: 'assistance.handoffFiled', why: 'follows a long intro (damaged item, repeated misunderstanding)' },
  { key: 'assistance.help', why: 'names every flow with an example' },
  { key: 'checkout.confirm', why: 'item, total, card digits and city, with any price, stock or quantity note before it' },
  { key: 'checkout.offerSimilar', why: 'out of stock, when it is back, and the alternative with its price' },
  { key: 'discovery.found', why: 'three products with detail, price and availability each' },
  { key: 'discovery.nextPage', why: 'the next three products, read as in discovery.found' },
  { key: 'discovery.detail', why: 'the whole catalog description, price, availability and colours' },
];

type Messages = { readonly [key: string]: string | Messages };
const LOCALE_MESSAGES: Readonly<Record<string, Messages>> = { 'en-US': enUS, 'de-DE': deDE };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every sentence stored under `key` in a locale: the key itself, or its plural forms. */
function templatesOf(messages: Messages, key: string): string[] {
  const path = key.split('.');
  const leaf = path.pop()!;
  let parent: Messages | string | undefined = messages;
  for (const part of path) parent = typeof parent === 'object' ? parent[part] : undefined;
  if (typeof parent !== 'object') return [];
  return Object.entries(parent)
    .filter(([name, value]) => typeof value === 'string' && (name === leaf || name.replace(PLURAL_SUFFIX, '') === leaf))
    .map(([, value]) => value as string);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A sentence with its placeholders open: the literal words in order, anything between them. */
function matcherOf(template: string): RegExp {
  const literals = template.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/).map((part) => escapeRegExp(part.replace(/\s+/g, ' ').trim()));
  return new RegExp(literals.filter((part) => part !== '').join('.*?'));
}

const MATCHERS: ReadonlyMap<string, readonly { readonly key: string; readonly pattern: RegExp }[]> = new Map(
  Object.entries(LOCALE_MESSAGES).map(([locale, messages]) => [
    locale,
    KNOWN_LONG_MESSAGES.flatMap(({ key }) => {
      const templates = templatesOf(messages, key);
      if (templates.length === 0) throw new Error(`test/support/listen-time-exceptions.ts: ${key} is no message in ${locale} any more; remove its entry`);
      return templates.map((template) => ({ key, pattern: matcherOf(template) }));
    }),
  ]),
);

/** The known-long message a reply says (its text, markup removed), if any; `locale` as the request had it. */
export function knownLongMessageIn(text: string, locale: string): string | undefined {
  return MATCHERS.get(supportedLocale(locale))?.find(({ pattern }) => pattern.test(text))?.key;
}
