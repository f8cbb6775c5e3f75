import * as z from 'zod';
import { buildCatalogVocabulary, type CatalogFacts } from '../catalog-vocabulary';
import { keptRead } from '../http/kept-read';
import { MAX_PRODUCTS_PER_PAGE, MAX_TERM_CHARS, MAX_TERMS_PER_ENTRY, MAX_VOCABULARY_ENTRIES } from '../http/wire-limits';
import type { Catalog, CurrencyCode, Product } from '../ports';
import type { CatalogTerms, PageRequest, ProductQuery } from '../product-query';
import type { MedusaApis } from './medusa-api';
import { attributesOf, BRAND_TAG, brandOf, NO_CATEGORY, productOf } from './medusa-mapping';
import { CategoryListSchema, type MedusaProduct, ProductListSchema, TagListSchema } from './medusa-wire';

export interface MedusaCatalogOptions {
  /** The region whose prices a shopper hears (the store's default region's). */
  readonly regionId: () => Promise<string>;
  readonly currency: CurrencyCode;
  /** How long the catalog's words are reused; 0 reads them every time. */
  readonly vocabularyTtlMs: number;
}

/** The fields of a product a spoken answer needs, with each variant's price in the region. */
const PRICED_FIELDS = 'id,handle,title,description,metadata,*categories,*tags,*options,*options.values,*variants,*variants.options,*variants.options.option,*variants.calculated_price';
/** The same with each variant's stock, which Medusa counts across the sales channel's locations: the dearest part of a read. */
export const PRODUCT_FIELDS = `${PRICED_FIELDS},+variants.inventory_quantity`;
/** What the catalog's words need of a product: no prices, no stock. */
const WORD_FIELDS = 'id,handle,title,*categories,*tags,*options,*options.values';
/** Products per page when prices or stock are read; more per page when only words are. */
const PAGE = 25;
const WORDS_PAGE = 100;
/** Products read to filter and rank one search: the Store API filters by category, tag and words, not by option or price. */
const MAX_CANDIDATES = 200;
/** Matching products whose stock is read, to rank those in stock first: a voice answer names three. */
const MAX_STOCK_READS = 50;
const HANDLE = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** The words shoppers use, kept by the store in a category's or tag's metadata `terms`: JSON, locale → words. */
const TermsSchema = z.record(z.string(), z.array(z.string().min(1).max(MAX_TERM_CHARS)).max(MAX_TERMS_PER_ENTRY).catch([])).catch({});

function termsOf(metadata: unknown): Record<string, readonly string[]> {
  const raw = (metadata as { terms?: unknown } | null | undefined)?.terms;
  if (raw === undefined) return {};
  try {
    return TermsSchema.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  } catch {
    return {};
  }
}

interface CatalogWords {
  readonly facts: CatalogFacts;
  readonly terms: Readonly<Record<string, CatalogTerms>>;
  readonly categoryIds: ReadonlyMap<string, string>;
  /** Tags products carry, by lower-case value: a tag kept only for its words (an option value's) narrows nothing. */
  readonly tagIds: ReadonlyMap<string, string>;
}

function matches(product: Product, query: ProductQuery): boolean {
  const { minMinor, maxMinor } = query.price;
  if (minMinor !== undefined && product.price.minor < minMinor) return false;
  if (maxMinor !== undefined && product.price.minor > maxMinor) return false;
  if (query.category && product.category !== query.category) return false;
  if (query.brand && product.brand.toLowerCase() !== query.brand.toLowerCase()) return false;
  return Object.entries(query.attributes).every(([name, values]) =>
    values.every((value) => (product.attributes[name] ?? []).some((own) => own.toLowerCase() === value.toLowerCase())),
  );
}

/**
 * Best first, as the embedded store ranks: in stock first, then products with a hint in their name
 * or words, then by price (cheapest first when asked or when no top price was named, else the
 * dearest under it), then by handle.
 */
function ranked(products: readonly Product[], query: ProductQuery): Product[] {
  const ascending = query.cheapestFirst || query.price.maxMinor === undefined;
  const hinted = (product: Product) => {
    if (query.hints.length === 0) return 0;
    const text = `${product.name} ${Object.values(product.attributes).flat().join(' ')}`.toLowerCase();
    return query.hints.some((hint) => text.includes(hint.toLowerCase())) ? 0 : 1;
  };
  return products
    .map((product, index) => ({ product, index }))
    .sort(
      (a, b) =>
        Number(a.product.stock <= 0) - Number(b.product.stock <= 0) ||
        hinted(a.product) - hinted(b.product) ||
        (ascending ? a.product.price.minor - b.product.price.minor : b.product.price.minor - a.product.price.minor) ||
        (a.product.id < b.product.id ? -1 : a.product.id > b.product.id ? 1 : a.index - b.index),
    )
    .map(({ product }) => product);
}

/**
 * The catalog over Medusa's Store API: products by handle, search narrowed by Medusa (category,
 * one tag, the shopper's words) and finished here (options, further tags, price, ranking), and the
 * catalog's words from its categories, tags and options (see medusa-mapping.ts).
 */
