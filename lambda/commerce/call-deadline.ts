import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How much longer the caller of a port call will wait for it. Port methods take no deadline or
 * signal (every adapter implements the same plain interfaces), so a caller that stops waiting at a
 * known moment (a turn, under its time budget: core/turn-budget.ts) runs the call inside
 * `runWithCallDeadline`, and an adapter that can use it reads it with `currentCallDeadline()`: the
 * HTTP store retries a read only while a useful attempt still fits, and drops the attempt in flight
 * once nobody waits for it. Outside such a caller (tools, a test calling a port) there is none.
 */
export interface CallDeadline {
  /** Milliseconds until the caller stops waiting; zero once it has. */
  remainingMs(): number;
  /** Aborts when the caller stops waiting for this call. */
  readonly signal: AbortSignal;
}

const current = new AsyncLocalStorage<CallDeadline>();

/** Runs `call` with `deadline` visible to everything it starts, promises included. */
export function runWithCallDeadline<T>(deadline: CallDeadline, call: () => T): T {
  return current.run(deadline, call);
}

/**
 * Runs `call` with no deadline, however the caller waits: for work several callers share (one
 * request whose answer a cache hands to every caller), which must not end when its first caller
 * stops waiting.
 */
export function runWithoutCallDeadline<T>(call: () => T): T {
  return current.exit(call);
}

/** The deadline of the port call this code runs for, if its caller set one. */
export function currentCallDeadline(): CallDeadline | undefined {
  return current.getStore();
}
