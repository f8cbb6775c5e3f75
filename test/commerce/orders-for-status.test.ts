import { ordersThatMatterForStatus } from '../../lambda/commerce/order-status-query';
import type { Order, OrderQuery, Shipment, StoreCommerce } from '../../lambda/commerce/ports';
import { DEMO_SHOPPERS } from '../../lambda/commerce/sqlite/demo-shoppers';
import { TEST_NOW } from '../support/test-app';
import { listenOnLoopback, serveDemoStore, type ServedStore, storeApiApp } from './http/store-api-fixtures';
import { createHttpStoreCommerce } from '../../lambda/commerce/http/http-store-commerce';

/**
 * "Where is my order" reads only the orders it can be about (issue 23): the embedded store narrows
 * them in SQL, the store API takes `openOrDeliveredSince`, and a store that ignores it is narrowed
 * by the adapter, all to the same orders as order-status-query.ts names.
 */

const DAY = 86_400_000;
const PLACED_SINCE = new Date(TEST_NOW.getTime() - 180 * DAY);
const SHOPPER_IDS = [...DEMO_SHOPPERS.map((shopper) => shopper.id), 'shopper-nobody'];
const DELIVERED_SINCE = [0, 1, 4, 10, 60, 400].map((days) => new Date(TEST_NOW.getTime() - days * DAY));

const numbers = (orders: readonly Order[]) => orders.map((order) => order.number);

function shipment(id: string, lineIds: string[], status: Shipment['status'], deliveredAt?: Date): Shipment {
  return { id, carrier: 'UPS', trackingNumber: id, status, lineIds, events: [], ...(deliveredAt ? { deliveredAt } : {}) };
}

function order(number: string, daysAgo: number, shipments: Shipment[], state: Order['state'] = 'fulfilled', lineIds = ['a']): Order {
  return {
    number,
    shopperId: 'shopper-x',
    placedAt: new Date(TEST_NOW.getTime() - daysAgo * DAY),
    state,
    total: { minor: 100, currency: 'USD' },
    lines: lineIds.map((id) => ({ id: `${number}-${id}`, productId: 'p', sku: 's', name: 'n', spokenName: 'n', category: 'c', quantity: 1, unitPrice: { minor: 100, currency: 'USD' } })),
    shipments: shipments.map((each) => ({ ...each, lineIds: each.lineIds.map((id) => `${number}-${id}`) })),
  };
}

describe('the orders that matter for a status answer', () => {
  const since = new Date(TEST_NOW.getTime() - 4 * DAY);

  it('keeps open orders, lately delivered ones, the newest and the one delivered last; leaves the rest', () => {
    const history = [
      order('6', 1, [shipment('s6', ['a'], 'Delivered', new Date(TEST_NOW.getTime() - 60 * DAY))]), // newest, though settled long ago (odd data)
      order('5', 3, [shipment('s5', ['a'], 'InTransit')]), // on the way
      order('4', 5, [], 'processing'), // nothing shipped yet
      order('3', 8, [shipment('s3', ['a'], 'Delivered', new Date(TEST_NOW.getTime() - 2 * DAY))]), // just delivered
      order('2', 20, [shipment('s2', ['a'], 'Delivered', new Date(TEST_NOW.getTime() - 15 * DAY))]), // settled
      order('1', 30, [shipment('s1', ['a'], 'Exception')], 'cancelled'), // cancelled: never open
      order('0', 40, [shipment('s0', ['a'], 'Delivered', new Date(TEST_NOW.getTime() - 35 * DAY))], 'partially-fulfilled', ['a', 'b']), // a line never shipped
    ];
    expect(numbers(ordersThatMatterForStatus(history, since))).toEqual(['6', '5', '4', '3', '0']);
  });

  it('keeps the newest order of a history with nothing open, and the one delivered last', () => {
    const cancelled = [order('9', 2, [], 'cancelled'), order('8', 9, [], 'cancelled')];
    expect(numbers(ordersThatMatterForStatus(cancelled, since))).toEqual(['9']);
    const settled = [
      order('7', 10, [shipment('s7', ['a'], 'Delivered', new Date(TEST_NOW.getTime() - 9 * DAY))]),
      order('6', 12, [shipment('s6', ['a'], 'Delivered', new Date(TEST_NOW.getTime() - 5 * DAY))]),
      order('5', 14, [shipment('s5', ['a'], 'Delivered', new Date(TEST_NOW.getTime() - 11 * DAY))]),
    ];
    expect(numbers(ordersThatMatterForStatus(settled, since))).toEqual(['7', '6']);
    expect(ordersThatMatterForStatus([], since)).toEqual([]);
  });
});

describe('stores asked for the orders that matter', () => {
  let served: ServedStore;
  beforeEach(async () => {
    served = await serveDemoStore();
  });
  afterEach(() => served.close());

  /** For each demo shopper and cut-off: what the query answers, next to the whole range narrowed afterwards. */
  async function compare(store: StoreCommerce, limit?: number) {
    const direct = served.embedded.store;
    let left = 0;
    for (const shopperId of SHOPPER_IDS) {
      const range = await direct.orders.listForShopper(shopperId, { placedSince: PLACED_SINCE });
      for (const openOrDeliveredSince of DELIVERED_SINCE) {
        const query: OrderQuery = { placedSince: PLACED_SINCE, openOrDeliveredSince, ...(limit ? { limit } : {}) };
        const expected = ordersThatMatterForStatus(range, openOrDeliveredSince).slice(0, limit);
        expect({ shopperId, query, orders: await store.orders.listForShopper(shopperId, query) }).toEqual({ shopperId, query, orders: expected });
        left += range.length - expected.length;
      }
    }
    // The demo store has settled orders to leave out, or this would prove nothing.
    expect(left).toBeGreaterThan(10);
  }

  it('the embedded store reads only them', () => compare(served.embedded.store));
  it('the embedded store counts the limit among them', () => compare(served.embedded.store, 2));

  it('the store API takes openOrDeliveredSince, and the HTTP adapter sends it', async () => {
    await compare(served.http);
    expect(served.server.received.some((request) => /[?&]openOrDeliveredSince=/.test(request.path))).toBe(true);
  });

  it('the HTTP adapter narrows the answer of a store API that ignores the parameter', async () => {
    // The store answers the whole range, as a store written before the parameter existed would.
    const direct = served.embedded.store;
    const ignoring: StoreCommerce = {
      ...direct,
      orders: { ...direct.orders, listForShopper: (shopperId, { openOrDeliveredSince: _ignored, ...query } = {}) => direct.orders.listForShopper(shopperId, query) },
    };
    const server = await listenOnLoopback(storeApiApp(ignoring));
    try {
      await compare(createHttpStoreCommerce({ baseUrl: server.url, timeoutMs: 5_000 }, { initialDelayMs: 1, maxDelayMs: 5, breaker: false }));
    } finally {
      await server.close();
    }
  });

  it('the store API refuses a malformed openOrDeliveredSince with a 400', async () => {
    const response = await fetch(`${served.server.url}/shoppers/shopper-ben/orders?openOrDeliveredSince=yesterday`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('openOrDeliveredSince');
  });
});
