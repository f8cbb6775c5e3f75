import { answered } from '../support/conversation';
import { faults } from '../support/faulty-store';
import {
  ALEXA_DEADLINE_MS,
  apologised,
  failedWith,
  type FaultApp,
  HUNG_TURN_BOUND_MS,
  SLOW_BUT_IN_TIME_MS,
  startFaultApp,
  STORE_DOWN,
  timed,
} from './fault-app';

/** Order status ("where is my order") while the store's order system misbehaves. */

let fault: FaultApp;
beforeEach(async () => {
  fault = await startFaultApp();
});
afterEach(() => fault.close());

/** Ben has more orders on the way than one answer reads. */
const ON_THE_WAY = /^You have \d+ orders on the way\./;


describe.each(['alexa', 'google'] as const)('order status against a faulty store, on %s', (platform) => {
  it('answers as usual when the store is slow but within the deadline', async () => {
    fault.store.fail('listShopperOrders', faults.slow(SLOW_BUT_IN_TIME_MS));
    const ben = await fault.converse(platform, 'shopper-ben');
    const heard = answered(await ben.say('OrderStatusIntent'), platform);
    expect(heard.text).toMatch(ON_THE_WAY);
    // Slow is not failed: one request, no retry.
    expect(fault.store.count('listShopperOrders')).toBe(1);
    expect(fault.store.requestsTo('listShopperOrders')[0]!.fault).toBe('slow');
  });

  it('apologises within the deadline when the store never answers, keeps the step, and the same "yes" works once it is back', async () => {
    const ben = await fault.converse(platform, 'shopper-ben');
    const first = answered(await ben.say('OrderStatusIntent'), platform);
    expect(first.text).toMatch(/Want to hear the (other one|others)\?$/);
    fault.store.forget();

    fault.store.fail('all', faults.hang());
    const { heard: hung, ms } = await timed(ben.say('YesIntent'));
    apologised(hung, platform);
    expect(ms).toBeLessThan(HUNG_TURN_BOUND_MS);
    expect(ms).toBeLessThan(ALEXA_DEADLINE_MS);
    expect(hung.state).toEqual(first.state);
    // Each hung attempt of the GET was given up on and tried again while the call had time.
    expect(fault.store.count()).toBeGreaterThanOrEqual(2);
    expect(failedWith(fault)).toEqual(['StoreUnavailableError']);

    fault.store.heal();
    const more = answered(await ben.say('YesIntent'), platform);
    expect(more.text).not.toBe(STORE_DOWN);
    expect(more.text).toMatch(/^The order with your /);
  });

  it('retries a GET that meets 500s, then apologises; and succeeds when only the first attempts fail', async () => {
    const ben = await fault.converse(platform, 'shopper-ben');
    fault.store.fail('listShopperOrders', faults.status(500));
    apologised(await ben.say('OrderStatusIntent'), platform);
    // One attempt and two retries.
    expect(fault.store.count('listShopperOrders')).toBe(3);
    expect(fault.store.requestsTo('listShopperOrders').every((request) => request.fault === 'status')).toBe(true);

    fault.store.forget();
    fault.store.fail('listShopperOrders', faults.status(503), { times: 2 });
    const heard = answered(await ben.say('OrderStatusIntent'), platform);
    expect(heard.text).toMatch(ON_THE_WAY);
    expect(fault.store.requestsTo('listShopperOrders').map((request) => request.fault)).toEqual(['status', 'status', undefined]);
  });

  it.each([
    ['a body that is not JSON', faults.notJson()],
    ['JSON of the wrong shape', faults.wrongShape()],
  ])('apologises for %s, without retrying it and without an error escaping', async (_what, malformed) => {
    const ben = await fault.converse(platform, 'shopper-ben');
    fault.store.fail('listShopperOrders', malformed);
    apologised(await ben.say('OrderStatusIntent'), platform);
    expect(fault.store.count('listShopperOrders')).toBe(1);
    expect(failedWith(fault)).toEqual(['StoreDataError']);
  });

  it('apologises when the store resets every connection, after retrying; and gets through a single reset', async () => {
    const ben = await fault.converse(platform, 'shopper-ben');
    fault.store.fail('listShopperOrders', faults.reset());
    apologised(await ben.say('OrderStatusIntent'), platform);
    expect(fault.store.count('listShopperOrders')).toBe(3);
    expect(failedWith(fault)).toEqual(['StoreUnavailableError']);

    fault.store.forget();
    fault.store.fail('listShopperOrders', faults.reset(), { times: 1 });
    expect(answered(await ben.say('OrderStatusIntent'), platform).text).toMatch(ON_THE_WAY);
    expect(fault.store.count('listShopperOrders')).toBe(2);
  });
});

describe('looking up one order by its number against a faulty store, on alexa', () => {
  const platform = 'alexa';

  it('an answer cut off halfway is asked for again, and the order is read', async () => {
    const ben = await fault.converse(platform, 'shopper-ben');
    const number = (await fault.store.embedded.store.orders.listForShopper('shopper-ben', { limit: 1 }))[0]!.number;
    fault.store.fail('findShopperOrder', faults.cutOff(), { times: 1 });
    const found = answered(await ben.say('OrderStatusIntent', { orderNumber: number }), platform);
    expect(found.ssml).toContain(`<say-as interpret-as='digits'>${number}</say-as>`);
    expect(fault.store.requestsTo('findShopperOrder').map((request) => request.fault)).toEqual(['lose-answer', undefined]);

    fault.store.fail('findShopperOrder', faults.cutOff());
    apologised(await ben.say('OrderStatusIntent', { orderNumber: number }), platform);
    expect(failedWith(fault)).toEqual(['StoreUnavailableError']);
  });

  it('apologises when the lookup hangs, and finds the order once the store is back', async () => {
    const ben = await fault.converse(platform, 'shopper-ben');
    const number = (await fault.store.embedded.store.orders.listForShopper('shopper-ben', { limit: 1 }))[0]!.number;
    fault.store.fail('findShopperOrder', faults.hang());
    const { heard, ms } = await timed(ben.say('OrderStatusIntent', { orderNumber: number }));
    apologised(heard, platform);
    expect(ms).toBeLessThan(HUNG_TURN_BOUND_MS);
    expect(fault.store.count('findShopperOrder')).toBeGreaterThanOrEqual(2);

    fault.store.heal();
    const found = answered(await ben.say('OrderStatusIntent', { orderNumber: number }), platform);
    expect(found.ssml).toContain(`<say-as interpret-as='digits'>${number}</say-as>`);
  });

  it('never reads out an order the store says belongs to someone else', async () => {
    const ava = await fault.converse(platform, 'shopper-ava');
    const bens = (await fault.store.embedded.store.orders.listForShopper('shopper-ben', { limit: 1 }))[0]!;
    // A well-formed order, but Ben's: the store answers for the wrong shopper.
    fault.store.fail('findShopperOrder', faults.malformed(JSON.stringify({ ...bens, placedAt: bens.placedAt.toISOString(), shipments: [] })));
    const heard = apologised(await ava.say('OrderStatusIntent', { orderNumber: bens.number }), platform);
    expect(heard.ssml).not.toContain(`>${bens.number}<`);
    expect(failedWith(fault)).toEqual(['StoreDataError']);
  });
});
