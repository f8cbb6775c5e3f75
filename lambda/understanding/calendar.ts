/** Calendar days without time zones, for reading dates the way Alexa's AMAZON.DATE writes them. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

function toUtc(day: CalendarDay): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

function fromUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A formatter per time zone: making one costs some 30 times what formatting a day with it does. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Today in a time zone. */
export function calendarDayIn(instant: Date, timeZone: string): CalendarDay {
  const parts = dayFormatIn(timeZone).formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** A store day key ("2026-11-26") as a calendar day. */
export function calendarDayOfKey(key: string): CalendarDay {
  const [year, month, day] = key.split('-').map(Number);
  const parsed = { year: year ?? Number.NaN, month: month ?? Number.NaN, day: day ?? Number.NaN };
  if (!isValidDay(parsed)) throw new Error(`not a day: ${key}`);
  return parsed;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromUtc(new Date(toUtc(day).getTime() + days * DAY_MS));
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekdayOf(day: CalendarDay): number {
  return ((toUtc(day).getUTCDay() + 6) % 7) + 1;
}

export function isValidDay(day: CalendarDay): boolean {
  const date = toUtc(day);
  return date.getUTCFullYear() === day.year && date.getUTCMonth() + 1 === day.month && date.getUTCDate() === day.day;
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return toUtc(a).getTime() - toUtc(b).getTime();
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2026-11-26". */
export function isoDay(day: CalendarDay): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** "2026-11". */
export function isoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** "2026-W48": the ISO week the day falls in (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: CalendarDay): string {
  const thursday = addDays(day, 4 - weekdayOf(day));
  const firstOfYear = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor((toUtc(thursday).getTime() - toUtc(firstOfYear).getTime()) / DAY_MS / 7) + 1;
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}
