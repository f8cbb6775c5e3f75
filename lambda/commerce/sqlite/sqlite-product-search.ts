import type { Statement } from 'better-sqlite3';
import type { PageRequest, ProductPage, ProductQuery } from '../product-query';
import type { SqliteDatabase } from './open-database';
import { type ProductRow, spokenNamesOf, toProduct } from './rows';

const COLUMNS = `p.id, p.sku, p.name, p.spoken_name, p.brand, p.category, p.description, p.price_minor,
  p.currency, p.stock, p.restock_on, p.final_sale, p.attributes, ${spokenNamesOf('p.id')}`;

type Parameter = string | number;

/** One query shape's SQL: the same shape (not the same values) reuses one prepared statement. */
interface Shape {
  readonly key: string;
  readonly from: string;
  readonly where: string;
  readonly order: string;
  readonly parameters: readonly Parameter[];
  /** Values for placeholders in ORDER BY, which come after those of WHERE. */
  readonly orderParameters: readonly Parameter[];
}

/** Each spoken word narrows the search; a word may be the start of a longer one ("water" → "waterproof"). */
function matchExpression(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}

function shapeOf(query: ProductQuery): Shape {
  const conditions: string[] = [];
  const parameters: Parameter[] = [];
  const keyParts: string[] = [];
  const words = query.words.filter((word) => word.trim().length > 0);
  if (words.length > 0) {
    conditions.push('products_fts MATCH ?');
    parameters.push(matchExpression(words));
    keyParts.push('words');
  }
  if (query.category) {
    conditions.push('p.category = ?');
    parameters.push(query.category);
    keyParts.push('category');
  }
  if (query.brand) {
    conditions.push('p.brand = ?');
    parameters.push(query.brand);
    keyParts.push('brand');
  }
  if (query.price.minMinor !== undefined) {
    conditions.push('p.price_minor >= ?');
    parameters.push(query.price.minMinor);
    keyParts.push('min');
  }
  if (query.price.maxMinor !== undefined) {
    conditions.push('p.price_minor <= ?');
    parameters.push(query.price.maxMinor);
    keyParts.push('max');
  }
  for (const [name, values] of Object.entries(query.attributes).sort(([a], [b]) => a.localeCompare(b))) {
    for (const value of values) {
      conditions.push('EXISTS (SELECT 1 FROM product_attributes a WHERE a.name = ? AND a.value = ? AND a.product_id = p.id)');
      parameters.push(name, value);
      keyParts.push('attribute');
    }
  }
  // In stock first. Cheapest first when asked ("cheap", or the cheapest once a budget is dropped);
  // otherwise products matching the hints, the text's relevance when there is text, the best within
  // a budget when one was given, and the cheapest last of all.
  const hintOrder: string[] = [];
  const hints = query.hints.filter((hint) => hint.trim().length > 0);
  if (hints.length > 0) {
    hintOrder.push('(p.rowid IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?)) DESC');
    keyParts.push('hints');
  }
  const byPrice = query.cheapestFirst || query.price.maxMinor === undefined ? 'p.price_minor ASC' : 'p.price_minor DESC';
  const order = query.cheapestFirst
    ? ['(p.stock > 0) DESC', byPrice, ...hintOrder, 'p.id']
    : ['(p.stock > 0) DESC', ...hintOrder, ...(words.length > 0 ? ['bm25(products_fts)'] : []), byPrice, 'p.id'];
  keyParts.push(query.cheapestFirst ? 'cheap' : 'relevant');
  return {
    orderParameters: hints.length > 0 ? [hints.map((hint) => matchExpression(hint.split(/\s+/))).join(' OR ')] : [],
    key: keyParts.join(','),
    from: words.length > 0 ? 'products_fts JOIN products p ON p.rowid = products_fts.rowid' : 'products p',
    where: conditions.length > 0 ? conditions.join(' AND ') : '1 = 1',
    order: order.join(', '),
    parameters,
  };
}

/**
 * Search over the embedded catalog: structured filters on indexed columns and the attribute table,
 * free words through the FTS5 index, ranked in stock first.
 */
export function createSqliteProductSearch(db: SqliteDatabase) {
  const pages = new Map<string, Statement<Parameter[], ProductRow>>();
  const counts = new Map<string, Statement<Parameter[], { total: number }>>();

  function statements(shape: Shape) {
    let page = pages.get(shape.key);
    let count = counts.get(shape.key);
    if (!page || !count) {
      page = db.prepare<Parameter[], ProductRow>(
        `SELECT ${COLUMNS} FROM ${shape.from} WHERE ${shape.where} ORDER BY ${shape.order} LIMIT ? OFFSET ?`,
      );
      count = db.prepare<Parameter[], { total: number }>(`SELECT COUNT(*) AS total FROM ${shape.from} WHERE ${shape.where}`);
      pages.set(shape.key, page);
      counts.set(shape.key, count);
    }
    return { page, count };
  }

  return function search(query: ProductQuery, request: PageRequest): ProductPage {
    const shape = shapeOf(query);
    const { page, count } = statements(shape);
    const total = count.get(...shape.parameters)?.total ?? 0;
    if (total === 0) return { total, products: [] };
    const rows = page.all(
      ...shape.parameters,
      ...shape.orderParameters,
      Math.max(1, Math.trunc(request.limit)),
      Math.max(0, Math.trunc(request.offset)),
    );
    return { total, products: rows.map(toProduct) };
  };
}
