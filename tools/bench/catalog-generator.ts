import type { Product } from '../../lambda/commerce/ports';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { seededRandom } from '../../lambda/commerce/sqlite/seeded-random';

/** A product as the bench inserts it into the embedded store's products table. */
export type GeneratedProduct = Pick<Product, 'id' | 'sku' | 'name' | 'spokenName' | 'brand' | 'category' | 'description' | 'stock'> & {
  readonly priceMinor: number;
  /** JSON, as the column holds it. */
  readonly attributes: string;
};

const SEED = 0x5ea4c4;
const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/**
 * A catalog of any size grown from the demo catalog: each demo product again and again as a new
 * model with its own made-up name, price and stock, so the search index holds as many distinct
 * words and rows as a real catalog of that size would. The same size always gives the same catalog.
 */
export function generateCatalog(size: number): GeneratedProduct[] {
  const random = seededRandom(SEED);
  const syllable = () => random.chars(CONSONANTS, 1) + random.chars(VOWELS, 1);
  const products: GeneratedProduct[] = [];
  for (let index = 0; index < size; index += 1) {
    const base = DEMO_PRODUCTS[index % DEMO_PRODUCTS.length];
    if (!base) throw new Error('bench: the demo catalog is empty');
    const word = syllable() + syllable() + syllable();
    const model = `${word.charAt(0).toUpperCase()}${word.slice(1)} ${random.int(2, 99)}`;
    products.push({
      id: `${base.id}-${index}`,
      sku: `${base.sku}-${index}`,
      name: `${base.name} ${model}`,
      spokenName: `${base.spokenName} ${model}`,
      brand: base.brand,
      category: base.category,
      description: base.description,
      priceMinor: Math.round(base.priceUsd * 100 * (0.7 + random.next() * 0.6)),
      stock: random.next() < 0.07 ? 0 : random.int(1, 140),
      attributes: JSON.stringify(base.attributes),
    });
  }
  return products;
}