export function medusaCatalog(apis: MedusaApis, options: MedusaCatalogOptions): Catalog {
  async function products(operation: string, query: Record<string, unknown>, max: number, fields = PRODUCT_FIELDS): Promise<{ products: MedusaProduct[]; count: number }> {
    const found: MedusaProduct[] = [];
    let count = 0;
    const regionId = fields === WORD_FIELDS ? undefined : await options.regionId();
    const size = fields === WORD_FIELDS ? WORDS_PAGE : PAGE;
    for (let offset = 0; offset < max; offset += size) {
      const page = await apis.asStorefront({
        operation,
        path: '/store/products',
        query: { ...query, ...(regionId ? { region_id: regionId } : {}), fields, limit: Math.min(size, max - offset), offset },
        answer: ProductListSchema,
      });
      found.push(...page.products);
      count = page.count;
      if (page.products.length === 0 || offset + page.products.length >= page.count) break;
    }
    return { products: found, count };
  }

  async function readWords(): Promise<CatalogWords> {
    const [{ product_categories: categories }, { product_tags: tags }, catalog] = await Promise.all([
      apis.asStorefront({ operation: 'listCategories', path: '/store/product-categories', query: { fields: 'id,handle,metadata', limit: 1000 }, answer: CategoryListSchema.extend({ product_categories: z.array(z.object({ id: z.string(), handle: z.string(), metadata: z.unknown() })) }) }),
      apis.asStorefront({ operation: 'listTags', path: '/store/product-tags', query: { fields: 'id,value,metadata', limit: 1000 }, answer: TagListSchema.extend({ product_tags: z.array(z.object({ id: z.string(), value: z.string(), metadata: z.unknown() })) }) }),
      products('listProducts', {}, MAX_VOCABULARY_ENTRIES, WORD_FIELDS),
    ]);
    const attributes = new Map<string, { name: string; value: string }>();
    const brands = new Set<string>();
    const carried = new Set(catalog.products.flatMap((product) => (product.tags ?? []).map((tag) => tag.value.toLowerCase())));
    for (const product of catalog.products) {
      const brand = brandOf(product);
      if (brand) brands.add(brand);
      for (const [name, values] of Object.entries(attributesOf(product))) for (const value of values) attributes.set(`${name}:${value}`, { name, value });
    }
    const terms: Record<string, { categories: Record<string, readonly string[]>; attributeValues: Record<string, readonly string[]> }> = {};
    for (const category of categories) {
      for (const [locale, words] of Object.entries(termsOf(category.metadata))) ((terms[locale] ??= { categories: {}, attributeValues: {} }).categories[category.handle] = words);
    }
    for (const tag of tags) {
      for (const [locale, words] of Object.entries(termsOf(tag.metadata))) ((terms[locale] ??= { categories: {}, attributeValues: {} }).attributeValues[tag.value] = words);
    }
    return {
      facts: { categories: categories.map((category) => category.handle).filter((handle) => handle !== NO_CATEGORY), brands: [...brands], attributes: [...attributes.values()] },
      terms,
      categoryIds: new Map(categories.map((category) => [category.handle, category.id])),
      tagIds: new Map(tags.filter((tag) => carried.has(tag.value.toLowerCase())).map((tag) => [tag.value.toLowerCase(), tag.id])),
    };
  }
  const words = keptRead(() => readWords(), { ttlMs: options.vocabularyTtlMs });
  const catalogWords = () => words('catalog');

  return {
    async findById(productId) {
      if (!HANDLE.test(productId)) return undefined;
      const { products: found } = await products('retrieveProduct', { handle: productId }, 1);
      const product = found.find((candidate) => candidate.handle === productId);
      return product ? productOf('retrieveProduct', product, options.currency) : undefined;
    },
    async search(query: ProductQuery, page: PageRequest) {
      const offset = Number.isFinite(page.offset) ? Math.max(0, Math.trunc(page.offset)) : 0;
      const limit = Math.min(Number.isFinite(page.limit) ? Math.max(1, Math.trunc(page.limit)) : 10, MAX_PRODUCTS_PER_PAGE);
      const { categoryIds, tagIds } = await catalogWords();
      const filters: Record<string, unknown> = {};
      if (query.category) {
        const id = categoryIds.get(query.category);
        if (!id) return { total: 0, products: [] };
        filters.category_id = [id];
      }
      // Medusa's tag filter takes any of the tags given, so one narrows it; the others are checked here.
      const tag = query.brand ? `${BRAND_TAG}:${query.brand}` : Object.entries(query.attributes).map(([name, values]) => `${name}:${values[0]}`).find((candidate) => tagIds.has(candidate.toLowerCase()));
      const tagId = tag ? tagIds.get(tag.toLowerCase()) : undefined;
      if (tagId) filters.tag_id = [tagId];
      if (query.words.length > 0) filters.q = query.words.join(' ');
      // Priced first (options, tags and price narrow it), then the stock of what matched, to put what is in stock first.
      const found = await products('searchProducts', filters, MAX_CANDIDATES, PRICED_FIELDS);
      const priced = ranked(
        found.products.map((product) => productOf('searchProducts', { ...product, variants: (product.variants ?? []).map((variant) => ({ ...variant, manage_inventory: false })) }, options.currency)).filter((product) => matches(product, query)),
        query,
      );
      const idOf = new Map(found.products.map((product) => [product.handle, product.id]));
      const stockRead = priced.slice(0, MAX_STOCK_READS);
      const stocked = stockRead.length === 0 ? [] : (await products('searchProducts', { id: stockRead.map((product) => idOf.get(product.id)).filter((id) => id !== undefined) }, stockRead.length)).products;
      const byHandle = new Map(stocked.map((product) => [product.handle, productOf('searchProducts', product, options.currency)]));
      const matching = ranked([...stockRead.flatMap((product) => byHandle.get(product.id) ?? []), ...priced.slice(MAX_STOCK_READS)], query);
      const moreThanTotal = found.count > found.products.length;
      return { total: priced.length, ...(moreThanTotal ? { moreThanTotal } : {}), products: matching.slice(offset, offset + limit) };
    },
    async vocabulary(locale) {
      const { facts, terms } = await catalogWords();
      return buildCatalogVocabulary(facts, terms[locale] ?? { categories: {}, attributeValues: {} }, options.currency);
    },
  };
}
