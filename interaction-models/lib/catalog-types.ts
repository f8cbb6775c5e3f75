import { sizeValueId } from '../../lambda/flows/checkout/size-change';
import { isSpokenWord } from './alexa-checks';
import type { CatalogSnapshot } from './catalog-source';
import type { CatalogFill, LocaleModel, Source, TypeDefinition } from './schema';
import { normalizeSample } from './source-checks';

/**
 * Slot types filled from the store's catalog when the models are generated, so that Alexa and
 * Google hear the store's own products: "the Stormline rain jacket", "my hiking boots".
 *
 * - `items`: one value per catalog category. The id is the category id, which the flows compare
 *   with an order line's category when the shopper's words name nothing they bought; the words are
 *   the category's words in the locale, the products' spoken names and their product types (the
 *   end of a spoken name without the proper names before it: "running shoes", "shoes"). A phrase
 *   that two categories claim names neither: it would steer the flows to the wrong things.
 * - `attributes`: one value per value of the catalog's search attributes ("waterproof",
 *   "hiking", "blue"), with the locale's words for it. The discovery flow reads the words, not the
 *   id, so a phrase two values share simply stays with the first.
 *
 * - `sizes`: one value per size the catalog's products come in (their `size` option). A lettered
 *   size keeps the id the checkout flow reads ("XL" → extra-large) and is said spelled ("xl",
 *   "x. l.") and in the locale's words for it, which are that id's own values in the locale file
 *   ("extra large"); a size of several ("L/XL") is said as its parts ("large extra large", "l. x.
 *   l."); any other ("one size", "king") as written. A size with digits ("10.5", "12 oz") is left
 *   to the number slot.
 *
 * A value every locale cannot say is left out of all of them, so the locales keep the same ids.
 */

type Values = Record<string, string[]>;

