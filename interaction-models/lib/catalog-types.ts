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

function catalogValues(fill: CatalogFill, catalog: CatalogSnapshot, model: LocaleModel, source: Source): Values {
  if (fill === 'items') return itemValues(catalog, model.locale);
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
      Object.entries(model.types).flatMap(([name, type]) => (type.catalog ? [[name, catalogValues(type.catalog, catalog, model, source)] as const] : [])),
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
