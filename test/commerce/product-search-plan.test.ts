import { EMPTY_QUERY, type ProductQuery } from '../../lambda/commerce/product-query';
import type { SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { type Clause, planSearch } from '../../lambda/commerce/sqlite/search-plan';
import { generatedCatalogDatabase, SEARCH_QUERIES } from './search-fixtures';

/**
 * Structure, not time: the statements search runs use the indexes meant for them, so a page is
 * read in ranking order instead of sorting every match (only products of equal price are sorted,
 * by id), and the count stops early. Timings are `npm run bench`'s.
 */

let db: SqliteDatabase;
beforeAll(() => {
  db = generatedCatalogDatabase(1_000);
});
afterAll(() => db.close());

function planOf(clause: Clause, suffix = ' LIMIT 3 OFFSET 0'): string[] {
  return db
    .prepare<(string | number)[], { detail: string }>(`EXPLAIN QUERY PLAN ${clause.sql}${suffix}`)
    .all(...clause.parameters)
    .map((row) => row.detail);
}

function firstBand(query: ProductQuery): string[] {
  const plan = planSearch(query);
  const [band] = plan.bands;
  if (!band) throw new Error('a plan without bands');
  return planOf(plan.band(band));
}

/** No step sorts the band's matches as a whole: at most the products of one price, by id. */
function expectNoFullSort(steps: readonly string[]): void {
  expect(steps.filter((step) => step.startsWith('USE TEMP B-TREE') && !/FOR (LAST|RIGHT)/.test(step))).toEqual([]);
}

describe('the plan of a search', () => {
  it('reads a category in stock first, by price, from its ranked index, the budget as a range of it', () => {
    const steps = firstBand(SEARCH_QUERIES['jackets between 100 and 200 dollars'] as ProductQuery);
    expect(steps).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX products_by_category_rank \(category=\? AND <expr>=\? AND price_minor>\? AND price_minor<\?\)$/));
    expectNoFullSort(steps);
  });

  it('reads a budget alone from the catalog\'s ranked index', () => {
    const steps = firstBand(SEARCH_QUERIES['anything under 20 dollars'] as ProductQuery);
    expect(steps).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX products_by_rank \(<expr>=\? AND price_minor<\?\)$/));
    expectNoFullSort(steps);
  });

  it('reads a brand from its ranked index', () => {
    const steps = firstBand(SEARCH_QUERIES['anything from Northpeak'] as ProductQuery);
    expect(steps).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX products_by_brand_rank \(brand=\? AND <expr>=\?\)$/));
    expectNoFullSort(steps);
  });

  it('walks the first attribute value within the category in ranking order, probing a second value by its whole key and fetching only what passes', () => {
    const steps = firstBand(SEARCH_QUERIES['waterproof hiking jackets under 150 dollars'] as ProductQuery);
    expect(steps[0]).toBe('SEARCH a USING PRIMARY KEY (name=? AND value=? AND category=? AND in_stock=? AND price_minor<?)');
    expect(steps).toContain('SEARCH x USING PRIMARY KEY (name=? AND value=? AND category=? AND in_stock=? AND price_minor=? AND product_rowid=?)');
    expect(steps).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
    expect(steps.some((step) => step.startsWith('SCAN'))).toBe(false);
    expectNoFullSort(steps);
  });

  it('keeps hints of a cheapest-first search to products of equal price', () => {
    const steps = firstBand(SEARCH_QUERIES['cheap headphones'] as ProductQuery);
    expect(steps).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX products_by_category_rank \(category=\? AND <expr>=\?\)$/));
    expectNoFullSort(steps);
  });

  it('runs the words once over the full-text index, attribute values and hints as sets read once, the product row read last', () => {
    const steps = firstBand(SEARCH_QUERIES['dark roast coffee beans'] as ProductQuery);
    // "0:M…", not "0:=M…": the attribute set is not handed to the full-text index to match rowid by rowid.
    expect(steps[0]).toMatch(/^SCAN products_fts VIRTUAL TABLE INDEX 0:M/);
    expect(steps).toContain('SEARCH product_attributes USING PRIMARY KEY (name=? AND value=? AND category=? AND in_stock=?)');
    expect(steps.filter((step) => step.startsWith('LIST SUBQUERY'))).toHaveLength(2);
    expect(steps.at(-2)).toBe('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('reads the first matches of a hinted band from the ranked index alone, the hints left to be checked on them', () => {
    for (const name of ['cheap headphones', 'speakers'] as const) {
      const hints = planSearch(SEARCH_QUERIES[name] as ProductQuery).hints;
      if (!hints) throw new Error(`${name}: no hint ranking`);
      const steps = planOf(hints.unhinted(true), ' LIMIT 14');
      expect(steps).toContainEqual(expect.stringMatching(/^SEARCH p USING INDEX products_by_category_rank \(category=\? AND <expr>=\?\)$/));
      expect(steps.filter((step) => step.includes('products_fts') || step.startsWith('LIST SUBQUERY'))).toEqual([]);
      expectNoFullSort(steps);
    }
    // With words, every match is read for its relevance anyway: the hints stay a second full-text match.
    expect(planSearch(SEARCH_QUERIES['dark roast coffee beans'] as ProductQuery).hints).toBeUndefined();
  });

  it('counts through the same index as the page, without reading a product it need not', () => {
    const plan = planSearch(SEARCH_QUERIES['running shoes'] as ProductQuery);
    const steps = planOf({ sql: `SELECT count(*) FROM (${plan.matches.sql} LIMIT ?)`, parameters: [...plan.matches.parameters, 101] }, '');
    expect(steps).toContain('SEARCH a USING PRIMARY KEY (name=? AND value=? AND category=?)');
    expect(steps.filter((step) => / p\b/.test(step))).toEqual([]);
    // With a brand, the product's row is where the brand is read.
    const branded = planSearch(SEARCH_QUERIES['Kestrel Athletics running shoes'] as ProductQuery);
    expect(planOf(branded.matches, ' LIMIT 101')).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('orders a band by what the index gives: price within the band, then the id', () => {
    const plan = planSearch({ ...EMPTY_QUERY, category: 'shoes', price: { maxMinor: 9000 } });
    expect(plan.bands).toEqual([{ inStock: true }, { inStock: false }]);
    expect(plan.band({ inStock: true }).sql).toMatch(/ORDER BY p\.price_minor DESC, p\.id$/);
    const hinted = planSearch({ ...EMPTY_QUERY, category: 'audio', hints: ['headphones'] });
    expect(hinted.bands).toEqual([
      { inStock: true, hinted: true },
      { inStock: true, hinted: false },
      { inStock: false, hinted: true },
      { inStock: false, hinted: false },
    ]);
  });
});
