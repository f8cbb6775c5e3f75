import type { SqliteDatabase } from './open-database';

/**
 * Writes that may share one SQLite transaction: those asked for while the code that asks for them
 * runs (a turn's conversation-log line and its turn event, both started once the reply is ready)
 * are committed together, once that code has moved on, instead of each paying for a commit of its own.
 */
export interface WriteBatch {
  /** Runs `statements` with the other writes of this moment; resolves once they are committed. */
  write<T>(statements: () => T): Promise<T>;
}

interface PendingWrite {
  readonly statements: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export function createWriteBatch(db: SqliteDatabase): WriteBatch {
  let pending: PendingWrite[] = [];

  /**
   * One write failing (a constraint, say) undoes that statement alone, as SQLite does, and fails
   * that write alone. A commit that fails fails every write of the batch, even one SQLite may have
   * kept: a write is reported lost rather than taken for written.
   */
  const commitTogether = db.transaction((writes: readonly PendingWrite[]) =>
    writes.map((write) => {
      try {
        return { write, ok: true, value: write.statements() } as const;
      } catch (error) {
        return { write, ok: false, error } as const;
      }
    }),
  );

  function commit(): void {
    const writes = pending;
    pending = [];
    let outcomes: ReturnType<typeof commitTogether>;
    try {
      outcomes = commitTogether(writes);
    } catch (error) {
      for (const write of writes) write.reject(error);
      return;
    }
    for (const outcome of outcomes) {
      if (outcome.ok) outcome.write.resolve(outcome.value);
      else outcome.write.reject(outcome.error);
    }
  }

  return {
    write<T>(statements: () => T) {
      return new Promise<T>((resolve, reject) => {
        if (pending.length === 0) queueMicrotask(commit);
        pending.push({ statements, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
