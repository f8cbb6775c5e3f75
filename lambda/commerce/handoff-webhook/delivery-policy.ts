import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';

/** How deliveries to the helpdesk are protected: a deadline per attempt, and a breaker for a helpdesk that is down. */
export interface DeliveryPolicySettings {
  /** A delivery that has not been answered by then is given up on (and retried later through the outbox). */
  readonly timeoutMs: number;
  /**
   * After this many deliveries in a row fail because the helpdesk is down (no connection, no answer
   * in time, 5xx, 408 or 429), no delivery is tried for `halfOpenAfterMs`; then one is, to see
   * whether it is back. `false` turns it off.
   */
  readonly breaker: false | { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
}

export type CircuitChange = 'open' | 'half-open' | 'closed';

/** A delivery the helpdesk did not accept. `down` says whether it points at the helpdesk being down rather than refusing this ticket. */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError';

  constructor(
    message: string,
    readonly down: boolean,
  ) {
    super(message);
  }
}

/** What one delivery came to. */
export type DeliveryResult =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'failed'; readonly error: string }
  /** The circuit is open: nothing was sent, and the ticket stays queued as it was. */
  | { readonly kind: 'skipped' };

export interface DeliveryPolicy {
  /** Runs one delivery; `send` must stop when `signal` aborts, and resolve only once the helpdesk accepted it. */
  deliver(send: (signal: AbortSignal) => Promise<void>): Promise<DeliveryResult>;
  /** While the circuit is open, when a delivery may be tried again (ms since the epoch); undefined otherwise. */
  blockedUntil(): number | undefined;
}

/** Statuses that say the helpdesk is down or overloaded, rather than that it refuses this ticket. */
export function isDownStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

const isDown = (error: Error) => error instanceof TaskCancelledError || (error instanceof DeliveryFailedError && error.down);

export function createDeliveryPolicy(settings: DeliveryPolicySettings, onCircuit: (change: CircuitChange) => void = () => {}): DeliveryPolicy {
  // Aggressive: the attempt is abandoned on time even when the helpdesk trickles its answer.
  const deadline = timeout(settings.timeoutMs, TimeoutStrategy.Aggressive);
  let openedAt: number | undefined;
  const breaker = settings.breaker
    ? circuitBreaker(handleWhen(isDown), {
        halfOpenAfter: settings.breaker.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(settings.breaker.consecutiveFailures),
      })
    : undefined;
  if (breaker) {
    breaker.onBreak(() => {
      openedAt = Date.now();
      onCircuit('open');
    });
    breaker.onHalfOpen(() => onCircuit('half-open'));
    breaker.onReset(() => {
      openedAt = undefined;
      onCircuit('closed');
    });
  }
  // The breaker is outside the deadline, so an attempt that timed out counts as the helpdesk being down.
  const policy = breaker ? wrap(breaker, deadline) : deadline;

  return {
    async deliver(send) {
      try {
        await policy.execute(({ signal }) => send(signal));
        return { kind: 'delivered' };
      } catch (error) {
        // By class: cockatiel 3.2's isTaskCancelledError() tests for the bulkhead's marker instead of its own.
        if (error instanceof BrokenCircuitError) return { kind: 'skipped' };
        if (error instanceof TaskCancelledError) return { kind: 'failed', error: `no answer within ${settings.timeoutMs} ms` };
        if (error instanceof Error) return { kind: 'failed', error: error.message };
        return { kind: 'failed', error: String(error) };
      }
    },
    blockedUntil() {
      if (!breaker || !settings.breaker || breaker.state !== CircuitState.Open || openedAt === undefined) return undefined;
      return openedAt + settings.breaker.halfOpenAfterMs;
    },
  };
}
