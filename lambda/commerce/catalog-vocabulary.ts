import type { CurrencyCode, Product } from './ports';
import type { CatalogTerms, CatalogVocabulary } from './product-query';

/** What a catalog contains, reduced to the distinct names a shopper could say. */
export interface CatalogFacts {
  readonly categories: readonly string[];
  readonly brands: readonly string[];
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
}

export function factsOf(products: readonly Pick<Product, 'category' | 'brand' | 'attributes'>[]): CatalogFacts {
  const attributes = new Map<string, { name: string; value: string }>();
  for (const product of products) {
    for (const [name, values] of Object.entries(product.attributes)) {
      for (const value of values) attributes.set(`${name}:${value}`, { name, value });
    }
  }
  return {
    categories: [...new Set(products.map((product) => product.category))],
    brands: [...new Set(products.map((product) => product.brand))],
    attributes: [...attributes.values()],
  };
}

/**
 * The vocabulary a catalog understands in one locale: its categories with the words for them,
 * every attribute value that occurs (with localised words where the store gives them), and brands.
 */
export function buildCatalogVocabulary(facts: CatalogFacts, terms: CatalogTerms, currency: CurrencyCode): CatalogVocabulary {
  return {
    currency,
    categories: [...facts.categories].sort().map((id) => ({ id, terms: [id.replace(/-/g, ' '), ...(terms.categories[id] ?? [])] })),
    attributes: [...facts.attributes]
      .sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value))
      .map(({ name, value }) => ({ name, value, terms: [value, ...(terms.attributeValues[`${name}:${value}`] ?? [])] })),
    brands: [...facts.brands].sort(),
  };
}
