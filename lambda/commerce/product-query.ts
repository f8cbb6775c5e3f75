import type { CurrencyCode, Product } from './ports';

/** Price bounds in minor units of the catalog's currency; either bound may be open. */
export interface PriceRange {
  readonly minMinor?: number;
  readonly maxMinor?: number;
}

/** What a shopper asked for, structured so any search engine (ours or the store's) can run it. */
export interface ProductQuery {
  readonly category?: string;
  /** Attribute name → values; a product must have every value asked for. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly brand?: string;
  /** Words no vocabulary explained: they still narrow the search as text. */
  readonly words: readonly string[];
  /** Words that rank matching products first without excluding others ("headphones" within audio). */
  readonly hints: readonly string[];
  readonly price: PriceRange;
  /** "cheap", "budget": cheapest first rather than most relevant first. */
  readonly cheapestFirst: boolean;
}

/** The words a catalog understands, taken from the catalog itself. */
export interface CatalogVocabulary {
  readonly currency: CurrencyCode;
  /** Category id with the words shoppers use for it in this locale ("coat", "parka" → jackets). */
  readonly categories: readonly { readonly id: string; readonly terms: readonly string[] }[];
  /** Every attribute value in the catalog with the words for it, e.g. feature/waterproof: ["waterproof", "rainproof"]. */
  readonly attributes: readonly { readonly name: string; readonly value: string; readonly terms: readonly string[] }[];
  readonly brands: readonly string[];
}

export const EMPTY_QUERY: ProductQuery = { attributes: {}, words: [], hints: [], price: {}, cheapestFirst: false };

/** The words shoppers use for a catalog in one locale: store data, like the products. */
export interface CatalogTerms {
  /** Category id → words for it. */
  readonly categories: Readonly<Record<string, readonly string[]>>;
  /** "name:value" → further words for that attribute value (the value itself always counts). */
  readonly attributeValues: Readonly<Record<string, readonly string[]>>;
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

export interface ProductPage {
  /** How many products match in all; with `moreThanTotal`, how many were counted before counting stopped. */
  readonly total: number;
  /** More than `total` products match: a large catalog stops counting once the number no longer matters. */
  readonly moreThanTotal?: boolean;
  readonly products: readonly Product[];
}
