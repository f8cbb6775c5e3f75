import { addDays, type CalendarDay, compareDays, isoDay, isoMonth, isoWeek, isValidDay, weekdayOf } from './calendar';
import type { DateWords, Language } from './languages/language';
import { spokenNumber, spokenOrdinal } from './spoken-numbers';

/**
 * Which way a date named without "last" or "next" points: Alexa reads "monday" and "in march" as
 * the next ones; a shopper saying when they got something means the last ones.
 */
export type DateLean = 'future' | 'past';

type Unit = 'day' | 'week' | 'weekend' | 'month' | 'year';

/**
 * The one reader of spoken dates. Writes what was said as Alexa's AMAZON.DATE writes it: a day
 * ("2026-11-26"), a week ("2026-W48", "2026-W48-WE" for its weekend), a month ("2026-11"), a year
 * ("2026") or "PRESENT_REF". Undefined when the words are not a date.
 */
export function spokenDate(words: readonly string[], language: Language, today: CalendarDay, lean: DateLean = 'future'): string | undefined {
  const { dates } = language;
  const core = trimFillers(words, dates.fillers);
  const phrase = core.join(' ');
  if (core.length === 0) return undefined;
  if (dates.present.includes(phrase)) return 'PRESENT_REF';
  const relative = dates.relativeDays[phrase];
  if (relative !== undefined) return isoDay(addDays(today, relative));
  const named = dates.relativePeriods[phrase];
  if (named) return periodValue(named.unit, today, named.offset);
  const offsetFirst = withOffsetFirst(core, dates);
  return (
    weekday(offsetFirst, dates, today, lean) ??
    period(offsetFirst, dates, today, lean) ??
    ago(core, language, today) ??
    calendarDate(core, language, today, lean)
  );
}

function trimFillers(words: readonly string[], fillers: readonly string[]): readonly string[] {
  let start = 0;
  let end = words.length;
  while (start < end && fillers.includes(words[start] ?? '')) start += 1;
  while (end > start && fillers.includes(words[end - 1] ?? '')) end -= 1;
  return words.slice(start, end);
}

/** "lunes pasado", "semaine dernière", "monday next": the offset said after the day or period, put first. */
function withOffsetFirst(words: readonly string[], dates: DateWords): readonly string[] {
  const [first = '', second = ''] = words;
  return words.length === 2 && dates.offsets[first] === undefined && dates.offsets[second] !== undefined ? [second, first] : words;
}

/** "monday", "last monday", "next monday": a bare weekday is the next one, or the last one when leaning back. */
function weekday(words: readonly string[], dates: DateWords, today: CalendarDay, lean: DateLean): string | undefined {
  const named = dates.weekdays[words[words.length - 1] ?? ''];
  const offset = words.length === 2 ? dates.offsets[words[0] ?? ''] : 0;
  if (named === undefined || offset === undefined || words.length > 2) return undefined;
  const ahead = (named - weekdayOf(today) + 7) % 7;
  if (offset === -1) return isoDay(addDays(today, ahead === 0 ? -7 : ahead - 7));
  if (offset === 1) return isoDay(addDays(today, ahead === 0 ? 7 : ahead));
  // Today's own weekday is today either way.
  return isoDay(addDays(today, lean === 'past' && ahead > 0 ? ahead - 7 : ahead));
}

function periodValue(unit: Unit, today: CalendarDay, offset: number): string {
  switch (unit) {
    case 'day':
      return isoDay(addDays(today, offset));
    case 'week':
      return isoWeek(addDays(today, 7 * offset));
    case 'weekend':
      return `${isoWeek(addDays(today, 7 * offset))}-WE`;
    case 'month': {
      const months = today.year * 12 + (today.month - 1) + offset;
      return isoMonth(Math.floor(months / 12), (months % 12) + 1);
    }
    case 'year':
      return String(today.year + offset);
  }
}

/** Saturday comes on the sixth ISO weekday: before it, this week's weekend is still to come. */
const SATURDAY = 6;

/** "this week", "last weekend", "next month", "this year"; "the weekend" alone is this one. */
function period(words: readonly string[], dates: DateWords, today: CalendarDay, lean: DateLean): string | undefined {
  if (words.length > 2) return undefined;
  const offset = words.length === 2 ? dates.offsets[words[0] ?? ''] : 0;
  const unit = dates.periods[words[words.length - 1] ?? ''];
  if (offset === undefined || unit === undefined || unit === 'day') return undefined;
  // Looking back from a weekday, "this weekend" is the one just gone.
  const weekendToCome = unit === 'weekend' && offset === 0 && weekdayOf(today) < SATURDAY;
  return periodValue(unit, today, weekendToCome && lean === 'past' ? -1 : offset);
}

