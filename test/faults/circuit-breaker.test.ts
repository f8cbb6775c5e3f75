import { z } from 'zod';
import { createStoreApiClient } from '../../lambda/commerce/http/store-api-client';
import { createStoreCallPolicy, DEFAULT_STORE_CALL_SETTINGS, type StoreCallEvent } from '../../lambda/commerce/http/store-call-policy';
import type { StoreCommerce } from '../../lambda/commerce/ports';
import { answered } from '../support/conversation';
import { faults, type FaultyStore, type FaultyStoreAdapterOptions, startFaultyStore } from '../support/faulty-store';
import { FAULT_ADAPTER, STORE_DOWN, startFaultApp } from './fault-app';

/** The adapter's circuit breaker against a store that goes down and comes back, and which failures it counts. */

const HALF_OPEN_AFTER_MS = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(5);
  }
}

let store: FaultyStore;
beforeEach(async () => {
  store = await startFaultyStore();
});
afterEach(() => store.close());

/** The adapter with a breaker that opens after `consecutiveFailures` and lets one call through after HALF_OPEN_AFTER_MS. */
function adapterWithBreaker(consecutiveFailures: number, options: FaultyStoreAdapterOptions = {}): { adapter: StoreCommerce; events: StoreCallEvent['kind'][] } {
  const events: StoreCallEvent['kind'][] = [];
  const adapter = store.adapter({
    retries: 0,
    // The policy is the read these tests send again and again: not kept, so every one reaches the breaker.
    policyTtlMs: 0,
    breaker: { consecutiveFailures, halfOpenAfterMs: HALF_OPEN_AFTER_MS },
    logger: {
      warn: (event: StoreCallEvent) => void events.push(event.kind),
      info: (event: StoreCallEvent) => void events.push(event.kind),
    } as unknown as FaultyStoreAdapterOptions['logger'],
    ...options,
  });
  return { adapter, events };
}

const policyOf = (adapter: StoreCommerce) => adapter.returns.policy();

describe('the circuit breaker', () => {
  it('opens after failures in a row: later calls fail fast and reach no store; it half-opens after its delay and closes on a success', async () => {
    const { adapter, events } = adapterWithBreaker(3);
    store.fail('all', faults.status(503));
    for (let call = 0; call < 3; call++) {
      await expect(policyOf(adapter)).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'server-error', status: 503 });
    }
    expect(store.count()).toBe(3);
    expect(events).toEqual(['circuit-opened']);

    // Open: every operation fails at once, and the store sees nothing.
    await expect(policyOf(adapter)).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'circuit-open' });
    await expect(adapter.shoppers.findById('shopper-ava')).rejects.toMatchObject({ reason: 'circuit-open' });
    await expect(adapter.catalog.vocabulary('en-US')).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(store.count()).toBe(3);

    store.heal();
    await sleep(HALF_OPEN_AFTER_MS + 50);
    // Half-open: one call goes through, succeeds, and closes the circuit.
    expect(await policyOf(adapter)).toEqual(await store.embedded.store.returns.policy());
    expect(store.count()).toBe(4);
    expect(events).toEqual(['circuit-opened', 'circuit-half-open', 'circuit-closed']);
    expect((await adapter.shoppers.findById('shopper-ava'))?.givenName).toBe('Ava');
    expect(store.count()).toBe(5);
  });

  it('while half-open lets exactly one call through to the store; the others wait for its outcome', async () => {
    const { adapter } = adapterWithBreaker(2, { timeoutMs: 2_000 });
    store.fail('all', faults.status(500));
    for (let call = 0; call < 2; call++) await policyOf(adapter).catch(() => undefined);
    await sleep(HALF_OPEN_AFTER_MS + 50);
    store.heal();
    store.forget();

    store.fail('returnPolicy', faults.slow(400), { times: 1 });
    const calls = [policyOf(adapter), policyOf(adapter), policyOf(adapter)];
    await until(() => store.count() >= 1);
    await sleep(100);
    // Only the trial is at the store while it is running.
    expect(store.count()).toBe(1);
    const policies = await Promise.all(calls);
    expect(policies).toEqual(Array(3).fill(await store.embedded.store.returns.policy()));
    expect(store.count()).toBe(3);
  });

  it('a trial that fails opens the circuit again, for another delay', async () => {
    const { adapter, events } = adapterWithBreaker(2);
    store.fail('all', faults.status(503));
    for (let call = 0; call < 2; call++) await policyOf(adapter).catch(() => undefined);
    await sleep(HALF_OPEN_AFTER_MS + 50);
    await expect(policyOf(adapter)).rejects.toMatchObject({ reason: 'server-error' });
    expect(store.count()).toBe(3);
    await expect(policyOf(adapter)).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(store.count()).toBe(3);
    expect(events).toEqual(['circuit-opened', 'circuit-half-open', 'circuit-opened']);

    store.heal();
    await sleep(HALF_OPEN_AFTER_MS + 50);
    expect(await policyOf(adapter)).toBeDefined();
    expect(events.at(-1)).toBe('circuit-closed');
  });

  it.each([
    ['hangs (timeouts)', faults.hang(), 'timeout'],
    ['connection resets', faults.reset(), 'unreachable'],
  ])('counts %s as the store being down', async (_what, down, reason) => {
    const { adapter } = adapterWithBreaker(2, { timeoutMs: 200 });
    store.fail('all', down);
    for (let call = 0; call < 2; call++) await expect(adapter.shoppers.findById('shopper-ava')).rejects.toMatchObject({ reason });
    expect(store.count()).toBe(2);
    await expect(adapter.shoppers.findById('shopper-ava')).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(store.count()).toBe(2);
  });

  it('counts every retried attempt: one call whose attempts all fail opens it', async () => {
    const { adapter } = adapterWithBreaker(3, { retries: 2 });
    store.fail('listShopperOrders', faults.status(500));
    await expect(adapter.orders.listForShopper('shopper-ben')).rejects.toMatchObject({ reason: 'server-error' });
    expect(store.count('listShopperOrders')).toBe(3);
    await expect(adapter.returns.policy()).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(store.count()).toBe(3);
  });

  it('does not open on malformed answers or refusals: the store is up, it answered', async () => {
    const { adapter, events } = adapterWithBreaker(2);
    store.fail('returnPolicy', faults.wrongShape(), { times: 3 });
    for (let call = 0; call < 3; call++) await expect(policyOf(adapter)).rejects.toMatchObject({ name: 'StoreDataError' });
    store.fail('findShopper', faults.status(403), { times: 3 });
    for (let call = 0; call < 3; call++) await expect(adapter.shoppers.findById('shopper-ava')).rejects.toMatchObject({ name: 'StoreRejectedError' });
    expect(events).toEqual([]);
    expect((await adapter.shoppers.findById('shopper-ava'))?.givenName).toBe('Ava');
  });

  it('a success in between starts the count again', async () => {
    const { adapter, events } = adapterWithBreaker(3);
    store.fail('returnPolicy', faults.status(500), { times: 2 });
    for (let call = 0; call < 2; call++) await policyOf(adapter).catch(() => undefined);
    expect(await policyOf(adapter)).toBeDefined();
    store.fail('returnPolicy', faults.status(500), { times: 2 });
    for (let call = 0; call < 2; call++) await policyOf(adapter).catch(() => undefined);
    expect(await policyOf(adapter)).toBeDefined();
    expect(events).toEqual([]);
  });
});

