import type { SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { type BandRow, createHintCheck, hintedPage, type ReadRows } from '../../lambda/commerce/sqlite/hinted-page';
import type { HintRanking } from '../../lambda/commerce/sqlite/search-plan';
import { generatedCatalogDatabase } from './search-fixtures';

/**
 * Hints are checked on a band's first matches only (product-search-ranking.test.ts checks the
 * pages against a plain query that sorts every match); these are the two halves on their own.
 */

let db: SqliteDatabase;
beforeAll(() => {
  db = generatedCatalogDatabase(1_000);
});
afterAll(() => db.close());

describe('checking hints on a few products', () => {
  it('finds among them exactly what the catalog\'s full-text index finds, prefixes and stems alike', () => {
    const check = createHintCheck(db);
    const everyFifth = db.prepare<[], number>('SELECT rowid FROM products WHERE rowid % 5 = 0 ORDER BY rowid LIMIT 120').pluck().all();
    const indexed = db.prepare<[string], number>('SELECT rowid FROM products_fts WHERE products_fts MATCH ?').pluck();
    for (const match of ['"headphones"*', '"coffee"* "beans"*', '"rain"*', '"speaker"* OR "headphones"*', '"trail"* "running"*', '"zyxxy"*']) {
      const expected = indexed.all(match).filter((rowid) => everyFifth.includes(rowid));
      expect({ match, found: [...check(everyFifth, match)].sort((a, b) => a - b) }).toEqual({ match, found: expected.sort((a, b) => a - b) });
    }
    // Checked one after another, each check sees only its own products.
    expect(check(everyFifth.slice(0, 3), '"zyxxy"*').size).toBe(0);
  });
});

describe('a page from the first matches of each stock band', () => {
  const rows = (...prices: number[]): BandRow[] => prices.map((price, index) => ({ rowid: index + 1, price }));
  /** A band of in-stock rows only (the out-of-stock band is empty), and the rowids that match the hint. */
  function scenario(inStock: readonly BandRow[], hinted: readonly number[], moves: HintRanking['moves']) {
    const reads: number[] = [];
    const read: ReadRows = (clause, limit) => {
      reads.push(limit);
      return (clause.parameters[0] === 1 ? inStock : []).slice(0, limit);
    };
    const hints: HintRanking = { match: 'hint', moves, unhinted: (stocked) => ({ sql: '', parameters: [stocked ? 1 : 0] }) };
    const page = (offset: number, limit: number) => hintedPage(hints, read, (rowids) => new Set(rowids.filter((rowid) => hinted.includes(rowid))), offset, limit);
    return { page, reads };
  }

  it('puts the hinted rows first when they fill the page, reading a few more rows than the page', () => {
    const long = rows(...Array.from({ length: 200 }, (_, index) => 100 + index));
    const { page, reads } = scenario(long, [2, 4, 5, 9], 'before others');
    expect(page(0, 3)).toEqual([2, 4, 5]);
    expect(reads).toEqual([14]);
  });

  it('leaves the page to the hint set when the first rows hold too few hinted ones and the band goes on', () => {
    const long = rows(...Array.from({ length: 200 }, (_, index) => 100 + index));
    expect(scenario(long, [2, 150], 'before others').page(0, 3)).toBeUndefined();
    // A deep page is never read from first rows.
    expect(scenario(long, long.map((row) => row.rowid), 'before others').page(150, 3)).toBeUndefined();
  });

  it('ranks a band that ends within the first rows whole: hinted, then the others', () => {
    expect(scenario(rows(10, 20, 30, 40), [3], 'before others').page(0, 3)).toEqual([3, 1, 2]);
    expect(scenario(rows(10, 20, 30, 40), [3], 'before others').page(3, 3)).toEqual([4]);
  });

  it('cheapest first: moves hinted rows up among equal prices only, and never decides on the last price it read', () => {
    const { page } = scenario(rows(10, 10, 20, 20, 20, 30), [2, 5], 'before others of the same price');
    expect(page(0, 6)).toEqual([2, 1, 5, 3, 4, 6]);
    const allOnePrice = rows(...Array.from({ length: 100 }, () => 10));
    expect(scenario(allOnePrice, [50], 'before others of the same price').page(0, 3)).toBeUndefined();
  });
});
