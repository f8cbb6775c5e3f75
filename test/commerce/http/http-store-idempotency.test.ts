import type { CheckoutRequest, ReturnRequest, StoreCommerce } from '../../../lambda/commerce/ports';
import { StoreUnavailableError } from '../../../lambda/commerce/commerce-errors';
import { TEST_NOW } from '../../support/test-app';
import { listenOnLoopback, QUIET, serveDemoStore, type ServedStore, type Step, storeApiApp } from './store-api-fixtures';
import { createHttpStoreCommerce } from '../../../lambda/commerce/http/http-store-commerce';
import { openEmbeddedStore } from '../../../lambda/commerce/sqlite/embedded-store';

/** A repeated or retried return or order over HTTP never creates a second one. */

const returnRequest: ReturnRequest = {
  shopperId: 'shopper-ava',
  orderNumber: '10605',
  lineId: '10605-2',
  quantity: 1,
  reason: 'size-too-small',
  refundMethod: { kind: 'store-credit' },
  labelDelivery: 'email',
  idempotencyKey: 'alexa:session-1:return:10605-2',
};

async function checkoutRequest(store: StoreCommerce): Promise<CheckoutRequest> {
  const socks = await store.catalog.findById('merino-hiking-socks');
  return {
    shopperId: 'shopper-ben',
    lines: [{ productId: 'merino-hiking-socks', quantity: 1, variant: { size: 'L' }, unitPrice: socks!.price }],
    placedAt: TEST_NOW,
    idempotencyKey: 'alexa:session-2:checkout:1',
  };
}

let served: ServedStore | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

const count = (sql: string) => (served!.embedded.db.prepare(sql).get() as { n: number }).n;
const returnsCount = () => count('SELECT COUNT(*) AS n FROM returns');
const ordersCount = () => count('SELECT COUNT(*) AS n FROM orders');
const posts = () => served!.server.received.filter((request) => request.method === 'POST');

