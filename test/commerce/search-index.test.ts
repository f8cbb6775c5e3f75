import { EMPTY_QUERY } from '../../lambda/commerce/product-query';
import { type CatalogRecord, loadProductsInBulk } from '../../lambda/commerce/sqlite/catalog-bulk-load';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { MIGRATIONS, migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase, type SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteProductSearch } from '../../lambda/commerce/sqlite/sqlite-product-search';
import { TEST_NOW } from '../support/test-app';
import { generatedRecords } from './search-fixtures';

/**
 * What search reads beside the products — one row per attribute value in ranking order, and the
 * full-text index — must always say what the products say: after a bulk load, after each later
 * insert, update and delete (the triggers), and after the schema step that introduced them.
 */

const ATTRIBUTE_ROWS = 'SELECT name, value, category, in_stock, price_minor, product_rowid FROM product_attributes ORDER BY 1, 2, 3, 4, 5, 6';
/** The same rows derived afresh from the products' own columns. */
const DERIVED_ROWS = `SELECT a.key AS name, v.value AS value, p.category, p.stock > 0 AS in_stock, p.price_minor, p.rowid AS product_rowid
  FROM products p, json_each(p.attributes) a, json_each(a.value) v ORDER BY 1, 2, 3, 4, 5, 6`;
/** Words of the generated and demo catalogs, and a word nothing has. */
const WORDS = ['"rain"*', '"coffee"* "beans"*', '"waterproof"*', '"wool"*', '"zyxxy"*', '"hiking"*', '"espresso"*', '"northpeak"*'];

function freshDatabase(): SqliteDatabase {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}

