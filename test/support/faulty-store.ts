import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpStoreCommerce, type HttpStoreOptions } from '../../lambda/commerce/http/http-store-commerce';
import { IDEMPOTENCY_KEY_HEADER, type OperationId, STORE_API_OPERATIONS } from '../../lambda/commerce/http/store-api-operations';
import type { StoreCommerce } from '../../lambda/commerce/ports';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { createLogger } from '../../lambda/logging';
import { createStoreApiApp } from '../../tools/store-server/store-api-app';
import { TEST_NOW } from './test-app';

/**
 * A store API that misbehaves on demand: the real API (tools/store-server) over an in-memory demo
 * store, with a fault switch per operation (or for every request) that tests flip between turns.
 */

/** What happens to a request that meets a fault. */
export type Fault =
  /** The store answers normally, after `ms`. */
  | { readonly kind: 'slow'; readonly ms: number }
  /** The request is read and never answered; the connection stays open. */
  | { readonly kind: 'hang' }
  /** The store answers `status` with a problem body, without touching the store. */
  | { readonly kind: 'status'; readonly status: number }
  /** The store answers 200 with `body`: not JSON, or JSON that is not what the API promises. */
  | { readonly kind: 'malformed'; readonly body: string }
  /** The connection is reset before anything reaches the store. */
  | { readonly kind: 'reset' }
  /**
   * The store handles the request (a POST is applied), then its answer is lost: never sent, the
   * connection reset instead, or cut off halfway through the body.
   */
  | { readonly kind: 'lose-answer'; readonly then: 'hang' | 'reset' | 'cut' };

export const faults = {
  slow: (ms: number): Fault => ({ kind: 'slow', ms }),
  hang: (): Fault => ({ kind: 'hang' }),
  status: (status = 500): Fault => ({ kind: 'status', status }),
  /** A body cut short: not JSON at all. */
  notJson: (): Fault => ({ kind: 'malformed', body: '{"orders": [{"number": "10605", "lines": [' }),
  /** Well-formed JSON of a shape no operation of the API answers with. */
  wrongShape: (): Fault => ({ kind: 'malformed', body: JSON.stringify({ orders: 'soon', items: 7, kind: 'maybe', lines: null, id: 42 }) }),
  malformed: (body: string): Fault => ({ kind: 'malformed', body }),
  reset: (): Fault => ({ kind: 'reset' }),
  /** The write reaches the store and is applied; the answer never comes. */
  applyThenHang: (): Fault => ({ kind: 'lose-answer', then: 'hang' }),
  /** The write reaches the store and is applied; the connection is reset instead of the answer. */
  applyThenReset: (): Fault => ({ kind: 'lose-answer', then: 'reset' }),
  /** The store answers, but the connection is reset halfway through the body (for a write: after applying it). */
  cutOff: (): Fault => ({ kind: 'lose-answer', then: 'cut' }),
};

/** How long a cut-off answer's first half is given to reach the client before the connection is reset. */
const CUT_AFTER_MS = 20;

/** A route the switch can target: one operation of commerce-api.yaml, or every request. */
export type FaultRoute = OperationId | 'all';

/** One request as the faulty store received it. */
export interface StoreRequest {
  /** The operation its method and path name; undefined for a path the API does not have. */
  readonly operation: OperationId | undefined;
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey?: string;
  /** The fault it met, if any. */
  readonly fault?: Fault['kind'];
}

export interface FaultyStoreAdapterOptions extends HttpStoreOptions {
  /** The adapter's time for one whole call (STORE_API_TIMEOUT_MS); 500 ms by default here. */
  readonly timeoutMs?: number;
}

export interface FaultyStore {
  /** The store behind the API: read it to see what was written. */
  readonly embedded: EmbeddedStore;
  readonly url: string;
  /**
   * From now on, requests to `route` meet `fault`; with `times`, only the next `times` of them do
   * and later ones pass ("fail N times, then succeed"). A fault on an operation wins over one on 'all'.
   */
  fail(route: FaultRoute, fault: Fault, options?: { readonly times?: number }): void;
  /** Lifts the fault on `route`, or every fault. */
  heal(route?: FaultRoute): void;
  /** Every request received so far, in order. */
  readonly requests: readonly StoreRequest[];
  /** The requests received for one operation. */
  requestsTo(operation: OperationId): StoreRequest[];
  /** How many requests were received for one operation, or in all. */
  count(operation?: OperationId): number;
  /** How many requests for `operation` the store itself handled (whether or not their answer arrived). */
  handled(operation: OperationId): number;
  /** Forgets the requests counted so far. */
  forget(): void;
  /** The HTTP adapter for this server: fast retries and no circuit breaker unless told otherwise. */
  adapter(options?: FaultyStoreAdapterOptions): StoreCommerce;
  close(): Promise<void>;
}