describe('idempotent writes over HTTP', () => {
  it('the same return key twice creates one return and answers it both times', async () => {
    served = await serveDemoStore();
    const first = await served.http.returns.create(returnRequest);
    const second = await served.http.returns.create(returnRequest);
    expect(first.kind).toBe('created');
    expect(second).toEqual(first);
    expect(returnsCount()).toBe(1);
    expect(posts().map((request) => request.idempotencyKey)).toEqual([returnRequest.idempotencyKey, returnRequest.idempotencyKey]);
  });

  it('the same order key twice places one order, takes the stock once and answers the order both times', async () => {
    served = await serveDemoStore();
    const request = await checkoutRequest(served.embedded.store);
    const ordersBefore = ordersCount();
    const stockBefore = (await served.embedded.store.catalog.findById('merino-hiking-socks'))!.stock;
    const first = await served.http.checkout.place(request);
    const second = await served.http.checkout.place(request);
    expect(first.kind).toBe('placed');
    expect(second).toEqual(first);
    expect(ordersCount()).toBe(ordersBefore + 1);
    expect((await served.embedded.store.catalog.findById('merino-hiking-socks'))!.stock).toBe(stockBefore - 1);
  });

  it('a return whose answer is lost is sent again with the same key and is not created twice', async () => {
    served = await serveDemoStore((request, index) => (request.method === 'POST' && index === 0 ? 'lose-answer' : 'pass'));
    const outcome = await served.http.returns.create(returnRequest);
    expect(outcome).toEqual({ kind: 'created', record: expect.objectContaining({ lineId: '10605-2', quantity: 1 }) });
    expect(posts()).toHaveLength(2);
    expect(posts().map((request) => request.idempotencyKey)).toEqual([returnRequest.idempotencyKey, returnRequest.idempotencyKey]);
    // The first attempt did create it; the retry got that same return back.
    expect(returnsCount()).toBe(1);
    expect(await served.embedded.store.returns.create(returnRequest)).toEqual(outcome);
  });

  it('an order whose answer is lost, then meets a 503, is sent again with the same key and placed once', async () => {
    served = await serveDemoStore((request, index) => {
      if (request.method !== 'POST') return 'pass';
      return index === 0 ? 'lose-answer' : index === 1 ? { status: 503, body: '{"code":"unavailable"}' } : 'pass';
    });
    const request = await checkoutRequest(served.embedded.store);
    const ordersBefore = ordersCount();
    const outcome = await served.http.checkout.place(request);
    expect(outcome.kind).toBe('placed');
    expect(posts().map((post) => post.idempotencyKey)).toEqual([request.idempotencyKey, request.idempotencyKey, request.idempotencyKey]);
    expect(ordersCount()).toBe(ordersBefore + 1);
  });

  it('a 409 "same key still in progress" is retried until the first request has finished', async () => {
    served = await serveDemoStore((request, index) =>
      request.method === 'POST' && index < 2 ? { status: 409, body: '{"code":"in-progress"}', type: 'application/problem+json' } : 'pass',
    );
    const outcome = await served.http.returns.create(returnRequest);
    expect(outcome.kind).toBe('created');
    expect(posts()).toHaveLength(3);
    expect(returnsCount()).toBe(1);
  });

  it('gives up with StoreUnavailableError when every attempt fails, having created nothing twice', async () => {
    served = await serveDemoStore((request) => (request.method === 'POST' ? 'lose-answer' : 'pass'));
    await expect(served.http.returns.create(returnRequest)).rejects.toEqual(expect.any(StoreUnavailableError));
    // One initial attempt and two retries, each with the same key: one return.
    expect(posts()).toHaveLength(3);
    expect(returnsCount()).toBe(1);
  });

  it('the store API server answers 409 to a second request with a key that is still being processed', async () => {
    const embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const slowStore: StoreCommerce = {
      ...embedded.store,
      returns: {
        ...embedded.store.returns,
        create: async (request) => {
          entered();
          await held;
          return embedded.store.returns.create(request);
        },
      },
    };
    const server = await listenOnLoopback(storeApiApp(slowStore));
    try {
      const body = JSON.stringify({ ...returnRequest, shopperId: undefined, idempotencyKey: undefined });
      const send = () =>
        fetch(`${server.url}/shoppers/shopper-ava/returns`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': returnRequest.idempotencyKey },
          body,
        });
      const first = send();
      await inside;
      const second = await send();
      expect(second.status).toBe(409);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(await second.json()).toEqual(expect.objectContaining({ code: 'in-progress', status: 409 }));
      release();
      const answered = await first;
      expect(answered.status).toBe(201);
      // Once the first has finished, the same key answers its return.
      const third = await send();
      expect(third.status).toBe(201);
      expect(await third.json()).toEqual(await answered.json());
    } finally {
      release();
      await server.close();
      embedded.close();
    }
  });

  it('an adapter retries through the 409 of a concurrent request with the same key and gets its return', async () => {
    const embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let creates = 0;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const slowStore: StoreCommerce = {
      ...embedded.store,
      returns: {
        ...embedded.store.returns,
        create: async (request) => {
          creates += 1;
          entered();
          await held;
          return embedded.store.returns.create(request);
        },
      },
    };
    const script = (_request: unknown, index: number): Step => {
      // The second request (the concurrent one) lets the first finish once it has met the 409.
      if (index === 2) release();
      return 'pass';
    };
    const server = await listenOnLoopback(storeApiApp(slowStore), script);
    try {
      const adapter = createHttpStoreCommerce({ baseUrl: server.url, timeoutMs: 5_000 }, QUIET);
      const first = adapter.returns.create(returnRequest);
      await inside;
      const second = await adapter.returns.create(returnRequest);
      expect(await first).toEqual(second);
      expect(second.kind).toBe('created');
      expect(creates).toBe(2);
      expect((embedded.db.prepare('SELECT COUNT(*) AS n FROM returns').get() as { n: number }).n).toBe(1);
    } finally {
      release();
      await server.close();
      embedded.close();
    }
  });
});
