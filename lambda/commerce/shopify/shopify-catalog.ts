import * as z from '../../zod-mini';
import { buildCatalogVocabulary, type CatalogFacts } from '../catalog-vocabulary';
import { StoreDataError } from '../commerce-errors';
import { keptRead } from '../http/kept-read';
import { MAX_PRODUCTS_PER_PAGE, MAX_TERM_CHARS, MAX_TERMS_PER_ENTRY } from '../http/wire-limits';
import { type Catalog, CURRENCY_CODES, type CurrencyCode, type Product } from '../ports';
import type { CatalogTerms, PageRequest, ProductQuery } from '../product-query';
import type { ShopifyApis } from './shopify-apis';
import { CATALOG_PAGE, PRODUCT_BY_ID, PRODUCT_SEARCH } from './shopify-documents';
import { globalIdOf } from './shopify-ids';
import { attributeName, attributesOf, categoryOf, NO_CATEGORY, productOf } from './shopify-mapping';
import { CatalogPageSchema, MAX_CATALOG_WORDS, ProductByIdSchema, ProductSearchSchema } from './shopify-wire';

export interface ShopifyCatalogOptions {
  /** How long the catalog's words are reused; 0 reads them every time. */
  readonly vocabularyTtlMs: number;
  /** The store's currency, when Shopify's localization names one Shopvoice does not speak. */
  readonly currency: CurrencyCode;
}

/** A product id as the ports carry it: Shopify's own id, never anything that could change the global id. */
const PRODUCT_ID = /^[A-Za-z0-9_-]{1,80}$/;
/** Shopify gives at most 250 items per page. */
const MAX_FIRST = 250;
/** Pages of 250 products read for the catalog's words: as many as the vocabulary holds entries. */
const MAX_CATALOG_PAGES = Math.ceil(MAX_CATALOG_WORDS / MAX_FIRST);

/**
 * The words shoppers use for the catalog, kept by the store in the shop metafield
 * `shopvoice.vocabulary`: JSON, locale → { categories: { type: [words] }, attributeValues:
 * { "name:value": [words] } }. Anything malformed in it is left out, never the catalog itself.
 */
const TermListSchema = z.catch(z.array(z.string().check(z.minLength(1), z.maxLength(MAX_TERM_CHARS))).check(z.maxLength(MAX_TERMS_PER_ENTRY)), []);
const TermsByLocaleSchema = z.record(
  z.string(),
  z.catch(
    z.object({ categories: z.catch(z.record(z.string(), TermListSchema), {}), attributeValues: z.catch(z.record(z.string(), TermListSchema), {}) }),
    { categories: {}, attributeValues: {} },
  ),
);

interface CatalogWords {
  readonly facts: CatalogFacts;
  readonly terms: Readonly<Record<string, CatalogTerms>>;
  readonly currency: CurrencyCode;
  /** Attribute name (lower case) → the option's name as the store wrote it, for options rather than tags. */
  readonly options: ReadonlyMap<string, string>;
}

const EMPTY_TERMS: CatalogTerms = { categories: {}, attributeValues: {} };

