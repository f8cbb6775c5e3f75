import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './open-database';
import type { Clause, HintRanking } from './search-plan';

/** A stock band's match, in the band's order without the hints. */
export interface BandRow {
  readonly rowid: number;
  readonly price: number;
}

/** Reads a clause's first rows, at most `limit` of them. */
export type ReadRows = (clause: Clause, limit: number) => readonly BandRow[];

/** Which of the products (rowids) match a full-text expression. */
export type HintCheck = (rowids: readonly number[], match: string) => ReadonlySet<number>;

/** How many more first matches than the page reaches are read: a hint that most matches share decides the page from them. */
const SPARE_MATCHES = 8;
/** Past this many first matches (a deep page, a rare hint), the hints are looked up as a set after all. */
const MOST_MATCHES = 64;

/** The text products_fts holds for a product, as its triggers and the bulk load write it. */
const PRODUCT_TEXT = `p.name, p.spoken_name, p.brand, p.description,
  (SELECT group_concat(value.value, ' ') FROM json_each(p.attributes) AS attribute, json_each(attribute.value) AS value)`;

/** The tokenize option products_fts was created with, so that the same words match the same way. */
function tokenizeOption(db: SqliteDatabase): string {
  const sql = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'products_fts'").pluck().get();
  const option = sql?.match(/tokenize\s*=\s*('(?:[^']|'')*'|"(?:[^"]|"")*")/i)?.[1];
  return option === undefined ? '' : `, tokenize = ${option}`;
}

/**
 * Checks hints on a few products only. A full-text prefix ("headphones"*) costs as much for one
 * product as for all of them (every word it starts is read for every product that has it), so the
 * few products' text goes into a full-text table of their own, tokenized like products_fts, where
 * the same expression reads only them. The table lives in this connection's temp schema, emptied
 * after each check.
 */
export function createHintCheck(db: SqliteDatabase): HintCheck {
  let statements: { fill: Statement<[string]>; match: Statement<[string], number>; empty: Statement<[]> } | undefined;
  function prepared() {
    if (!statements) {
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.products_hint_check USING fts5(name, spoken_name, brand, description, attribute_values${tokenizeOption(db)})`);
      statements = {
        fill: db.prepare(`INSERT INTO temp.products_hint_check (rowid, name, spoken_name, brand, description, attribute_values)
          SELECT p.rowid, ${PRODUCT_TEXT} FROM json_each(?) AS checked CROSS JOIN products p ON p.rowid = checked.value`),
        match: db.prepare<[string], number>('SELECT rowid FROM temp.products_hint_check WHERE products_hint_check MATCH ?').pluck(),
        empty: db.prepare('DELETE FROM temp.products_hint_check'),
      };
    }
    return statements;
  }
  return (rowids, match) => {
    if (rowids.length === 0) return new Set();
    const { fill, match: matching, empty } = prepared();
    fill.run(JSON.stringify(rowids));
    try {
      return new Set(matching.all(match));
    } finally {
      empty.run();
    }
  };
}

/**
 * The part of a band's ranking that its first rows decide: hinted rows first (all of them when the
 * band ended within the rows, else only the hinted ones, as later hinted rows come before the
 * others), or hinted first within each price (all but the last price, which may go on past them).
 */
function rankedFirstRows(rows: readonly BandRow[], hinted: ReadonlySet<number>, moves: HintRanking['moves'], wholeBand: boolean): number[] {
  const first = (group: readonly BandRow[]) => [...group.filter((row) => hinted.has(row.rowid)), ...group.filter((row) => !hinted.has(row.rowid))];
  if (moves === 'before others') {
    const ranked = first(rows).map((row) => row.rowid);
    return wholeBand ? ranked : ranked.slice(0, rows.filter((row) => hinted.has(row.rowid)).length);
  }
  const last = rows.at(-1)?.price;
  const decided = wholeBand ? rows : rows.filter((row) => row.price !== last);
  const ranked: number[] = [];
  for (let start = 0; start < decided.length; ) {
    let end = start + 1;
    while (end < decided.length && decided[end]?.price === decided[start]?.price) end += 1;
    ranked.push(...first(decided.slice(start, end)).map((row) => row.rowid));
    start = end;
  }
  return ranked;
}

/**
 * A page of a hinted search from the first matches of each stock band, their hints checked on them
 * alone; undefined when those rows do not decide the page (a hint few of them match, a deep page),
 * and the hints must be looked up as a set.
 */
export function hintedPage(hints: HintRanking, read: ReadRows, check: HintCheck, offset: number, limit: number): number[] | undefined {
  const rowids: number[] = [];
  let skip = offset;
  for (const inStock of [true, false]) {
    const need = limit - rowids.length;
    if (need <= 0) break;
    const reach = 2 * (skip + need) + SPARE_MATCHES;
    if (reach > MOST_MATCHES) return undefined;
    const rows = read(hints.unhinted(inStock), reach);
    const wholeBand = rows.length < reach;
    const ranked = rankedFirstRows(rows, check(rows.map((row) => row.rowid), hints.match), hints.moves, wholeBand);
    if (!wholeBand && ranked.length < skip + need) return undefined;
    rowids.push(...ranked.slice(skip, skip + need));
    skip = Math.max(0, skip - ranked.length);
  }
  return rowids;
}
