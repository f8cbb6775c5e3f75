import { MAX_PRODUCTS_PER_PAGE } from '../../../lambda/commerce/http/wire-limits';
import type { CheckoutRequest, ReturnRequest, StoreCommerce } from '../../../lambda/commerce/ports';
import { EMPTY_QUERY, type ProductQuery } from '../../../lambda/commerce/product-query';
import { DEMO_SHOPPERS } from '../../../lambda/commerce/sqlite/demo-shoppers';
import { TEST_NOW } from '../../support/test-app';
import { serveDemoStore, type ServedStore } from './store-api-fixtures';

/**
 * The HTTP adapter, talking to the store API server over the embedded store, answers every port
 * method exactly as the embedded store does when asked directly.
 */

let served: ServedStore;
let direct: StoreCommerce;
let overHttp: StoreCommerce;
beforeEach(async () => {
  served = await serveDemoStore();
  direct = served.embedded.store;
  overHttp = served.http;
});
afterEach(() => served.close());

const SHOPPER_IDS = [...DEMO_SHOPPERS.map((shopper) => shopper.id), 'shopper-nobody'];

async function allOrderNumbers(): Promise<{ shopperId: string; number: string }[]> {
  const lists = await Promise.all(
    DEMO_SHOPPERS.map(async (shopper) => (await direct.orders.listForShopper(shopper.id)).map((order) => ({ shopperId: shopper.id, number: order.number }))),
  );
  return lists.flat();
}

