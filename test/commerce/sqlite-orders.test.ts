import Database from 'better-sqlite3';
import type { Order, OrderLine, Shipment } from '../../lambda/commerce/ports';
import { seedDemoStore } from '../../lambda/commerce/sqlite/demo-seed';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { createSqliteCommerce } from '../../lambda/commerce/sqlite/sqlite-commerce';
import { orderStateOf } from '../../lambda/commerce/sqlite/sqlite-orders';
import { SEED_NOW, TIME_ZONE } from './demo-store-fixtures';

let store: EmbeddedStore;
beforeAll(() => {
  store = openEmbeddedStore(':memory:', { now: SEED_NOW, timeZone: TIME_ZONE });
});
afterAll(() => store.close());

const orders = () => store.commerce.orders;

describe('Orders.findForShopper', () => {
  it("returns the shopper's own order, complete", async () => {
    const order = await orders().findForShopper('shopper-ava', '10605');
    expect(order).toBeDefined();
    expect(order!.shopperId).toBe('shopper-ava');
    expect(order!.lines.map((line) => [line.productId, line.quantity])).toEqual([
      ['trailblazer-running-shoes', 1],
      ['merino-hiking-socks', 3],
    ]);
    expect(order!.lines[0]!.spokenName).toBe('Trailblazer running shoes');
    expect(order!.lines[0]!.unitPrice).toEqual({ minor: 12999, currency: 'USD' });
    expect(order!.shipments).toHaveLength(1);
    expect(order!.shipments[0]!.lineIds).toEqual(order!.lines.map((line) => line.id));
  });

  it("treats another shopper's order number exactly like an unknown one", async () => {
    const bens = await orders().listForShopper('shopper-ben');
    expect(bens.length).toBeGreaterThan(0);
    for (const order of bens) {
      expect(await orders().findForShopper('shopper-ben', order.number)).toBeDefined();
      expect(await orders().findForShopper('shopper-ava', order.number)).toBeUndefined();
    }
    expect(await orders().findForShopper('shopper-ava', '99999')).toBeUndefined();
    expect(await orders().findForShopper('shopper-nobody', '10605')).toBeUndefined();
    expect(await orders().findForShopper('shopper-ava', "10605' OR '1'='1")).toBeUndefined();
  });
});

