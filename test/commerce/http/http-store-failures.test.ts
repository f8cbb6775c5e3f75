import { StoreDataError, StoreRejectedError, StoreUnavailableError } from '../../../lambda/commerce/commerce-errors';
import { createHttpStoreCommerce, type HttpStoreOptions } from '../../../lambda/commerce/http/http-store-commerce';
import { createStoreApiClient } from '../../../lambda/commerce/http/store-api-client';
import { createStoreCallPolicy, DEFAULT_STORE_CALL_SETTINGS } from '../../../lambda/commerce/http/store-call-policy';
import { z } from 'zod';
import { openEmbeddedStore, type EmbeddedStore } from '../../../lambda/commerce/sqlite/embedded-store';
import { TEST_NOW } from '../../support/test-app';
import { listenOnLoopback, type Loopback, QUIET, type Step, storeApiApp } from './store-api-fixtures';

/** How the adapter behaves when the store is down, slow, wrong or refuses: always a StoreError, retried only when safe. */

let embedded: EmbeddedStore;
const servers: Loopback[] = [];
beforeEach(() => {
  embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  embedded.close();
});

async function storeBehind(script: (request: { method: string; path: string }, index: number) => Step, apiKey?: string) {
  const server = await listenOnLoopback(storeApiApp(embedded.store, apiKey), script);
  servers.push(server);
  return server;
}

const adapterFor = (server: Loopback, options: HttpStoreOptions = QUIET, timeoutMs = 5_000, apiKey?: string) =>
  createHttpStoreCommerce({ baseUrl: server.url, timeoutMs, apiKey }, options);

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('a store that does not answer in time', () => {
  it('fails with StoreUnavailableError (timeout) when the server never answers', async () => {
    const server = await storeBehind(() => 'hang');
    const error = await failureOf(adapterFor(server, QUIET, 300).shoppers.findById('shopper-ava'));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ reason: 'timeout', operation: 'findShopper' });
    // The whole call had its time; there was none left for another attempt.
    expect(server.received).toHaveLength(1);
  });

  it('retries an attempt that timed out when the call still has time', async () => {
    const server = await storeBehind((_request, index) => (index === 0 ? 'hang' : 'pass'));
    const shopper = await adapterFor(server, { ...QUIET, attemptTimeoutMs: 200 }, 5_000).shoppers.findById('shopper-ava');
    expect(shopper?.givenName).toBe('Ava');
    expect(server.received).toHaveLength(2);
  });

  it('fails with StoreUnavailableError (unreachable) when nothing listens', async () => {
    const server = await storeBehind(() => 'pass');
    const url = server.url;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const adapter = createHttpStoreCommerce({ baseUrl: url, timeoutMs: 2_000 }, QUIET);
    await expect(adapter.catalog.findById('stormline-rain-jacket')).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'unreachable' });
  });
});

