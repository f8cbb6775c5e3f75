import { answered, type Conversation, type Heard } from '../support/conversation';
import { faults } from '../support/faulty-store';
import {
  ALEXA_DEADLINE_MS,
  apologised,
  expectOneKey,
  failedWith,
  type FaultApp,
  HUNG_TURN_BOUND_MS,
  SLOW_BUT_IN_TIME_MS,
  startFaultApp,
  timed,
  writeOutcome,
} from './fault-app';

/** "Reorder my usual coffee" up to the placed order (checkout, a POST with an Idempotency-Key) while the store misbehaves. */

let fault: FaultApp;
beforeEach(async () => {
  fault = await startFaultApp();
});
afterEach(() => fault.close());

const DONE = /^Done! Your order number is (\d+), and it should arrive on \w+\.$/;
const ETHIOPIA = 'ethiopia-yirgacheffe-coffee';

interface PlacedLine {
  readonly number: string;
  readonly product_id: string;
  readonly quantity: number;
}
/** Orders placed since the demo store was seeded (its own are numbered below 10743), one row per line. */
const placed = () =>
  fault.store.embedded.db
    .prepare(
      `SELECT o.number, l.product_id, l.quantity FROM orders o JOIN order_lines l ON l.order_number = o.number
        WHERE CAST(o.number AS INTEGER) >= 10743 ORDER BY o.number, l.position`,
    )
    .all() as PlacedLine[];
const stock = () => (fault.store.embedded.db.prepare('SELECT stock FROM products WHERE id = ?').get(ETHIOPIA) as { stock: number }).stock;

async function upToTheQuestion(platform: 'alexa' | 'google'): Promise<{ ava: Conversation; question: Heard; stockBefore: number }> {
  const ava = await fault.converse(platform, 'shopper-ava');
  const question = answered(await ava.say('ReorderIntent', { item: 'coffee' }), platform);
  expect(question.text).toMatch(/^Shall I order 2 bags of Ethiopia Yirgacheffe coffee from Northwind Outfitters to Denver, for .*\?$/);
  fault.store.forget();
  return { ava, question, stockBefore: stock() };
}



describe.each(['alexa', 'google'] as const)('a reorder against a faulty store, on %s', (platform) => {
  it('is placed as usual when the store is slow but within the deadline', async () => {
    const { ava, stockBefore } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', faults.slow(SLOW_BUT_IN_TIME_MS));
    const done = answered(await ava.say('YesIntent'), platform);
    expect(done.text).toMatch(DONE);
    expect(placed()).toEqual([{ number: DONE.exec(done.text)![1], product_id: ETHIOPIA, quantity: 2 }]);
    expect(stock()).toBe(stockBefore - 2);
    expect(fault.store.count('placeOrder')).toBe(1);
  });

  it('an order whose answer is lost every time: one order, the shopper is told it could not be confirmed, and "yes" again tells its number', async () => {
    const { ava, question, stockBefore } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', faults.applyThenHang());
    const { heard, ms } = await timed(ava.say('YesIntent'));
    answered(heard, platform);
    expect(ms).toBeLessThan(HUNG_TURN_BOUND_MS);
    expect(ms).toBeLessThan(ALEXA_DEADLINE_MS);
    expect(writeOutcome(heard, DONE)).toBe('not-confirmed');
    expect(heard.state).toEqual(question.state);
    const key = expectOneKey(fault.store.requestsTo('placeOrder'));
    expect(fault.store.handled('placeOrder')).toBeGreaterThanOrEqual(1);
    const [order] = placed();
    expect(placed()).toHaveLength(1);
    expect(stock()).toBe(stockBefore - 2);

    fault.store.heal();
    const done = answered(await ava.say('YesIntent'), platform);
    expect(writeOutcome(done, DONE)).toBe('done');
    expect(DONE.exec(done.text)![1]).toBe(order!.number);
    expect(fault.store.requestsTo('placeOrder').at(-1)!.idempotencyKey).toBe(key);
    // The platform retries the "yes" whose answer it did not get: still the one order, the stock taken once.
    expect((await ava.resend()).text).toBe(done.text);
    expect(placed()).toEqual([order]);
    expect(stock()).toBe(stockBefore - 2);
  });
});

