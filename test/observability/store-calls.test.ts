import net from 'node:net';
import pino from 'pino';
import { StoreDataError, StoreUnavailableError } from '../../lambda/commerce/commerce-errors';
import { createHttpStoreCommerce } from '../../lambda/commerce/http/http-store-commerce';
import type { StoreCommerce } from '../../lambda/commerce/ports';
import { createMetrics } from '../../lambda/observability/metrics';
import { observedStore } from '../../lambda/observability/observed-store';
import { storeEventsLogger } from '../../lambda/observability/store-call-events';
import { seriesValue } from './observed-app';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('store call metrics', () => {
  it('times each port call and counts failures by kind, passing results and errors through unchanged', async () => {
    const metrics = createMetrics();
    const orders = {
      calls: 0,
      async get(number: string) {
        this.calls += 1;
        if (number === 'down') throw new StoreUnavailableError('getOrder', 'timeout');
        if (number === 'odd') throw new StoreDataError('getOrder', 'lines: expected an array');
        return { number };
      },
    };
    const store = observedStore({ orders } as unknown as StoreCommerce, metrics.storeCall);
    const observed = store.orders as unknown as typeof orders;
    await expect(observed.get('1042')).resolves.toEqual({ number: '1042' });
    await expect(observed.get('down')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(observed.get('odd')).rejects.toBeInstanceOf(StoreDataError);
    // Called on the port itself, so its own state is the one that changes.
    expect(orders.calls).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    const text = (await metrics.render()).body;
    expect(seriesValue(text, 'shopvoice_store_call_duration_seconds_count', { operation: 'orders.get' })).toBe(3);
    expect(seriesValue(text, 'shopvoice_store_call_errors_total', { operation: 'orders.get', kind: 'timeout' })).toBe(1);
    expect(seriesValue(text, 'shopvoice_store_call_errors_total', { operation: 'orders.get', kind: 'malformed' })).toBe(1);
  });

  it("follows the HTTP adapter's retries and circuit breaker through the logger it reports to", async () => {
    const metrics = createMetrics();
    metrics.circuit('closed');
    const lines: string[] = [];
    const logger = storeEventsLogger(pino({ level: 'info' }, { write: (line: string) => lines.push(line) }), {
      retry: metrics.storeRetry,
      circuit: metrics.circuit,
    });
    const store = createHttpStoreCommerce(
      { baseUrl: `http://127.0.0.1:${await closedPort()}/`, timeoutMs: 2_000 },
      { logger, retries: 1, initialDelayMs: 1, maxDelayMs: 2, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } },
    );
    await expect(store.shoppers.findById('shopper-ava')).rejects.toBeInstanceOf(StoreUnavailableError);
    const opened = (await metrics.render()).body;
    expect(seriesValue(opened, 'shopvoice_store_circuit_state', { state: 'open' })).toBe(1);
    expect(seriesValue(opened, 'shopvoice_store_circuit_state', { state: 'closed' })).toBe(0);
    expect(opened).toMatch(/^shopvoice_store_call_retries_total\{operation="\w+"\} 1$/m);
    // The adapter's own log lines still go out as before.
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(
      expect.arrayContaining(['store API call failed; trying again', 'store API keeps failing; calls fail fast for a while']),
    );
    await expect(store.shoppers.findById('shopper-ava')).rejects.toMatchObject({ reason: 'circuit-open' });
  });
});