describe('retries', () => {
  it('a GET that meets a 500 is retried and succeeds', async () => {
    const server = await storeBehind((_request, index) => (index === 0 ? { status: 500, body: '{"code":"internal"}' } : 'pass'));
    const product = await adapterFor(server).catalog.findById('stormline-rain-jacket');
    expect(product).toEqual(await embedded.store.catalog.findById('stormline-rain-jacket'));
    expect(server.received.map((request) => request.path)).toEqual(['/catalog/products/stormline-rain-jacket', '/catalog/products/stormline-rain-jacket']);
  });

  it('a 429 is retried too', async () => {
    const server = await storeBehind((_request, index) => (index === 0 ? { status: 429 } : 'pass'));
    expect(await adapterFor(server).returns.policy()).toEqual(await embedded.store.returns.policy());
    expect(server.received).toHaveLength(2);
  });

  it('gives up after the retries with StoreUnavailableError (server-error) and the status', async () => {
    const server = await storeBehind(() => ({ status: 503 }));
    await expect(adapterFor(server).orders.listForShopper('shopper-ava')).rejects.toMatchObject({
      name: 'StoreUnavailableError',
      reason: 'server-error',
      status: 503,
      operation: 'listShopperOrders',
    });
    expect(server.received).toHaveLength(1 + DEFAULT_STORE_CALL_SETTINGS.retries);
  });

  it.each([400, 401, 403, 422])('never retries a %i', async (status) => {
    const server = await storeBehind(() => ({ status, body: '{"code":"refused"}' }));
    await expect(adapterFor(server).catalog.vocabulary('en-US')).rejects.toMatchObject({ name: 'StoreRejectedError', status, code: 'refused' });
    expect(server.received).toHaveLength(1);
  });

  it('a POST without an Idempotency-Key gets one attempt, and one with a key is retried', async () => {
    const server = await storeBehind(() => ({ status: 503 }));
    const client = createStoreApiClient({
      baseUrl: server.url,
      attemptTimeoutMs: 2_000,
      policy: createStoreCallPolicy({ ...DEFAULT_STORE_CALL_SETTINGS, timeoutMs: 2_000, initialDelayMs: 1, maxDelayMs: 5, breaker: false }),
      fetch,
      maxBodyBytes: 1_000_000,
    });
    const body = { orderNumber: '10605', lineId: '10605-2', quantity: 1, reason: 'size', refundMethod: { kind: 'store-credit' }, labelDelivery: 'email' };
    const unkeyed = { operation: 'createReturn' as const, path: { shopperId: 'shopper-ava' }, body };
    await expect(client.call(unkeyed, z.unknown())).rejects.toMatchObject({ reason: 'server-error' });
    expect(server.received).toEqual([{ method: 'POST', path: '/shoppers/shopper-ava/returns' }]);

    server.received.length = 0;
    await expect(client.call({ ...unkeyed, idempotencyKey: 'key-1' }, z.unknown())).rejects.toMatchObject({ reason: 'server-error' });
    expect(server.received).toEqual(Array(3).fill({ method: 'POST', path: '/shoppers/shopper-ava/returns', idempotencyKey: 'key-1' }));
  });
});

describe('malformed answers', () => {
  it('a body that is not JSON is a StoreDataError, not retried', async () => {
    const server = await storeBehind(() => ({ status: 200, body: '{"id": "shopper-ava", "givenName": ' }));
    const error = await failureOf(adapterFor(server).shoppers.findById('shopper-ava'));
    expect(error).toBeInstanceOf(StoreDataError);
    expect(error).toMatchObject({ operation: 'findShopper', problem: 'the body is not JSON' });
    expect(server.received).toHaveLength(1);
  });

  it('JSON of the wrong shape is a StoreDataError naming the fields, never their values', async () => {
    const product = await embedded.store.catalog.findById('stormline-rain-jacket');
    const wrong = { ...product, price: { minor: '149.99', currency: 'USD' }, stock: null, restockOn: 'next week' };
    const server = await storeBehind(() => ({ status: 200, body: JSON.stringify(wrong) }));
    const error = (await failureOf(adapterFor(server).catalog.findById('stormline-rain-jacket'))) as StoreDataError;
    expect(error).toBeInstanceOf(StoreDataError);
    expect(error.problem).toMatch(/price\.minor/);
    expect(error.problem).toMatch(/stock/);
    expect(error.problem).toMatch(/restockOn/);
    expect(error.message).not.toMatch(/149\.99|next week/);
  });

  it('an outcome of a kind the API does not have is a StoreDataError', async () => {
    const server = await storeBehind(() => ({ status: 201, body: '{"kind":"queued","ticket":"42"}' }));
    const adapter = adapterFor(server);
    await expect(
      adapter.checkout.place({
        shopperId: 'shopper-ben',
        lines: [{ productId: 'merino-hiking-socks', quantity: 1, unitPrice: { minor: 1800, currency: 'USD' } }],
        placedAt: TEST_NOW,
        idempotencyKey: 'key-1',
      }),
    ).rejects.toEqual(expect.any(StoreDataError));
  });

  it("someone else's order is never handed to a flow", async () => {
    const bens = (await embedded.store.orders.listForShopper('shopper-ben', { limit: 1 }))[0]!;
    const server = await storeBehind(() => ({ status: 200, body: JSON.stringify({ ...bens, placedAt: bens.placedAt.toISOString(), shipments: [] }) }));
    await expect(adapterFor(server).orders.findForShopper('shopper-ava', bens.number)).rejects.toEqual(expect.any(StoreDataError));
  });

  it('a 404 without the not-found code (a wrong base URL) is a StoreRejectedError, not "no such shopper"', async () => {
    const server = await storeBehind(() => ({ status: 404, body: '<html>Not Found</html>', type: 'text/html' }));
    await expect(adapterFor(server).shoppers.findById('shopper-ava')).rejects.toMatchObject({ name: 'StoreRejectedError', status: 404 });
    expect(server.received).toHaveLength(1);
  });

  it('a redirect is not followed (it could carry the API key elsewhere) and is a StoreRejectedError', async () => {
    const server = await storeBehind((request) => (request.path.startsWith('/elsewhere') ? 'pass' : { status: 302, body: '' }));
    await expect(adapterFor(server).returns.policy()).rejects.toMatchObject({ name: 'StoreRejectedError', status: 302 });
    expect(server.received).toHaveLength(1);
  });

  it('a base URL with a path prefix is kept', async () => {
    const server = await storeBehind(() => ({ status: 404, body: '{"code":"not-found"}' }));
    expect(await adapterFor({ ...server, url: `${server.url}/voice-api/` }).catalog.findById('x')).toBeUndefined();
    expect(server.received[0]!.path).toBe('/voice-api/catalog/products/x');
  });
});