function insertOneByOne(db: SqliteDatabase, records: readonly CatalogRecord[]): void {
  const insert = db.prepare(
    `INSERT INTO products (id, sku, name, spoken_name, brand, category, description, price_minor, currency, stock, attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const { id, sku, name, spokenName, brand, category, description, priceMinor, currency, stock, attributes } of records) {
      insert.run(id, sku, name, spokenName, brand, category, description, priceMinor, currency, stock, JSON.stringify(attributes));
    }
  })();
}

/** Each word's matches with their relevance: the full-text index as search sees it. */
function fullText(db: SqliteDatabase): { words: string; matches: { rowid: number; score: number }[] }[] {
  const match = db.prepare<[string], { rowid: number; score: number }>('SELECT rowid, bm25(products_fts) AS score FROM products_fts WHERE products_fts MATCH ? ORDER BY rowid');
  return WORDS.map((words) => ({ words, matches: match.all(words) }));
}

function schemaOf(db: SqliteDatabase): unknown[] {
  return db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('products', 'product_attributes') ORDER BY type, name").all();
}

function expectSearchRowsCurrent(db: SqliteDatabase): void {
  expect(db.prepare(ATTRIBUTE_ROWS).all()).toEqual(db.prepare(DERIVED_ROWS).all());
}

const records = generatedRecords(1_200);

describe('loading a catalog in bulk', () => {
  it('writes the same products, attribute rows and full-text index as inserting them one by one', () => {
    const oneByOne = freshDatabase();
    const bulk = freshDatabase();
    try {
      insertOneByOne(oneByOne, records);
      expect(loadProductsInBulk(bulk, records)).toBe(records.length);
      expect(bulk.prepare('SELECT rowid, * FROM products ORDER BY rowid').all()).toEqual(oneByOne.prepare('SELECT rowid, * FROM products ORDER BY rowid').all());
      expect(bulk.prepare(ATTRIBUTE_ROWS).all()).toEqual(oneByOne.prepare(ATTRIBUTE_ROWS).all());
      const words = fullText(bulk);
      expect(words).toEqual(fullText(oneByOne));
      // Not equal because both are empty: the words do match.
      expect(words.filter((entry) => entry.matches.length > 0).length).toBeGreaterThan(4);
    } finally {
      oneByOne.close();
      bulk.close();
    }
  });

  it('puts back the triggers, the indexes, the foreign keys and the cache it set aside, whether or not it rebuilt the indexes', () => {
    const db = freshDatabase();
    try {
      const schema = schemaOf(db);
      const cacheSize = db.pragma('cache_size', { simple: true });
      // A first load rebuilds the indexes; a small second one into a larger catalog updates them.
      loadProductsInBulk(db, records.slice(0, 1_000));
      loadProductsInBulk(db, records.slice(1_000));
      expect(schemaOf(db)).toEqual(schema);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
      expect(db.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: records.length });
      expectSearchRowsCurrent(db);
    } finally {
      db.close();
    }
  });

  it('writes nothing when one product cannot go in, and still turns foreign keys back on', () => {
    const db = freshDatabase();
    try {
      loadProductsInBulk(db, records.slice(0, 10));
      const schema = schemaOf(db);
      const duplicate = records[3] as CatalogRecord;
      expect(() => loadProductsInBulk(db, [...records.slice(10, 20), duplicate])).toThrow(/UNIQUE/);
      expect(db.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 10 });
      expect(schemaOf(db)).toEqual(schema);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expectSearchRowsCurrent(db);
    } finally {
      db.close();
    }
  });

  it('refuses to run inside a transaction, where foreign keys cannot be turned off', () => {
    const db = freshDatabase();
    try {
      expect(() => db.transaction(() => loadProductsInBulk(db, records.slice(0, 5)))()).toThrow(/its own transaction/);
      expect(db.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('leaves every foreign key of a store with orders intact', () => {
    const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
    try {
      loadProductsInBulk(store.db, records.slice(0, 300));
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expectSearchRowsCurrent(store.db);
    } finally {
      store.close();
    }
  });
});

describe('the search rows after a bulk load, as products change one by one', () => {
  let db: SqliteDatabase;
  beforeEach(() => {
    db = freshDatabase();
    loadProductsInBulk(db, records.slice(0, 400));
  });
  afterEach(() => db.close());

  const search = () => createSqliteProductSearch(db);
  const firstJacket = () => db.prepare<[], { id: string; price_minor: number }>("SELECT id, price_minor FROM products WHERE category = 'jackets' AND stock > 0 ORDER BY rowid LIMIT 1").get() as { id: string; price_minor: number };

  it('follow a new product, its new price, its stock running out and coming back, and new attributes', () => {
    insertOneByOne(db, [{ ...(records[500] as CatalogRecord), id: 'new-jacket', sku: 'NEW-1', category: 'jackets', priceMinor: 1, stock: 3, attributes: { color: ['teal'] } }]);
    expectSearchRowsCurrent(db);
    const jackets = { ...EMPTY_QUERY, category: 'jackets', cheapestFirst: true };
    expect(search()(jackets, { offset: 0, limit: 1 }).products[0]?.id).toBe('new-jacket');

    db.prepare("UPDATE products SET price_minor = 999999 WHERE id = 'new-jacket'").run();
    expectSearchRowsCurrent(db);
    expect(search()(jackets, { offset: 0, limit: 1 }).products[0]?.id).not.toBe('new-jacket');
    expect(search()({ ...jackets, cheapestFirst: false, price: { maxMinor: 999999 } }, { offset: 0, limit: 1 }).products[0]?.id).toBe('new-jacket');

    db.prepare("UPDATE products SET stock = 0 WHERE id = 'new-jacket'").run();
    expectSearchRowsCurrent(db);
    const teal = { ...EMPTY_QUERY, category: 'jackets', attributes: { color: ['teal'] } };
    expect(search()(teal, { offset: 0, limit: 3 }).products.map((product) => [product.id, product.stock])).toEqual([['new-jacket', 0]]);

    db.prepare("UPDATE products SET stock = 2 WHERE id = 'new-jacket'").run();
    db.prepare(`UPDATE products SET attributes = '{"color":["plum"]}' WHERE id = 'new-jacket'`).run();
    expectSearchRowsCurrent(db);
    expect(search()(teal, { offset: 0, limit: 3 }).total).toBe(0);
    expect(search()({ ...teal, attributes: { color: ['plum'] } }, { offset: 0, limit: 3 }).products.map((product) => product.id)).toEqual(['new-jacket']);
  });

  it('follow a move to another category, a sale that leaves stock above zero, a new name, and a deletion', () => {
    const jacket = firstJacket();
    db.prepare("UPDATE products SET category = 'bags' WHERE id = ?").run(jacket.id);
    db.prepare('UPDATE products SET stock = stock + 5 WHERE id = ?').run(jacket.id);
    expectSearchRowsCurrent(db);
    const bags = search()({ ...EMPTY_QUERY, category: 'bags' }, { offset: 0, limit: 500 });
    expect(bags.products.map((product) => product.id)).toContain(jacket.id);

    db.prepare("UPDATE products SET name = 'Zyxxy Weatherproof Shell' WHERE id = ?").run(jacket.id);
    expect(search()({ ...EMPTY_QUERY, words: ['zyxxy'] }, { offset: 0, limit: 3 }).products.map((product) => product.id)).toEqual([jacket.id]);

    db.prepare('DELETE FROM products WHERE id = ?').run(jacket.id);
    expectSearchRowsCurrent(db);
    expect(search()({ ...EMPTY_QUERY, words: ['zyxxy'] }, { offset: 0, limit: 3 }).total).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM products_fts WHERE products_fts MATCH 'zyxxy'").get()).toEqual({ n: 0 });
  });
});

describe('the schema step that keeps products in ranking order', () => {
  it('moves a store written before it to the new attribute rows, and searches it as before', () => {
    const db = openDatabase(':memory:');
    try {
      migrate(db, MIGRATIONS.filter((step) => step.version < 9));
      insertOneByOne(db, records.slice(0, 200));
      const query = { ...EMPTY_QUERY, category: 'shoes', attributes: { use: ['running'] } };
      const rowsBefore = db.prepare('SELECT count(*) AS n FROM product_attributes').get();
      migrate(db);
      expect(db.prepare('SELECT count(*) AS n FROM product_attributes').get()).toEqual(rowsBefore);
      expectSearchRowsCurrent(db);
      const found = createSqliteProductSearch(db)(query, { offset: 0, limit: 50 });
      expect(found.total).toBeGreaterThan(0);
      expect(found.products.every((product) => product.category === 'shoes' && product.attributes.use?.includes('running'))).toBe(true);
      const fresh = freshDatabase();
      try {
        insertOneByOne(fresh, records.slice(0, 200));
        expect(fullText(db)).toEqual(fullText(fresh));
      } finally {
        fresh.close();
      }
    } finally {
      db.close();
    }
  });
});
