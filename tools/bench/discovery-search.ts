import path from 'node:path';
import { type CatalogRecord, loadProductsInBulk } from '../../lambda/commerce/sqlite/catalog-bulk-load';
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
import { percentile, ratio, summarize } from './stats';
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

/** The generated products as a catalog load takes them; the demo's few attribute sets are parsed once each. */
function asRecords(products: readonly GeneratedProduct[]): CatalogRecord[] {
  const parsed = new Map<string, CatalogRecord['attributes']>();
  return products.map(({ attributes, ...product }) => {
    let values = parsed.get(attributes);
    if (!values) {
      values = JSON.parse(attributes) as CatalogRecord['attributes'];
      parsed.set(attributes, values);
    }
    return { ...product, currency: 'USD', attributes: values };
  });
}

/** The floor's load: the same rows, the same JSON written per row, into a table with a primary key only. */
function insertAll(db: SqliteDatabase, products: readonly CatalogRecord[]): void {
  const insert = db.prepare(`INSERT INTO products (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const product of products) {
      const { id, sku, name, spokenName, brand, category, description, priceMinor, currency, stock, attributes } = product;
      insert.run(id, sku, name, spokenName, brand, category, description, priceMinor, currency, stock, JSON.stringify(attributes));
    }
  })();
}

function timeMs(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * The embedded store's schema, then the products with everything search needs, loaded the way a
 * store loads its catalog (catalog-bulk-load.ts: the full-text and attribute indexes filled in bulk),
 * and the first vocabulary read, which builds the words discovery understands. Returns the open
 * catalog and how long products, indexes and vocabulary took.
 */
async function buildSearchCatalog(file: string, products: readonly CatalogRecord[]) {
  const db = openDatabase(file);
  migrate(db);
  writeCatalogTerms(db, DEMO_CATALOG_TERMS);
  const start = performance.now();
  loadProductsInBulk(db, products);
  // The store's currency, as the app always passes it (STORE_CURRENCY, USD by default).
  const catalog = createSqliteCatalog(db, undefined, 'USD');
  const vocabulary = await catalog.vocabulary(LOCALE);
  return { db, catalog, vocabulary, buildMs: performance.now() - start };
}

/** The floor: the same rows in a plain table with a primary key and nothing else. */
function buildPlainTable(file: string, products: readonly CatalogRecord[]) {
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
    const products = asRecords(generateCatalog(size));
    const buildMs: number[] = [];
    const plainBuildMs: number[] = [];
    let timed: QueryTimes | undefined;
    for (let build = 0; build < builds; build += 1) {
      const dir = workspace.freshDir(`catalog-${size}`);
      const search = await buildSearchCatalog(path.join(dir, 'search.sqlite'), products);
      const plain = buildPlainTable(path.join(dir, 'plain.sqlite'), products);
      buildMs.push(search.buildMs);
      plainBuildMs.push(plain.buildMs);
      if (build === 0) {
        const queries = SPOKEN_QUERIES.map((text) => understandQuery(text, vocabularyIndex(search.vocabulary, LOCALE)));
        timed = await timeQueries(search.catalog, plain.db, queries, products, searchesPerQuery);
      }
      search.db.close();
      plain.db.close();
    }
    if (!timed) throw new Error('bench: a catalog size needs at least one build');
    const searchMs = timed.byQuery.flatMap((entry) => entry.samples);
    const build = { shopvoice: summarize(buildMs), floor: summarize(plainBuildMs) };
    const query = { shopvoice: summarize(searchMs), floor: summarize(timed.lookupMs) };
    catalogs.push({
      products: size,
      buildMs: { ...build, ratio: ratio(build.shopvoice.median, build.floor.median) },
      queryMs: { ...query, ratio: ratio(query.shopvoice.median, query.floor.median) },
      queryP95Ms: p95(searchMs),
      byQuery: timed.byQuery.map(({ samples, matches }, index) => ({
        query: SPOKEN_QUERIES[index] ?? '',
        matches,
        medianMs: summarize(samples).median,
        p95Ms: p95(samples),
      })),
    });
  }
  return { status: 'measured', queries: SPOKEN_QUERIES, catalogs };
}

const p95 = (samples: readonly number[]) => percentile([...samples].sort((a, b) => a - b), 0.95);

interface QueryTimes {
  /** Per spoken query: how many matches the reply would speak of, and each search's time. */
  readonly byQuery: readonly { readonly matches: string; readonly samples: readonly number[] }[];
  readonly lookupMs: readonly number[];
}

/** Each query's first page, in turn with a primary-key lookup of a product, after checking every query finds something. */
async function timeQueries(catalog: Catalog, plain: SqliteDatabase, queries: readonly ProductQuery[], products: readonly CatalogRecord[], rounds: number): Promise<QueryTimes> {
  const byQuery: { matches: string; samples: number[] }[] = [];
  for (const [index, query] of queries.entries()) {
    const page = await catalog.search(query, PAGE);
    if (page.total === 0) throw new Error(`bench: "${SPOKEN_QUERIES[index]}" finds nothing; pick queries the catalog answers`);
    byQuery.push({ matches: `${page.moreThanTotal ? 'more than ' : ''}${page.total}`, samples: [] });
  }
  const lookup = plain.prepare(`SELECT ${COLUMNS} FROM products WHERE id = ?`);
  const lookupMs: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, query] of queries.entries()) {
      const search = performance.now();
      await catalog.search(query, PAGE);
      byQuery[index]?.samples.push(performance.now() - search);
      // A prime stride visits products all over the table.
      const id = products[(lookupMs.length * 7919) % products.length]?.id;
      lookupMs.push(timeMs(() => lookup.get(id)));
    }
  }
  return { byQuery, lookupMs };
}
