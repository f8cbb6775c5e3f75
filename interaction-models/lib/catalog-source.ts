import fs from 'node:fs';
import { z } from 'zod';
import type { Catalog, Product } from '../../lambda/commerce/ports';
import { EMPTY_QUERY, type CatalogTerms } from '../../lambda/commerce/product-query';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { SourceError } from './source-error';

/**
 * The store's catalog as the model generator reads it: what each product is called and carries,
 * and the words shoppers use for its categories and attribute values per locale. It comes from the
 * embedded demo catalog, from a JSON file a store exports, or from any store through the Catalog
 * port (`npm run models -- --export-catalog`).
 */

export type CatalogProduct = Pick<Product, 'category' | 'spokenName' | 'attributes'>;

export interface CatalogSnapshot {
  /** The language the catalog's own words (spoken names, attribute values) are written in: `en`, `de`. */
  readonly language?: string;
  readonly products: readonly CatalogProduct[];
  /** Locale → the words shoppers use for categories and attribute values there. */
  readonly terms: Readonly<Record<string, CatalogTerms>>;
}

export function demoCatalog(): CatalogSnapshot {
  return {
    language: 'en',
    products: DEMO_PRODUCTS.map(({ category, spokenName, attributes }) => ({ category, spokenName, attributes })),
    terms: DEMO_CATALOG_TERMS,
  };
}

const WordsSchema = z.record(z.string().min(1), z.array(z.string().trim().min(1)));

const TermsSchema = z.strictObject({
  categories: WordsSchema.default({}),
  /** Keyed `name:value`, e.g. `feature:waterproof`. */
  attributeValues: WordsSchema.default({}),
});

/** Products carry more (id, price, stock): what the generator does not read is ignored. */
const ProductSchema = z.object({
  category: z.string().trim().min(1),
  spokenName: z.string().trim().min(1),
  attributes: z.record(z.string().min(1), z.array(z.string())).default({}),
});

const SnapshotSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2}$/, 'a language code such as en or de').optional(),
  products: z.array(ProductSchema).min(1),
  terms: z.record(z.string().regex(/^[a-z]{2}-[A-Z]{2}$/, 'a locale such as en-US'), TermsSchema).default({}),
});

/** A catalog file: the snapshot object, or a bare array of products (what `npm run catalog:audit -- --file` reads). */
const CatalogFileSchema = z.preprocess((json) => (Array.isArray(json) ? { products: json } : json), SnapshotSchema);

export function parseCatalog(file: string, text: string): CatalogSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SourceError([`${file}: ${(error as Error).message}`]);
  }
  const result = CatalogFileSchema.safeParse(json);
  if (!result.success) {
    throw new SourceError(result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return result.data;
}

export function readCatalogFile(file: string): CatalogSnapshot {
  if (!fs.existsSync(file)) throw new SourceError([`${file}: no such catalog file`]);
  return parseCatalog(file, fs.readFileSync(file, 'utf8'));
}

const PAGE = 200;

/** Reads every product and each locale's words through the Catalog port, as any store adapter serves them. */
export async function readCatalogThroughPort(catalog: Catalog, locales: readonly string[], language?: string): Promise<CatalogSnapshot> {
  const products: CatalogProduct[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await catalog.search(EMPTY_QUERY, { offset, limit: PAGE });
    products.push(...page.products.map(({ category, spokenName, attributes }) => ({ category, spokenName, attributes })));
    if (page.products.length === 0 || offset + page.products.length >= page.total) break;
  }
  products.sort((a, b) => a.category.localeCompare(b.category) || a.spokenName.localeCompare(b.spokenName));
  const terms: Record<string, CatalogTerms> = {};
  for (const locale of locales) {
    const vocabulary = await catalog.vocabulary(locale);
    terms[locale] = {
      categories: Object.fromEntries(vocabulary.categories.map((category) => [category.id, [...category.terms]])),
      attributeValues: Object.fromEntries(vocabulary.attributes.map((attribute) => [`${attribute.name}:${attribute.value}`, [...attribute.terms]])),
    };
  }
  return { ...(language ? { language } : {}), products, terms };
}
