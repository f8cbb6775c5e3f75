import type { ProductQuery } from '../product-query';

export type Parameter = string | number;

/** SQL text with the values for its placeholders, in the order they appear. */
export interface Clause {
  readonly sql: string;
  readonly parameters: readonly Parameter[];
}

/**
 * A band of the ranking: search ranks in stock first and, when the shopper's words hint at part of
 * a category ("headphones" within audio), the hinted products first within that. Within a band the
 * order is one an index can give (price) or one only the matches can (relevance to the words).
 */
export interface Band {
  readonly inStock: boolean;
  /** Undefined when hints do not split the ranking into bands. */
  readonly hinted?: boolean;
}

export interface SearchPlan {
  /** Every product the query matches, in no particular order: for counting. */
  readonly matches: Clause;
  /** The bands in ranking order. */
  readonly bands: readonly Band[];
  /** A band's matches as product rowids in ranking order, to be followed by LIMIT and OFFSET. */
  band(band: Band): Clause;
  /** How hints rank, when there are hints and no words: a page can then be ranked from a band's first matches alone. */
  readonly hints?: HintRanking;
}

/**
 * Hints move matching products up within a stock band: before every other product, or (cheapest
 * first) before the others of the same price. Either way only reorders the band's own order.
 */
export interface HintRanking {
  /** The full-text expression a product's text must match to be hinted. */
  readonly match: string;
  readonly moves: 'before others' | 'before others of the same price';
  /** A stock band's matches in their order without the hints, as `rowid` and `price`, to be followed by LIMIT. */
  unhinted(inStock: boolean): Clause;
}

interface Source {
  readonly from: string;
  /** The same rows without the products table, where nothing but the brand is read from it. */
  readonly fromAlone?: string;
  /** Whether the source itself narrows to the category and to the first attribute value. */
  readonly narrowsToCategory: boolean;
  readonly narrowsToFirstAttribute: boolean;
  /** The column the in-stock band and the price range are read from: the driving index's own where it has one. */
  readonly inStock: string;
  readonly price: string;
  /** What the source itself narrows to; placeholders before every other condition's. */
  readonly where: readonly Clause[];
  /** An attribute value the source does not narrow to itself. */
  attribute(name: string, value: string, inStock?: boolean): Clause;
}

const WORDS_TABLE = 'products_fts';

/** Each spoken word narrows the search; a word may be the start of a longer one ("water" → "waterproof"). */
function matchExpression(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}

/** Any one hint, each of its words as the start of a word. */
function hintExpression(hints: readonly string[]): string {
  return hints.map((hint) => matchExpression(hint.split(/\s+/))).join(' OR ');
}

