import { addDays, daysBetween } from '../../commerce/day-keys';
import type { SlotValue } from '../../core/turn';
import type { SupportedLocale } from '../../speech/i18n';
import { calendarDayOfKey } from '../../understanding/calendar';
import { languageOf } from '../../understanding/languages/languages';
import { spokenDate } from '../../understanding/spoken-dates';
import { tokenize } from '../../understanding/tokens';

/** A span of store-calendar days, both ends included (YYYY-MM-DD). */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const MONDAY_FIRST_OFFSET = 6;

function day(iso: string): DayRange {
  return { from: iso, to: iso };
}

function shift(range: DayRange, days: number): DayRange {
  return { from: addDays(range.from, days), to: addDays(range.to, days) };
}

function weekdayIndex(iso: string): number {
  // 0 = Monday … 6 = Sunday.
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + MONDAY_FIRST_OFFSET) % 7;
}

function weekOf(iso: string): DayRange {
  const monday = addDays(iso, -weekdayIndex(iso));
  return { from: monday, to: addDays(monday, 6) };
}

function monthRange(year: number, month: number): DayRange {
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: first, to: last };
}

const SEASONS: Readonly<Record<string, readonly [number, number]>> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

/** Alexa's AMAZON.DATE values (and ISO days from Google's DateTime): day, week, weekend, month, season, year. */
function fromIso(value: string, today: string): DayRange | undefined {
  if (value === 'PRESENT_REF') return day(today);
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) return day(value);
  match = /^(\d{4})-W(\d{1,2})(-WE)?$/.exec(value);
  if (match) {
    // ISO week 1 holds the year's first Thursday, so its Monday is within three days of January 4th.
    const january4 = `${match[1]}-01-04`;
    const monday = addDays(weekOf(january4).from, 7 * (Number(match[2]) - 1));
    return match[3] ? { from: addDays(monday, 5), to: addDays(monday, 6) } : { from: monday, to: addDays(monday, 6) };
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) return monthRange(Number(match[1]), Number(match[2]));
  match = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (match) {
    const [first, last] = SEASONS[match[2] ?? ''] ?? [1, 1];
    const year = Number(match[1]);
    return { from: monthRange(year, first).from, to: monthRange(year + Math.floor((last - 1) / 12), ((last - 1) % 12) + 1).to };
  }
  match = /^(\d{4})$/.exec(value);
  if (match) return { from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  return undefined;
}

/**
 * Alexa resolves "Tuesday" or "in March" to the next one; a shopper returning something means the
 * last one. A range starting after today moves back a week (a weekday) or a year.
 */
function inThePast(range: DayRange, today: string): DayRange {
  const ahead = daysBetween(today, range.from);
  if (ahead <= 0) return range;
  if (ahead < 7 && range.from === range.to) return shift(range, -7);
  const lastYear = { from: `${Number(range.from.slice(0, 4)) - 1}${range.from.slice(4)}`, to: `${Number(range.to.slice(0, 4)) - 1}${range.to.slice(4)}` };
  return lastYear.from.endsWith('-02-29') ? { ...lastYear, from: lastYear.from.replace(/29$/, '28') } : lastYear;
}

/** The words said, read by the understanding's date reader looking back, as an AMAZON.DATE value. */
function fromWords(spoken: string, today: string, locale: SupportedLocale): string | undefined {
  const language = languageOf(locale);
  const words = tokenize(spoken, language).tokens.map((token) => token.word);
  return spokenDate(words, language, calendarDayOfKey(today), 'past');
}

/**
 * When the shopper says they got something: free words first ("last week", "vor zwei Wochen"),
 * then the platform's resolved value ("2026-W47", "2026-03-14"). Undefined when it is not a time.
 */
export function interpretWhen(slot: SlotValue, today: string, locale: SupportedLocale): DayRange | undefined {
  const spoken = fromWords(slot.spoken, today, locale);
  const resolved =
    (spoken === undefined ? undefined : fromIso(spoken, today)) ??
    fromIso(slot.id ?? slot.spoken, today) ??
    (slot.id ? fromIso(slot.spoken, today) : undefined);
  return resolved ? inThePast(resolved, today) : undefined;
}

/** Whether a day falls in the range, give or take `slack` days: people misremember by a day or two. */
export function withinRange(dayKey: string, range: DayRange, slack: number): boolean {
  return daysBetween(addDays(range.from, -slack), dayKey) >= 0 && daysBetween(dayKey, addDays(range.to, slack)) >= 0;
}