/** "three", "a", "a couple of", "a few", "ein paar": how many periods back. */
function amountOf(words: readonly string[], language: Language): number | undefined {
  const { dates } = language;
  // Words around the count that say nothing here: "hace como una semana", "vor etwa zwei Wochen".
  const counted = trimFillers(words, dates.fillers);
  if (counted.length === 1 && dates.one.includes(counted[0] ?? '')) return 1;
  const loose = trimFillers(words, [...dates.one, ...dates.fillers]);
  const vague = dates.vagueCounts[words.join(' ')] ?? dates.vagueCounts[counted.join(' ')] ?? dates.vagueCounts[loose.join(' ')];
  if (vague !== undefined) return vague;
  const amount = Number(spokenNumber(counted, language.numbers));
  return Number.isInteger(amount) && amount > 0 ? amount : undefined;
}

/** "three days ago", "a week ago", "a couple of weeks ago", "vor zwei Wochen". */
function ago(words: readonly string[], language: Language, today: CalendarDay): string | undefined {
  const { dates } = language;
  const marker = dates.ago.position === 'after' ? words[words.length - 1] : words[0];
  if (marker !== dates.ago.word || words.length < 3) return undefined;
  const inner = dates.ago.position === 'after' ? words.slice(0, -1) : words.slice(1);
  const unit = dates.periods[inner[inner.length - 1] ?? ''];
  const amount = amountOf(inner.slice(0, -1), language);
  if (unit === undefined || unit === 'weekend' || amount === undefined) return undefined;
  return periodValue(unit, today, -amount);
}

/** The day of a month: "twenty sixth", "26th", "26", "sechsundzwanzigsten". */
function dayOfMonth(words: readonly string[], language: Language): number | undefined {
  const day = spokenOrdinal(words, language.numbers) ?? Number(spokenNumber(words, language.numbers));
  return Number.isInteger(day) && day >= 1 && day <= 31 ? day : undefined;
}

/** A month named without its year: this year's, or the nearest one the lean points to. */
function monthYear(month: number, today: CalendarDay, lean: DateLean): number {
  if (lean === 'past') return month > today.month ? today.year - 1 : today.year;
  return month < today.month ? today.year + 1 : today.year;
}

/** A day named without its year: on or after today, or on or before it when leaning back. */
function dayYear(month: number, day: number, today: CalendarDay, lean: DateLean): number {
  const thisYear = compareDays({ year: today.year, month, day }, today);
  if (lean === 'past') return thisYear > 0 ? today.year - 1 : today.year;
  return thisYear < 0 ? today.year + 1 : today.year;
}

/** "el día veinte": a day of the month said without its month, in this month or the nearest one the lean points to. */
function dayOfThisMonth(words: readonly string[], language: Language, today: CalendarDay, lean: DateLean): string | undefined {
  const [marker = '', ...rest] = words;
  const day = language.dates.dayOfMonth?.includes(marker) ? dayOfMonth(rest, language) : undefined;
  if (day === undefined) return undefined;
  const offset = lean === 'past' ? (day > today.day ? -1 : 0) : day < today.day ? 1 : 0;
  const months = today.year * 12 + (today.month - 1) + offset;
  const resolved = { year: Math.floor(months / 12), month: (months % 12) + 1, day };
  return isValidDay(resolved) ? isoDay(resolved) : undefined;
}

/** "november twenty sixth", "the 26th of november 2026", "26 november", "in march", "2026 11 26" (typed 2026-11-26). */
function calendarDate(words: readonly string[], language: Language, today: CalendarDay, lean: DateLean): string | undefined {
  const iso = words.length === 3 && words.every((word) => /^\d+$/.test(word)) && words[0]?.length === 4;
  if (iso) {
    const [year, month, day] = words.map(Number) as [number, number, number];
    return isValidDay({ year, month, day }) ? isoDay({ year, month, day }) : undefined;
  }
  const monthAt = words.findIndex((word) => language.dates.months[word] !== undefined);
  const month = language.dates.months[words[monthAt] ?? ''];
  if (month === undefined) return dayOfThisMonth(words, language, today, lean);
  // With its month named, "el día tres de noviembre" needs no "día".
  const before = trimFillers(words.slice(0, monthAt), [...language.dates.fillers, ...(language.dates.dayOfMonth ?? [])]);
  const after = trimFillers(words.slice(monthAt + 1), language.dates.fillers);
  const yearWords = after.length > 0 && /^\d{4}$/.test(after[after.length - 1] ?? '') ? after.slice(-1) : [];
  const dayWords = before.length > 0 ? before : after.slice(0, after.length - yearWords.length);
  if (before.length > 0 && after.length > yearWords.length) return undefined;
  const statedYear = yearWords.length > 0 ? Number(yearWords[0]) : undefined;
  if (dayWords.length === 0) return isoMonth(statedYear ?? monthYear(month, today, lean), month);
  const day = dayOfMonth(dayWords, language);
  if (day === undefined) return undefined;
  const resolved = { year: statedYear ?? dayYear(month, day, today, lean), month, day };
  return isValidDay(resolved) ? isoDay(resolved) : undefined;
}
