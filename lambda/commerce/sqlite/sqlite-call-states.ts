import type { CallStateData, CallStates } from '../ports';
import type { SqliteDatabase } from './open-database';

/** Pruning of expired calls runs once every this many saves, not on every turn. */
const PRUNE_EVERY = 100;
/**
 * A call whose state expires this much earlier than one just saved is long over: pruning is
 * measured against the saved call's own clock, never the machine's.
 */
const PRUNE_BEHIND_MS = 86_400_000;

interface CallRow {
  readonly state: string;
  readonly expires_at: number;
}

/** Phone calls in progress in the embedded file: one row per call, replaced after every turn. */
export function createSqliteCallStates(db: SqliteDatabase): CallStates {
  const read = db.prepare<[string], CallRow>('SELECT state, expires_at FROM call_states WHERE call_id = ?');
  const write = db.prepare<[string, string, number]>(
    `INSERT INTO call_states (call_id, state, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
  );
  const prune = db.prepare<[number]>('DELETE FROM call_states WHERE expires_at < ?');
  let saves = 0;
  // One process holds the embedded file, so a queue per key in memory is all the exclusion there is to have.
  const queues = new Map<string, Promise<unknown>>();

  return {
    async load(callId, now) {
      const row = read.get(callId);
      if (!row || row.expires_at < now.getTime()) return undefined;
      const state: unknown = JSON.parse(row.state);
      return typeof state === 'object' && state !== null && !Array.isArray(state) ? (state as CallStateData) : undefined;
    },
    async save(callId, state, expiresAt) {
      if (callId.trim() === '') throw new Error('A call state needs the call id');
      write.run(callId, JSON.stringify(state), expiresAt.getTime());
      saves += 1;
      if (saves % PRUNE_EVERY === 0) prune.run(expiresAt.getTime() - PRUNE_BEHIND_MS);
    },
    exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
      const before = queues.get(key) ?? Promise.resolve();
      const run = before.then(work, work);
      const settled = run.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key);
      });
      return run;
    },
  };
}