describe('a POST without an Idempotency-Key', () => {
  const returnBody = { orderNumber: '10605', lineId: '10605-1', quantity: 1, reason: 'size', refundMethod: { kind: 'store-credit' }, labelDelivery: 'email' };
  const client = () =>
    createStoreApiClient({
      baseUrl: store.url,
      attemptTimeoutMs: 150,
      policy: createStoreCallPolicy({ ...DEFAULT_STORE_CALL_SETTINGS, timeoutMs: 600, initialDelayMs: 1, maxDelayMs: 5, breaker: false }),
      fetch,
      maxBodyBytes: 1_000_000,
    });
  const created = () => (store.embedded.db.prepare('SELECT COUNT(*) AS n FROM returns').get() as { n: number }).n;

  it.each([
    ['a 500', faults.status(500)],
    ['a connection reset', faults.reset()],
    ['a hang', faults.hang()],
  ])('is never retried after %s, while one with a key is, with that same key', async (_what, failure) => {
    store.fail('createReturn', failure);
    const unkeyed = { operation: 'createReturn' as const, path: { shopperId: 'shopper-ava' }, body: returnBody };
    await expect(client().call(unkeyed, z.unknown())).rejects.toMatchObject({ name: 'StoreUnavailableError' });
    expect(store.requestsTo('createReturn')).toEqual([expect.not.objectContaining({ idempotencyKey: expect.anything() })]);

    store.forget();
    await expect(client().call({ ...unkeyed, idempotencyKey: 'alexa:session-9:return:10605-1' }, z.unknown())).rejects.toMatchObject({
      name: 'StoreUnavailableError',
    });
    expect(store.requestsTo('createReturn').map((request) => request.idempotencyKey)).toEqual(Array(3).fill('alexa:session-9:return:10605-1'));
  });

  it('whose answer was lost after the store applied it is not sent again: one return, and the caller told it failed', async () => {
    store.fail('createReturn', faults.applyThenReset());
    const unkeyed = { operation: 'createReturn' as const, path: { shopperId: 'shopper-ava' }, body: returnBody };
    // The reference store insists on a key, so the request is refused there; what matters is that it is sent once.
    await expect(client().call(unkeyed, z.unknown())).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'unreachable' });
    expect(store.count('createReturn')).toBe(1);
    expect(store.handled('createReturn')).toBe(1);
    expect(created()).toBe(0);
  });
});

describe('the circuit breaker in a conversation', () => {
  it('once open, turns get the apology at once without calling the store, and it answers again after the delay', async () => {
    const fault = await startFaultApp({ ...FAULT_ADAPTER, retries: 0, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 800 } });
    try {
      const ben = await fault.converse('alexa', 'shopper-ben');
      fault.store.fail('all', faults.status(503));
      // Each turn reads the shopper's orders; two failed reads open the circuit.
      for (let turn = 0; turn < 2; turn++) expect(answered(await ben.say('OrderStatusIntent'), 'alexa').text).toBe(STORE_DOWN);
      expect(fault.store.count()).toBe(2);

      fault.store.heal();
      const open = answered(await ben.say('OrderStatusIntent'), 'alexa');
      expect(open.text).toBe(STORE_DOWN);
      expect(open.listening).toBe(true);
      expect(fault.store.count()).toBe(2);

      await sleep(850);
      expect(answered(await ben.say('OrderStatusIntent'), 'alexa').text).toMatch(/^You have \d+ orders on the way\./);
      expect(fault.store.count()).toBeGreaterThan(2);
    } finally {
      await fault.close();
    }
  });
});