/** Fast enough for tests, with the adapter's own retry rules unchanged. */
const TEST_ADAPTER_DEFAULTS: HttpStoreOptions = { initialDelayMs: 1, maxDelayMs: 5, breaker: false };

const OPERATION_MATCHERS = (Object.entries(STORE_API_OPERATIONS) as [OperationId, { method: string; path: string }][]).map(
  ([operation, { method, path }]) => ({
    operation,
    method,
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
  }),
);

function operationOf(method: string, pathname: string): OperationId | undefined {
  return OPERATION_MATCHERS.find((matcher) => matcher.method === method && matcher.pattern.test(pathname))?.operation;
}

/** Starts a faulty store API on an ephemeral loopback port, over a fresh in-memory demo store. */
export async function startFaultyStore(): Promise<FaultyStore> {
  const embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const app = createStoreApiApp(embedded.store, { logger: createLogger('silent') }) as unknown as http.RequestListener;
  const switches = new Map<FaultRoute, { fault: Fault; remaining: number }>();
  const requests: StoreRequest[] = [];
  const handledCounts = new Map<OperationId, number>();
  const timers = new Set<NodeJS.Timeout>();

  function faultFor(operation: OperationId | undefined): Fault | undefined {
    const route: FaultRoute | undefined = operation && switches.has(operation) ? operation : switches.has('all') ? 'all' : undefined;
    if (!route) return undefined;
    const armed = switches.get(route)!;
    armed.remaining -= 1;
    if (armed.remaining <= 0) switches.delete(route);
    return armed.fault;
  }

  /** Resets the TCP connection (RST), as a crashed server or a proxy dropping it would. */
  function resetConnection(request: http.IncomingMessage): void {
    if (!request.socket.destroyed) request.socket.resetAndDestroy();
  }

  /** Lets the store API handle the request, counting it once the store has answered it. */
  function pass(request: http.IncomingMessage, response: http.ServerResponse, operation: OperationId | undefined, lose?: 'hang' | 'reset' | 'cut') {
    const end = response.end.bind(response);
    response.end = ((...args: Parameters<typeof response.end>) => {
      if (operation) handledCounts.set(operation, (handledCounts.get(operation) ?? 0) + 1);
      if (lose === 'hang') return response;
      if (lose === 'reset') {
        resetConnection(request);
        return response;
      }
      if (lose === 'cut') {
        const [chunk] = args;
        const body = typeof chunk === 'string' || Buffer.isBuffer(chunk) ? Buffer.from(chunk) : Buffer.alloc(0);
        // The whole length is announced; only the first half follows.
        response.setHeader('content-length', body.length);
        response.write(body.subarray(0, Math.floor(body.length / 2)));
        const timer = setTimeout(() => {
          timers.delete(timer);
          resetConnection(request);
        }, CUT_AFTER_MS);
        timers.add(timer);
        return response;
      }
      return end(...args);
    }) as typeof response.end;
    app(request, response);
  }

  const server = http.createServer((request, response) => {
    const method = request.method ?? '';
    const pathname = new URL(request.url ?? '/', 'http://store.invalid').pathname;
    const operation = operationOf(method, pathname);
    const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    const fault = faultFor(operation);
    requests.push({
      operation,
      method,
      path: request.url ?? '',
      ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
      ...(fault ? { fault: fault.kind } : {}),
    });

    switch (fault?.kind) {
      case undefined:
        return pass(request, response, operation);
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!request.socket.destroyed) pass(request, response, operation);
        }, fault.ms);
        timers.add(timer);
        return;
      }
      case 'hang':
        // Read the body so the client is not held up sending it; then say nothing.
        request.resume();
        return;
      case 'status':
        request.resume();
        response.writeHead(fault.status, { 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ type: 'about:blank', title: 'Store failure', status: fault.status, code: 'internal' }));
        return;
      case 'malformed':
        request.resume();
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(fault.body);
        return;
      case 'reset':
        return resetConnection(request);
      case 'lose-answer':
        return pass(request, response, operation, fault.then);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    embedded,
    url,
    requests,
    fail(route, fault, options = {}) {
      switches.set(route, { fault, remaining: options.times ?? Number.POSITIVE_INFINITY });
    },
    heal(route) {
      if (route) switches.delete(route);
      else switches.clear();
    },
    requestsTo: (operation) => requests.filter((request) => request.operation === operation),
    count: (operation) => (operation ? requests.filter((request) => request.operation === operation).length : requests.length),
    handled: (operation) => handledCounts.get(operation) ?? 0,
    forget() {
      requests.length = 0;
      handledCounts.clear();
    },
    adapter({ timeoutMs = 500, ...options } = {}) {
      return createHttpStoreCommerce({ baseUrl: url, timeoutMs }, { ...TEST_ADAPTER_DEFAULTS, ...options });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      embedded.close();
    },
  };
}
