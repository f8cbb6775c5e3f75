import type { SqliteDatabase } from './open-database';

/** A product as the products table holds it, for loading a catalog in bulk. */
export interface CatalogRecord {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly spokenName: string;
  readonly brand: string;
  readonly category: string;
  readonly description: string;
  readonly priceMinor: number;
  readonly currency: string;
  readonly stock: number;
  /** YYYY-MM-DD, when an out-of-stock product is expected back. */
  readonly restockOn?: string;
  readonly finalSale?: boolean;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/**
 * The rows search derives from each product (see migration 9), for the products from `firstRowid`
 * on. The products are read in ranking order within their category, which is the order of the
 * attribute rows' key after name and value: each value's rows are appended to in turn, never
 * inserted at random, and nothing needs sorting.
 */
const DERIVE_ATTRIBUTES = `
  INSERT INTO product_attributes (name, value, category, in_stock, price_minor, product_rowid)
    SELECT attribute.key, value.value, p.category, p.stock > 0, p.price_minor, p.rowid
    FROM products AS p INDEXED BY products_by_category_rank, json_each(p.attributes) AS attribute, json_each(attribute.value) AS value
    WHERE p.rowid >= :firstRowid
    ORDER BY p.category, p.stock > 0, p.price_minor`;
const DERIVE_FULL_TEXT = `
  INSERT INTO products_fts (rowid, name, spoken_name, brand, description, attribute_values)
    SELECT p.rowid, p.name, p.spoken_name, p.brand, p.description,
      (SELECT group_concat(value.value, ' ') FROM json_each(p.attributes) AS attribute, json_each(attribute.value) AS value)
    FROM products AS p
    WHERE p.rowid >= :firstRowid`;

interface SchemaObject {
  readonly type: 'trigger' | 'index';
  readonly name: string;
  readonly sql: string;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What is set aside while the products go in: the triggers, and the products' own secondary indexes
 * when the load at least doubles the catalog (building an index once from sorted rows beats
 * updating it row by row; for a small addition to a large catalog it does not).
 */
function setAside(db: SqliteDatabase, rebuildIndexes: boolean): SchemaObject[] {
  const objects = db
    .prepare<[], SchemaObject>(
      "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'products' AND sql IS NOT NULL AND (type = 'trigger' OR type = 'index') ORDER BY type, name",
    )
    .all()
    .filter((object) => object.type === 'trigger' || rebuildIndexes);
  for (const object of objects) db.exec(`DROP ${object.type.toUpperCase()} ${quoted(object.name)}`);
  return objects;
}

/** Page cache while loading (KiB): enough that a million products' indexes stay in memory, not re-read. */
const LOAD_CACHE_KIB = 256 * 1024;
/**
 * Words the full-text index gathers in memory before writing them out (bytes). Its 1 MiB default
 * writes a large catalog as hundreds of small segments that are then merged again and again.
 */
const LOAD_FULL_TEXT_BUFFER = 128 * 1024 * 1024;
const FULL_TEXT_BUFFER_DEFAULT = 1024 * 1024;

function fullTextBuffer(db: SqliteDatabase, bytes: number): void {
  db.exec(`INSERT INTO products_fts (products_fts, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`);
}

/**
 * Adds many products at once, with their search rows, in one transaction: every product goes in or
 * none does. The per-row triggers that keep search current are set aside meanwhile and each derived
 * table is filled by one INSERT … SELECT; the same triggers are back for every later write.
 * Returns how many products were added.
 *
 * Foreign keys are off while it runs (a setting SQLite only changes outside a transaction, hence
 * the refusal inside one), and back on after, even when the load fails. Nothing it writes can
 * break one: products only ever is the parent, and the derived tables hold none; with them on,
 * each inserted product would still be looked up in every child table.
 */
export function loadProductsInBulk(db: SqliteDatabase, products: readonly CatalogRecord[]): number {
  if (db.inTransaction) throw new Error('loadProductsInBulk runs its own transaction; call it outside one');
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  db.pragma('foreign_keys = OFF');
  db.pragma(`cache_size = ${-LOAD_CACHE_KIB}`);
  try {
    db.transaction(() => {
      const before = db.prepare<[], { count: number; next: number }>('SELECT count(*) AS count, coalesce(max(rowid), 0) + 1 AS next FROM products').get();
      const firstRowid = before?.next ?? 1;
      const setAsideObjects = setAside(db, products.length >= (before?.count ?? 0));
      const buffer = db.prepare<[], { v: number }>("SELECT v FROM products_fts_config WHERE k = 'hashsize'").get()?.v ?? FULL_TEXT_BUFFER_DEFAULT;
      insertProducts(db, products);
      // The indexes first: the attribute rows are derived in the order the ranked index gives.
      for (const object of setAsideObjects) if (object.type === 'index') db.exec(object.sql);
      db.prepare(DERIVE_ATTRIBUTES).run({ firstRowid });
      fullTextBuffer(db, LOAD_FULL_TEXT_BUFFER);
      db.prepare(DERIVE_FULL_TEXT).run({ firstRowid });
      fullTextBuffer(db, buffer);
      for (const object of setAsideObjects) if (object.type === 'trigger') db.exec(object.sql);
    }).immediate();
    return products.length;
  } finally {
    db.pragma(`cache_size = ${Number.isFinite(cacheSize) ? Math.trunc(cacheSize) : -2000}`);
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}

function insertProducts(db: SqliteDatabase, products: readonly CatalogRecord[]): void {
  const insert = db.prepare(
    `INSERT INTO products (id, sku, name, spoken_name, brand, category, description, price_minor, currency, stock, restock_on, final_sale, attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const product of products) {
    insert.run(
      product.id,
      product.sku,
      product.name,
      product.spokenName,
      product.brand,
      product.category,
      product.description,
      product.priceMinor,
      product.currency,
      product.stock,
      product.restockOn ?? null,
      product.finalSale ? 1 : 0,
      JSON.stringify(product.attributes),
    );
  }
}
