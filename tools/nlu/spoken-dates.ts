import { addDays, type CalendarDay, compareDays, isoDay, isoMonth, isoWeek, isValidDay, weekdayOf } from './calendar';
import type { DateWords, Language } from './languages/language';
import { spokenNumber, spokenOrdinal } from './spoken-numbers';

/**
 * Reads a spoken date as Alexa's AMAZON.DATE writes it: a day ("2026-11-26"), a week
 * ("2026-W48", "2026-W48-WE" for its weekend), a month ("2026-11"), a year ("2026") or
 * "PRESENT_REF". Days named without a year or week are the next ones on or after today, as on Alexa.
 */
export function spokenDate(words: readonly string[], language: Language, today: CalendarDay): string | undefined {
  const { dates } = language;
  const core = trimFillers(words, dates.fillers);
  const phrase = core.join(' ');
  if (core.length === 0) return undefined;
  if (dates.present.includes(phrase)) return 'PRESENT_REF';
  const relative = dates.relativeDays[phrase];
  if (relative !== undefined) return isoDay(addDays(today, relative));
  return weekday(core, dates, today) ?? period(core, dates, today) ?? ago(core, language, today) ?? calendarDate(core, language, today);
}

function trimFillers(words: readonly string[], fillers: readonly string[]): readonly string[] {
  let start = 0;
  let end = words.length;
  while (start < end && fillers.includes(words[start] ?? '')) start += 1;
  while (end > start && fillers.includes(words[end - 1] ?? '')) end -= 1;
  return words.slice(start, end);
}

/** "monday", "last monday", "next monday". */
function weekday(words: readonly string[], dates: DateWords, today: CalendarDay): string | undefined {
  const named = dates.weekdays[words[words.length - 1] ?? ''];
  const offset = words.length === 2 ? dates.offsets[words[0] ?? ''] : 0;
  if (named === undefined || offset === undefined || words.length > 2) return undefined;
  const ahead = (named - weekdayOf(today) + 7) % 7;
  if (offset === -1) return isoDay(addDays(today, ahead === 0 ? -7 : ahead - 7));
  if (offset === 1) return isoDay(addDays(today, ahead === 0 ? 7 : ahead));
  return isoDay(addDays(today, ahead));
}

function periodValue(unit: 'day' | 'week' | 'weekend' | 'month' | 'year', today: CalendarDay, offset: number): string {
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

/** "this week", "last weekend", "next month", "this year". */
function period(words: readonly string[], dates: DateWords, today: CalendarDay): string | undefined {
  if (words.length !== 2) return undefined;
  const offset = dates.offsets[words[0] ?? ''];
  const unit = dates.periods[words[1] ?? ''];
  if (offset === undefined || unit === undefined || unit === 'day') return undefined;
  return periodValue(unit, today, offset);
}

/** "three days ago", "a week ago", "vor zwei Wochen". */
function ago(words: readonly string[], language: Language, today: CalendarDay): string | undefined {
  const { dates } = language;
  const marker = dates.ago.position === 'after' ? words[words.length - 1] : words[0];
  if (marker !== dates.ago.word || words.length < 3) return undefined;
  const inner = dates.ago.position === 'after' ? words.slice(0, -1) : words.slice(1);
  const unit = dates.periods[inner[inner.length - 1] ?? ''];
  const amountWords = inner.slice(0, -1);
  const amount = amountWords.length === 1 && dates.one.includes(amountWords[0] ?? '') ? 1 : Number(spokenNumber(amountWords, language.numbers));
  if (unit === undefined || unit === 'weekend' || !Number.isInteger(amount) || amount <= 0) return undefined;
  return periodValue(unit, today, -amount);
}

/** The day of a month: "twenty sixth", "26th", "26", "sechsundzwanzigsten". */
function dayOfMonth(words: readonly string[], language: Language): number | undefined {
  const day = spokenOrdinal(words, language.numbers) ?? Number(spokenNumber(words, language.numbers));
  return Number.isInteger(day) && day >= 1 && day <= 31 ? day : undefined;
}

/** "november twenty sixth", "the 26th of november 2026", "26 november", "2026 11 26" (typed 2026-11-26). */
function calendarDate(words: readonly string[], language: Language, today: CalendarDay): string | undefined {
  const iso = words.length === 3 && words.every((word) => /^\d+$/.test(word)) && words[0]?.length === 4;
  if (iso) {
    const [year, month, day] = words.map(Number) as [number, number, number];
    return isValidDay({ year, month, day }) ? isoDay({ year, month, day }) : undefined;
  }
  const monthAt = words.findIndex((word) => language.dates.months[word] !== undefined);
  const month = language.dates.months[words[monthAt] ?? ''];
  if (month === undefined) return undefined;
  const before = trimFillers(words.slice(0, monthAt), language.dates.fillers);
  const after = trimFillers(words.slice(monthAt + 1), language.dates.fillers);
  const yearWords = after.length > 0 && /^\d{4}$/.test(after[after.length - 1] ?? '') ? after.slice(-1) : [];
  const dayWords = before.length > 0 ? before : after.slice(0, after.length - yearWords.length);
  if (before.length > 0 && after.length > yearWords.length) return undefined;
  const statedYear = yearWords.length > 0 ? Number(yearWords[0]) : undefined;
  if (dayWords.length === 0) {
    const year = statedYear ?? (month < today.month ? today.year + 1 : today.year);
    return isoMonth(year, month);
  }
  const day = dayOfMonth(dayWords, language);
  if (day === undefined) return undefined;
  const thisYear = { year: statedYear ?? today.year, month, day };
  const resolved = statedYear === undefined && compareDays(thisYear, today) < 0 ? { ...thisYear, year: today.year + 1 } : thisYear;
  return isValidDay(resolved) ? isoDay(resolved) : undefined;
}
