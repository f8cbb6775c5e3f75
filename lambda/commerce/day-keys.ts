/**
 * Calendar days as 'YYYY-MM-DD' keys, and arithmetic on them. Zone-free: which day an instant falls
 * on in a zone is the caller's business (the speech layer's or the store's).
 */

const DAY_MS = 86_400_000;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDayKey(day: string): { year: number; month: number; day: number } {
  const match = DAY_KEY.exec(day);
  if (!match) throw new Error(`Not a day key (YYYY-MM-DD): ${day}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function addDays(day: string, days: number): string {
  const { year, month, day: date } = parseDayKey(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseDayKey(from);
  const b = parseDayKey(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}
