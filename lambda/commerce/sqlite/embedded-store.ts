import type { Commerce, CurrencyCode, HandoffOutbox, SkillState, StoreCommerce } from '../ports';
import { rebaseDemoClock } from './demo-clock';
import { hasSpokenNames, isStoreEmpty, seedDemoStore, writeDemoSpokenNames } from './demo-seed';
import { DEMO_CATALOG_TERMS } from './demo-vocabulary';
import { hasCatalogTerms, writeCatalogTerms } from './sqlite-catalog-terms';
import { migrate } from './migrations';
import { openDatabase, type SqliteDatabase } from './open-database';
import { createSqliteSkillState, createSqliteStoreCommerce } from './sqlite-commerce';

export interface EmbeddedStoreOptions {
  /** "Now" for laying out or moving the demo history; the real time by default. */
  readonly now?: Date;
  /**
   * What the store judges by time (a return's window, when it was created). The real time by
   * default; when only `now` is given, the store's time stands still at `now`, as the demo history
   * laid out for it expects.
   */
  readonly clock?: () => Date;
  /**
   * The zone the demo's days ("yesterday", "today") are counted in; pass the store's configured
   * zone. Defaults to the same zone as config's STORE_TIME_ZONE default.
   */
  readonly timeZone?: string;
  /** Turn events older than this are pruned as new ones arrive (RETENTION_DAYS); 90 by default. */
  readonly retentionDays?: number;
  /** The store's currency (STORE_CURRENCY): the demo store is priced in it when first written. USD by default. */
  readonly currency?: CurrencyCode;
}

export interface EmbeddedStore {
  /** The store's systems: shoppers, orders, catalog, returns and checkout. */
  readonly store: StoreCommerce;
  /** The skill's own state kept in the same file: handoffs and their queue, transcripts, PINs, checkout claims, turn events. */
  readonly state: SkillState;
  /** Both halves as the flows see them. */
  readonly commerce: Commerce;
  /** Filed tickets waiting for the helpdesk webhook (the same as `state.handoffOutbox`). */
  readonly handoffOutbox: HandoffOutbox;
  readonly db: SqliteDatabase;
  close(): void;
}

/** The demo's words only belong with the demo's products. */
function isDemoCatalog(db: SqliteDatabase): boolean {
  return db.prepare("SELECT 1 FROM products WHERE id = 'stormline-rain-jacket'").get() !== undefined;
}

export const DEFAULT_DEMO_TIME_ZONE = 'America/New_York';

/**
 * The embedded reference store: opens (or creates) the SQLite file, brings its schema up to date,
 * writes the demo store on first run and, on later runs, moves the demo history up to today.
 * `':memory:'` gives a fresh, seeded store that disappears on close.
 */
export function openEmbeddedStore(path: string, options: EmbeddedStoreOptions = {}): EmbeddedStore {
  const fixedNow = options.now;
  const clock = options.clock ?? (fixedNow ? () => fixedNow : () => new Date());
  const now = options.now ?? clock();
  const timeZone = options.timeZone ?? DEFAULT_DEMO_TIME_ZONE;
  const db = openDatabase(path);
  try {
    migrate(db);
    if (isStoreEmpty(db)) seedDemoStore(db, { now, timeZone, currency: options.currency });
    else rebaseDemoClock(db, { now, timeZone });
    if (!hasCatalogTerms(db) && isDemoCatalog(db)) writeCatalogTerms(db, DEMO_CATALOG_TERMS);
    // A demo file written before the catalog kept names per locale gets them now.
    if (!hasSpokenNames(db) && isDemoCatalog(db)) writeDemoSpokenNames(db);
    const store = createSqliteStoreCommerce(db, { clock, timeZone, currency: options.currency });
    const state = createSqliteSkillState(db, { retentionDays: options.retentionDays });
    // Flows never see the turn events: the router records them, the report tools read them.
    const { handoffOutbox, turnEvents: _turnEvents, callStates: _callStates, ...conversationState } = state;
    return {
      store,
      state,
      commerce: { ...store, ...conversationState },
      handoffOutbox,
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
