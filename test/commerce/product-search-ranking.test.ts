import { EMPTY_QUERY, type PageRequest, type ProductPage, type ProductQuery } from '../../lambda/commerce/product-query';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import type { SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { seededRandom } from '../../lambda/commerce/sqlite/seeded-random';
import { COUNTED_MATCHES, createSqliteProductSearch } from '../../lambda/commerce/sqlite/sqlite-product-search';
import { TEST_NOW } from '../support/test-app';
import before from './fixtures/search-results-before-issue-23.json';
import { generatedCatalogDatabase, PAGES, SEARCH_QUERIES } from './search-fixtures';

/**
 * The embedded search reads a page band by band through ranked indexes and counts no further than
 * it needs (issue 23). What it answers must not change: the pages recorded before that work, and
 * the ranking a plain query gives by sorting every match — every filter read straight from the
 * product's own columns and JSON, relevance from the full-text index.
 */

type Search = (query: ProductQuery, page: PageRequest) => ProductPage;

const quote = (value: string) => `"${value.replace(/"/g, '""')}"*`;
const expression = (words: readonly string[]) => words.map(quote).join(' ');

interface Ranked {
  readonly id: string;
  /** In stock, and matching the hints: what the search's bands are made of. */
  readonly band: string;
}

/** Every match in ranking order, sorted by one ORDER BY over everything. */
function rankedByPlainQuery(db: SqliteDatabase, query: ProductQuery): Ranked[] {
  const words = query.words.filter((word) => word.trim() !== '');
  const hints = query.hints.filter((hint) => hint.trim() !== '');
  const where: string[] = [];
  const parameters: (string | number)[] = [];
  if (words.length > 0) {
    where.push('products_fts MATCH ?');
    parameters.push(expression(words));
  }
  if (query.category !== undefined) {
    where.push('p.category = ?');
    parameters.push(query.category);
  }
  if (query.brand !== undefined) {
    where.push('p.brand = ?');
    parameters.push(query.brand);
  }
  if (query.price.minMinor !== undefined) {
    where.push('p.price_minor >= ?');
    parameters.push(query.price.minMinor);
  }
  if (query.price.maxMinor !== undefined) {
    where.push('p.price_minor <= ?');
    parameters.push(query.price.maxMinor);
  }
  for (const [name, values] of Object.entries(query.attributes)) {
    for (const value of values) {
      where.push('EXISTS (SELECT 1 FROM json_each(p.attributes) AS a, json_each(a.value) AS v WHERE a.key = ? AND v.value = ?)');
      parameters.push(name, value);
    }
  }
  const hint = '(p.rowid IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?))';
  const hinted = hints.length > 0 ? [`${hint} DESC`] : [];
  const hintParameters = hints.length > 0 ? [hints.map((each) => expression(each.split(/\s+/))).join(' OR ')] : [];
  const price = query.cheapestFirst || query.price.maxMinor === undefined ? 'p.price_minor ASC' : 'p.price_minor DESC';
  const order = query.cheapestFirst
    ? ['(p.stock > 0) DESC', price, ...hinted, 'p.id']
    : ['(p.stock > 0) DESC', ...hinted, ...(words.length > 0 ? ['bm25(products_fts)'] : []), price, 'p.id'];
  const from = words.length > 0 ? 'products_fts JOIN products p ON p.rowid = products_fts.rowid' : 'products p';
  const band = `(p.stock > 0) || '/' || ${hints.length > 0 ? hint : "''"}`;
  const sql = `SELECT p.id, ${band} AS band FROM ${from} WHERE ${where.join(' AND ') || '1 = 1'} ORDER BY ${order.join(', ')}`;
  return db.prepare<(string | number)[], Ranked>(sql).all(...hintParameters, ...parameters, ...hintParameters);
}

/** Offsets of pages that start just before, at and just after each place where one band ends and the next begins. */
function bandEdges(ranked: readonly Ranked[]): number[] {
  return ranked.flatMap((row, index) => (index > 0 && ranked[index - 1]?.band !== row.band ? [index - 2, index - 1, index] : [])).filter((offset) => offset >= 0);
}

/** What a page says about the count: exact up to the cap (or a little past the page asked for), "more than" beyond. */
function expectedCount(matches: number, page: PageRequest): Pick<ProductPage, 'total' | 'moreThanTotal'> {
  const enough = Math.max(COUNTED_MATCHES, page.offset + page.limit + 1);
  return matches > enough ? { total: enough, moreThanTotal: true } : { total: matches };
}

function expectSamePage(search: Search, query: ProductQuery, ranked: readonly Ranked[], pages: readonly PageRequest[]): void {
  for (const page of pages) {
    const found = search(query, page);
    expect({ page, ids: found.products.map((product) => product.id), total: found.total, moreThanTotal: found.moreThanTotal }).toEqual({
      page,
      ids: ranked.slice(page.offset, page.offset + page.limit).map((row) => row.id),
      ...expectedCount(ranked.length, page),
    });
  }
}

const demo = openEmbeddedStore(':memory:', { now: TEST_NOW });
const generated = generatedCatalogDatabase();
afterAll(() => {
  demo.close();
  generated.close();
});

const catalogs = [
  ['the demo catalog', 'demo', demo.db],
  ['a generated catalog of 3,000 products', 'generated', generated],
] as const;

describe.each(catalogs)('product search on %s', (_label, recorded, db) => {
  const search = createSqliteProductSearch(db);

  it('gives the pages it gave before the search was reworked for large catalogs, counting no further than it must', () => {
    for (const [name, query] of Object.entries(SEARCH_QUERIES)) {
      const pages = before[recorded][name as keyof (typeof before)[typeof recorded]];
      expect(pages).toHaveLength(PAGES.length);
      for (const { ids, total: matches, ...page } of pages) {
        const found = search(query, page);
        expect({ name, page, ids: found.products.map((product) => product.id), total: found.total, moreThanTotal: found.moreThanTotal }).toEqual({
          name,
          page,
          ids,
          ...expectedCount(matches, page),
        });
      }
    }
  });

  it('ranks every query like a plain query that sorts all its matches, on every page, across the in-stock and hinted bands', () => {
    for (const query of Object.values(SEARCH_QUERIES)) {
      const ranked = rankedByPlainQuery(db, query);
      const ends = [ranked.length - 2, ranked.length - 1, ranked.length].filter((offset) => offset >= 0);
      const offsets = [...bandEdges(ranked), ...ends];
      expectSamePage(search, query, ranked, [...PAGES, { offset: 0, limit: 500 }, ...offsets.map((offset) => ({ offset, limit: 3 }))]);
    }
  });

  it('ranks random combinations of category, brand, attributes, budget, words and hints like the plain query', () => {
    const random = seededRandom(23);
    const pick = <T>(values: readonly T[]): T | undefined => (values.length === 0 ? undefined : values[random.int(0, values.length - 1)]);
    const categories = db.prepare<[], { v: string }>('SELECT DISTINCT category AS v FROM products ORDER BY v').all().map((row) => row.v);
    const brands = db.prepare<[], { v: string }>('SELECT DISTINCT brand AS v FROM products ORDER BY v').all().map((row) => row.v);
    const values = db
      .prepare<[], { name: string; value: string }>('SELECT DISTINCT a.key AS name, v.value AS value FROM products p, json_each(p.attributes) a, json_each(a.value) v ORDER BY 1, 2')
      .all();
    const words = ['rain', 'jacket', 'coffee', 'wool', 'water', 'shoe', 'organic', 'black'];
    for (let round = 0; round < 150; round += 1) {
      const attribute = random.next() < 0.5 ? pick(values) : undefined;
      const second = random.next() < 0.2 ? pick(values) : undefined;
      const attributes: Record<string, string[]> = {};
      for (const each of [attribute, second]) if (each) (attributes[each.name] ??= []).push(each.value);
      const price = random.next() < 0.4 ? { maxMinor: random.int(1000, 30000) } : random.next() < 0.2 ? { minMinor: random.int(1000, 20000) } : {};
      const query: ProductQuery = {
        ...EMPTY_QUERY,
        ...(random.next() < 0.7 ? { category: pick(categories) } : {}),
        ...(random.next() < 0.15 ? { brand: pick(brands) } : {}),
        attributes,
        words: random.next() < 0.3 ? [pick(words) ?? 'rain'] : [],
        hints: random.next() < 0.3 ? [pick(words) ?? 'rain'] : [],
        price,
        cheapestFirst: random.next() < 0.3,
      };
      const ranked = rankedByPlainQuery(db, query);
      const edges = bandEdges(ranked);
      expectSamePage(search, query, ranked, [{ offset: 0, limit: 3 }, { offset: random.int(0, ranked.length), limit: 3 }, ...(edges.length > 0 ? [{ offset: pick(edges) ?? 0, limit: 3 }] : [])]);
    }
  });
});
