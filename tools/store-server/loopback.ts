import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpStoreCommerce, type HttpStoreOptions } from '../../lambda/commerce/http/http-store-commerce';
import type { StoreCommerce } from '../../lambda/commerce/ports';
import { createLogger } from '../../lambda/logging';
import { createStoreApiApp } from './store-api-app';

export interface LoopbackStoreApiOptions {
  readonly apiKey?: string;
  /** The adapter's time for one call. */
  readonly timeoutMs?: number;
  readonly adapter?: HttpStoreOptions;
}

/** A store API served on 127.0.0.1 and the HTTP adapter talking to it. */
export interface LoopbackStoreApi {
  /** The store's ports over HTTP. */
  readonly commerce: StoreCommerce;
  readonly server: http.Server;
  /** The server's base URL, once it listens. */
  readonly baseUrl: Promise<string>;
  close(): void;
}

/**
 * Serves `store` on an ephemeral loopback port and returns the adapter for it, synchronously: the
 * server binds a moment later, so the adapter's requests wait for it and then go to its port.
 */
export function serveStoreApiOnLoopback(store: StoreCommerce, options: LoopbackStoreApiOptions = {}): LoopbackStoreApi {
  const server = http.createServer(createStoreApiApp(store, { apiKey: options.apiKey, logger: createLogger('silent') }));
  const baseUrl = new Promise<string>((resolve, reject) => {
    server.once('listening', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    server.once('error', reject);
  });
  // Nobody may ever ask; a failure to listen then surfaces on the first request instead.
  baseUrl.catch(() => undefined);
  server.listen(0, '127.0.0.1');

  const fetchWhenListening: typeof fetch = async (input, init) => {
    const requested = new URL(input instanceof Request ? input.url : String(input));
    return (options.adapter?.fetch ?? fetch)(`${await baseUrl}${requested.pathname}${requested.search}`, init);
  };
  const commerce = createHttpStoreCommerce(
    { baseUrl: 'http://127.0.0.1/', apiKey: options.apiKey, timeoutMs: options.timeoutMs ?? 10_000 },
    { ...options.adapter, fetch: fetchWhenListening },
  );
  return {
    commerce,
    server,
    baseUrl,
    close() {
      server.close();
      server.closeAllConnections();
    },
  };
}
