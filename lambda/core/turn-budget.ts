import { runWithCallDeadline } from '../commerce/call-deadline';
import { StoreUnavailableError } from '../commerce/commerce-errors';

/**
 * One turn's time budget. Alexa gives up on a skill after 8 seconds and Google after 10, and a
 * shopper long before that: every port call a turn makes runs under what is left of its budget, and
 * one still unanswered at the deadline fails with `StoreUnavailableError(operation, 'timeout')`, so
 * the shopper hears an apology in time instead of silence. Ports take no signal, so a store call
 * learns its deadline through call-deadline.ts: an adapter may use it to plan its retries and to
 * drop what is in flight at the deadline. Whether it does or not, a write may still complete after
 * the turn has answered, which is why writes are keyed (see unconfirmed-writes.ts).
 */

/** Whose system answers a port call: the store's (slow or down at times) or the skill's own state. */
export type PortOwner = 'store' | 'state';

export interface TurnBudgetOptions {
  /** How long the turn may wait on ports, from now. */
  readonly budgetMs: number;
  /** A store call still unanswered after this long counts as slow. */
  readonly slowStoreCallMs?: number;
  /** Called once per turn, the first time a store call is slow. Must not throw. */
  readonly onSlowStoreCall?: () => void;
}

/** Milliseconds on a clock that never jumps, for measuring time spent within one process. */
const monotonicNow = (): number => performance.now();

export class TurnBudget {
  private readonly deadline: number;
  private slowCallSeen = false;

  constructor(private readonly options: TurnBudgetOptions) {
    this.deadline = monotonicNow() + options.budgetMs;
  }

  /** Milliseconds left before the deadline; zero once it has passed. */
  remainingMs(): number {
    return Math.max(0, this.deadline - monotonicNow());
  }

  /**
   * Runs one port call within the budget. A call asked for after the deadline is not started at
   * all; one that has not settled by the deadline rejects then, and whatever it settles with later
   * is dropped.
   */
  run<T>(operation: string, owner: PortOwner, call: () => T): T | Promise<Awaited<T>> {
    const remaining = this.remainingMs();
    if (remaining <= 0) return Promise.reject(new StoreUnavailableError(operation, 'timeout'));
    // Only the store's calls are told their deadline: they are the ones that retry and may hang.
    const abandoned = owner === 'store' ? new AbortController() : undefined;
    // Timers may fire a fraction of a millisecond before the monotonic clock reaches the deadline:
    // once the call is abandoned, it has no time left whatever the clock says.
    const callDeadline = abandoned && {
      remainingMs: () => (abandoned.signal.aborted ? 0 : this.remainingMs()),
      signal: abandoned.signal,
    };
    const result = callDeadline ? runWithCallDeadline(callDeadline, call) : call();
    if (!isThenable(result)) return result;
    return new Promise<Awaited<T>>((resolve, reject) => {
      let settled = false;
      const timers: ReturnType<typeof setTimeout>[] = [];
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        timers.forEach(clearTimeout);
        settle();
      };
      timers.push(
        setTimeout(
          () =>
            finish(() => {
              abandoned?.abort();
              reject(new StoreUnavailableError(operation, 'timeout'));
            }),
          remaining,
        ),
      );
      const slowTimer = owner === 'store' ? this.watchForSlowness() : undefined;
      if (slowTimer) timers.push(slowTimer);
      // Both callbacks are attached at once, so a call that fails after the deadline is never an unhandled rejection.
      (result as PromiseLike<Awaited<T>>).then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(error)),
      );
    });
  }

  /** Settles with `work`, or rejects with `overrun()` once the deadline plus `graceMs` has passed. */
  bound<T>(work: Promise<T>, graceMs: number, overrun: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(overrun()), this.remainingMs() + graceMs);
      work.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  private watchForSlowness(): ReturnType<typeof setTimeout> | undefined {
    const { slowStoreCallMs, onSlowStoreCall } = this.options;
    if (this.slowCallSeen || !onSlowStoreCall || slowStoreCallMs === undefined) return undefined;
    return setTimeout(() => {
      if (this.slowCallSeen) return;
      this.slowCallSeen = true;
      onSlowStoreCall();
    }, slowStoreCallMs);
  }
}

/** Waits for `work` at most `capMs`; whatever happens to it after that, or if it fails, is ignored. */
export async function waitAtMost(work: Promise<unknown>, capMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, capMs);
  });
  try {
    await Promise.race([work.then(() => undefined, () => undefined), cap]);
  } finally {
    clearTimeout(timer);
  }
}

/** The turn itself (not one port call) ran past its deadline: something outside the ports kept it waiting. */
export class TurnOverrunError extends Error {
  override readonly name = 'TurnOverrunError';

  constructor() {
    super('The turn ran past its time budget');
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
