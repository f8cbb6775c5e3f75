import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { NotificationSubscriptions, OrderNotifications, OrderStatusChange, QueuedOrderNotification } from '../../lambda/commerce/ports';
import { DeliveryFailedError } from '../../lambda/commerce/handoff-webhook/delivery-policy';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteSkillState } from '../../lambda/commerce/sqlite/sqlite-commerce';
import { createNotificationRelay } from '../../lambda/events/notification-relay';
import { changeKeyOf } from '../../lambda/events/order-status-change';
import type { OrderNotificationSender } from '../../lambda/events/order-notification-sender';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { TEST_NOW } from '../support/test-app';

/**
 * The order notifications' state, one contract for both state stores: the embedded file
 * (`npm start`, `npm run events:send`) and DynamoDB (dynalite on loopback), which the Lambda
 * functions and the scheduled sender use. Nothing here depends on the calendar: every instant is
 * TEST_NOW plus or minus a fixed amount.
 */

interface OpenState {
  readonly subscriptions: NotificationSubscriptions;
  readonly outbox: OrderNotifications;
  close(): void;
}

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

const stores: [string, () => Promise<OpenState>][] = [
  [
    'the embedded SQLite store',
    async () => {
      const db = openDatabase(':memory:');
      migrate(db);
      const state = createSqliteSkillState(db, { clock: () => TEST_NOW });
      return { subscriptions: state.notificationSubscriptions!, outbox: state.orderNotifications!, close: () => db.close() };
    },
  ],
  [
    'DynamoDB (dynalite)',
    async () => {
      const state = createDynamoSkillState({ tablePrefix: await dynamo.tables(), endpoint: dynamo.endpoint }, { clock: () => TEST_NOW });
      return { subscriptions: state.notificationSubscriptions!, outbox: state.orderNotifications!, close: () => state.close() };
    },
  ],
];

const MINUTE = 60_000;
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);
const KITCHEN = 'amzn1.ask.account.KITCHEN';
const OFFICE = 'amzn1.ask.account.OFFICE';

const change = (overrides: Partial<OrderStatusChange> = {}): OrderStatusChange => ({
  orderNumber: '10741',
  shopperId: 'shopper-ava',
  status: 'shipped',
  occurredAt: at(-MINUTE),
  ...overrides,
});
const toKitchen = [{ recipient: KITCHEN, locale: 'en-US' }];

