import type { Product } from '../../commerce/ports';
import { packSizeOf, packSizesOf } from './pack-sizes';

export type Alternative =
  | { readonly kind: 'other-size'; readonly product: Product }
  | { readonly kind: 'similar'; readonly product: Product };

/** A shared brand counts for this much of the similarity, next to at most 1 for shared attributes. */
const SAME_BRAND_WEIGHT = 0.25;
/** A price as close as can be counts for this much. */
const PRICE_WEIGHT = 0.25;

function attributeValues(product: Product): Set<string> {
  return new Set(Object.entries(product.attributes).flatMap(([name, values]) => values.map((value) => `${name}:${value.toLowerCase()}`)));
}

/**
 * How alike two products are: the share of their attribute values they have in common (roast,
 * form, use, flavor…), plus a little for the same brand and for a similar price.
 */
export function similarity(a: Product, b: Product): number {
  const ours = attributeValues(a);
  const theirs = attributeValues(b);
  const shared = [...ours].filter((value) => theirs.has(value)).length;
  const union = new Set([...ours, ...theirs]).size;
  const attributes = union === 0 ? 0 : shared / union;
  const brand = a.brand === b.brand ? SAME_BRAND_WEIGHT : 0;
  const high = Math.max(a.price.minor, b.price.minor);
  const price = high === 0 ? PRICE_WEIGHT : (PRICE_WEIGHT * Math.min(a.price.minor, b.price.minor)) / high;
  return attributes + brand + price;
}

/** How far apart two pack sizes are, as a ratio: 12 oz to 2 lb is as far as 2 lb to 12 oz. */
function sizeDistance(a: Product, b: Product): number {
  const ours = packSizeOf(a)?.size.amount ?? 1;
  const theirs = packSizeOf(b)?.size.amount ?? 1;
  return Math.abs(Math.log(theirs / ours));
}

/**
 * The closest thing in stock to a product that is not: the same product in another pack size (the
 * nearest size first), otherwise the most similar in-stock product of its category.
 */
export function closestInStock(product: Product, sameCategory: readonly Product[]): Alternative | undefined {
  const available = (candidate: Product) => candidate.id !== product.id && candidate.stock > 0;
  const [otherSize] = packSizesOf(product, sameCategory)
    .filter(available)
    .sort((a, b) => sizeDistance(product, a) - sizeDistance(product, b));
  if (otherSize) return { kind: 'other-size', product: otherSize };
  const [similar] = sameCategory
    .filter((candidate) => available(candidate) && candidate.category === product.category)
    .map((candidate) => ({ candidate, score: similarity(product, candidate) }))
    .sort((a, b) => b.score - a.score || a.candidate.id.localeCompare(b.candidate.id));
  return similar ? { kind: 'similar', product: similar.candidate } : undefined;
}
