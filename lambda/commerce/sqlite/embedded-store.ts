import type { Commerce } from '../ports';
import { rebaseDemoClock } from './demo-clock';
import { isStoreEmpty, seedDemoStore } from './demo-seed';
import { migrate } from './migrations';
import { openDatabase, type SqliteDatabase } from './open-database';
import { createSqliteCommerce } from './sqlite-commerce';

export interface EmbeddedStoreOptions {
  /** "Now" for laying out or moving the demo history; the real time by default. */
  readonly now?: Date;
  /**
   * The zone the demo's days ("yesterday", "today") are counted in; pass the store's configured
   * zone. Defaults to the same zone as config's STORE_TIME_ZONE default.
   */
  readonly timeZone?: string;
}

export interface EmbeddedStore {
  readonly commerce: Commerce;
  readonly db: SqliteDatabase;
  close(): void;
}

export const DEFAULT_DEMO_TIME_ZONE = 'America/New_York';

/**
 * The embedded reference store: opens (or creates) the SQLite file, brings its schema up to date,
 * writes the demo store on first run and, on later runs, moves the demo history up to today.
 * `':memory:'` gives a fresh, seeded store that disappears on close.
 */
export function openEmbeddedStore(path: string, options: EmbeddedStoreOptions = {}): EmbeddedStore {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? DEFAULT_DEMO_TIME_ZONE;
  const db = openDatabase(path);
  try {
    migrate(db);
    if (isStoreEmpty(db)) seedDemoStore(db, { now, timeZone });
    else rebaseDemoClock(db, { now, timeZone });
    const commerce = createSqliteCommerce(db);
    return {
      commerce,
      db,
      close() {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
