import type { ProductQuery } from '../../commerce/product-query';

/** Which constraint was dropped to find something, so the shopper hears what to give up. */
export type Relaxation =
  | { readonly kind: 'price' }
  | { readonly kind: 'words' }
  | { readonly kind: 'attribute'; readonly name: string; readonly value: string }
  | { readonly kind: 'brand' };

/**
 * The queries to try when nothing matched, each one constraint looser, in the order a shopper is
 * most likely to give things up: the budget first, then unexplained words, then attributes, then
 * the brand. The category is never dropped: "no jackets, but here is a mug" helps nobody.
 */
export function relaxations(query: ProductQuery): { readonly query: ProductQuery; readonly relaxed: Relaxation }[] {
  const out: { query: ProductQuery; relaxed: Relaxation }[] = [];
  if (query.price.minMinor !== undefined || query.price.maxMinor !== undefined) {
    out.push({ query: { ...query, price: {}, cheapestFirst: true }, relaxed: { kind: 'price' } });
  }
  if (query.words.length > 0) out.push({ query: { ...query, words: [] }, relaxed: { kind: 'words' } });
  for (const [name, values] of Object.entries(query.attributes)) {
    for (const value of values) {
      const remaining = values.filter((other) => other !== value);
      const attributes = { ...query.attributes, [name]: remaining };
      if (remaining.length === 0) delete attributes[name];
      out.push({ query: { ...query, attributes }, relaxed: { kind: 'attribute', name, value } });
    }
  }
  if (query.brand) {
    const { brand: _dropped, ...rest } = query;
    out.push({ query: rest, relaxed: { kind: 'brand' } });
  }
  return out;
}
