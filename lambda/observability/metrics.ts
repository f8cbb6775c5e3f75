import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { StoreDataError, StoreRejectedError, StoreUnavailableError } from '../commerce/commerce-errors';
import type { HandoffOutbox } from '../commerce/ports';
import type { TurnObserver } from './turn-observer';

/**
 * The server's Prometheus metrics, in a registry of its own (never prom-client's global one), so
 * any number of apps can live in one process (tests) without sharing counts.
 *
 *   shopvoice_turns_total{platform,intent,outcome}            counter
 *   shopvoice_turn_duration_seconds{platform}                 histogram, request arriving → reply ready
 *   shopvoice_store_call_duration_seconds{operation}          histogram, one port call to the store
 *   shopvoice_store_call_errors_total{operation,kind}         counter; kind: a StoreUnavailableError reason,
 *                                                             'malformed', 'rejected' or 'error'
 *   shopvoice_store_call_retries_total{operation}             counter (HTTP store adapter)
 *   shopvoice_store_circuit_state{state}                      gauge, 1 for the current state of the HTTP
 *                                                             adapter's breaker (closed, open, half-open)
 *   shopvoice_handoff_queue_depth                             gauge, tickets waiting for the helpdesk webhook
 *                                                             (read on scrape, counted up to HANDOFF_QUEUE_CAP)
 * plus prom-client's process and Node.js metrics when asked for.
 */

/** The queue is counted by reading it, so a scrape reads at most this many tickets; a deeper queue shows as this. */
export const HANDOFF_QUEUE_CAP = 1_000;

/** Voice turns: most take milliseconds, Alexa gives up at 8 s. */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8];
/** Store calls time out at STORE_API_TIMEOUT_MS (2.5 s by default). */
const STORE_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type CircuitState = 'closed' | 'open' | 'half-open';
const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half-open'];

export interface MetricsOptions {
  /** prom-client's process and Node.js metrics (CPU, memory, event loop, GC); off by default. */
  readonly processMetrics?: boolean;
}

export interface Metrics {
  readonly registry: Registry;
  /** Feeds the turn counters and latency histogram from recorded turn events. */
  readonly turnObserver: TurnObserver;
  /** One store call: how long it took and, when it failed, why. */
  storeCall(operation: string, seconds: number, error?: unknown): void;
  storeRetry(operation: string): void;
  circuit(state: CircuitState): void;
  /** Reports the handoff queue depth, read from `outbox` on each scrape; not reported until called. */
  watchHandoffQueue(outbox: HandoffOutbox): void;
  /** The exposition text and its content type. */
  render(): Promise<{ readonly contentType: string; readonly body: string }>;
}

/** How a failed store call is labelled: never its message, only its kind. */
export function storeErrorKind(error: unknown): string {
  if (error instanceof StoreUnavailableError) return error.reason;
  if (error instanceof StoreDataError) return 'malformed';
  if (error instanceof StoreRejectedError) return 'rejected';
  return 'error';
}

/** Far enough ahead that every queued ticket is due by then. */
const END_OF_TIME = new Date(8.64e15);

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const turns = new Counter({
    name: 'shopvoice_turns_total',
    help: 'Turns answered, by platform, intent heard and what the turn came to',
    labelNames: ['platform', 'intent', 'outcome'] as const,
    registers: [registry],
  });
  const turnDuration = new Histogram({
    name: 'shopvoice_turn_duration_seconds',
    help: 'From the request arriving at the router to the reply being ready',
    labelNames: ['platform'] as const,
    buckets: TURN_BUCKETS,
    registers: [registry],
  });
  const storeDuration = new Histogram({
    name: 'shopvoice_store_call_duration_seconds',
    help: "Calls to the store's systems (orders, catalog, returns, checkout, shoppers), by port operation",
    labelNames: ['operation'] as const,
    buckets: STORE_BUCKETS,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'shopvoice_store_call_errors_total',
    help: "Failed calls to the store's systems, by port operation and kind of failure",
    labelNames: ['operation', 'kind'] as const,
    registers: [registry],
  });
  const storeRetries = new Counter({
    name: 'shopvoice_store_call_retries_total',
    help: "Calls to the store's API tried again after a transient failure",
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const circuit = new Gauge({
    name: 'shopvoice_store_circuit_state',
    help: "The store API circuit breaker: 1 for its current state (closed: calls go through; open: they fail fast; half-open: one is let through)",
    labelNames: ['state'] as const,
    registers: [registry],
  });
  const setCircuit = (current: CircuitState) => {
    for (const state of CIRCUIT_STATES) circuit.set({ state }, state === current ? 1 : 0);
  };

  let watchedOutbox: HandoffOutbox | undefined;
  const watchHandoffQueue = (outbox: HandoffOutbox) => {
    if (watchedOutbox) {
      watchedOutbox = outbox;
      return;
    }
    watchedOutbox = outbox;
    new Gauge({
      name: 'shopvoice_handoff_queue_depth',
      help: `Handoff tickets waiting to be delivered to the helpdesk webhook (counted up to ${HANDOFF_QUEUE_CAP})`,
      registers: [registry],
      async collect() {
        try {
          this.set((await watchedOutbox!.due(END_OF_TIME, HANDOFF_QUEUE_CAP)).length);
        } catch {
          // A state store that cannot answer now leaves the last depth read; the scrape still succeeds.
        }
      },
    });
  };

  return {
    registry,
    turnObserver(event) {
      turns.inc({ platform: event.platform, intent: event.intent, outcome: event.outcome });
      turnDuration.observe({ platform: event.platform }, event.latencyMs / 1_000);
    },
    storeCall(operation, seconds, error) {
      storeDuration.observe({ operation }, seconds);
      if (error !== undefined) storeErrors.inc({ operation, kind: storeErrorKind(error) });
    },
    storeRetry(operation) {
      storeRetries.inc({ operation });
    },
    circuit: setCircuit,
    watchHandoffQueue,
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
