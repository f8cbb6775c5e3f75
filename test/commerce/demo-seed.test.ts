import type { Order, Shipment } from '../../lambda/commerce/ports';
import { DEMO_CATEGORIES } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_SHOPPERS } from '../../lambda/commerce/sqlite/demo-shoppers';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { allDemoOrders, dayOffset, SEED_NOW, TIME_ZONE } from './demo-store-fixtures';

let store: EmbeddedStore;
let orders: Order[];
beforeAll(async () => {
  store = openEmbeddedStore(':memory:', { now: SEED_NOW, timeZone: TIME_ZONE });
  orders = await allDemoOrders(store.commerce);
});
afterAll(() => store.close());

interface ProductRow {
  id: string;
  name: string;
  spoken_name: string;
  brand: string;
  category: string;
  description: string;
  price_minor: number;
  currency: string;
  stock: number;
  restock_on: string | null;
  attributes: string;
}

const products = () => store.db.prepare<[], ProductRow>('SELECT * FROM products').all();
const shipments = () => orders.flatMap((order) => order.shipments.map((shipment) => ({ order, shipment })));
const find = (predicate: (order: Order) => boolean) => orders.filter(predicate);
const withShipment = (predicate: (shipment: Shipment, order: Order) => boolean) =>
  shipments().filter(({ order, shipment }) => predicate(shipment, order));