describe('the store over HTTP answers like the embedded store', () => {
  it('shoppers.findById, for every demo shopper and an unknown one', async () => {
    for (const id of SHOPPER_IDS) {
      expect({ id, shopper: await overHttp.shoppers.findById(id) }).toEqual({ id, shopper: await direct.shoppers.findById(id) });
    }
    expect(await overHttp.shoppers.findById('shopper-ava')).toEqual(expect.objectContaining({ givenName: 'Ava' }));
    expect(await overHttp.shoppers.findById('shopper-nobody')).toBeUndefined();
  });

  it('orders.listForShopper, with and without since and limit', async () => {
    const since = new Date(TEST_NOW.getTime() - 30 * 86_400_000);
    const queries = [undefined, {}, { limit: 1 }, { limit: 3 }, { placedSince: since }, { placedSince: since, limit: 2 }, { limit: 0 }, { limit: 2.7 }];
    for (const shopperId of SHOPPER_IDS) {
      for (const query of queries) {
        const expected = await direct.orders.listForShopper(shopperId, query);
        expect({ shopperId, query, orders: await overHttp.orders.listForShopper(shopperId, query) }).toEqual({ shopperId, query, orders: expected });
      }
    }
    const ava = await overHttp.orders.listForShopper('shopper-ava');
    expect(ava.length).toBeGreaterThan(3);
    expect(ava[0]!.placedAt).toBeInstanceOf(Date);
    expect(ava.some((order) => order.shipments.some((shipment) => shipment.events.length > 0))).toBe(true);
  });

  it("orders.findForShopper: every order for its shopper, and nothing for anyone else's or an unknown number", async () => {
    const orders = await allOrderNumbers();
    expect(orders.length).toBeGreaterThan(10);
    for (const { shopperId, number } of orders) {
      const expected = await direct.orders.findForShopper(shopperId, number);
      expect(expected).toBeDefined();
      expect(await overHttp.orders.findForShopper(shopperId, number)).toEqual(expected);
      const someoneElse = shopperId === 'shopper-ava' ? 'shopper-ben' : 'shopper-ava';
      expect(await overHttp.orders.findForShopper(someoneElse, number)).toBeUndefined();
    }
    expect(await overHttp.orders.findForShopper('shopper-ava', '99999')).toBeUndefined();
    expect(await overHttp.orders.findForShopper('shopper-ava', 'not a number/..')).toBeUndefined();
  });

  it('catalog.findById, with stock and restock day, for every product and an unknown one', async () => {
    const everything = await direct.catalog.search(EMPTY_QUERY, { offset: 0, limit: 1000 });
    expect(everything.products.length).toBeGreaterThan(20);
    for (const product of everything.products) {
      expect(await overHttp.catalog.findById(product.id)).toEqual(product);
    }
    expect(everything.products.some((product) => product.restockOn !== undefined)).toBe(true);
    expect(await overHttp.catalog.findById('no-such-product')).toBeUndefined();
  });

  it('catalog.search, for every kind of query and page', async () => {
    const queries: ProductQuery[] = [
      EMPTY_QUERY,
      { ...EMPTY_QUERY, category: 'jackets' },
      { ...EMPTY_QUERY, category: 'jackets', attributes: { feature: ['waterproof'] } },
      { ...EMPTY_QUERY, attributes: { feature: ['waterproof'], color: ['black'] } },
      { ...EMPTY_QUERY, words: ['rain'] },
      { ...EMPTY_QUERY, words: ['hik'], hints: ['jacket'] },
      { ...EMPTY_QUERY, price: { maxMinor: 15_000 } },
      { ...EMPTY_QUERY, price: { minMinor: 5_000, maxMinor: 20_000 }, cheapestFirst: true },
      { ...EMPTY_QUERY, brand: 'Rainier Outfitters' },
      { ...EMPTY_QUERY, words: ['"quoted" & odd?', 'ünïcödé'] },
      { ...EMPTY_QUERY, words: ['nothing-matches-this'] },
    ];
    const pages = [
      { offset: 0, limit: 3 },
      { offset: 3, limit: 3 },
      { offset: 0, limit: MAX_PRODUCTS_PER_PAGE },
      { offset: -2, limit: 0 },
    ];
    for (const query of queries) {
      for (const page of pages) {
        const expected = await direct.catalog.search(query, page);
        expect({ query, page, result: await overHttp.catalog.search(query, page) }).toEqual({ query, page, result: expected });
      }
      // A bigger page than one answer may hold is the first page that size (counted as for that page).
      const whole = await direct.catalog.search(query, { offset: 0, limit: 500 });
      const firstPage = await direct.catalog.search(query, { offset: 0, limit: MAX_PRODUCTS_PER_PAGE });
      expect(firstPage.products).toEqual(whole.products.slice(0, MAX_PRODUCTS_PER_PAGE));
      expect(await overHttp.catalog.search(query, { offset: 0, limit: 500 })).toEqual(firstPage);
    }
    expect((await overHttp.catalog.search({ ...EMPTY_QUERY, category: 'jackets' }, { offset: 0, limit: 3 })).total).toBeGreaterThan(0);
  });

  it('catalog.vocabulary, per locale', async () => {
    for (const locale of ['en-US', 'de-DE']) {
      expect(await overHttp.catalog.vocabulary(locale)).toEqual(await direct.catalog.vocabulary(locale));
    }
    expect((await overHttp.catalog.vocabulary('en-US')).categories.length).toBeGreaterThan(3);
  });

  it('returns.policy and returns.returnedUnits, before and after a return', async () => {
    expect(await overHttp.returns.policy()).toEqual(await direct.returns.policy());
    expect(await overHttp.returns.returnedUnits('10605')).toEqual(await direct.returns.returnedUnits('10605'));
    await direct.returns.create(returnRequest({ quantity: 2 }));
    const units = await overHttp.returns.returnedUnits('10605');
    expect(units).toEqual(new Map([['10605-2', 2]]));
    expect(units).toEqual(await direct.returns.returnedUnits('10605'));
    expect(await overHttp.returns.returnedUnits('99999')).toEqual(new Map());
  });

  it('returns.create: the record created over HTTP is the one the store keeps under that key, and refusals match', async () => {
    const created = await overHttp.returns.create(returnRequest({ quantity: 1, note: 'they pinch', reason: 'other' }));
    expect(created).toEqual({ kind: 'created', record: expect.objectContaining({ orderNumber: '10605', lineId: '10605-2', quantity: 1 }) });
    // The embedded store answers a used key with the record it made for it.
    expect(await direct.returns.create(returnRequest({ quantity: 1, note: 'they pinch', reason: 'other' }))).toEqual(created);

    const notHers = returnRequest({ shopperId: 'shopper-ben', idempotencyKey: 'key-ben' });
    expect(await overHttp.returns.create(notHers)).toEqual({ kind: 'refused', why: 'not-found' });
    expect(await direct.returns.create(notHers)).toEqual({ kind: 'refused', why: 'not-found' });

    const tooMany = returnRequest({ quantity: 3, idempotencyKey: 'key-too-many' });
    expect(await overHttp.returns.create(tooMany)).toEqual({ kind: 'refused', why: 'too-many' });
    expect(await direct.returns.create(tooMany)).toEqual({ kind: 'refused', why: 'too-many' });

    // The policy, checked by the store as it writes, refuses the same way over HTTP.
    const finalSale = returnRequest({ orderNumber: '10665', lineId: '10665-1', idempotencyKey: 'key-final-sale' });
    expect(await overHttp.returns.create(finalSale)).toEqual({ kind: 'refused', why: 'final-sale' });
    expect(await direct.returns.create(finalSale)).toEqual({ kind: 'refused', why: 'final-sale' });
  });

  it('checkout.place: the order placed over HTTP is the one the store keeps under that key, and every refusal matches', async () => {
    const socks = await direct.catalog.findById('merino-hiking-socks');
    expect(socks).toBeDefined();
    const line = { productId: socks!.id, quantity: 1, variant: { size: 'M' }, unitPrice: socks!.price };

    // The quote over HTTP is the store's own, and the order charges exactly its total.
    const quoted = await overHttp.checkout.quote!({ shopperId: 'shopper-ben', lines: [line] });
    expect(quoted).toEqual(await direct.checkout.quote!({ shopperId: 'shopper-ben', lines: [line] }));
    expect(quoted?.tax).toBeDefined();
    const placed = await overHttp.checkout.place(checkoutRequest({ lines: [line] }));
    expect(placed).toEqual({
      kind: 'placed',
      order: expect.objectContaining({ total: quoted!.total, payment: { brand: 'Mastercard', last4: '4444' }, shipToCity: 'Austin' }),
    });
    expect(await direct.checkout.place(checkoutRequest({ lines: [line] }))).toEqual(placed);
    const number = placed.kind === 'placed' ? placed.order.number : '';
    expect(await overHttp.orders.findForShopper('shopper-ben', number)).toEqual(await direct.orders.findForShopper('shopper-ben', number));

    const refusals: CheckoutRequest[] = [
      checkoutRequest({ idempotencyKey: 'key-stock', lines: [{ ...line, quantity: socks!.stock + 1 }] }),
      checkoutRequest({ idempotencyKey: 'key-price', lines: [{ ...line, unitPrice: { minor: socks!.price.minor - 1, currency: 'USD' } }] }),
      checkoutRequest({ idempotencyKey: 'key-product', lines: [{ ...line, productId: 'no-such-product' }] }),
      checkoutRequest({ idempotencyKey: 'key-shopper', shopperId: 'shopper-nobody', lines: [line] }),
    ];
    const kinds: string[] = [];
    for (const request of refusals) {
      const outcome = await overHttp.checkout.place(request);
      expect(outcome).toEqual(await direct.checkout.place(request));
      kinds.push(outcome.kind === 'refused' ? `refused:${outcome.why}` : outcome.kind);
    }
    expect(kinds).toEqual(['out-of-stock', 'price-changed', 'refused:unknown-product', 'refused:no-payment-or-address']);
  });

  it('refuses to send a return or an order without a key, like the embedded store', async () => {
    await expect(overHttp.returns.create(returnRequest({ idempotencyKey: ' ' }))).rejects.toThrow(/idempotency key/);
    await expect(overHttp.checkout.place(checkoutRequest({ idempotencyKey: '' }))).rejects.toThrow(/idempotency key/);
    expect(served.server.received.filter((request) => request.method === 'POST')).toEqual([]);
  });
});

/** Ava's three pairs of merino socks (order 10605, line 2) in the demo store. */
function returnRequest(overrides: Partial<ReturnRequest> = {}): ReturnRequest {
  return {
    shopperId: 'shopper-ava',
    orderNumber: '10605',
    lineId: '10605-2',
    quantity: 1,
    reason: 'size-too-small',
    refundMethod: { kind: 'original-payment', card: { brand: 'Visa', last4: '4242' } },
    labelDelivery: 'email-and-card',
    idempotencyKey: 'alexa:session-1:return:10605-2',
    ...overrides,
  };
}

function checkoutRequest(overrides: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    shopperId: 'shopper-ben',
    lines: [],
    placedAt: TEST_NOW,
    idempotencyKey: 'alexa:session-2:checkout:1',
    ...overrides,
  };
}