describe('bearer key', () => {
  it('is sent on every call when configured, and a wrong one is refused without retries', async () => {
    const server = await storeBehind(() => 'pass', 'store-secret-key');
    const good = adapterFor(server, QUIET, 5_000, 'store-secret-key');
    expect((await good.shoppers.findById('shopper-ava'))?.givenName).toBe('Ava');
    const wrong = adapterFor(server, QUIET, 5_000, 'not-the-key');
    await expect(wrong.shoppers.findById('shopper-ava')).rejects.toEqual(new StoreRejectedError('findShopper', 401, 'unauthorized'));
    const none = adapterFor(server);
    await expect(none.catalog.vocabulary('en-US')).rejects.toMatchObject({ status: 401 });
    expect(server.received).toHaveLength(3);
  });
});

describe('circuit breaker and bulkhead', () => {
  it('after failures in a row, calls fail fast without reaching the store, and one call is let through later', async () => {
    let down = true;
    const server = await storeBehind(() => (down ? { status: 503 } : 'pass'));
    const adapter = adapterFor(server, { ...QUIET, retries: 0, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 200 } });
    for (let call = 0; call < 3; call++) {
      await expect(adapter.returns.policy()).rejects.toMatchObject({ reason: 'server-error' });
    }
    expect(server.received).toHaveLength(3);
    await expect(adapter.returns.policy()).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'circuit-open' });
    await expect(adapter.shoppers.findById('shopper-ava')).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(server.received).toHaveLength(3);

    down = false;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await adapter.returns.policy()).toEqual(await embedded.store.returns.policy());
    expect((await adapter.shoppers.findById('shopper-ava'))?.givenName).toBe('Ava');
    expect(server.received).toHaveLength(5);
  });

  it('refusals and missing resources do not open the circuit', async () => {
    const server = await storeBehind(() => 'pass');
    const adapter = adapterFor(server, { ...QUIET, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } });
    for (let call = 0; call < 3; call++) expect(await adapter.orders.findForShopper('shopper-ava', '99999')).toBeUndefined();
    expect((await adapter.shoppers.findById('shopper-ava'))?.givenName).toBe('Ava');
  });

  it('beyond the bulkhead, a call fails at once with StoreUnavailableError (busy)', async () => {
    const server = await storeBehind((_request, index) => (index === 0 ? 'hang' : 'pass'));
    const adapter = adapterFor(server, { ...QUIET, bulkhead: { limit: 1, queue: 0 } }, 500);
    const first = adapter.shoppers.findById('shopper-ava');
    first.catch(() => undefined);
    await expect(adapter.shoppers.findById('shopper-ben')).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'busy' });
    await expect(first).rejects.toMatchObject({ reason: 'timeout' });
    expect(server.received).toHaveLength(1);
  });
});
