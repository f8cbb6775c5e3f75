import path from 'node:path';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase, type SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteCatalog } from '../../lambda/commerce/sqlite/sqlite-catalog';
import { writeCatalogTerms } from '../../lambda/commerce/sqlite/sqlite-catalog-terms';
import type { Catalog } from '../../lambda/commerce/ports';
import type { ProductQuery } from '../../lambda/commerce/product-query';
import { understandQuery } from '../../lambda/flows/discovery/understand-query';
import { vocabularyIndex } from '../../lambda/flows/discovery/vocabulary-index';
import { type GeneratedProduct, generateCatalog } from './catalog-generator';
import type { DiscoverySearchResult } from './results';
import { missingFlow } from './scenarios';
import type { CatalogSettings } from './settings';
import { ratio, summarize } from './stats';
import type { Workspace } from './workspace';

/** What shoppers ask for: categories with attributes and a budget, free words, cheapest first. */
const SPOKEN_QUERIES = ['waterproof jacket for hiking under 150 dollars', 'running shoes', 'cheap headphones', 'dark roast coffee beans'];
const LOCALE = 'en-US';
/** One page, as the discovery flow reads it. */
const PAGE = { offset: 0, limit: 3 };

const COLUMNS = 'id, sku, name, spoken_name, brand, category, description, price_minor, currency, stock, attributes';
const PLAIN_TABLE = `CREATE TABLE products (
  id TEXT PRIMARY KEY, sku TEXT NOT NULL, name TEXT NOT NULL, spoken_name TEXT NOT NULL, brand TEXT NOT NULL,
  category TEXT NOT NULL, description TEXT NOT NULL, price_minor INTEGER NOT NULL, currency TEXT NOT NULL,
  stock INTEGER NOT NULL, attributes TEXT NOT NULL) STRICT`;

function insertAll(db: SqliteDatabase, products: readonly GeneratedProduct[]): void {
  const insert = db.prepare(`INSERT INTO products (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?)`);
  db.transaction(() => {
    for (const product of products) {
      const { id, sku, name, spokenName, brand, category, description, priceMinor, stock, attributes } = product;
      insert.run(id, sku, name, spokenName, brand, category, description, priceMinor, stock, attributes);
    }
  })();
}

function timeMs(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * The embedded store's schema, then the products with everything search needs: the triggers fill
 * the full-text and attribute indexes, and the first vocabulary read builds the words discovery
 * understands. Returns the open catalog and how long products, indexes and vocabulary took.
 */
async function buildSearchCatalog(file: string, products: readonly GeneratedProduct[]) {
  const db = openDatabase(file);
  migrate(db);
  writeCatalogTerms(db, DEMO_CATALOG_TERMS);
  const start = performance.now();
  insertAll(db, products);
  const catalog = createSqliteCatalog(db);
  const vocabulary = await catalog.vocabulary(LOCALE);
  return { db, catalog, vocabulary, buildMs: performance.now() - start };
}

/** The floor: the same rows in a plain table with a primary key and nothing else. */
function buildPlainTable(file: string, products: readonly GeneratedProduct[]) {
  const db = openDatabase(file);
  db.exec(PLAIN_TABLE);
  return { db, buildMs: timeMs(() => insertAll(db, products)) };
}

/**
 * Discovery search at each catalog size: building the index (against inserting the same rows in a
 * plain table) and answering a spoken query's first page (against a primary-key lookup).
 */
export async function measureDiscoverySearch(settings: readonly CatalogSettings[], workspace: Workspace, log: (line: string) => void): Promise<DiscoverySearchResult> {
  const missing = missingFlow('discovery');
  if (missing) return { status: 'not built', reason: missing, catalogSizes: settings.map((catalog) => catalog.products) };
  const catalogs = [];
  for (const { products: size, builds, searchesPerQuery } of settings) {
    log(`discovery search: ${size.toLocaleString('en-US')} products`);
    const products = generateCatalog(size);
    const buildMs: number[] = [];
    const plainBuildMs: number[] = [];
    let searchMs: number[] = [];
    let lookupMs: number[] = [];
    for (let build = 0; build < builds; build += 1) {
      const dir = workspace.freshDir(`catalog-${size}`);
      const search = await buildSearchCatalog(path.join(dir, 'search.sqlite'), products);
      const plain = buildPlainTable(path.join(dir, 'plain.sqlite'), products);
      buildMs.push(search.buildMs);
      plainBuildMs.push(plain.buildMs);
      if (build === 0) {
        const queries = SPOKEN_QUERIES.map((text) => understandQuery(text, vocabularyIndex(search.vocabulary, LOCALE)));
        ({ searchMs, lookupMs } = await timeQueries(search.catalog, plain.db, queries, products, searchesPerQuery));
      }
      search.db.close();
      plain.db.close();
    }
    const build = { shopvoice: summarize(buildMs), floor: summarize(plainBuildMs) };
    const query = { shopvoice: summarize(searchMs), floor: summarize(lookupMs) };
    catalogs.push({
      products: size,
      buildMs: { ...build, ratio: ratio(build.shopvoice.median, build.floor.median) },
      queryMs: { ...query, ratio: ratio(query.shopvoice.median, query.floor.median) },
    });
  }
  return { status: 'measured', queries: SPOKEN_QUERIES, catalogs };
}

/** Each query's first page, in turn with a primary-key lookup of a product, after checking every query finds something. */
async function timeQueries(catalog: Catalog, plain: SqliteDatabase, queries: readonly ProductQuery[], products: readonly GeneratedProduct[], rounds: number) {
  for (const [index, query] of queries.entries()) {
    if ((await catalog.search(query, PAGE)).total === 0) throw new Error(`bench: "${SPOKEN_QUERIES[index]}" finds nothing; pick queries the catalog answers`);
  }
  const lookup = plain.prepare(`SELECT ${COLUMNS} FROM products WHERE id = ?`);
  const searchMs: number[] = [];
  const lookupMs: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const search = performance.now();
      await catalog.search(query, PAGE);
      searchMs.push(performance.now() - search);
      // A prime stride visits products all over the table.
      const id = products[(searchMs.length * 7919) % products.length]?.id;
      lookupMs.push(timeMs(() => lookup.get(id)));
    }
  }
  return { searchMs, lookupMs };
}
