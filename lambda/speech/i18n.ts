import type { Messages } from '../languages/pack';
import { LOCALES, PACKS, type SupportedLocale } from '../languages/packs';

export { LOCALES, type SupportedLocale };

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

/**
 * The messages are i18next's JSON format (nested keys, `{{name}}` values, `_one`/`_other` plural
 * keys), compiled once per locale into functions that fill in their values: a turn says a dozen
 * messages, and looking each up and parsing it again every time was a tenth of a turn's CPU. The
 * rules are i18next's as configured before: a message missing in a locale comes from en-US, a
 * `count` picks the plural form by the locale's plural rules (`_zero` first when the count is 0),
 * values go in as they are (no escaping, no nesting: SSML escaping happens once, in the speech
 * facade), a value not given leaves its `{{name}}` in place, and a key found nowhere reads as itself.
 * test/speech/message-templates.test.ts checks every message against i18next.
 */
type Values = Readonly<Record<string, string | number>>;
type Template = (values: Values) => string;

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

function compile(text: string): Template {
  const pieces = text.split(PLACEHOLDER);
  if (pieces.length === 1) return () => text;
  // split() with one capture group alternates literal text and value names: even indexes are text.
  return (values) => {
    let out = pieces[0] ?? '';
    for (let index = 1; index < pieces.length; index += 2) {
      const name = pieces[index] ?? '';
      const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      out += value === undefined ? (name in values ? '' : `{{${name}}}`) : String(value);
      out += pieces[index + 1] ?? '';
    }
    return out;
  };
}

function compileAll(messages: object, prefix: string, into: Map<string, Template>): Map<string, Template> {
  for (const [name, value] of Object.entries(messages)) {
    if (typeof value === 'string') into.set(`${prefix}${name}`, compile(value));
    else if (typeof value === 'object' && value !== null) compileAll(value, `${prefix}${name}.`, into);
  }
  return into;
}

interface CompiledLocale {
  readonly templates: ReadonlyMap<string, Template>;
  readonly plural: Intl.PluralRules;
}

const compiled = new Map<SupportedLocale, CompiledLocale>();

/** A locale's messages, compiled on first use (or by warmMessages at start-up). */
function compiledFor(locale: SupportedLocale): CompiledLocale {
  let found = compiled.get(locale);
  if (!found) {
    found = { templates: compileAll(PACKS[locale].messages(), '', new Map()), plural: new Intl.PluralRules(locale) };
    compiled.set(locale, found);
  }
  return found;
}

/** The message for a key in one locale, its plural form chosen by `count` when it has one. */
function templateIn(locale: SupportedLocale, key: string, count: unknown): Template | undefined {
  const { templates, plural } = compiledFor(locale);
  if (typeof count === 'number') {
    const form = (count === 0 ? templates.get(`${key}_zero`) : undefined) ?? templates.get(`${key}_${plural.select(count)}`) ?? templates.get(`${key}_other`);
    if (form) return form;
  }
  return templates.get(key);
}

/** Reads and compiles a locale's messages now, so that no turn pays for it. */
export function warmMessages(locale: SupportedLocale): void {
  compiledFor(locale);
}

export function supportedLocale(locale: string): SupportedLocale {
  const exact = LOCALES.find((candidate) => candidate.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const language = locale.split('-')[0]?.toLowerCase();
  return LOCALES.find((candidate) => candidate.split('-')[0] === language) ?? LOCALES[0];
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: SupportedLocale): Translate {
  const lookups = locale === LOCALES[0] ? [locale] : [locale, LOCALES[0]];
  return (key, values = {}) => {
    for (const lookup of lookups) {
      const template = templateIn(lookup, key, values.count);
      if (template) return template(values);
    }
    return key;
  };
}

/** Whether a message exists in this locale itself (not through the fallback). */
export function hasMessage(locale: SupportedLocale, key: string): boolean {
  return compiledFor(locale).templates.has(key);
}
