import type { Statement } from 'better-sqlite3';
import type { PageRequest, ProductPage, ProductQuery } from '../product-query';
import { type BandRow, createHintCheck, hintedPage } from './hinted-page';
import type { SqliteDatabase } from './open-database';
import { type ProductRow, spokenNamesOf, toProduct } from './rows';
import { type Clause, type Parameter, planSearch, type SearchPlan } from './search-plan';

/**
 * Matches are counted up to here: past it, a shopper hears "more than 100", which is as useful as
 * the exact number and far cheaper than counting every match of a large catalog.
 */
export const COUNTED_MATCHES = 100;

/** Distinct query shapes kept prepared; a shape is the SQL, whatever the values. */
const MAX_PREPARED = 256;

const COLUMNS = `p.id, p.sku, p.name, p.spoken_name, p.brand, p.category, p.description, p.price_minor,
  p.currency, p.stock, p.restock_on, p.final_sale, p.attributes, ${spokenNamesOf('p.id')}`;

function wholeNumber(value: number, least: number): number {
  return Number.isFinite(value) ? Math.max(least, Math.trunc(value)) : least;
}

/**
 * Search over the embedded catalog (the plan: search-plan.ts). The page is read band by band, in
 * stock first, each band in the order its index gives, so a large catalog yields a page without
 * sorting every match; the count stops once it is past what a reply can use. Hints are checked on
 * a band's first matches where those decide the page (hinted-page.ts), not read as every product
 * matching them.
 */
export function createSqliteProductSearch(db: SqliteDatabase) {
  const prepared = new Map<string, Statement<Parameter[]>>();
  const productsInOrder = db.prepare<[string], ProductRow>(
    `SELECT ${COLUMNS} FROM json_each(?) AS ranked CROSS JOIN products p ON p.rowid = ranked.value ORDER BY ranked.key`,
  );
  const hintCheck = createHintCheck(db);

  function statement(sql: string): Statement<Parameter[]> {
    let found = prepared.get(sql);
    if (!found) {
      if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
      found = db.prepare<Parameter[]>(sql);
      prepared.set(sql, found);
    }
    return found;
  }

  /** How many rows the clause yields, counting no further than `atMost`. */
  function countUpTo(clause: Clause, atMost: number): number {
    const sql = `SELECT count(*) AS total FROM (${clause.sql} LIMIT ?)`;
    const row = statement(sql).get(...clause.parameters, atMost) as { total: number } | undefined;
    return row?.total ?? 0;
  }

  function firstRows(clause: Clause, limit: number): BandRow[] {
    return statement(`${clause.sql} LIMIT ?`).all(...clause.parameters, limit) as BandRow[];
  }

  /** The rowids of the page, band after band; a band that ends inside the offset only has its length counted. */
  function pageOf(plan: SearchPlan, offset: number, limit: number): number[] {
    const rowids: number[] = [];
    let skip = offset;
    for (const band of plan.bands) {
      const need = limit - rowids.length;
      if (need <= 0) break;
      const ranked: Clause = plan.band(band);
      const found = statement(`${ranked.sql} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...ranked.parameters, need, skip) as number[];
      if (found.length > 0) {
        rowids.push(...found);
        skip = 0;
      } else if (skip > 0) {
        skip -= countUpTo(ranked, skip);
      }
    }
    return rowids;
  }

  return function search(query: ProductQuery, request: PageRequest): ProductPage {
    const offset = wholeNumber(request.offset, 0);
    const limit = wholeNumber(request.limit, 1);
    const plan = planSearch(query);
    // Counted far enough that "more" is still known past the page asked for.
    const enough = Math.max(COUNTED_MATCHES, offset + limit + 1);
    const counted = countUpTo(plan.matches, enough + 1);
    const total = Math.min(counted, enough);
    const moreThanTotal = counted > enough;
    if (counted === 0 || offset >= counted) return { total, ...(moreThanTotal ? { moreThanTotal } : {}), products: [] };
    const rowids = (plan.hints && hintedPage(plan.hints, firstRows, hintCheck, offset, limit)) ?? pageOf(plan, offset, limit);
    const products = rowids.length > 0 ? productsInOrder.all(JSON.stringify(rowids)).map(toProduct) : [];
    return { total, ...(moreThanTotal ? { moreThanTotal } : {}), products };
  };
}
