import type { Product } from '../../commerce/ports';

/**
 * Pack sizes: the same product sold in several sizes is several catalog products whose names
 * differ only in a trailing size ("…Whole Bean Coffee, 12 oz" and "…Whole Bean Coffee, 2 lb"),
 * from the same brand, in the same category.
 */

type Dimension = 'weight' | 'volume' | 'count';

export interface PackSize {
  /** As written in the name: "12 oz". */
  readonly label: string;
  readonly dimension: Dimension;
  /** In grams, millilitres or pieces, so sizes compare across units. */
  readonly amount: number;
}

const UNITS: Readonly<Record<string, { readonly dimension: Dimension; readonly factor: number }>> = {
  oz: { dimension: 'weight', factor: 28.35 },
  lb: { dimension: 'weight', factor: 453.6 },
  lbs: { dimension: 'weight', factor: 453.6 },
  g: { dimension: 'weight', factor: 1 },
  kg: { dimension: 'weight', factor: 1000 },
  'fl oz': { dimension: 'volume', factor: 29.57 },
  ml: { dimension: 'volume', factor: 1 },
  l: { dimension: 'volume', factor: 1000 },
  quart: { dimension: 'volume', factor: 946.4 },
  count: { dimension: 'count', factor: 1 },
  bags: { dimension: 'count', factor: 1 },
  pack: { dimension: 'count', factor: 1 },
};

const TRAILING_SIZE = /^(.+?),\s*(\d+(?:\.\d+)?)\s*(fl oz|oz|lbs|lb|kg|g|ml|l|quart|count|bags|pack)$/i;

/** The name without its size, and the size; undefined for a product sold in one size only. */
export function packSizeOf(product: Pick<Product, 'name'>): { readonly base: string; readonly size: PackSize } | undefined {
  const match = TRAILING_SIZE.exec(product.name.trim());
  const [, base, amount, unitWord] = match ?? [];
  const unit = unitWord ? UNITS[unitWord.toLowerCase()] : undefined;
  if (!base || !amount || !unitWord || !unit) return undefined;
  return {
    base: base.trim().toLowerCase(),
    size: { label: `${amount} ${unitWord}`, dimension: unit.dimension, amount: Number(amount) * unit.factor },
  };
}

/** The product and its other pack sizes among `candidates`, smallest first; just the product when it has none. */
export function packSizesOf(product: Product, candidates: readonly Product[]): Product[] {
  const own = packSizeOf(product);
  if (!own) return [product];
  const family = candidates.filter((candidate) => {
    if (candidate.id === product.id || candidate.brand !== product.brand || candidate.category !== product.category) return false;
    const theirs = packSizeOf(candidate);
    return theirs !== undefined && theirs.base === own.base && theirs.size.dimension === own.size.dimension;
  });
  return [product, ...family].sort((a, b) => (packSizeOf(a)?.size.amount ?? 0) - (packSizeOf(b)?.size.amount ?? 0));
}
