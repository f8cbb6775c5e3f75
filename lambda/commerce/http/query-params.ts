import type { OrderQuery } from '../ports';
import type { PageRequest, ProductQuery } from '../product-query';
import { MAX_PRODUCTS_PER_PAGE } from './wire-limits';

/**
 * The query strings of the store API's GET operations (commerce-api.yaml), both ways: the adapter
 * writes them, the reference store server reads them back into the same query.
 *
 * Product search:
 *   category, brand        one value each
 *   attribute=name:value   repeated; the name ends at the first ":", the value may contain more
 *   word, hint             repeated
 *   minPrice, maxPrice     whole minor units of the catalog's currency
 *   cheapestFirst          true or false (default false)
 *   offset, limit          the page: offset ≥ 0 (default 0), limit ≥ 1 (default 10); Shopvoice
 *                          asks for at most MAX_PRODUCTS_PER_PAGE and reads no more than it asked for
 * A shopper's orders:
 *   since                  ISO 8601 date-time; only orders placed then or later
 *   limit                  ≥ 1; at most this many, newest first
 */

const DEFAULT_PAGE_LIMIT = 10;

export function productSearchParams(query: ProductQuery, page: PageRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (query.category) params.set('category', query.category);
  if (query.brand) params.set('brand', query.brand);
  for (const [name, values] of Object.entries(query.attributes)) {
    for (const value of values) params.append('attribute', `${name}:${value}`);
  }
  for (const word of query.words) params.append('word', word);
  for (const hint of query.hints) params.append('hint', hint);
  // Prices are whole minor units, so a fractional bound means the same as the whole one inside it.
  if (query.price.minMinor !== undefined) params.set('minPrice', String(Math.max(0, Math.ceil(query.price.minMinor))));
  if (query.price.maxMinor !== undefined) params.set('maxPrice', String(Math.max(0, Math.floor(query.price.maxMinor))));
  if (query.cheapestFirst) params.set('cheapestFirst', 'true');
  params.set('offset', String(wholeOr(page.offset, 0, 0)));
  // No more is asked for than one answer is read of (wire-limits.ts).
  params.set('limit', String(Math.min(wholeOr(page.limit, DEFAULT_PAGE_LIMIT, 1), MAX_PRODUCTS_PER_PAGE)));
  return params;
}

/** The embedded search truncates and clamps a page the same way, so both stores read one page alike. */
function wholeOr(value: number, fallback: number, min: number): number {
  return Number.isFinite(value) ? Math.max(min, Math.trunc(value)) : fallback;
}

export function orderQueryParams(query: OrderQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.placedSince) params.set('since', query.placedSince.toISOString());
  if (query.limit !== undefined && Number.isFinite(query.limit)) params.set('limit', String(Math.floor(query.limit)));
  if (query.openOrDeliveredSince) params.set('openOrDeliveredSince', query.openOrDeliveredSince.toISOString());
  return params;
}

/** An instant parameter, when given and well-formed; a problem named when it is not. */
function instant(params: URLSearchParams, name: string, problems: string[]): Date | undefined {
  const text = single(params, name, problems);
  const value = text !== undefined && INSTANT.test(text) ? new Date(text) : undefined;
  if (text !== undefined && (value === undefined || Number.isNaN(value.getTime()))) {
    problems.push(`${name}: must be an ISO 8601 date-time with a zone, e.g. 2026-11-01T00:00:00Z`);
    return undefined;
  }
  return value;
}

/** A parsed query string, or the names of the parameters that were wrong. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

const WHOLE = /^\d{1,15}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function single(params: URLSearchParams, name: string, problems: string[]): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) problems.push(`${name}: give it once`);
  return values[0];
}

function whole(params: URLSearchParams, name: string, min: number, problems: string[]): number | undefined {
  const text = single(params, name, problems);
  if (text === undefined) return undefined;
  const value = WHOLE.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min)) {
    problems.push(`${name}: must be a whole number of at least ${min}`);
    return undefined;
  }
  return value;
}

function nonEmpty(params: URLSearchParams, name: string, problems: string[]): string | undefined {
  const text = single(params, name, problems);
  if (text === '') problems.push(`${name}: must not be empty`);
  return text === '' ? undefined : text;
}

export function readProductSearch(params: URLSearchParams): Parsed<{ query: ProductQuery; page: PageRequest }> {
  const problems: string[] = [];
  const attributes: Record<string, string[]> = {};
  for (const pair of params.getAll('attribute')) {
    const colon = pair.indexOf(':');
    if (colon < 1 || colon === pair.length - 1) {
      problems.push('attribute: must be name:value');
      continue;
    }
    const name = pair.slice(0, colon);
    (attributes[name] ??= []).push(pair.slice(colon + 1));
  }
  const cheapestFirst = single(params, 'cheapestFirst', problems);
  if (cheapestFirst !== undefined && cheapestFirst !== 'true' && cheapestFirst !== 'false') problems.push('cheapestFirst: must be true or false');
  const category = nonEmpty(params, 'category', problems);
  const brand = nonEmpty(params, 'brand', problems);
  const minMinor = whole(params, 'minPrice', 0, problems);
  const maxMinor = whole(params, 'maxPrice', 0, problems);
  const offset = whole(params, 'offset', 0, problems) ?? 0;
  const limit = whole(params, 'limit', 1, problems) ?? DEFAULT_PAGE_LIMIT;
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      query: {
        ...(category !== undefined ? { category } : {}),
        ...(brand !== undefined ? { brand } : {}),
        attributes,
        words: params.getAll('word'),
        hints: params.getAll('hint'),
        price: { ...(minMinor !== undefined ? { minMinor } : {}), ...(maxMinor !== undefined ? { maxMinor } : {}) },
        cheapestFirst: cheapestFirst === 'true',
      },
      page: { offset, limit },
    },
  };
}

export function readOrderQuery(params: URLSearchParams): Parsed<OrderQuery> {
  const problems: string[] = [];
  const since = instant(params, 'since', problems);
  const limit = whole(params, 'limit', 1, problems);
  const openOrDeliveredSince = instant(params, 'openOrDeliveredSince', problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { ...(since ? { placedSince: since } : {}), ...(limit !== undefined ? { limit } : {}), ...(openOrDeliveredSince ? { openOrDeliveredSince } : {}) },
  };
}

/** A locale as BCP 47 writes it: "en-US", "de-DE". */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function readLocale(params: URLSearchParams): Parsed<string> {
  const problems: string[] = [];
  const locale = single(params, 'locale', problems);
  if (locale === undefined || !LOCALE_PATTERN.test(locale)) problems.push('locale: required, e.g. en-US');
  return problems.length > 0 || locale === undefined ? { ok: false, problems } : { ok: true, value: locale };
}
