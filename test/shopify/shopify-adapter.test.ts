import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { runAsShopper } from '../../lambda/commerce/shopper-credential';
import { EMPTY_QUERY } from '../../lambda/commerce/product-query';
import { serveShopifyOnLoopback, type ShopifyStoreServer } from '../support/shopify-store-server';
import { TEST_NOW } from '../support/test-app';

let demo: ReturnType<typeof openEmbeddedStore>;
let shopify: ShopifyStoreServer;

beforeAll(() => {
  demo = openEmbeddedStore(':memory:', { now: TEST_NOW });
  shopify = serveShopifyOnLoopback(demo, { now: () => TEST_NOW });
});
afterAll(() => {
  shopify.close();
  demo.close();
});

const asShopper = <T>(shopperId: string, read: () => Promise<T>) => runAsShopper(shopify.token(shopperId), read);

describe('the Shopify adapter over a schema-backed Shopify', () => {
  it("reads the linked shopper's orders as the demo store has them", async () => {
    const expected = await demo.store.orders.listForShopper('shopper-ava', { limit: 100 });
    const orders = await asShopper('shopper-ava', () => shopify.store.orders.listForShopper('shopper-ava', { limit: 100 }));
    expect(orders.map((order) => order.number)).toEqual(expected.map((order) => order.number));
    const first = orders[0]!;
    const same = expected[0]!;
    expect(first.lines.map((line) => [line.id, line.productId, line.spokenName, line.quantity, line.unitPrice])).toEqual(
      same.lines.map((line) => [line.id, line.productId, line.spokenName, line.quantity, line.unitPrice]),
    );
    expect(first.total).toEqual(same.total);
  });

  it('finds an order by number, and only for the shopper the token belongs to', async () => {
    const [order] = await demo.store.orders.listForShopper('shopper-ava', { limit: 1 });
    const found = await asShopper('shopper-ava', () => shopify.store.orders.findForShopper('shopper-ava', order!.number));
    expect(found?.number).toBe(order!.number);
    expect(await asShopper('shopper-ben', () => shopify.store.orders.findForShopper('shopper-ava', order!.number))).toBeUndefined();
    expect(await asShopper('shopper-ava', () => shopify.store.orders.findForShopper('shopper-ava', 'not a number'))).toBeUndefined();
  });

  it('answers nothing about any shopper without a linked token', async () => {
    await expect(shopify.store.orders.listForShopper('shopper-ava')).rejects.toMatchObject({ name: 'StoreRejectedError', status: 401 });
  });

  it('knows who an opaque token names, and refuses an expired or unknown one', async () => {
    expect(await shopify.accessTokens.verify(shopify.token('shopper-ben'))).toEqual({ shopperId: 'shopper-ben' });
    expect(await shopify.accessTokens.verify(shopify.token('shopper-ben', '-5m'))).toBeUndefined();
    expect(await shopify.accessTokens.verify('shcat_never-issued')).toBeUndefined();
    expect(await shopify.accessTokens.verify(undefined)).toBeUndefined();
  });

  it('reads products with their options, tags as attributes, price and stock', async () => {
    const { products } = await demo.store.catalog.search(EMPTY_QUERY, { offset: 0, limit: 5 });
    for (const product of products) {
      const found = await shopify.store.catalog.findById(product.id);
      expect(found).toMatchObject({ id: product.id, name: product.name, spokenName: product.spokenName, brand: product.brand, category: product.category, price: product.price, stock: product.stock });
      expect(found?.attributes).toEqual(product.attributes);
    }
    expect(await shopify.store.catalog.findById('no-such-product')).toBeUndefined();
  });

  it("searches with Shopify's product filters and gives the catalog's words", async () => {
    const query = { ...EMPTY_QUERY, category: 'jackets', attributes: { feature: ['waterproof'] }, price: { maxMinor: 20_000 } };
    const expected = await demo.store.catalog.search(query, { offset: 0, limit: 3 });
    const found = await shopify.store.catalog.search(query, { offset: 0, limit: 3 });
    expect(found.products.map((product) => product.id)).toEqual(expected.products.map((product) => product.id));
    expect(found.total).toBe(expected.total);
    const words = await shopify.store.catalog.vocabulary('en-US');
    const demoWords = await demo.store.catalog.vocabulary('en-US');
    expect(words.categories.map((category) => category.id)).toEqual(demoWords.categories.map((category) => category.id));
    expect(words.categories.find((category) => category.id === 'jackets')?.terms).toEqual(expect.arrayContaining(['parka']));
  });

  it('requests returns from Shopify and keeps the names Shopify gives them, "#<order>-R<n>", as their references', async () => {
    const request = (lineId: string, key: string) =>
      asShopper('shopper-ava', () =>
        shopify.store.returns.create({
          shopperId: 'shopper-ava',
          orderNumber: '10605',
          lineId,
          quantity: 1,
          reason: 'unwanted',
          refundMethod: { kind: 'original-payment' },
          labelDelivery: 'email',
          idempotencyKey: key,
        }),
      );
    const first = await request('10605-1', 'adapter-return-1');
    const second = await request('10605-2', 'adapter-return-2');
    expect(first).toEqual({ kind: 'created', record: expect.objectContaining({ number: '10605-R1', orderNumber: '10605', lineId: '10605-1', pendingApproval: true }) });
    expect(second).toEqual({ kind: 'created', record: expect.objectContaining({ number: '10605-R2', lineId: '10605-2', pendingApproval: true }) });
    // Shopify's names, not the store's own numbers, are what the shopper is told.
    const held = demo.db.prepare<[], { number: string }>("SELECT number FROM returns WHERE order_number = '10605' ORDER BY id").all();
    expect(held).toHaveLength(2);
    expect(held.map((row) => row.number)).not.toContain('10605-R1');
  });
});