function termsFrom(json: string | undefined): Record<string, CatalogTerms> {
  if (json === undefined) return {};
  try {
    const parsed = TermsByLocaleSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Every filter value a product must have: different filters narrow each other, values of one filter widen (Shopify's rule), so only one value per filter is sent and the rest are checked here. */
function matchesAll(product: Product, query: ProductQuery): boolean {
  return Object.entries(query.attributes).every(([name, values]) =>
    values.every((value) => (product.attributes[name] ?? []).some((own) => own.toLowerCase() === value.toLowerCase())),
  );
}

/** Products with a hint in their name or words first, the rest after, each in Shopify's order. */
function hintsFirst(products: readonly Product[], hints: readonly string[]): Product[] {
  if (hints.length === 0) return [...products];
  const hinted = (product: Product) => {
    const text = `${product.name} ${Object.values(product.attributes).flat().join(' ')}`.toLowerCase();
    return hints.some((hint) => text.includes(hint.toLowerCase()));
  };
  return [...products.filter(hinted), ...products.filter((product) => !hinted(product))];
}

/**
 * The catalog over the Storefront API: `search` with product filters (product type, vendor,
 * options, `name:value` tags, price), products by id, and the catalog's words read from the
 * products themselves (see shopify-mapping.ts for the conventions).
 */
export function shopifyCatalog(apis: ShopifyApis, options: ShopifyCatalogOptions): Catalog {
  async function readWords(): Promise<CatalogWords> {
    const products: z.output<typeof CatalogPageSchema>['products']['nodes'] = [];
    let after: string | null = null;
    let page: z.output<typeof CatalogPageSchema> | undefined;
    for (let read = 0; read < MAX_CATALOG_PAGES; read += 1) {
      page = await apis.storefront(CATALOG_PAGE, { first: MAX_FIRST, after }, CatalogPageSchema);
      products.push(...page.products.nodes);
      after = page.products.pageInfo.hasNextPage ? page.products.pageInfo.endCursor : null;
      if (!after) break;
    }
    const attributes = new Map<string, { name: string; value: string }>();
    const optionNames = new Map<string, string>();
    for (const product of products) {
      for (const option of product.options) optionNames.set(attributeName(option.name), option.name);
      for (const [name, values] of Object.entries(attributesOf(product))) for (const value of values) attributes.set(`${name}:${value}`, { name, value });
    }
    const categories = products.map((product) => categoryOf(product.productType)).filter((category) => category !== NO_CATEGORY);
    const brands = products.map((product) => product.vendor.trim()).filter((brand) => brand !== '');
    const isoCode = page?.localization.country.currency.isoCode ?? options.currency;
    return {
      facts: { categories: [...new Set(categories)], brands: [...new Set(brands)], attributes: [...attributes.values()] },
      terms: termsFrom(page?.shop.vocabulary?.value),
      currency: (CURRENCY_CODES as readonly string[]).includes(isoCode) ? (isoCode as CurrencyCode) : options.currency,
      options: optionNames,
    };
  }
  // The catalog's words are read from every product: once for all locales, and kept a while.
  const words = keptRead(() => readWords(), { ttlMs: options.vocabularyTtlMs });
  const catalogWords = () => words('catalog');

  function filtersFor(query: ProductQuery, optionNames: ReadonlyMap<string, string>): Record<string, unknown>[] {
    const filters: Record<string, unknown>[] = [];
    if (query.category) filters.push({ productType: query.category });
    if (query.brand) filters.push({ productVendor: query.brand });
    for (const [name, values] of Object.entries(query.attributes)) {
      const value = values[0];
      if (value === undefined) continue;
      const option = optionNames.get(name) ?? (name === 'color' || name === 'size' ? name : undefined);
      filters.push(option ? { variantOption: { name: option, value } } : { tag: `${name}:${value}` });
    }
    const { minMinor, maxMinor } = query.price;
    if (minMinor !== undefined || maxMinor !== undefined) {
      filters.push({ price: { ...(minMinor !== undefined ? { min: Math.max(0, minMinor) / 100 } : {}), ...(maxMinor !== undefined ? { max: Math.max(0, maxMinor) / 100 } : {}) } });
    }
    return filters;
  }

  return {
    async findById(productId) {
      if (!PRODUCT_ID.test(productId)) return undefined;
      const { product } = await apis.storefront(PRODUCT_BY_ID, { id: globalIdOf('Product', productId) }, ProductByIdSchema);
      if (!product) return undefined;
      const found = productOf(PRODUCT_BY_ID.name, product);
      if (found.id !== productId) throw new StoreDataError(PRODUCT_BY_ID.name, 'id: not the product asked for');
      return found;
    },
    async search(query: ProductQuery, page: PageRequest) {
      const offset = Number.isFinite(page.offset) ? Math.max(0, Math.trunc(page.offset)) : 0;
      const limit = Math.min(Number.isFinite(page.limit) ? Math.max(1, Math.trunc(page.limit)) : 10, MAX_PRODUCTS_PER_PAGE);
      if (offset >= MAX_FIRST) return { total: 0, products: [] };
      const { options: optionNames } = await catalogWords();
      const answer = await apis.storefront(
        PRODUCT_SEARCH,
        {
          // Shopify's search needs words: the shopper's own, or else what they named (a category, a brand).
          query: query.words.length > 0 ? query.words.join(' ') : '',
          filters: filtersFor(query, optionNames),
          first: Math.min(offset + limit, MAX_FIRST),
          sortKey: query.cheapestFirst ? 'PRICE' : 'RELEVANCE',
        },
        ProductSearchSchema,
      );
      const found = answer.search.nodes.flatMap((node) => (node ? [productOf(PRODUCT_SEARCH.name, node)] : []));
      const matching = found.filter((product) => matchesAll(product, query));
      const ranked = hintsFirst(matching, query.hints);
      // Products a second value of one filter left out are not counted either.
      const total = Math.max(0, answer.search.totalCount - (found.length - matching.length));
      return { total, products: ranked.slice(offset, offset + limit) };
    },
    async vocabulary(locale) {
      const { facts, terms, currency } = await catalogWords();
      return buildCatalogVocabulary(facts, terms[locale] ?? EMPTY_TERMS, currency);
    },
  };
}
