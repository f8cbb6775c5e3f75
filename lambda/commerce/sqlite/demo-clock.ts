import { daysBetween, localDayOf, startOfLocalDay } from './local-days';
import type { SqliteDatabase } from './open-database';
import { META, readMeta, writeMeta } from './store-meta';

export interface DemoClockOptions {
  readonly now: Date;
  /** Used only when the store did not record the zone it was seeded in. */
  readonly timeZone: string;
}

/**
 * Moves the whole demo history forward by the days elapsed since it was last laid out, so that
 * "delivered yesterday" is still yesterday on whatever day the demo is started. Whole days keep
 * weekdays and times of day intact. Returns the number of days moved (0 when already current).
 */
export function rebaseDemoClock(db: SqliteDatabase, options: DemoClockOptions): number {
  const anchorDay = readMeta(db, META.demoAnchorDay);
  if (anchorDay === undefined) return 0;
  const timeZone = readMeta(db, META.demoTimeZone) ?? options.timeZone;
  const today = localDayOf(options.now, timeZone);
  const days = daysBetween(anchorDay, today);
  // Only forward: a clock set back (or a test with an older "now") leaves the history alone.
  if (days <= 0) return 0;
  // Measured between local midnights, so a DST change in between keeps local times of day.
  const shiftMs = startOfLocalDay(today, timeZone).getTime() - startOfLocalDay(anchorDay, timeZone).getTime();
  const dayModifier = `+${days} days`;

  db.transaction(() => {
    db.prepare('UPDATE orders SET placed_at = placed_at + @ms, cancelled_at = cancelled_at + @ms').run({ ms: shiftMs });
    db.prepare(
      `UPDATE shipments SET shipped_at = shipped_at + @ms, expected_on = expected_on + @ms,
                            delivered_at = delivered_at + @ms`,
    ).run({ ms: shiftMs });
    db.prepare('UPDATE tracking_events SET at = at + @ms').run({ ms: shiftMs });
    db.prepare('UPDATE handoffs SET created_at = created_at + @ms').run({ ms: shiftMs });
    db.prepare('UPDATE returns SET created_at = created_at + @ms').run({ ms: shiftMs });
    db.prepare('UPDATE products SET restock_on = date(restock_on, ?) WHERE restock_on IS NOT NULL').run(dayModifier);
    writeMeta(db, META.demoAnchorDay, today);
  }).immediate();
  return days;
}
