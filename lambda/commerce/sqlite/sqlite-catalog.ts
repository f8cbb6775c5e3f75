import { buildCatalogVocabulary, type CatalogFacts } from '../catalog-vocabulary';
import type { Catalog, CurrencyCode } from '../ports';
import type { CatalogVocabulary } from '../product-query';
import { createCatalogTermsReader } from './sqlite-catalog-terms';
import type { SqliteDatabase } from './open-database';
import { spokenNamesOf, toProduct, type ProductRow } from './rows';
import { createSqliteProductSearch } from './sqlite-product-search';

const PRODUCT_COLUMNS = `id, sku, name, spoken_name, brand, category, description, price_minor, currency,
  stock, restock_on, final_sale, attributes, ${spokenNamesOf('products.id')}`;

/**
 * A vocabulary is rebuilt at most this often: catalogs change rarely, and building it reads every
 * distinct category, brand and attribute value.
 */
const VOCABULARY_TTL_MS = 5 * 60_000;

/**
 * `currency` is the store's (STORE_CURRENCY); without it, the currency most of the catalog is priced in.
 */
export function createSqliteCatalog(db: SqliteDatabase, clock: () => Date = () => new Date(), storeCurrency?: CurrencyCode): Catalog {
  const byId = db.prepare<[string], ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = ?`);
  const categories = db.prepare<[], { value: string }>('SELECT DISTINCT category AS value FROM products');
  const brands = db.prepare<[], { value: string }>('SELECT DISTINCT brand AS value FROM products');
  const attributes = db.prepare<[], { name: string; value: string }>('SELECT DISTINCT name, value FROM product_attributes');
  const currency = db.prepare<[], { currency: string }>('SELECT currency FROM products GROUP BY currency ORDER BY COUNT(*) DESC LIMIT 1');
  const termsFor = createCatalogTermsReader(db);
  const search = createSqliteProductSearch(db);
  const vocabularies = new Map<string, { builtAt: number; vocabulary: CatalogVocabulary }>();

  function facts(): CatalogFacts {
    return {
      categories: categories.all().map((row) => row.value),
      brands: brands.all().map((row) => row.value),
      attributes: attributes.all(),
    };
  }

  return {
    async findById(productId) {
      const row = byId.get(productId);
      return row ? toProduct(row) : undefined;
    },
    async search(query, page) {
      return search(query, page);
    },
    async vocabulary(locale) {
      const now = clock().getTime();
      const cached = vocabularies.get(locale);
      if (cached && now - cached.builtAt < VOCABULARY_TTL_MS) return cached.vocabulary;
      const code = storeCurrency ?? ((currency.get()?.currency ?? 'USD') as CurrencyCode);
      const vocabulary = buildCatalogVocabulary(facts(), termsFor(locale), code);
      vocabularies.set(locale, { builtAt: now, vocabulary });
      return vocabulary;
    },
  };
}