function attributePairs(query: ProductQuery): [string, string][] {
  return Object.entries(query.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
}

/** A product's attribute row, found by its whole key: one index probe. */
function probeAttribute(category: string, inStock: string, price: string, rowid: string) {
  return (name: string, value: string): Clause => ({
    sql: `EXISTS (SELECT 1 FROM product_attributes x WHERE x.name = ? AND x.value = ? AND x.category = ${category} AND x.in_stock = ${inStock} AND x.price_minor = ${price} AND x.product_rowid = ${rowid})`,
    parameters: [name, value],
  });
}

/**
 * Where the matches are read from. Words: the full-text index, the only place that knows relevance.
 * Otherwise a category with attribute values: the first value's rows within the category, already
 * in ranking order. Otherwise a category or a brand: its products through its ranked index. Otherwise
 * the first attribute value's rows (sorted: they span categories), or else every product through
 * the catalog's ranked index.
 */
function sourceOf(query: ProductQuery, words: readonly string[], attributes: readonly [string, string][]): Source {
  if (words.length > 0) {
    return {
      from: `${WORDS_TABLE} CROSS JOIN products p ON p.rowid = ${WORDS_TABLE}.rowid`,
      narrowsToCategory: false,
      narrowsToFirstAttribute: false,
      inStock: '(p.stock > 0)',
      price: 'p.price_minor',
      where: [{ sql: `${WORDS_TABLE} MATCH ?`, parameters: [matchExpression(words)] }],
      // Many words match many products: an attribute is a set read once and looked up per match,
      // before the product's row is read. (The unary + keeps SQLite from handing the set to the
      // full-text index as rowids to match one by one, which would run the match once per rowid.)
      attribute: (name, value, inStock) => ({
        sql: `+${WORDS_TABLE}.rowid IN (SELECT product_rowid FROM product_attributes WHERE name = ? AND value = ?${query.category ? ' AND category = ?' : ''}${inStock === undefined ? '' : ' AND in_stock = ?'})`,
        parameters: [name, value, ...(query.category ? [query.category] : []), ...(inStock === undefined ? [] : [inStock ? 1 : 0])],
      }),
    };
  }
  const [first] = attributes;
  if (first && (query.category || !query.brand)) {
    return {
      from: 'product_attributes a CROSS JOIN products p ON p.rowid = a.product_rowid',
      fromAlone: 'product_attributes a',
      narrowsToCategory: query.category !== undefined,
      narrowsToFirstAttribute: true,
      inStock: 'a.in_stock',
      price: 'a.price_minor',
      where: [
        { sql: 'a.name = ? AND a.value = ?', parameters: [first[0], first[1]] },
        ...(query.category ? [{ sql: 'a.category = ?', parameters: [query.category] }] : []),
      ],
      attribute: probeAttribute('a.category', 'a.in_stock', 'a.price_minor', 'a.product_rowid'),
    };
  }
  return {
    from: 'products p',
    narrowsToCategory: false,
    narrowsToFirstAttribute: false,
    inStock: '(p.stock > 0)',
    price: 'p.price_minor',
    where: [],
    attribute: probeAttribute('p.category', '(p.stock > 0)', 'p.price_minor', 'p.rowid'),
  };
}

/**
 * Whether a product matches any hint: a set read once. Among products matching the words, only
 * those that also match the hints need be in it, which the full-text index finds by itself.
 */
function hintedClause(rowid: string, words: readonly string[], hints: readonly string[]): Clause {
  const match = words.length > 0 ? `(${matchExpression(words)}) AND (${hintExpression(hints)})` : hintExpression(hints);
  return { sql: `${rowid} IN (SELECT rowid FROM ${WORDS_TABLE} WHERE ${WORDS_TABLE} MATCH ?)`, parameters: [match] };
}

function join(clauses: readonly Clause[], separator: string): Clause {
  return { sql: clauses.map((clause) => clause.sql).join(separator), parameters: clauses.flatMap((clause) => clause.parameters) };
}

/**
 * How the embedded catalog answers a query: which index leads, what narrows, and the ranking —
 * in stock first; cheapest first when asked ("cheap", or the cheapest once a budget is dropped);
 * otherwise products matching the hints, the text's relevance when there is text, the best within a
 * budget when one was given, and the cheapest last of all; the id breaks any tie.
 */
export function planSearch(query: ProductQuery): SearchPlan {
  const words = query.words.filter((word) => word.trim().length > 0);
  const hints = query.hints.filter((hint) => hint.trim().length > 0);
  const attributes = attributePairs(query);
  const source = sourceOf(query, words, attributes);
  const rowid = words.length > 0 ? `+${WORDS_TABLE}.rowid` : 'p.rowid';

  const filters: Clause[] = [...source.where];
  if (query.category && !source.narrowsToCategory) filters.push({ sql: 'p.category = ?', parameters: [query.category] });
  if (query.brand) filters.push({ sql: 'p.brand = ?', parameters: [query.brand] });
  if (query.price.minMinor !== undefined) filters.push({ sql: `${source.price} >= ?`, parameters: [query.price.minMinor] });
  if (query.price.maxMinor !== undefined) filters.push({ sql: `${source.price} <= ?`, parameters: [query.price.maxMinor] });
  const otherAttributes = source.narrowsToFirstAttribute ? attributes.slice(1) : attributes;

  const hinted = hints.length > 0 ? hintedClause(rowid, words, hints) : undefined;
  const hintBands = hinted !== undefined && !query.cheapestFirst;
  const bands: Band[] = [true, false].flatMap((inStock) => (hintBands ? [{ inStock, hinted: true }, { inStock, hinted: false }] : [{ inStock }]));

  const byPrice: Clause = { sql: `${source.price} ${query.cheapestFirst || query.price.maxMinor === undefined ? 'ASC' : 'DESC'}`, parameters: [] };
  const byId: Clause = { sql: 'p.id', parameters: [] };
  const unhintedOrder: Clause[] = query.cheapestFirst
    ? [byPrice, byId]
    : [...(words.length > 0 ? [{ sql: `bm25(${WORDS_TABLE})`, parameters: [] }] : []), byPrice, byId];
  const order: Clause[] = query.cheapestFirst && hinted ? [byPrice, { sql: `(${hinted.sql}) DESC`, parameters: hinted.parameters }, byId] : unhintedOrder;
  const stockBand = (inStock: boolean): Clause[] => [
    ...filters,
    { sql: `${source.inStock} = ?`, parameters: [inStock ? 1 : 0] },
    ...otherAttributes.map(([name, value]) => source.attribute(name, value, inStock)),
  ];

  const matches = join([...filters, ...otherAttributes.map(([name, value]) => source.attribute(name, value))], ' AND ');
  // Counting reads no product it need not: a product's row is a random read in a large catalog.
  const countFrom = source.fromAlone !== undefined && query.brand === undefined ? source.fromAlone : source.from;
  return {
    matches: { sql: `SELECT 1 FROM ${countFrom} WHERE ${matches.sql || '1 = 1'}`, parameters: matches.parameters },
    bands,
    band(band) {
      const where = join(
        [
          ...stockBand(band.inStock),
          ...(band.hinted === undefined || !hinted ? [] : [band.hinted ? hinted : { sql: `${rowid} NOT IN (SELECT rowid FROM ${WORDS_TABLE} WHERE ${WORDS_TABLE} MATCH ?)`, parameters: hinted.parameters }]),
        ],
        ' AND ',
      );
      const orderBy = join(order, ', ');
      return {
        sql: `SELECT p.rowid FROM ${source.from} WHERE ${where.sql} ORDER BY ${orderBy.sql}`,
        parameters: [...where.parameters, ...orderBy.parameters],
      };
    },
    // With words, every match is read for its relevance anyway, and the hints narrow the same
    // full-text match; without, a band's first matches come from an index, and few decide a page.
    ...(hinted && words.length === 0 && {
      hints: {
        match: hintExpression(hints),
        moves: query.cheapestFirst ? 'before others of the same price' : 'before others',
        unhinted(inStock) {
          const where = join(stockBand(inStock), ' AND ');
          const orderBy = join(unhintedOrder, ', ');
          return {
            sql: `SELECT p.rowid AS rowid, ${source.price} AS price FROM ${source.from} WHERE ${where.sql} ORDER BY ${orderBy.sql}`,
            parameters: [...where.parameters, ...orderBy.parameters],
          };
        },
      },
    }),
  };
}
