import { runWithoutCallDeadline } from '../call-deadline';

export interface KeptReadOptions {
  /** How long an answer is used before it is asked for again; 0 asks every time. */
  readonly ttlMs: number;
  readonly now?: () => number;
}

/**
 * A read whose answer the store changes rarely (its return policy, a locale's catalog vocabulary),
 * kept per key in the container for `ttlMs`. Concurrent turns share one request. An answer older
 * than that is still given while a fresh one is asked for beside it, so no turn waits on the
 * store for it once it has been read; a failed read is not kept, and a failed refresh keeps the
 * older answer until the next one succeeds.
 */
export function keptRead<Value>(read: (key: string) => Promise<Value>, options: KeptReadOptions): (key: string) => Promise<Value> {
  const now = options.now ?? Date.now;
  const kept = new Map<string, { readonly at: number; readonly value: Promise<Value>; refreshing: boolean }>();

  // Shared by every turn that asks meanwhile, so not bound to the deadline of the turn that asked first.
  const ask = (key: string) => runWithoutCallDeadline(() => read(key));

  function refresh(key: string, entry: { refreshing: boolean }): void {
    entry.refreshing = true;
    const fresh = ask(key);
    fresh.then(
      () => kept.set(key, { at: now(), value: fresh, refreshing: false }),
      () => {
        entry.refreshing = false;
      },
    );
  }

  return (key) => {
    if (options.ttlMs <= 0) return read(key);
    const entry = kept.get(key);
    if (!entry) {
      const value = ask(key);
      const added = { at: now(), value, refreshing: false };
      kept.set(key, added);
      value.catch(() => {
        if (kept.get(key) === added) kept.delete(key);
      });
      return value;
    }
    if (now() - entry.at >= options.ttlMs && !entry.refreshing) refresh(key, entry);
    return entry.value;
  };
}