describe('the demo catalog', () => {
  it('has at least 220 products over exactly the 13 categories, each well stocked with choice', () => {
    const rows = products();
    expect(rows.length).toBeGreaterThanOrEqual(220);
    const categories = new Set(rows.map((row) => row.category));
    expect([...categories].sort()).toEqual([...DEMO_CATEGORIES].sort());
    expect(DEMO_CATEGORIES).toHaveLength(13);
    for (const category of DEMO_CATEGORIES) {
      expect(rows.filter((row) => row.category === category).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('describes every product fully: brand, names, description, USD price in cents, attributes', () => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const row of products()) {
      ids.add(row.id);
      names.add(row.name);
      expect(row.brand.trim()).not.toBe('');
      expect(row.description.length).toBeGreaterThan(20);
      expect(row.spoken_name.split(' ').length).toBeLessThanOrEqual(5);
      expect(row.spoken_name.length).toBeLessThanOrEqual(40);
      expect(row.spoken_name).not.toMatch(/[&<>"]/);
      expect(Number.isInteger(row.price_minor)).toBe(true);
      expect(row.price_minor).toBeGreaterThan(0);
      expect(row.currency).toBe('USD');
      const attributes = JSON.parse(row.attributes) as Record<string, string[]>;
      expect(Object.keys(attributes).length).toBeGreaterThanOrEqual(2);
      for (const values of Object.values(attributes)) expect(values.length).toBeGreaterThan(0);
    }
    expect(names.size).toBe(products().length);
    expect(ids.size).toBe(products().length);
  });

  it('offers the attributes discovery searches on', async () => {
    const all = products().map((row) => ({ ...row, attributes: JSON.parse(row.attributes) as Record<string, string[]> }));
    const has = (name: string, value: string) => all.filter((row) => row.attributes[name]?.includes(value));
    for (const feature of ['waterproof', 'wireless', 'vegan', 'organic']) expect(has('feature', feature).length).toBeGreaterThan(2);
    for (const use of ['hiking', 'running', 'travel']) expect(has('use', use).length).toBeGreaterThan(2);
    expect(all.filter((row) => row.category === 'shoes').every((row) => (row.attributes.size ?? []).length > 0)).toBe(true);
    const hikingRainJackets = has('feature', 'waterproof').filter(
      (row) => row.category === 'jackets' && row.attributes.use?.includes('hiking') && row.price_minor < 150_00,
    );
    expect(hikingRainJackets.length).toBeGreaterThanOrEqual(2);
  });

  it('has products out of stock, some with a restock day and a few without', () => {
    const rows = products();
    const outWithDate = rows.filter((row) => row.stock === 0 && row.restock_on !== null);
    const outWithout = rows.filter((row) => row.stock === 0 && row.restock_on === null);
    expect(outWithDate.length).toBeGreaterThanOrEqual(5);
    expect(outWithout.length).toBeGreaterThanOrEqual(1);
    for (const row of outWithDate) expect(row.restock_on! > '2026-11-26').toBe(true);
    expect(rows.filter((row) => row.stock > 0 && row.restock_on !== null)).toHaveLength(0);
  });

  it('includes names with an ampersand, a double quote and a "<"', async () => {
    const names = products().map((row) => row.name);
    expect(names).toContain('Salt & Pepper Grinder Set');
    expect(names).toContain('Cast Iron Skillet 12"');
    expect(names).toContain('Hearts <3 Graphic Tee');
  });
});

describe('the demo shoppers and orders', () => {
  it('has at least 5 shoppers with a US address, contact details and a default card', async () => {
    expect(DEMO_SHOPPERS.length).toBeGreaterThanOrEqual(5);
    for (const { id } of DEMO_SHOPPERS) {
      const shopper = await store.commerce.shoppers.findById(id);
      expect(shopper).toBeDefined();
      expect(shopper!.email).toMatch(/@example\.com$/);
      expect(shopper!.phone).toMatch(/^\+1\d{10}$/);
      expect(shopper!.defaultAddress?.country).toBe('US');
      expect(shopper!.defaultAddress?.postalCode).toMatch(/^\d{5}$/);
      expect(shopper!.defaultPayment?.last4).toMatch(/^\d{4}$/);
    }
  });

  it('has at least 40 orders with unique 4–5 digit numbers, and every shopper has a story', () => {
    expect(orders.length).toBeGreaterThanOrEqual(40);
    const numbers = orders.map((order) => order.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(/^\d{4,5}$/);
    expect(numbers.some((number) => number.length === 4)).toBe(true);
    for (const { id } of DEMO_SHOPPERS) expect(orders.filter((order) => order.shopperId === id).length).toBeGreaterThan(0);
    expect(orders.filter((order) => order.shopperId === 'shopper-eve')).toHaveLength(1);
  });

  it('totals every order from its lines, in integer cents', () => {
    for (const order of orders) {
      const sum = order.lines.reduce((total, line) => total + line.unitPrice.minor * line.quantity, 0);
      expect(order.total).toEqual({ minor: sum, currency: 'USD' });
    }
  });

  it('covers every order and delivery state the flows talk about', () => {
    const today = (date: Date | undefined) => date !== undefined && dayOffset(date) === 0;
    // Processing: placed today, nothing shipped.
    expect(find((order) => order.state === 'processing' && dayOffset(order.placedAt) === 0).length).toBeGreaterThan(0);
    // In transit with an expected day still ahead.
    expect(withShipment((s) => s.status === 'InTransit' && s.expectedOn !== undefined && dayOffset(s.expectedOn) > 0).length).toBeGreaterThan(0);
    // Out for delivery today.
    expect(withShipment((s) => s.status === 'OutForDelivery' && today(s.events[0]?.at)).length).toBeGreaterThan(0);
    // Delivered yesterday, last week, 20 and 45 days ago.
    for (const day of [-1, -7, -20, -45]) {
      expect(withShipment((s) => s.status === 'Delivered' && s.deliveredAt !== undefined && dayOffset(s.deliveredAt) === day)).not.toHaveLength(0);
    }
    // Delayed: the promised day has passed and it is still in transit.
    expect(withShipment((s) => s.status === 'InTransit' && s.expectedOn !== undefined && dayOffset(s.expectedOn) < 0).length).toBeGreaterThan(0);
    // Carrier problems.
    expect(withShipment((s) => s.status === 'Exception' && s.events[0]?.description === 'Address information needed')).toHaveLength(1);
    expect(withShipment((s) => s.status === 'AttemptFail').length).toBeGreaterThan(0);
    const pickup = withShipment((s) => s.status === 'AvailableForPickup');
    expect(pickup.length).toBeGreaterThan(0);
    expect(pickup[0]!.shipment.events[0]!.location).toMatch(/Post Office/);
    // Orders in two packages from different carriers: one half delivered, one both still on the way.
    const split = find((order) => order.shipments.length === 2);
    expect(split).toHaveLength(2);
    for (const order of split) {
      expect(new Set(order.shipments.map((s) => s.carrier)).size).toBe(2);
      expect(order.state).toBe('fulfilled');
    }
    const delivered = (order: Order) => order.shipments.filter((s) => s.status === 'Delivered').length;
    expect(split.map(delivered).sort()).toEqual([0, 1]);
    // One order with a line not yet shipped.
    const partial = find((order) => order.state === 'partially-fulfilled');
    expect(partial.length).toBeGreaterThan(0);
    const shippedIds = new Set(partial[0]!.shipments.flatMap((s) => s.lineIds));
    expect(partial[0]!.lines.filter((line) => !shippedIds.has(line.id))).toHaveLength(1);
    // Cancelled orders.
    expect(find((order) => order.state === 'cancelled').length).toBeGreaterThanOrEqual(2);
    for (const order of find((order) => order.state === 'cancelled')) expect(order.shipments).toHaveLength(0);
  });

  it('uses real carriers with plausible tracking numbers and full event histories', () => {
    const formats: Record<string, RegExp> = {
      UPS: /^1Z[0-9A-Z]{6}\d{10}$/,
      FedEx: /^\d{12}$/,
      USPS: /^9400\d{18}$/,
      DHL: /^\d{10}$/,
    };
    const tracking = new Set<string>();
    for (const { order, shipment } of shipments()) {
      expect(formats[shipment.carrier]).toBeDefined();
      expect(shipment.trackingNumber).toMatch(formats[shipment.carrier]!);
      tracking.add(shipment.trackingNumber);
      const times = shipment.events.map((event) => event.at.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(times.every((time) => time <= SEED_NOW.getTime())).toBe(true);
      expect(shipment.events[0]!.status).toBe(shipment.status);
      expect(shipment.events.at(-1)!.status).toBe('InfoReceived');
      expect(shipment.events.some((event) => event.description === 'Departed facility')).toBe(true);
      expect(shipment.shippedAt!.getTime()).toBeGreaterThan(order.placedAt.getTime());
      if (shipment.status === 'Delivered') {
        expect(shipment.deliveredAt).toEqual(shipment.events[0]!.at);
        expect(shipment.events.map((event) => event.status)).toEqual(
          expect.arrayContaining(['InfoReceived', 'InTransit', 'OutForDelivery', 'Delivered']),
        );
      } else {
        expect(shipment.deliveredAt).toBeUndefined();
      }
    }
    expect(tracking.size).toBe(shipments().length);
    expect(new Set(shipments().map(({ shipment }) => shipment.carrier))).toEqual(new Set(['UPS', 'FedEx', 'USPS', 'DHL']));
    for (const order of orders) expect(order.placedAt.getTime()).toBeLessThanOrEqual(SEED_NOW.getTime());
  });

  it("gives Ava a returns case, a reorder case and the returns policy's edge cases", async () => {
    const ava = await store.commerce.orders.listForShopper('shopper-ava');
    const lines = ava.flatMap((order) => order.lines.map((line) => ({ order, line })));
    const deliveredOn = (order: Order) => order.shipments[0]?.deliveredAt;

    const shoes = lines.find(({ line }) => line.productId === 'trailblazer-running-shoes');
    expect(shoes).toBeDefined();
    expect(dayOffset(deliveredOn(shoes!.order)!)).toBe(-7);
    expect(shoes!.order.lines.find((line) => line.productId === 'merino-hiking-socks')?.quantity).toBe(3);

    const coffee = ava.filter((order) => order.lines.some((line) => line.category === 'coffee'));
    expect(coffee.length).toBeGreaterThanOrEqual(6);
    const months = coffee.map((order) => Math.floor(-dayOffset(order.placedAt) / 30.5));
    expect(new Set(months).size).toBeGreaterThanOrEqual(6);
    const counts = new Map<string, number>();
    for (const { line } of lines.filter(({ line }) => line.category === 'coffee')) {
      counts.set(line.productId, (counts.get(line.productId) ?? 0) + 1);
    }
    const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(usual?.[0]).toBe('ethiopia-yirgacheffe-coffee');
    expect(counts.size).toBeGreaterThan(1);

    expect(lines.filter(({ line }) => line.productId === 'salmon-dog-food')).toHaveLength(2);
    const finalSale = lines.filter(({ line }) => line.finalSale === true && line.category !== 'gift-cards');
    expect(finalSale).toHaveLength(1);
    expect(dayOffset(deliveredOn(finalSale[0]!.order)!)).toBeGreaterThan(-30);
    const giftCard = lines.find(({ line }) => line.category === 'gift-cards');
    expect(giftCard?.line.finalSale).toBe(true);
    expect(lines.some(({ order }) => deliveredOn(order) && dayOffset(deliveredOn(order)!) === -45)).toBe(true);
  });

  it('is deterministic: the same now gives byte-for-byte the same store', async () => {
    const again = openEmbeddedStore(':memory:', { now: SEED_NOW, timeZone: TIME_ZONE });
    try {
      const dump = (db: typeof store.db) =>
        ['products', 'orders', 'order_lines', 'shipments', 'shipment_lines', 'tracking_events', 'shoppers'].map((table) =>
          db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
        );
      expect(dump(again.db)).toEqual(dump(store.db));
    } finally {
      again.close();
    }
  });
});

describe.each([
  ['just after midnight', '2026-11-26T05:05:00Z', 'America/New_York'],
  ['late in the evening', '2026-11-27T04:50:00Z', 'America/New_York'],
  ['on the day clocks spring forward', '2026-03-08T07:30:00Z', 'America/New_York'],
  ['in another zone', '2026-06-15T01:00:00Z', 'Asia/Tokyo'],
])('seeded %s', (_label, nowIso, timeZone) => {
  it('keeps every event in the past and every relative day true', async () => {
    const now = new Date(nowIso);
    const other = openEmbeddedStore(':memory:', { now, timeZone });
    try {
      const all = await allDemoOrders(other.commerce);
      const offset = (date: Date) => dayOffset(date, now, timeZone);
      for (const order of all) {
        expect(order.placedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        for (const shipment of order.shipments) {
          for (const event of shipment.events) expect(event.at.getTime()).toBeLessThanOrEqual(now.getTime());
        }
      }
      const deliveredDays = all.flatMap((order) => order.shipments.flatMap((s) => (s.deliveredAt ? [offset(s.deliveredAt)] : [])));
      expect(deliveredDays).toEqual(expect.arrayContaining([-1, -7, -20, -45]));
      const todayOrders = all.filter((order) => order.state === 'processing' && offset(order.placedAt) === 0);
      expect(todayOrders.length).toBeGreaterThan(0);
    } finally {
      other.close();
    }
  });
});
