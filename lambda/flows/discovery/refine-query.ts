import type { ProductQuery } from '../../commerce/product-query';

/**
 * A follow-up ("in blue", "something for running instead") changes what it names and keeps the
 * rest of the last query: a named attribute replaces that attribute's values, a named category or
 * price replaces the old one, new free words replace the old ones.
 */
export function refineQuery(previous: ProductQuery, change: ProductQuery): ProductQuery {
  const changedPrice = change.price.minMinor !== undefined || change.price.maxMinor !== undefined;
  return {
    ...((change.category ?? previous.category) ? { category: change.category ?? previous.category } : {}),
    ...((change.brand ?? previous.brand) ? { brand: change.brand ?? previous.brand } : {}),
    attributes: { ...previous.attributes, ...change.attributes },
    words: change.words.length > 0 ? change.words : previous.words,
    hints: change.category ? change.hints : [...previous.hints, ...change.hints],
    price: changedPrice ? change.price : previous.price,
    cheapestFirst: previous.cheapestFirst || change.cheapestFirst,
  };
}

/** "Cheaper": below the cheapest product just offered. */
export function cheaperThan(previous: ProductQuery, cheapestOfferedMinor: number): ProductQuery {
  return { ...previous, price: { ...previous.price, maxMinor: Math.max(0, cheapestOfferedMinor - 1) }, cheapestFirst: false };
}