describe('a reorder against a faulty store, on alexa', () => {
  const platform = 'alexa';

  it('hung before the store saw it: apologises within the deadline, places nothing, and "yes" again places it once', async () => {
    const { ava, question, stockBefore } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', faults.hang());
    const { heard, ms } = await timed(ava.say('YesIntent'));
    answered(heard, platform);
    expect(writeOutcome(heard, DONE)).toBe('not-confirmed');
    expect(ms).toBeLessThan(HUNG_TURN_BOUND_MS);
    expect(heard.state).toEqual(question.state);
    expect(placed()).toEqual([]);
    expect(stock()).toBe(stockBefore);

    fault.store.heal();
    expect(answered(await ava.say('YesIntent'), platform).text).toMatch(DONE);
    expect(placed()).toHaveLength(1);
    expectOneKey(fault.store.requestsTo('placeOrder'));
  });

  it('500s: the order POST is retried with the same Idempotency-Key, then the apology; nothing placed', async () => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', faults.status(500));
    const heard = apologised(await ava.say('YesIntent'), platform);
    expect(heard.state).toEqual(question.state);
    const posts = fault.store.requestsTo('placeOrder');
    expect(posts).toHaveLength(3);
    expectOneKey(posts);
    expect(placed()).toEqual([]);
  });

  it('500s on reading the order history: the GET is retried, then the apology', async () => {
    const ava = await fault.converse(platform, 'shopper-ava');
    fault.store.fail('listShopperOrders', faults.status(500));
    apologised(await ava.say('ReorderIntent', { item: 'coffee' }), platform);
    expect(fault.store.count('listShopperOrders')).toBe(3);

    fault.store.heal();
    expect(answered(await ava.say('ReorderIntent', { item: 'coffee' }), platform).text).toMatch(/^Shall I order .+\?$/);
  });

  it.each([
    ['a body that is not JSON', faults.notJson()],
    ['JSON of the wrong shape', faults.wrongShape()],
  ])('apologises for %s from checkout', async (_what, malformed) => {
    const { ava } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', malformed);
    apologised(await ava.say('YesIntent'), platform);
    expect(fault.store.count('placeOrder')).toBe(1);
    expect(failedWith(fault)).toEqual(['StoreDataError']);
    expect(placed()).toEqual([]);
  });

  it('connection reset before the store saw it: retried with the same key, then "could not be confirmed" (a reset says nothing of whether it was applied)', async () => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', faults.reset());
    const heard = answered(await ava.say('YesIntent'), platform);
    expect(writeOutcome(heard, DONE)).toBe('not-confirmed');
    expect(heard.state).toEqual(question.state);
    expect(fault.store.count('placeOrder')).toBe(3);
    expectOneKey(fault.store.requestsTo('placeOrder'));
    expect(placed()).toEqual([]);
  });

  it('an order whose answer is lost once: the retry gets that same order, and the shopper hears its number', async () => {
    const { ava, stockBefore } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', faults.applyThenReset(), { times: 1 });
    const done = answered(await ava.say('YesIntent'), platform);
    expect(writeOutcome(done, DONE)).toBe('done');
    expect(fault.store.handled('placeOrder')).toBe(2);
    expectOneKey(fault.store.requestsTo('placeOrder'));
    expect(placed()).toEqual([expect.objectContaining({ number: DONE.exec(done.text)![1] })]);
    answered(await ava.say('YesIntent'), platform);
    expect(placed()).toHaveLength(1);
    expect(stock()).toBe(stockBefore - 2);
  });

  it('an order whose connection is reset every time after the store placed it: one order, never a second', async () => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('placeOrder', faults.applyThenReset());
    const heard = answered(await ava.say('YesIntent'), platform);
    expect(writeOutcome(heard, DONE)).toBe('not-confirmed');
    expect(heard.state).toEqual(question.state);
    expect(fault.store.count('placeOrder')).toBe(3);
    expect(fault.store.handled('placeOrder')).toBe(3);
    expect(placed()).toHaveLength(1);

    // Still failing: the shopper tries again, and again nothing is added.
    answered(await ava.say('YesIntent'), platform);
    expect(placed()).toHaveLength(1);

    fault.store.heal();
    const done = answered(await ava.say('YesIntent'), platform);
    expect(DONE.exec(done.text)![1]).toBe(placed()[0]!.number);
    expectOneKey(fault.store.requestsTo('placeOrder'));
    expect(placed()).toHaveLength(1);
  });
});
