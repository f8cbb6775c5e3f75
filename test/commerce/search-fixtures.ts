import { EMPTY_QUERY, type PageRequest, type ProductQuery } from '../../lambda/commerce/product-query';
import { type CatalogRecord, loadProductsInBulk } from '../../lambda/commerce/sqlite/catalog-bulk-load';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase, type SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { writeCatalogTerms } from '../../lambda/commerce/sqlite/sqlite-catalog-terms';
import { generateCatalog } from '../../tools/bench/catalog-generator';

/**
 * Queries of every shape the embedded search plans differently (words or not, a category with
 * attribute values or not, hints, a budget, cheapest first), given as discovery would hand them
 * over, so that they do not change when understanding does.
 */
export const SEARCH_QUERIES: Readonly<Record<string, ProductQuery>> = {
  'waterproof hiking jackets under 150 dollars': { ...EMPTY_QUERY, category: 'jackets', attributes: { feature: ['waterproof'], use: ['hiking'] }, price: { maxMinor: 15000 } },
  'running shoes': { ...EMPTY_QUERY, category: 'shoes', attributes: { use: ['running'] } },
  'cheap headphones': { ...EMPTY_QUERY, category: 'audio', hints: ['headphones'], cheapestFirst: true },
  'dark roast coffee beans': { ...EMPTY_QUERY, category: 'coffee', attributes: { roast: ['dark'] }, words: ['roast'], hints: ['coffee beans'] },
  jackets: { ...EMPTY_QUERY, category: 'jackets' },
  'jackets between 100 and 200 dollars': { ...EMPTY_QUERY, category: 'jackets', price: { minMinor: 10000, maxMinor: 20000 } },
  'jackets over 100 dollars': { ...EMPTY_QUERY, category: 'jackets', price: { minMinor: 10000 } },
  'cheapest shoes': { ...EMPTY_QUERY, category: 'shoes', cheapestFirst: true },
  'anything from Northpeak': { ...EMPTY_QUERY, brand: 'Northpeak' },
  'Northpeak jackets under 200 dollars': { ...EMPTY_QUERY, brand: 'Northpeak', category: 'jackets', price: { maxMinor: 20000 } },
  'something black': { ...EMPTY_QUERY, attributes: { color: ['black'] } },
  'black and navy apparel': { ...EMPTY_QUERY, category: 'apparel', attributes: { color: ['black', 'navy'] } },
  'black waterproof things under 100 dollars': { ...EMPTY_QUERY, attributes: { color: ['black'], feature: ['waterproof'] }, price: { maxMinor: 10000 } },
  'Kestrel Athletics running shoes': { ...EMPTY_QUERY, brand: 'Kestrel Athletics', category: 'shoes', attributes: { use: ['running'] } },
  'waterproof (words)': { ...EMPTY_QUERY, words: ['waterproof'] },
  'rain jackets (words)': { ...EMPTY_QUERY, category: 'jackets', words: ['rain'] },
  'cheapest coffee (words)': { ...EMPTY_QUERY, words: ['coffee'], cheapestFirst: true },
  'speakers': { ...EMPTY_QUERY, category: 'audio', hints: ['speaker'] },
  'speakers under 100 dollars': { ...EMPTY_QUERY, category: 'audio', hints: ['speaker'], price: { maxMinor: 10000 } },
  'wireless speakers or headphones': { ...EMPTY_QUERY, category: 'audio', attributes: { feature: ['wireless'] }, hints: ['speaker', 'headphones'] },
  'cheap waterproof rain shoes': { ...EMPTY_QUERY, category: 'shoes', attributes: { feature: ['waterproof'] }, words: ['trail'], hints: ['rain'], cheapestFirst: true },
  'anything under 20 dollars': { ...EMPTY_QUERY, price: { maxMinor: 2000 } },
  'anything over 300 dollars': { ...EMPTY_QUERY, price: { minMinor: 30000 } },
  everything: EMPTY_QUERY,
  'a category the store does not have': { ...EMPTY_QUERY, category: 'surfboards' },
  'words nothing has': { ...EMPTY_QUERY, words: ['zyxxy'] },
  'a word with a quote in it': { ...EMPTY_QUERY, words: ['rain"coat'] },
};

/** The pages discovery, checkout and the MCP tool ask for, and some deep inside a long list. */
export const PAGES: readonly PageRequest[] = [
  { offset: 0, limit: 3 },
  { offset: 3, limit: 3 },
  { offset: 0, limit: 1 },
  { offset: 98, limit: 3 },
  { offset: 150, limit: 3 },
];

/** How many products the generated catalog of these tests holds: every demo product 14 times over or so. */
export const GENERATED_SIZE = 3_000;

/** The generated catalog as a catalog load takes it. */
export function generatedRecords(size = GENERATED_SIZE): CatalogRecord[] {
  return generateCatalog(size).map(({ attributes, ...product }) => ({
    ...product,
    currency: 'USD',
    attributes: JSON.parse(attributes) as CatalogRecord['attributes'],
  }));
}

/** A fresh store file (in memory) with the schema, the demo's catalog words and the generated catalog, loaded in bulk. */
export function generatedCatalogDatabase(size = GENERATED_SIZE): SqliteDatabase {
  const db = openDatabase(':memory:');
  migrate(db);
  writeCatalogTerms(db, DEMO_CATALOG_TERMS);
  loadProductsInBulk(db, generatedRecords(size));
  return db;
}
