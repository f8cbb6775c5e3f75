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
 * A column's distinct values, each found by one seek in an index that starts with the column
 * (`where` narrows to one leading value first): a large catalog has few of them but many rows,
 * which SELECT DISTINCT would read every one of.
 */
function distinctValues(table: string, column: string, where = ''): string {
  const narrowed = where === '' ? '' : `${where} AND `;
  return `WITH RECURSIVE found(value) AS (
      SELECT min(${column}) FROM ${table} ${where === '' ? '' : `WHERE ${where}`}
      UNION ALL
      SELECT (SELECT min(${column}) FROM ${table} WHERE ${narrowed}${column} > found.value) FROM found WHERE found.value IS NOT NULL
    )
    SELECT value FROM found WHERE value IS NOT NULL`;
}

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
  const categories = db.prepare<[], { value: string }>(distinctValues('products', 'category'));
  const brands = db.prepare<[], { value: string }>(distinctValues('products', 'brand'));
  const attributeNames = db.prepare<[], { value: string }>(distinctValues('product_attributes', 'name'));
  const attributeValues = db.prepare<[{ name: string }], { value: string }>(distinctValues('product_attributes', 'value', 'name = :name'));
  const currency = db.prepare<[], { currency: string }>('SELECT currency FROM products GROUP BY currency ORDER BY COUNT(*) DESC LIMIT 1');
  const termsFor = createCatalogTermsReader(db);
  const search = createSqliteProductSearch(db);
  const vocabularies = new Map<string, { builtAt: number; vocabulary: CatalogVocabulary }>();

  function facts(): CatalogFacts {
    return {
      categories: categories.all().map((row) => row.value),
      brands: brands.all().map((row) => row.value),
      attributes: attributeNames.all().flatMap(({ value: name }) => attributeValues.all({ name }).map(({ value }) => ({ name, value }))),
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
