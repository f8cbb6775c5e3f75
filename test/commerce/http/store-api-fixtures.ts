import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpStoreCommerce, type HttpStoreOptions } from '../../../lambda/commerce/http/http-store-commerce';
import type { StoreCommerce } from '../../../lambda/commerce/ports';
import { type EmbeddedStore, openEmbeddedStore } from '../../../lambda/commerce/sqlite/embedded-store';
import { createLogger } from '../../../lambda/logging';
import { createStoreApiApp } from '../../../tools/store-server/store-api-app';
import { TEST_NOW } from '../../support/test-app';

/** One request as the server received it. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey?: string;
}

/** What a scripted server does with one request: let the store API answer, answer itself, or never answer. */
export type Step =
  | 'pass'
  /** The store API handles the request, but its answer never arrives: the connection drops instead. */
  | 'lose-answer'
  | 'hang'
  | { readonly status: number; readonly body?: string; readonly type?: string };

export interface Loopback {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 in front of `app`; `script` decides, per request (counted from 0),
 * what happens to it. Every request is recorded.
 */
export async function listenOnLoopback(
  app: http.RequestListener | undefined,
  script: (request: Received, index: number) => Step = () => 'pass',
): Promise<Loopback> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const key = request.headers['idempotency-key'];
    const seen: Received = { method: request.method ?? '', path: request.url ?? '', ...(typeof key === 'string' ? { idempotencyKey: key } : {}) };
    received.push(seen);
    const step = script(seen, received.length - 1);
    if (step === 'hang') return;
    if (step === 'pass' || step === 'lose-answer') {
      if (!app) throw new Error('nothing to pass the request to');
      if (step === 'lose-answer') {
        response.end = (() => {
          request.socket.destroy();
          return response;
        }) as typeof response.end;
      }
      return app(request, response);
    }
    response.writeHead(step.status, { 'content-type': step.type ?? 'application/json' });
    response.end(step.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The store API app over `store`, logging nothing. */
export function storeApiApp(store: StoreCommerce, apiKey?: string): http.RequestListener {
  return createStoreApiApp(store, { apiKey, logger: createLogger('silent') }) as unknown as http.RequestListener;
}

/** Fast retries and no breaker, so failures in one test never leak into another. */
export const QUIET: HttpStoreOptions = { initialDelayMs: 1, maxDelayMs: 5, breaker: false };

export interface ServedStore {
  readonly embedded: EmbeddedStore;
  readonly server: Loopback;
  /** The HTTP adapter for this server. */
  readonly http: StoreCommerce;
  adapter(options?: HttpStoreOptions, timeoutMs?: number): StoreCommerce;
  close(): Promise<void>;
}

/** A fresh in-memory demo store, served over the store API on loopback, with an adapter for it. */
export async function serveDemoStore(script?: (request: Received, index: number) => Step): Promise<ServedStore> {
  const embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const server = await listenOnLoopback(storeApiApp(embedded.store), script);
  const adapter = (options: HttpStoreOptions = QUIET, timeoutMs = 5_000) =>
    createHttpStoreCommerce({ baseUrl: server.url, timeoutMs }, options);
  return {
    embedded,
    server,
    http: adapter(),
    adapter,
    async close() {
      await server.close();
      embedded.close();
    },
  };
}
