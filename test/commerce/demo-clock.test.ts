import type { Order } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { addDays, localDayOf } from '../../lambda/commerce/sqlite/local-days';
import { allDemoOrders, dayOffset, SEED_NOW, TIME_ZONE, temporaryStorePath } from './demo-store-fixtures';

const DAY_MS = 86_400_000;
const later = (days: number, hours = 0) => new Date(SEED_NOW.getTime() + days * DAY_MS + hours * 3_600_000);

function deliveredYesterday(orders: readonly Order[], now: Date): Order[] {
  return orders.filter((order) =>
    order.shipments.some((shipment) => shipment.deliveredAt && dayOffset(shipment.deliveredAt, now) === -1),
  );
}

function snapshot(orders: readonly Order[], now: Date) {
  return orders.map((order) => ({
    number: order.number,
    state: order.state,
    placed: dayOffset(order.placedAt, now),
    shipments: order.shipments.map((shipment) => ({
      status: shipment.status,
      expected: shipment.expectedOn && dayOffset(shipment.expectedOn, now),
      delivered: shipment.deliveredAt && dayOffset(shipment.deliveredAt, now),
      events: shipment.events.map((event) => dayOffset(event.at, now)),
    })),
  }));
}

describe('the demo clock', () => {
  let store: ReturnType<typeof temporaryStorePath>;
  beforeEach(() => {
    store = temporaryStorePath();
  });
  afterEach(() => store.cleanup());

  it('moves the history forward so that relative days stay true on a later day', async () => {
    const first = openEmbeddedStore(store.file, { now: SEED_NOW, timeZone: TIME_ZONE });
    const before = await allDemoOrders(first.commerce);
    const yesterdayBefore = deliveredYesterday(before, SEED_NOW).map((order) => order.number);
    expect(yesterdayBefore.length).toBeGreaterThan(0);
    const ticket = await first.commerce.handoffs.file({
      reason: 'shopper-asked',
      summary: 'wants a person',
      locale: 'en-US',
      platform: 'google',
      idempotencyKey: 'clock-test',
    });
    const restockBefore = first.db
      .prepare<[], { id: string; restock_on: string }>('SELECT id, restock_on FROM products WHERE restock_on IS NOT NULL ORDER BY id')
      .all();
    first.close();

    const threeDaysLater = later(3, 4);
    const second = openEmbeddedStore(store.file, { now: threeDaysLater, timeZone: TIME_ZONE });
    try {
      const after = await allDemoOrders(second.commerce);
      expect(deliveredYesterday(after, threeDaysLater).map((order) => order.number)).toEqual(yesterdayBefore);
      expect(snapshot(after, threeDaysLater)).toEqual(snapshot(before, SEED_NOW));

      // Whole days: the same local time of day, and so the same weekday relative to today.
      const [oldOrder, newOrder] = [before[0]!, after[0]!];
      expect(newOrder.placedAt.getTime() - oldOrder.placedAt.getTime()).toBe(3 * DAY_MS);

      const restockAfter = second.db
        .prepare<[], { id: string; restock_on: string }>('SELECT id, restock_on FROM products WHERE restock_on IS NOT NULL ORDER BY id')
        .all();
      expect(restockAfter).toEqual(restockBefore.map((row) => ({ ...row, restock_on: addDays(row.restock_on, 3) })));

      const handoff = second.db.prepare<[], { created_at: number }>('SELECT created_at FROM handoffs').get();
      expect(handoff!.created_at - ticket.createdAt.getTime()).toBe(3 * DAY_MS);

      const anchor = second.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'demo_anchor_day'").get();
      expect(anchor!.value).toBe(localDayOf(threeDaysLater, TIME_ZONE));
      expect(after).toHaveLength(before.length);
    } finally {
      second.close();
    }
  });

  it('keeps relative days across a daylight-saving change', async () => {
    const beforeSpringForward = new Date('2026-03-05T15:00:00Z');
    const afterSpringForward = new Date('2026-03-10T14:00:00Z');
    const first = openEmbeddedStore(store.file, { now: beforeSpringForward, timeZone: TIME_ZONE });
    const before = snapshot(await allDemoOrders(first.commerce), beforeSpringForward);
    first.close();
    const second = openEmbeddedStore(store.file, { now: afterSpringForward, timeZone: TIME_ZONE });
    try {
      expect(snapshot(await allDemoOrders(second.commerce), afterSpringForward)).toEqual(before);
    } finally {
      second.close();
    }
  });

  it('does nothing later the same day, or when started with an earlier clock', async () => {
    openEmbeddedStore(store.file, { now: SEED_NOW, timeZone: TIME_ZONE }).close();
    for (const now of [later(0, 5), later(-2)]) {
      const reopened = openEmbeddedStore(store.file, { now, timeZone: TIME_ZONE });
      try {
        const orders = await allDemoOrders(reopened.commerce);
        expect(deliveredYesterday(orders, SEED_NOW).length).toBeGreaterThan(0);
        const placed = await reopened.commerce.orders.findForShopper('shopper-ben', '10737');
        expect(dayOffset(placed!.placedAt, SEED_NOW)).toBe(0);
      } finally {
        reopened.close();
      }
    }
  });

  it('counts days in the zone the store was seeded in', async () => {
    // 23:30 in New York is already the next day in UTC; the store must not move a day early.
    const lateEvening = new Date('2026-11-27T04:30:00Z');
    openEmbeddedStore(store.file, { now: SEED_NOW, timeZone: TIME_ZONE }).close();
    const reopened = openEmbeddedStore(store.file, { now: lateEvening });
    try {
      const anchor = reopened.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'demo_anchor_day'").get();
      expect(anchor!.value).toBe('2026-11-26');
    } finally {
      reopened.close();
    }
  });
});