describe.each(stores)('order notification state on %s', (_name, open) => {
  let opened: OpenState;
  let subscriptions: NotificationSubscriptions;
  let outbox: OrderNotifications;
  beforeEach(async () => {
    opened = await open();
    ({ subscriptions, outbox } = opened);
  });
  afterEach(() => opened.close());

  describe('subscriptions', () => {
    it('keeps each recipient the shopper subscribed through, with its locale, and nobody else’s', async () => {
      await subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: OFFICE, locale: 'de-DE', subscribed: true, at: at(0) });
      await subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(0) });
      await subscriptions.record({ shopperId: 'shopper-ben', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(0) });
      expect(await subscriptions.subscribed('shopper-ava')).toEqual([
        { shopperId: 'shopper-ava', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(0) },
        { shopperId: 'shopper-ava', platform: 'alexa', recipient: OFFICE, locale: 'de-DE', subscribed: true, at: at(0) },
      ]);
      expect(await subscriptions.subscribed('shopper-cleo')).toEqual([]);
    });

    it('takes the newest word, whatever order it arrives in', async () => {
      await subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: false, at: at(2 * MINUTE) });
      await subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(MINUTE) });
      expect(await subscriptions.subscribed('shopper-ava')).toEqual([]);
      await subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(3 * MINUTE) });
      expect((await subscriptions.subscribed('shopper-ava')).map((each) => each.recipient)).toEqual([KITCHEN]);
    });

    it('refuses a subscription without its shopper or recipient', async () => {
      await expect(subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: '', locale: 'en-US', subscribed: true, at: at(0) })).rejects.toThrow(/shopper and recipient/);
    });

    it('forgets everything of one shopper, queued notifications included, and says how many', async () => {
      await subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(0) });
      await subscriptions.record({ shopperId: 'shopper-ben', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(0) });
      await outbox.enqueue(changeKeyOf(change()), change(), toKitchen, at(0));
      const bens = change({ shopperId: 'shopper-ben', orderNumber: '10800' });
      await outbox.enqueue(changeKeyOf(bens), bens, toKitchen, at(0));

      expect(await subscriptions.forgetShopper('shopper-ava')).toBe(2);
      expect(await subscriptions.subscribed('shopper-ava')).toEqual([]);
      expect((await outbox.claimDue(at(MINUTE), 10, MINUTE)).map((each) => each.change.shopperId)).toEqual(['shopper-ben']);
      expect((await subscriptions.subscribed('shopper-ben')).map((each) => each.recipient)).toEqual([KITCHEN]);
      expect(await subscriptions.forgetShopper('shopper-ava')).toBe(0);
    });
  });

  describe('the queue', () => {
    it('queues a change once per recipient, however often and however concurrently the store reports it', async () => {
      const key = changeKeyOf(change());
      expect(await outbox.enqueue(key, change(), toKitchen, at(0))).toBe(1);
      const again = await Promise.all(Array.from({ length: 6 }, () => outbox.enqueue(key, change(), [...toKitchen, { recipient: OFFICE, locale: 'en-US' }], at(0))));
      expect(again.reduce((sum, each) => sum + each, 0)).toBe(1);
      expect(await outbox.enqueue(key, change(), toKitchen, at(MINUTE))).toBe(0);
    });

    it('gives back every field of a queued change, due at once, and keeps it from a second claim while leased', async () => {
      const delayed = change({ status: 'delayed', expectedArrival: new Date('2026-11-30T00:00:00Z') });
      await outbox.enqueue(changeKeyOf(delayed), delayed, toKitchen, at(0));
      expect(await outbox.nextDue()).toEqual(at(0));
      const claimed = await outbox.claimDue(at(0), 10, MINUTE);
      expect(claimed).toEqual<QueuedOrderNotification[]>([{ changeKey: '10741:delayed:2026-11-30', change: delayed, recipient: KITCHEN, locale: 'en-US', attempts: 0 }]);
      expect(await outbox.claimDue(at(MINUTE - 1), 10, MINUTE)).toEqual([]);
      // A sender that died holding it: the lease runs out and another pass gets it.
      expect((await outbox.claimDue(at(MINUTE), 10, MINUTE)).map((each) => each.changeKey)).toEqual(['10741:delayed:2026-11-30']);
    });

    it('hands many due notifications to two passes claiming at once without giving any to both', async () => {
      for (let i = 0; i < 12; i += 1) {
        const each = change({ orderNumber: String(20_000 + i) });
        await outbox.enqueue(changeKeyOf(each), each, toKitchen, at(i));
      }
      const [first, second] = await Promise.all([outbox.claimDue(at(MINUTE), 12, MINUTE), outbox.claimDue(at(MINUTE), 12, MINUTE)]);
      const keys = [...first!, ...second!].map((each) => each.changeKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBeLessThanOrEqual(12);
      // What neither got is still due; together they get everything exactly once.
      const rest = (await outbox.claimDue(at(MINUTE), 12, MINUTE)).map((each) => each.changeKey);
      expect([...keys, ...rest].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `${20_000 + i}:shipped`));
    });

    it('hands out what is due oldest first, at most `limit`; a failed one waits for its retry with its attempts counted', async () => {
      const first = change({ orderNumber: '1' });
      const second = change({ orderNumber: '2' });
      await outbox.enqueue(changeKeyOf(first), first, toKitchen, at(0));
      await outbox.enqueue(changeKeyOf(second), second, toKitchen, at(1));
      expect((await outbox.claimDue(at(10), 1, 0)).map((each) => each.changeKey)).toEqual(['1:shipped']);
      await outbox.markFailed('1:shipped', KITCHEN, 'HTTP 503', at(5 * MINUTE));
      expect((await outbox.claimDue(at(10), 10, 0)).map((each) => each.changeKey)).toEqual(['2:shipped']);
      await outbox.markSent('2:shipped', KITCHEN, at(11));
      expect(await outbox.nextDue()).toEqual(at(5 * MINUTE));
      expect(await outbox.claimDue(at(5 * MINUTE - 1), 10, 0)).toEqual([]);
      expect(await outbox.claimDue(at(5 * MINUTE), 10, 0)).toEqual([expect.objectContaining({ changeKey: '1:shipped', attempts: 1 })]);
    });

    it('never hands out a sent or dropped notification again, nor queues its change again', async () => {
      const delivered = change({ status: 'delivered' });
      await outbox.enqueue(changeKeyOf(change()), change(), toKitchen, at(0));
      await outbox.enqueue(changeKeyOf(delivered), delivered, toKitchen, at(0));
      await outbox.markSent('10741:shipped', KITCHEN, at(1));
      await outbox.markDropped('10741:delivered', KITCHEN, 'permission withdrawn', at(1));
      // Settled stays settled: a late failure report changes nothing.
      await outbox.markFailed('10741:shipped', KITCHEN, 'HTTP 503', at(2));
      expect(await outbox.nextDue()).toBeUndefined();
      expect(await outbox.claimDue(at(MINUTE), 10, 0)).toEqual([]);
      expect(await outbox.enqueue(changeKeyOf(change()), change(), toKitchen, at(MINUTE))).toBe(0);
      expect(await outbox.enqueue(changeKeyOf(delivered), delivered, toKitchen, at(MINUTE))).toBe(0);
    });
  });

  it('two senders draining the same queue at once send each change exactly once', async () => {
    await subscriptions.record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: KITCHEN, locale: 'en-US', subscribed: true, at: at(-MINUTE) });
    const moves = (['shipped', 'out-for-delivery', 'delivered'] as const).flatMap((status) => Array.from({ length: 8 }, (_, i) => change({ status, orderNumber: String(30_000 + i) })));
    for (const each of moves) await outbox.enqueue(changeKeyOf(each), each, toKitchen, at(0));
    const sent: string[] = [];
    let failOnce = true;
    const sender: OrderNotificationSender = {
      offeredIn: (locale) => locale === 'en-US',
      async send(notification) {
        // One send fails as an Alexa that is down would: it is retried, not lost, not doubled.
        if (failOnce && notification.changeKey === '30003:delivered') {
          failOnce = false;
          throw new DeliveryFailedError('HTTP 503', true);
        }
        sent.push(notification.changeKey);
      },
    };
    const relay = () => createNotificationRelay({ outbox, subscriptions, sender, clock: () => at(MINUTE), baseDelayMs: 0 });
    const [one, two] = [relay(), relay()];
    await Promise.all([one.drain(), two.drain()]);
    await Promise.all([one.drain(), two.drain()]);
    one.close();
    two.close();
    expect(sent.sort()).toEqual(moves.map(changeKeyOf).sort());
  });
});
