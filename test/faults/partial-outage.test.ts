import { DEFAULT_STORE_CALL_SETTINGS } from '../../lambda/commerce/http/store-call-policy';
import { answered } from '../support/conversation';
import { faults, type FaultyStoreAdapterOptions } from '../support/faulty-store';
import { type FaultApp, startFaultApp, STORE_DOWN } from './fault-app';

/**
 * A store whose calls hang now and then, with the HTTP adapter as it is deployed: only the call's
 * time is set (STORE_API_TIMEOUT_MS, smaller here so the tests are quick), and its attempts, retries
 * and breaker are the defaults. A read that hangs is abandoned and tried again within the turn, so
 * the shopper hears the answer rather than an apology. (How much of a partial outage gets answered
 * under load is measured by `npm run bench`, not asserted here.)
 */
const AS_DEPLOYED: FaultyStoreAdapterOptions = { timeoutMs: 1_500, breaker: DEFAULT_STORE_CALL_SETTINGS.breaker };

/** Ben has more orders on the way than one answer reads. */
const ON_THE_WAY = /^You have \d+ orders on the way\./;

let fault: FaultApp;
beforeEach(async () => {
  fault = await startFaultApp(AS_DEPLOYED);
});
afterEach(() => fault.close());

describe.each(['alexa', 'google'] as const)('a store where some calls hang, on %s', (platform) => {
  it('gives up on a read that hangs, asks again, and the shopper hears the real answer', async () => {
    const ben = await fault.converse(platform, 'shopper-ben');
    fault.store.fail('listShopperOrders', faults.hang(), { times: 1 });
    const heard = answered(await ben.say('OrderStatusIntent'), platform);
    expect(heard.text).not.toBe(STORE_DOWN);
    expect(heard.text).toMatch(ON_THE_WAY);
    expect(fault.store.requestsTo('listShopperOrders').map((request) => request.fault ?? 'answered')).toEqual(['hang', 'answered']);
  });

  it('rides out a hang in each of the turn\'s reads: the orders, then the product and the shopper\'s card', async () => {
    // Ava's usual coffee: her orders first, then the product and her record, beside each other.
    const ava = await fault.converse(platform, 'shopper-ava');
    fault.store.fail('listShopperOrders', faults.hang(), { times: 1 });
    fault.store.fail('findProduct', faults.hang(), { times: 1 });
    fault.store.fail('findShopper', faults.hang(), { times: 1 });
    const heard = answered(await ava.say('ReorderIntent', { item: 'coffee' }), platform);
    expect(heard.state).toMatchObject({ active: { flow: 'checkout', step: 'confirm' } });
    for (const operation of ['listShopperOrders', 'findProduct', 'findShopper'] as const) {
      expect({ operation, attempts: fault.store.requestsTo(operation).map((request) => request.fault ?? 'answered') }).toEqual({ operation, attempts: ['hang', 'answered'] });
    }
    expect(fault.failures).toEqual([]);
  });

  it('still apologises, in time, when every attempt of a read hangs', async () => {
    const ben = await fault.converse(platform, 'shopper-ben');
    fault.store.fail('listShopperOrders', faults.hang());
    const heard = answered(await ben.say('OrderStatusIntent'), platform);
    expect(heard.text).toBe(STORE_DOWN);
    expect(fault.store.count('listShopperOrders')).toBeGreaterThanOrEqual(2);
  });
});