/** A catalog phrase as both platforms take it (lowercase, plain words), or undefined when it cannot be said so (digits, symbols). */
export function spokenPhrase(text: string, locale: string): string | undefined {
  const words = text
    .replace(/[’‘]/g, "'")
    .toLocaleLowerCase(locale)
    .split(/[\s,;:/()"!?]+/)
    // "kids'" is said "kids".
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
  return words.length > 0 && words.every(isSpokenWord) ? words.join(' ') : undefined;
}

function spoken(texts: readonly string[], locale: string): string[] {
  const phrases: string[] = [];
  for (const text of texts) {
    const phrase = spokenPhrase(text, locale);
    if (phrase !== undefined && !phrases.includes(phrase)) phrases.push(phrase);
  }
  return phrases;
}

/**
 * "Trailblazer waterproof running shoes" → "running shoes", "shoes": the last two words and the
 * last word, as long as they are common words (proper names are capitalised in the catalog). In a
 * language that capitalises every noun this finds nothing, and the full spoken names still count.
 */
export function productTypes(spokenName: string): string[] {
  const tokens = spokenName.split(/\s+/).filter((token) => token !== '');
  const common: string[] = [];
  for (let index = tokens.length - 1; index >= 0 && common.length < 2; index -= 1) {
    const token = tokens[index] ?? '';
    if (!/^\p{Ll}/u.test(token)) break;
    common.unshift(token);
  }
  return common.length === 2 ? [common.join(' '), common[1] ?? ''] : common;
}

/** Sorted, so that the models do not change with the order a store lists its products in. */
function categoriesOf(catalog: CatalogSnapshot): string[] {
  return [...new Set(catalog.products.map((product) => product.category))].sort();
}

/** Phrase → the values that claim it. */
function owners(claims: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const byPhrase = new Map<string, Set<string>>();
  for (const [id, phrases] of claims) {
    for (const phrase of phrases) {
      const key = normalizeSample(phrase);
      byPhrase.set(key, (byPhrase.get(key) ?? new Set()).add(id));
    }
  }
  return byPhrase;
}

export function itemValues(catalog: CatalogSnapshot, locale: string): Values {
  const terms = catalog.terms[locale]?.categories ?? {};
  const categories = categoriesOf(catalog);
  // The category's own words come first: the locale's first word names the value.
  const curated = new Map(categories.map((id) => [id, spoken([...(terms[id] ?? []), id.replace(/-/g, ' ')], locale)]));
  const derived = new Map(
    categories.map((id) => [
      id,
      spoken(
        catalog.products.filter((product) => product.category === id).flatMap((product) => [product.spokenName, ...productTypes(product.spokenName)]),
        locale,
      ).sort(),
    ]),
  );
  const curatedOwners = owners(curated);
  const derivedOwners = owners(derived);
  const values: Values = {};
  for (const id of categories) {
    const own = (curated.get(id) ?? []).filter((phrase) => curatedOwners.get(normalizeSample(phrase))?.size === 1);
    const more = (derived.get(id) ?? []).filter((phrase) => {
      const key = normalizeSample(phrase);
      return !curatedOwners.has(key) && derivedOwners.get(key)?.size === 1;
    });
    const phrases = [...own, ...more.filter((phrase) => !own.includes(phrase))];
    if (phrases.length > 0) values[id] = phrases;
  }
  return values;
}

/** "feature", "water-resistant" → "feature-water-resistant". */
function valueId(name: string, value: string): string {
  return `${name} ${value}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The search attributes' values, the attributes in the order given and the values most products
 * carry first. In the catalog's own language the value itself names it ("waterproof"); elsewhere
 * the locale's word does ("wasserdicht"), and the value is kept as a synonym, as the catalog's
 * vocabulary keeps it.
 */
export function attributeValues(catalog: CatalogSnapshot, locale: string, searchAttributes: readonly string[], ownLanguage: boolean): Values {
  const counts = new Map<string, { name: string; value: string; products: number }>();
  for (const product of catalog.products) {
    for (const name of searchAttributes) {
      for (const value of new Set(product.attributes[name] ?? [])) {
        const key = `${name}:${value}`;
        const entry = counts.get(key) ?? { name, value, products: 0 };
        counts.set(key, { ...entry, products: entry.products + 1 });
      }
    }
  }
  const ordered = [...counts.values()].sort(
    (a, b) => searchAttributes.indexOf(a.name) - searchAttributes.indexOf(b.name) || b.products - a.products || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  const terms = catalog.terms[locale]?.attributeValues ?? {};
  const taken = new Set<string>();
  const values: Values = {};
  for (const { name, value } of ordered) {
    const localWords = terms[`${name}:${value}`] ?? [];
    const phrases = spoken(ownLanguage ? [value, ...localWords] : [...localWords, value], locale).filter((phrase) => !taken.has(normalizeSample(phrase)));
    if (phrases.length === 0) continue;
    for (const phrase of phrases) taken.add(normalizeSample(phrase));
    const id = valueId(name, value);
    values[id] = [...(values[id] ?? []), ...phrases];
  }
  return values;
}

/** The lettered sizes by the SizeChoice ids the checkout flow reads (lambda/flows/checkout/size-change.ts). */
const LETTERED_SIZE_IDS: Readonly<Record<string, string>> = {
  XS: 'extra-small',
  S: 'small',
  M: 'medium',
  L: 'large',
  XL: 'extra-large',
  XXL: 'double-extra-large',
};

/** "XL" → "xl", "x. l.", "x l": how the letters are written and how Alexa hears them spelled; "L" → "l.". */
function spelled(letters: string): string[] {
  const lower = letters.toLowerCase();
  const single = [...lower];
  // A letter alone is said only spelled ("l."): as a bare word it is too easily heard in others.
  if (single.length === 1) return [`${lower}.`];
  return [lower, single.map((letter) => `${letter}.`).join(' '), single.join(' ')];
}

/**
 * The catalog's sizes, most products first. `words` are the locale file's own values of the type:
 * a lettered size is said in them too ("extra large"), and so are the parts of a size of several.
 */
export function sizeValues(catalog: CatalogSnapshot, locale: string, words: Readonly<Values> = {}): Values {
  const counts = new Map<string, number>();
  for (const product of catalog.products) for (const size of new Set(product.attributes.size ?? [])) counts.set(size, (counts.get(size) ?? 0) + 1);
  const sizes = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([size]) => size.trim());
  const wordsFor = (letters: string): string[] => {
    const id = LETTERED_SIZE_IDS[letters];
    return [...(id ? (words[id] ?? []) : []), ...spelled(letters)];
  };
  const taken = new Set<string>();
  const values: Values = {};
  for (const size of sizes) {
    const parts = size.toUpperCase().split(/\s*\/\s*/);
    const lettered = parts.every((part) => LETTERED_SIZE_IDS[part] !== undefined);
    let id: string;
    let phrases: string[];
    if (lettered && parts.length === 1) {
      id = LETTERED_SIZE_IDS[parts[0]!]!;
      phrases = spoken(wordsFor(parts[0]!), locale);
    } else if (lettered) {
      id = sizeValueId(size);
      const forms = parts.map(wordsFor);
      // The parts in the locale's first words, then spelled: "large extra large", "l. x. l.", "l xl".
      const letterByLetter = parts.map((part) => [...part.toLowerCase()].map((letter) => `${letter}.`).join(' ')).join(' ');
      phrases = spoken([forms.map((form) => form[0]).join(' '), letterByLetter, parts.map((part) => part.toLowerCase()).join(' ')], locale);
    } else {
      id = sizeValueId(size);
      phrases = spoken([size], locale);
    }
    phrases = phrases.filter((phrase) => !taken.has(normalizeSample(phrase)));
    if (id === '' || phrases.length === 0 || values[id]) continue;
    for (const phrase of phrases) taken.add(normalizeSample(phrase));
    values[id] = phrases;
  }
  return values;
}

function catalogValues(fill: CatalogFill, catalog: CatalogSnapshot, model: LocaleModel, source: Source, type: TypeDefinition): Values {
  if (fill === 'items') return itemValues(catalog, model.locale);
  if (fill === 'sizes') {
    const sizes = sizeValues(catalog, model.locale, type.values);
    // The locale's own values keep their places (the sample phrases use the first ones); the catalog's other sizes follow.
    return { ...Object.fromEntries(Object.entries(type.values).map(([id, phrases]) => [id, sizes[id] ?? [...phrases]])), ...sizes };
  }
  const language = catalog.language ?? source.project.google.defaultLocale.slice(0, 2);
  return attributeValues(catalog, model.locale, source.project.catalog.searchAttributes, model.locale.startsWith(`${language}-`));
}

/** The catalog's values with the locale's own `values` added: new ids after them, words for a catalog id onto it. */
function merged(generated: Values, handWritten: Readonly<Values>): Values {
  const handWords = new Set(Object.values(handWritten).flatMap((phrases) => phrases.map(normalizeSample)));
  const values: Values = {};
  for (const [id, phrases] of Object.entries(generated)) {
    // A word the locale file gives a value of its own belongs to that value only.
    const kept = phrases.filter((phrase) => !handWords.has(normalizeSample(phrase)) || handWritten[id]?.some((own) => normalizeSample(own) === normalizeSample(phrase)));
    if (kept.length > 0) values[id] = kept;
  }
  for (const [id, phrases] of Object.entries(handWritten)) {
    const known = new Set((values[id] ?? []).map(normalizeSample));
    values[id] = [...(values[id] ?? []), ...phrases.filter((phrase) => !known.has(normalizeSample(phrase)))];
  }
  return values;
}

/** Fills every `catalog:` type of every locale from `catalog`, keeping the ids every locale has. */
export function withCatalog(source: Source, catalog: CatalogSnapshot): Source {
  const generated = source.locales.map((model) =>
    Object.fromEntries(
      Object.entries(model.types).flatMap(([name, type]) => (type.catalog ? [[name, catalogValues(type.catalog, catalog, model, source, type)] as const] : [])),
    ),
  );
  const common = (typeName: string) => {
    const [first, ...rest] = generated.map((byType) => new Set(Object.keys(byType[typeName] ?? {})));
    return new Set([...(first ?? [])].filter((id) => rest.every((ids) => ids.has(id))));
  };
  const locales = source.locales.map((model, index) => {
    const types: Record<string, TypeDefinition> = {};
    for (const [name, type] of Object.entries(model.types)) {
      const values = generated[index]?.[name];
      if (values === undefined) {
        types[name] = type;
        continue;
      }
      const shared = common(name);
      const kept = Object.fromEntries(Object.entries(values).filter(([id]) => shared.has(id)));
      types[name] = { ...type, values: merged(kept, type.values) };
    }
    return { ...model, types };
  });
  return { ...source, locales };
}
