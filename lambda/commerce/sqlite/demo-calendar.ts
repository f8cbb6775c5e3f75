import { addDays, instantAtLocalTime, localDayOf, startOfLocalDay } from './local-days';

/** Turns the demo history's relative days ("yesterday at 14:32") into instants around a given now. */
export interface DemoCalendar {
  /** The seed day, YYYY-MM-DD in the store's zone. */
  readonly today: string;
  readonly timeZone: string;
  dayKey(day: number): string;
  /** When something happened; never later than now. */
  at(day: number, time: string): Date;
  /** A promised delivery day: end of business (20:00 local) on that day. */
  promised(day: number): Date;
}

/** Nothing in the demo history happens later than this on the seed day. */
const LATEST_TODAY_MINUTES = 13 * 60;
const PROMISE_HOUR = 20;

function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Not a wall-clock time (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function demoCalendar(now: Date, timeZone: string): DemoCalendar {
  const today = localDayOf(now, timeZone);
  const startOfToday = startOfLocalDay(today, timeZone).getTime();
  // Today's events keep their order but are squeezed into the part of today already past, so a
  // store seeded at 7 am has no parcel "out for delivery" at 7:55.
  const elapsedToday = Math.max(0, now.getTime() - startOfToday);
  const todayScale = Math.min(1, (0.9 * elapsedToday) / (LATEST_TODAY_MINUTES * 60_000));

  return {
    today,
    timeZone,
    dayKey: (day) => addDays(today, day),
    at(day, time) {
      const minutes = minutesOf(time);
      if (day > 0) throw new Error(`Demo events cannot be in the future (day ${day})`);
      if (day === 0) {
        if (minutes > LATEST_TODAY_MINUTES) throw new Error(`Demo events today must be before 13:00, not ${time}`);
        return new Date(startOfToday + Math.floor(minutes * 60_000 * todayScale));
      }
      return instantAtLocalTime(addDays(today, day), Math.floor(minutes / 60), minutes % 60, timeZone);
    },
    promised: (day) => instantAtLocalTime(addDays(today, day), PROMISE_HOUR, 0, timeZone),
  };
}
