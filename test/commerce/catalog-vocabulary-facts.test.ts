import { buildCatalogVocabulary } from '../../lambda/commerce/catalog-vocabulary';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import type { SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteCatalog } from '../../lambda/commerce/sqlite/sqlite-catalog';
import { createCatalogTermsReader } from '../../lambda/commerce/sqlite/sqlite-catalog-terms';
import { TEST_NOW } from '../support/test-app';
import { generatedCatalogDatabase } from './search-fixtures';

/**
 * The catalog's vocabulary reads each distinct category, brand and attribute value by seeking
 * from one to the next, not by reading every product (a million-product catalog took seconds).
 * It must find exactly what SELECT DISTINCT finds.
 */

function vocabularyByDistinct(db: SqliteDatabase, locale: string) {
  const values = (sql: string) => db.prepare<[], { value: string }>(sql).all().map((row) => row.value);
  const facts = {
    categories: values('SELECT DISTINCT category AS value FROM products ORDER BY 1'),
    brands: values('SELECT DISTINCT brand AS value FROM products ORDER BY 1'),
    attributes: db.prepare<[], { name: string; value: string }>('SELECT DISTINCT name, value FROM product_attributes ORDER BY 1, 2').all(),
  };
  return buildCatalogVocabulary(facts, createCatalogTermsReader(db)(locale), 'USD');
}

const demo = openEmbeddedStore(':memory:', { now: TEST_NOW });
const generated = generatedCatalogDatabase(2_000);
afterAll(() => {
  demo.close();
  generated.close();
});

describe.each([
  ['the demo catalog', demo.db],
  ['a generated catalog', generated],
])('the vocabulary of %s', (_label, db) => {
  it.each(['en-US', 'de-DE'])('holds every distinct category, brand and attribute value (%s)', async (locale) => {
    const vocabulary = await createSqliteCatalog(db, () => TEST_NOW, 'USD').vocabulary(locale);
    expect(vocabulary).toEqual(vocabularyByDistinct(db, locale));
    expect(vocabulary.attributes.length).toBeGreaterThan(50);
    expect(vocabulary.brands.length).toBeGreaterThan(10);
  });

  it('finds each next value by a seek, not by reading every product', () => {
    const steps = db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT (SELECT min(value) FROM product_attributes WHERE name = 'color' AND value > 'black'), (SELECT min(brand) FROM products WHERE brand > 'A')`,
      )
      .all()
      .map((row) => row.detail);
    expect(steps).toContain('SEARCH product_attributes USING PRIMARY KEY (name=? AND value>?)');
    expect(steps).toContain('SEARCH products USING COVERING INDEX products_by_brand_rank (brand>?)');
  });
});
