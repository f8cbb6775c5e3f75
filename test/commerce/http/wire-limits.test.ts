import {
  cutAtWord,
  MAX_ATTRIBUTE_VALUE_CHARS,
  MAX_DESCRIPTION_CHARS,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_ORDERS_PER_LIST,
  MAX_PRODUCTS_PER_PAGE,
  MAX_SIZE_CHARS,
  MAX_SPOKEN_NAME_CHARS,
  MAX_VOCABULARY_ENTRIES,
} from '../../../lambda/commerce/http/wire-limits';
import { CatalogVocabularySchema, encodeWire, OrderListSchema, ProductPageSchema, ProductSchema } from '../../../lambda/commerce/http/wire-schemas';
import type { Order, Product } from '../../../lambda/commerce/ports';
import { EMPTY_QUERY } from '../../../lambda/commerce/product-query';
import { listenOnLoopback } from './store-api-fixtures';
import { createHttpStoreCommerce } from '../../../lambda/commerce/http/http-store-commerce';

/** What the adapter reads of a store's answer: lists cut to what a conversation uses, text to what a reply affords. */

const LONG = 'a rather long product name that just keeps going '.repeat(100);

const product = (index: number, overrides: Partial<Product> = {}): Product => ({
  id: `product-${index}`,
  sku: `SKU-${index}`,
  name: `Product ${index}`,
  spokenName: `product ${index}`,
  brand: 'Brand',
  category: 'jackets',
  description: 'A product.',
  attributes: { color: ['black'], size: ['S', 'M'] },
  price: { minor: 1_000, currency: 'USD' },
  stock: 3,
  ...overrides,
});

const order = (index: number): Order => ({
  number: String(10_000 + index),
  shopperId: 'shopper-ava',
  placedAt: new Date(Date.UTC(2026, 10, 1) - index * 3_600_000),
  state: 'processing',
  total: { minor: 1_000, currency: 'USD' },
  lines: [{ id: `l${index}`, productId: 'p', sku: 'S', name: LONG, spokenName: LONG, category: 'coffee', quantity: 1, unitPrice: { minor: 1_000, currency: 'USD' } }],
  shipments: [],
});

describe('cutAtWord', () => {
  it('leaves text that fits alone', () => {
    expect(cutAtWord('Trailblazer running shoes', 40)).toBe('Trailblazer running shoes');
  });

  it('cuts after the last whole word that fits, without a dangling comma', () => {
    expect(cutAtWord('merino hiking socks, crew length, pack of three', 34)).toBe('merino hiking socks, crew length');
    expect(cutAtWord('merino hiking socks', 13)).toBe('merino hiking');
  });

  it('cuts inside a word only when one word takes most of the room, and never between surrogate halves', () => {
    expect(cutAtWord('Supercalifragilistic', 10)).toBe('Supercalif');
    const cut = cutAtWord('ab 😀😀😀😀😀😀', 8);
    expect(cut.length).toBeLessThanOrEqual(8);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('the wire schemas read no more than a reply can use', () => {
  it('cut texts at a word when reading, and send them whole when writing', () => {
    const long = product(1, { spokenName: LONG, name: LONG, brand: LONG, description: LONG });
    const read = ProductSchema.parse(encodeWire(ProductSchema, long));
    expect(read.spokenName.length).toBeLessThanOrEqual(MAX_SPOKEN_NAME_CHARS);
    expect(read.spokenName).toBe('a rather long product name that just');
    expect(read.brand.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
    expect(read.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
    // The reference store server writes with the same schema: what it has, whole.
    expect(encodeWire(ProductSchema, long).spokenName).toBe(LONG);
  });

  it('leave out attribute values too long to be one, instead of cutting what goes back to the store', () => {
    const read = ProductSchema.parse(
      encodeWire(ProductSchema, product(1, { attributes: { color: ['navy', 'x'.repeat(MAX_ATTRIBUTE_VALUE_CHARS + 1)], size: ['M', 'y'.repeat(MAX_SIZE_CHARS + 1)], [LONG]: ['z'] } })),
    );
    expect(read.attributes).toEqual({ color: ['navy'], size: ['M'] });
  });

  it('refuse an id too long to keep rather than cut it, and still write it whole', () => {
    const id = 'p'.repeat(MAX_ID_CHARS + 1);
    const written = encodeWire(ProductSchema, product(1, { id }));
    expect(written.id).toBe(id);
    const read = ProductSchema.safeParse(written);
    expect(read.success).toBe(false);
    expect(read.error?.issues[0]?.path).toEqual(['id']);
    expect(ProductSchema.parse({ ...written, id: 'p'.repeat(MAX_ID_CHARS) }).id).toHaveLength(MAX_ID_CHARS);
  });

  it('read the first items of a long list without validating the rest', () => {
    const page = { total: 5_000, products: [...Array.from({ length: MAX_PRODUCTS_PER_PAGE }, (_, index) => encodeWire(ProductSchema, product(index))), 'not a product'] };
    expect(ProductPageSchema.parse(page).products).toHaveLength(MAX_PRODUCTS_PER_PAGE);
    const orders = Array.from({ length: MAX_ORDERS_PER_LIST + 500 }, (_, index) => order(index));
    expect(OrderListSchema.parse(encodeWire(OrderListSchema, { orders })).orders).toHaveLength(MAX_ORDERS_PER_LIST);
  });

  it('leave out vocabulary entries whose ids or words are too long to keep', () => {
    const vocabulary = CatalogVocabularySchema.parse({
      currency: 'USD',
      categories: [{ id: 'jackets', terms: ['coat', LONG] }, { id: LONG, terms: ['junk'] }],
      attributes: [
        { name: 'feature', value: 'waterproof', terms: ['rainproof'] },
        { name: 'feature', value: LONG, terms: [] },
      ],
      brands: ['Stormline', LONG, ...Array.from({ length: MAX_VOCABULARY_ENTRIES }, (_, index) => `brand ${index}`)],
    });
    expect(vocabulary.categories).toEqual([{ id: 'jackets', terms: ['coat'] }]);
    expect(vocabulary.attributes).toEqual([{ name: 'feature', value: 'waterproof', terms: ['rainproof'] }]);
    expect(vocabulary.brands).toHaveLength(MAX_VOCABULARY_ENTRIES);
    expect(vocabulary.brands[0]).toBe('Stormline');
  });
});

describe('the HTTP adapter enforces the page it asked for', () => {
  it('reads three products of a store answering 5,000, and asks for no more than a page holds', async () => {
    const all = Array.from({ length: 5_000 }, (_, index) => encodeWire(ProductSchema, product(index)));
    const server = await listenOnLoopback(undefined, () => ({ status: 200, body: JSON.stringify({ total: 5_000, products: all }), type: 'application/json' }));
    try {
      const catalog = createHttpStoreCommerce({ baseUrl: server.url, timeoutMs: 2_000 }, { breaker: false }).catalog;
      const page = await catalog.search(EMPTY_QUERY, { offset: 0, limit: 3 });
      expect(page.total).toBe(5_000);
      expect(page.products.map((each) => each.id)).toEqual(['product-0', 'product-1', 'product-2']);
      await catalog.search(EMPTY_QUERY, { offset: 0, limit: 10_000 });
      expect(new URL(server.received[1]!.path, server.url).searchParams.get('limit')).toBe(String(MAX_PRODUCTS_PER_PAGE));
    } finally {
      await server.close();
    }
  });
});
