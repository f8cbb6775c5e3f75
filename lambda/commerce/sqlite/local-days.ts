import { parseDayKey } from '../day-keys';

export { addDays, daysBetween } from '../day-keys';

/**
 * Calendar days in a time zone, as 'YYYY-MM-DD' keys. The demo store lays out its history in days
 * ("delivered yesterday"), and those days are only meaningful in the zone the store speaks in.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClockOf(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number.parseInt(part.value, 10);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wall = wallClockOf(instantMs, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The formatter has no milliseconds, so compare whole seconds.
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The calendar day an instant falls on in the zone. */
export function localDayOf(instant: Date, timeZone: string): string {
  const wall = wallClockOf(instant.getTime(), timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`;
}

/** The instant the zone's wall clock shows `hour:minute` on `day`. */
export function instantAtLocalTime(day: string, hour: number, minute: number, timeZone: string): Date {
  const { year, month, day: date } = parseDayKey(day);
  const wallAsUtc = Date.UTC(year, month - 1, date, hour, minute);
  let instant = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  // A second pass settles the offset when the first guess landed across a DST change.
  const settled = wallAsUtc - zoneOffsetMs(instant, timeZone);
  if (settled !== instant) instant = settled;
  return new Date(instant);
}

/** The first instant of `day` in the zone. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  return instantAtLocalTime(day, 0, 0, timeZone);
}