describe('Orders.listForShopper', () => {
  it('lists only the shopper’s orders, newest first', async () => {
    const list = await orders().listForShopper('shopper-ava');
    expect(list.length).toBe(11);
    expect(list.every((order) => order.shopperId === 'shopper-ava')).toBe(true);
    const times = list.map((order) => order.placedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await orders().listForShopper('shopper-nobody')).toEqual([]);
  });

  it('honours limit', async () => {
    const all = await orders().listForShopper('shopper-ava');
    const three = await orders().listForShopper('shopper-ava', { limit: 3 });
    expect(three.map((order) => order.number)).toEqual(all.slice(0, 3).map((order) => order.number));
    expect(three).toEqual(all.slice(0, 3));
    expect(await orders().listForShopper('shopper-ava', { limit: 0 })).toEqual([]);
    expect(await orders().listForShopper('shopper-ava', { limit: 500 })).toHaveLength(all.length);
    expect(await orders().listForShopper('shopper-ava', { limit: Number.POSITIVE_INFINITY })).toHaveLength(all.length);
    expect(await orders().listForShopper('shopper-ava', { limit: 2.7 })).toHaveLength(2);
    expect(await orders().listForShopper('shopper-ava', { limit: -1 })).toEqual([]);
  });

  it('honours placedSince, inclusively, together with limit', async () => {
    const all = await orders().listForShopper('shopper-ava');
    const cutoff = all[4]!.placedAt;
    const since = await orders().listForShopper('shopper-ava', { placedSince: cutoff });
    expect(since.map((order) => order.number)).toEqual(all.slice(0, 5).map((order) => order.number));
    const sinceLimited = await orders().listForShopper('shopper-ava', { placedSince: cutoff, limit: 2 });
    expect(sinceLimited.map((order) => order.number)).toEqual(all.slice(0, 2).map((order) => order.number));
    const future = await orders().listForShopper('shopper-ava', { placedSince: new Date(SEED_NOW.getTime() + 1) });
    expect(future).toEqual([]);
  });

  it('gives the same orders as findForShopper', async () => {
    for (const order of await orders().listForShopper('shopper-cleo')) {
      expect(await orders().findForShopper('shopper-cleo', order.number)).toEqual(order);
    }
  });

  it('keeps each shipment with its own lines and events, events newest first', async () => {
    const split = await orders().findForShopper('shopper-cleo', '10617');
    expect(split!.shipments.map((shipment) => shipment.carrier)).toEqual(['UPS', 'FedEx']);
    expect(split!.shipments.map((shipment) => shipment.lineIds)).toEqual([
      ['10617-1', '10617-3'],
      ['10617-2'],
    ]);
    for (const shipment of split!.shipments) {
      const times = shipment.events.map((event) => event.at.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
    expect(split!.shipments[0]!.events[0]!.status).toBe('Delivered');
    expect(split!.shipments[1]!.events[0]!.status).toBe('InTransit');
  });
});

describe('order state', () => {
  const line = (id: string): OrderLine => ({
    id,
    productId: 'p',
    sku: 'S',
    name: 'n',
    spokenName: 'n',
    category: 'c',
    quantity: 1,
    unitPrice: { minor: 100, currency: 'USD' },
  });
  const shipment = (lineIds: string[]): Shipment => ({
    id: 's',
    carrier: 'UPS',
    trackingNumber: 't',
    status: 'InTransit',
    lineIds,
    events: [],
  });

  it('derives from the data', () => {
    const lines = [line('a'), line('b')];
    expect(orderStateOf(false, lines, [])).toBe('processing');
    expect(orderStateOf(false, lines, [shipment(['a'])])).toBe('partially-fulfilled');
    expect(orderStateOf(false, lines, [shipment(['a']), shipment(['b'])])).toBe('fulfilled');
    expect(orderStateOf(true, lines, [shipment(['a', 'b'])])).toBe('cancelled');
  });

  it('matches the seeded orders', async () => {
    const state = async (shopperId: string, number: string) => (await orders().findForShopper(shopperId, number))?.state;
    expect(await state('shopper-ben', '10737')).toBe('processing');
    expect(await state('shopper-dan', '10711')).toBe('partially-fulfilled');
    expect(await state('shopper-cleo', '10617')).toBe('fulfilled');
    expect(await state('shopper-ben', '10377')).toBe('cancelled');
  });
});

describe('the queries behind a page of orders', () => {
  function instrumentedStore() {
    const executed: string[] = [];
    /** BEGIN and COMMIT apart: each read is one transaction, whatever it holds. */
    const transactions: string[] = [];
    const db = new Database(':memory:', {
      verbose: (sql) => (/^(BEGIN|COMMIT)$/.test(String(sql)) ? transactions : executed).push(String(sql)),
    });
    db.pragma('foreign_keys = ON');
    migrate(db);
    seedDemoStore(db, { now: SEED_NOW, timeZone: TIME_ZONE });
    const commerce = createSqliteCommerce(db);
    return { db, commerce, executed, transactions };
  }

  it('costs a fixed handful of queries however many orders the page holds, and prepares nothing per call', async () => {
    const { db, commerce, executed, transactions } = instrumentedStore();
    try {
      const prepare = jest.spyOn(db, 'prepare');
      executed.length = 0;
      transactions.length = 0;
      const page: readonly Order[] = await commerce.orders.listForShopper('shopper-ava');
      expect(page.length).toBe(11);
      const forPage = executed.length;
      // Orders, lines, shipments, events: one query each for the whole page, all in one read transaction.
      expect(forPage).toBeGreaterThan(0);
      expect(forPage).toBeLessThanOrEqual(4);
      expect(transactions).toEqual(['BEGIN', 'COMMIT']);

      executed.length = 0;
      await commerce.orders.listForShopper('shopper-ava', { limit: 1 });
      expect(executed.length).toBe(forPage);

      executed.length = 0;
      await commerce.orders.findForShopper('shopper-ava', '10605');
      await commerce.orders.findForShopper('shopper-ava', '99999');
      await commerce.shoppers.findById('shopper-ava');
      await commerce.catalog.findById('cast-iron-skillet-12');
      expect(executed.length).toBeLessThanOrEqual(forPage + 1 + 2);
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      db.close();
    }
  });
});
