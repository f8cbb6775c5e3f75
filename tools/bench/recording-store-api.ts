import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OperationId, STORE_API_OPERATIONS } from '../../lambda/commerce/http/store-api-operations';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { createLogger } from '../../lambda/logging';
import { createStoreApiApp } from '../store-server/store-api-app';

/**
 * The store API of commerce-api.yaml (tools/store-server) over an in-memory demo store, on
 * loopback, behind a stand-in for the network: every request waits `delayMs` before the store
 * handles it, and is written down with when it arrived and when its answer was sent. The
 * round-trip bench times turns behind it; the structure test (test/performance) counts and
 * orders the requests a turn makes with it.
 */

/** One request as the store received and answered it; times from performance.now(). */
export interface RecordedStoreRequest {
  /** The operation its method and path name; undefined for a path the API does not have. */
  readonly operation: OperationId | undefined;
  readonly method: string;
  readonly path: string;
  readonly receivedAt: number;
  /** When the answer was sent, or the connection closed without one; undefined while in flight. */
  answeredAt?: number;
}

export interface RecordingStoreApiOptions {
  /** What every request waits before the store handles it: the network a store's API is across. */
  readonly delayMs: number;
  /** "Now" the demo store's history is laid out for; the real time by default. */
  readonly now?: Date;
}

export interface RecordingStoreApi {
  readonly url: string;
  /** The store behind the API: read it to see what was written. */
  readonly embedded: EmbeddedStore;
  /** Every request received since the last `forget`, in the order they arrived. */
  readonly requests: readonly RecordedStoreRequest[];
  forget(): void;
  close(): Promise<void>;
}

const OPERATION_PATTERNS = (Object.entries(STORE_API_OPERATIONS) as [OperationId, { method: string; path: string }][]).map(
  ([operation, { method, path }]) => ({ operation, method, pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`) }),
);

function operationAt(method: string, pathname: string): OperationId | undefined {
  return OPERATION_PATTERNS.find((candidate) => candidate.method === method && candidate.pattern.test(pathname))?.operation;
}

export async function startRecordingStoreApi(options: RecordingStoreApiOptions): Promise<RecordingStoreApi> {
  const embedded = openEmbeddedStore(':memory:', options.now ? { now: options.now } : {});
  const app = createStoreApiApp(embedded.store, { logger: createLogger('silent') }) as unknown as http.RequestListener;
  const requests: RecordedStoreRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((request, response) => {
    const method = request.method ?? '';
    const path = request.url ?? '';
    const recorded: RecordedStoreRequest = {
      operation: operationAt(method, new URL(path, 'http://store.invalid').pathname),
      method,
      path,
      receivedAt: performance.now(),
    };
    requests.push(recorded);
    response.once('close', () => {
      recorded.answeredAt = performance.now();
    });
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!request.socket.destroyed) app(request, response);
    }, options.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    embedded,
    requests,
    forget() {
      requests.length = 0;
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
