import {
  BrokenCircuitError,
  bulkhead,
  BulkheadRejectedError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  type IPolicy,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { StoreUnavailableError, type UnavailableReason } from '../commerce-errors';

/** How calls to the store's API are protected: one deadline per call, retries, a circuit breaker and a bulkhead. */
export interface StoreCallSettings {
  /** The longest a port call may take, retries and the waits between them included. */
  readonly timeoutMs: number;
  /** Further attempts after a failed one, for calls that are safe to repeat. */
  readonly retries: number;
  /** The first wait before a retry; each next wait is about twice as long, with jitter, up to `maxDelayMs`. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * After this many failures in a row (timeouts, failed connections, 5xx), calls fail at once for
   * `halfOpenAfterMs`; then one call is let through to see whether the store is back.
   */
  readonly breaker: false | { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
  /** At most `limit` calls at once, `queue` more waiting; beyond that a call fails at once. */
  readonly bulkhead: false | { readonly limit: number; readonly queue: number };
}

export const DEFAULT_STORE_CALL_SETTINGS: Omit<StoreCallSettings, 'timeoutMs'> = {
  retries: 2,
  initialDelayMs: 100,
  maxDelayMs: 1_000,
  breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
  bulkhead: { limit: 32, queue: 64 },
};

/** What the policies report, for logging. */
export type StoreCallEvent =
  | { readonly kind: 'retry'; readonly operation: string; readonly reason: UnavailableReason; readonly status?: number; readonly attempt: number; readonly delayMs: number }
  | { readonly kind: 'circuit-opened' }
  | { readonly kind: 'circuit-half-open' }
  | { readonly kind: 'circuit-closed' };

export interface StoreCallPolicy {
  /**
   * Runs one port call. `repeatable` calls (GETs, and POSTs carrying an Idempotency-Key) are
   * retried on timeouts, failed connections, 5xx, 409 and 429; others get one attempt. The attempt
   * must stop when `signal` aborts. Any failure of the policies themselves is a StoreUnavailableError.
   */
  run<T>(operation: string, repeatable: boolean, attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Failures that say the store is down rather than busy: they count towards opening the circuit. */
const DOWN: ReadonlySet<UnavailableReason> = new Set(['timeout', 'unreachable', 'server-error']);
/** Failures a later attempt may not meet. */
const TRANSIENT: ReadonlySet<UnavailableReason> = new Set(['timeout', 'unreachable', 'server-error', 'in-progress', 'rate-limited']);

const unavailableWith = (reasons: ReadonlySet<UnavailableReason>) => (error: Error) =>
  error instanceof StoreUnavailableError && reasons.has(error.reason);

export function createStoreCallPolicy(settings: StoreCallSettings, onEvent: (event: StoreCallEvent) => void = () => {}): StoreCallPolicy {
  const deadline = timeout(settings.timeoutMs, TimeoutStrategy.Aggressive);
  const retrying = retry(handleWhen(unavailableWith(TRANSIENT)), {
    maxAttempts: settings.retries,
    backoff: new ExponentialBackoff({ initialDelay: settings.initialDelayMs, maxDelay: settings.maxDelayMs }),
  });
  retrying.onRetry((event) => {
    if ('error' in event && event.error instanceof StoreUnavailableError) {
      const { operation, reason, status } = event.error;
      onEvent({ kind: 'retry', operation, reason, ...(status !== undefined ? { status } : {}), attempt: event.attempt, delayMs: event.delay });
    }
  });

  // One breaker and one bulkhead for the whole store: it is one system, down or up as a whole.
  const guards: IPolicy[] = [];
  if (settings.bulkhead) guards.push(bulkhead(settings.bulkhead.limit, settings.bulkhead.queue));
  const breakerPolicies: IPolicy[] = [];
  if (settings.breaker) {
    const breaker = circuitBreaker(handleWhen(unavailableWith(DOWN)), {
      halfOpenAfter: settings.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breaker.consecutiveFailures),
    });
    breaker.onBreak(() => onEvent({ kind: 'circuit-opened' }));
    breaker.onHalfOpen(() => onEvent({ kind: 'circuit-half-open' }));
    breaker.onReset(() => onEvent({ kind: 'circuit-closed' }));
    breakerPolicies.push(breaker);
  }

  // The deadline is outermost, so waiting for the bulkhead and between retries counts against it;
  // the breaker is innermost, so it sees every attempt.
  const repeatable = wrap(deadline, ...guards, retrying, ...breakerPolicies);
  const once = wrap(deadline, ...guards, ...breakerPolicies);

  return {
    async run(operation, canRepeat, attempt) {
      try {
        return await (canRepeat ? repeatable : once).execute(({ signal }) => attempt(signal));
      } catch (error) {
        throw asStoreError(operation, error);
      }
    },
  };
}

// By class: cockatiel 3.2's isTaskCancelledError() tests for the bulkhead's marker instead of its own.
function asStoreError(operation: string, error: unknown): unknown {
  if (error instanceof BulkheadRejectedError) return new StoreUnavailableError(operation, 'busy');
  if (error instanceof BrokenCircuitError) return new StoreUnavailableError(operation, 'circuit-open');
  if (error instanceof TaskCancelledError) return new StoreUnavailableError(operation, 'timeout');
  return error;
}
