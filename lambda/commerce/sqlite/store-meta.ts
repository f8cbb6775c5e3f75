import type { SqliteDatabase } from './open-database';

/** Keys of the meta table. */
export const META = {
  /** The day (YYYY-MM-DD) the demo history is currently laid out around. */
  demoAnchorDay: 'demo_anchor_day',
  /** The zone that day is counted in. */
  demoTimeZone: 'demo_time_zone',
  /** When the demo store was first written (ISO 8601); informational. */
  demoSeededAt: 'demo_seeded_at',
} as const;

export type MetaKey = (typeof META)[keyof typeof META];

export function readMeta(db: SqliteDatabase, key: MetaKey): string | undefined {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
  return row?.value;
}

export function writeMeta(db: SqliteDatabase, key: MetaKey, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
