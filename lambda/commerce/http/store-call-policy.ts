import { setTimeout as sleep } from 'node:timers/promises';
import {
  BrokenCircuitError,
  bulkhead,
  BulkheadRejectedError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  type IBackoff,
  type IBreaker,
  type IPolicy,
  SamplingBreaker,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { currentCallDeadline } from '../call-deadline';
import { StoreUnavailableError, type UnavailableReason } from '../commerce-errors';

/**
 * How calls to the store's API are protected: a deadline per call and a shorter one per read
 * attempt, retries that fit the time left (of the call, and of the turn waiting for it), a circuit
 * breaker and a bulkhead.
 *
 * Shaped for a store that is partly down, not only for one that is up or down. With half of its
 * calls hanging, a read given the call's whole time in one attempt is answered one time in two,
 * and a turn that reads twice one time in four; abandoned after a third of that time and tried
 * again, it is answered seven times in eight. A breaker that opened on five failed attempts in a
 * row opened again and again, and nearly every turn failed fast although half the calls would have
 * been answered: 1% of turns answered at 50 connections, the shorter attempts notwithstanding.
 * Measured by `npm run bench` (partial-outage run); the README has the figures.
 */
export interface StoreCallSettings {
  /** The longest a port call may take, retries and the waits between them included (STORE_API_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /**
   * The longest one attempt of a read may take before it is abandoned and tried again; by default
   * a third of `timeoutMs` (at least MIN_READ_ATTEMPT_MS), so that three attempts fit in one call.
   * A write's attempt may take the whole call: one cut short may still be applied, and its retry
   * would only meet the first attempt still in progress.
   */
  readonly readAttemptTimeoutMs?: number;
  /** Further attempts after a failed one, for calls that are safe to repeat. */
  readonly retries: number;
  /** The first wait before a retry; each next wait is about twice as long, with jitter, up to `maxDelayMs`. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** When calls fail at once without reaching the store, for `halfOpenAfterMs`; then one call is let through to see whether it is back. */
  readonly breaker: false | BreakerSettings;
  /** At most `limit` calls at once, `queue` more waiting; beyond that a call fails at once. */
  readonly bulkhead: false | { readonly limit: number; readonly queue: number };
}

export type BreakerSettings =
  /** Opens after this many failed attempts in a row (timeouts, failed connections, 5xx). */
  | { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number }
  /**
   * Opens when more than `failureRatio` of the attempts of the last `sampleMs` failed, once at
   * least `minimumAttempts` were made in that time.
   */
  | { readonly failureRatio: number; readonly sampleMs: number; readonly minimumAttempts: number; readonly halfOpenAfterMs: number };

/**
 * The breaker opens on a store that is down, not on one that is partly down. Failures are counted
 * per attempt; with half the calls hanging, half the attempts fail, and among hundreds of them runs
 * of five or more in a row are common, so counting failures in a row cannot tell the two apart.
 * Only when more than four attempts in five fail over ten seconds does it open: trying then gets
 * few answers, and the store is spared the load. At least ten attempts in those ten seconds are
 * needed, so a handful of unlucky calls does not open it; a quiet instance (a Lambda serves one
 * turn at a time) may therefore take a few turns, each apologised for in the call's time, before
 * it fails fast.
 */
export const DEFAULT_BREAKER: BreakerSettings = { failureRatio: 0.8, sampleMs: 10_000, minimumAttempts: 10, halfOpenAfterMs: 10_000 };

export const DEFAULT_STORE_CALL_SETTINGS: Omit<StoreCallSettings, 'timeoutMs'> = {
  retries: 2,
  initialDelayMs: 100,
  maxDelayMs: 1_000,
  breaker: DEFAULT_BREAKER,
  // Above the turns one server answers at once: a hung attempt holds its place until abandoned, and
  // with 32 places, 50 turns at once queued behind hung attempts and lost the time for their retries.
  bulkhead: { limit: 64, queue: 64 },
};

/**
 * No read attempt is cut shorter than this by default: a store's API across the internet may take
 * a few hundred milliseconds just to set up a connection, and a healthy answer must not be abandoned.
 */
export const MIN_READ_ATTEMPT_MS = 500;

/** A retry is sent only while at least this share of a read attempt's time is left for it; a shorter one would mostly be abandoned too. */
const MIN_RETRY_SHARE = 1 / 3;

/** What the policies report, for logging. */
export type StoreCallEvent =
  | { readonly kind: 'retry'; readonly operation: string; readonly reason: UnavailableReason; readonly status?: number; readonly attempt: number; readonly delayMs: number }
  | { readonly kind: 'circuit-opened' }
  | { readonly kind: 'circuit-half-open' }
  | { readonly kind: 'circuit-closed' };

/** What a call does to the store: a read (GET), a write carrying an Idempotency-Key, or any other write. */
export type StoreCallKind = 'read' | 'keyed-write' | 'write';

export interface StoreCallPolicy {
  /**
   * Runs one port call. Reads and keyed writes are retried on timeouts, failed connections, 5xx,
   * 409 and 429 while time is left; other writes get one attempt. The attempt must stop when
   * `signal` aborts. Any failure of the policies themselves is a StoreUnavailableError.
   */
  run<T>(operation: string, kind: StoreCallKind, attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Failures that say the store is down rather than busy: they count towards opening the circuit. */
const DOWN: ReadonlySet<UnavailableReason> = new Set(['timeout', 'unreachable', 'server-error']);
/** Failures a later attempt may not meet. */
const TRANSIENT: ReadonlySet<UnavailableReason> = new Set(['timeout', 'unreachable', 'server-error', 'in-progress', 'rate-limited']);

const unavailableWith = (reasons: ReadonlySet<UnavailableReason>) => (error: unknown) =>
  error instanceof StoreUnavailableError && reasons.has(error.reason);

/** A read's attempt time when none is set: a third of the call's, so three attempts fit, but not below MIN_READ_ATTEMPT_MS. */
export function defaultReadAttemptMs(timeoutMs: number, retries: number): number {
  return Math.min(timeoutMs, Math.max(MIN_READ_ATTEMPT_MS, Math.floor(timeoutMs / (retries + 1))));
}

function breakerOf(settings: BreakerSettings): IBreaker {
  if ('consecutiveFailures' in settings) return new ConsecutiveBreaker(settings.consecutiveFailures);
  return new SamplingBreaker({
    threshold: settings.failureRatio,
    duration: settings.sampleMs,
    minimumRps: settings.minimumAttempts / (settings.sampleMs / 1000),
  });
}

export function createStoreCallPolicy(settings: StoreCallSettings, onEvent: (event: StoreCallEvent) => void = () => {}): StoreCallPolicy {
  const readAttemptMs = Math.min(settings.readAttemptTimeoutMs ?? defaultReadAttemptMs(settings.timeoutMs, settings.retries), settings.timeoutMs);
  const minRetryMs = readAttemptMs * MIN_RETRY_SHARE;
  const backoff = new ExponentialBackoff({ initialDelay: settings.initialDelayMs, maxDelay: settings.maxDelayMs });

  // The deadline is outermost, so waiting for the bulkhead and between retries counts against it.
  // One breaker and one bulkhead for the whole store: it is one system, down or up as a whole.
  const outer: IPolicy[] = [timeout(settings.timeoutMs, TimeoutStrategy.Aggressive)];
  if (settings.bulkhead) outer.push(bulkhead(settings.bulkhead.limit, settings.bulkhead.queue));
  const guarded = wrap(...outer);

  // The breaker sees every attempt, retries included.
  let breaker: IPolicy | undefined;
  if (settings.breaker) {
    const circuit = circuitBreaker(handleWhen(unavailableWith(DOWN)), {
      halfOpenAfter: settings.breaker.halfOpenAfterMs,
      breaker: breakerOf(settings.breaker),
    });
    circuit.onBreak(() => onEvent({ kind: 'circuit-opened' }));
    circuit.onHalfOpen(() => onEvent({ kind: 'circuit-half-open' }));
    circuit.onReset(() => onEvent({ kind: 'circuit-closed' }));
    breaker = circuit;
  }

  function attemptOnce<T>(kind: StoreCallKind, attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    const attemptSignal = kind === 'read' ? AbortSignal.any([signal, AbortSignal.timeout(readAttemptMs)]) : signal;
    return breaker ? breaker.execute(({ signal: inner }) => attempt(inner), attemptSignal) : attempt(attemptSignal);
  }

  /**
   * Attempts until one succeeds, the failure is not worth another, or no useful attempt fits in
   * the time left: of the call's own deadline, and of the caller's (the turn's) when it has one.
   * By hand rather than with cockatiel's retry, which knows nothing of a deadline and would send a
   * retry the turn can no longer wait for.
   */
  async function attemptInTime<T>(operation: string, kind: StoreCallKind, attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal, timeLeft: () => number): Promise<T> {
    let wait: IBackoff<unknown> | undefined;
    for (let attempted = 1; ; attempted += 1) {
      try {
        return await attemptOnce(kind, attempt, signal);
      } catch (error) {
        if (kind === 'write' || attempted > settings.retries || signal.aborted || !unavailableWith(TRANSIENT)(error)) throw error;
        wait = wait ? wait.next(undefined) : backoff.next();
        const delayMs = wait.duration;
        if (timeLeft() - delayMs < minRetryMs) throw error;
        const { reason, status } = error as StoreUnavailableError;
        onEvent({ kind: 'retry', operation, reason, ...(status !== undefined ? { status } : {}), attempt: attempted, delayMs });
        // Aborted while waiting: the deadline policy has already failed the call.
        await sleep(delayMs, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) throw error;
      }
    }
  }

  return {
    async run(operation, kind, attempt) {
      const startedAt = performance.now();
      const caller = currentCallDeadline();
      const callerGaveUpAt = caller ? startedAt + caller.remainingMs() : Number.POSITIVE_INFINITY;
      const timeLeft = () => Math.min(startedAt + settings.timeoutMs, callerGaveUpAt) - performance.now();
      try {
        // The caller's signal aborts the attempt in flight as soon as nobody waits for its answer.
        return await guarded.execute(({ signal }) => attemptInTime(operation, kind, attempt, signal, timeLeft), caller?.signal);
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
