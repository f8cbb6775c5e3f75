import { addDays, daysBetween } from '../../commerce/day-keys';
import type { SlotValue } from '../../core/turn';
import type { SupportedLocale } from '../../speech/i18n';

/** A span of store-calendar days, both ends included (YYYY-MM-DD). */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** The words one language uses for times in the past; what is said is matched against these. */
interface PastWords {
  readonly numbers: Readonly<Record<string, number>>;
  readonly weekdays: readonly string[];
  readonly months: readonly (readonly string[])[];
  readonly patterns: readonly (readonly [RegExp, (match: RegExpExecArray, today: string, words: PastWords) => DayRange | undefined])[];
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

function yearAndMonth(iso: string): { year: number; month: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/** The last `weekday` (0 = Monday) on or before today. */
function lastWeekday(today: string, weekday: number): DayRange {
  return day(addDays(today, -((weekdayIndex(today) - weekday + 7) % 7)));
}

/** Saturday and Sunday of the latest weekend that has started by today. */
function lastWeekend(today: string): DayRange {
  const saturday = lastWeekday(today, 5).from;
  return { from: saturday, to: addDays(saturday, 1) };
}

/** The most recent month with this number that has started by today. */
function lastMonthNamed(today: string, month: number): DayRange {
  const now = yearAndMonth(today);
  return monthRange(month <= now.month ? now.year : now.year - 1, month);
}

function monthsBack(today: string, months: number): DayRange {
  const now = yearAndMonth(today);
  const index = now.year * 12 + (now.month - 1) - months;
  return monthRange(Math.floor(index / 12), (index % 12) + 1);
}

function countOf(word: string | undefined, words: PastWords): number | undefined {
  if (word === undefined) return undefined;
  const digits = Number.parseInt(word, 10);
  return Number.isFinite(digits) ? digits : words.numbers[word];
}

function daysAgo(count: number | undefined, today: string): DayRange | undefined {
  if (count === undefined) return undefined;
  return { from: addDays(today, -count - 1), to: addDays(today, -count + 1) };
}

function weeksAgo(count: number | undefined, today: string): DayRange | undefined {
  return count === undefined ? undefined : weekOf(addDays(today, -7 * count));
}

function monthsAgo(count: number | undefined, today: string): DayRange | undefined {
  return count === undefined ? undefined : monthsBack(today, count);
}

function weekday(name: string | undefined, today: string, words: PastWords): DayRange | undefined {
  const index = name === undefined ? -1 : words.weekdays.indexOf(name);
  return index < 0 ? undefined : lastWeekday(today, index);
}

function month(name: string | undefined, today: string, words: PastWords): DayRange | undefined {
  const index = name === undefined ? -1 : words.months.findIndex((names) => names.includes(name));
  return index < 0 ? undefined : lastMonthNamed(today, index + 1);
}

const NUMBER = '(\\d+|[a-zäöüß]+)';

const ENGLISH: PastWords = {
  numbers: { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, couple: 2, few: 3 },
  weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  months: [['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'], ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec']],
  patterns: [
    [/^today$/, (_m, today) => day(today)],
    [/^yesterday$/, (_m, today) => day(addDays(today, -1))],
    [/^the day before yesterday$/, (_m, today) => day(addDays(today, -2))],
    [/^this week$/, (_m, today) => weekOf(today)],
    [/^last week$/, (_m, today) => weekOf(addDays(today, -7))],
    [/^the week before last$/, (_m, today) => weekOf(addDays(today, -14))],
    [/^(?:this|last|over the) weekend$/, (_m, today) => lastWeekend(today)],
    [/^this month$/, (_m, today) => monthsBack(today, 0)],
    [/^last month$/, (_m, today) => monthsBack(today, 1)],
    [new RegExp(`^(?:a )?${NUMBER}(?: of)? days? ago$`), (m, today, words) => daysAgo(countOf(m[1], words), today)],
    [new RegExp(`^(?:a )?${NUMBER}(?: of)? weeks? ago$`), (m, today, words) => weeksAgo(countOf(m[1], words), today)],
    [new RegExp(`^(?:a )?${NUMBER}(?: of)? months? ago$`), (m, today, words) => monthsAgo(countOf(m[1], words), today)],
    [/^(?:on |last |this )?([a-z]+)$/, (m, today, words) => weekday(m[1], today, words) ?? month(m[1], today, words)],
    [/^(?:in |back in |early |late |last )?([a-z]+)$/, (m, today, words) => month(m[1], today, words)],
  ],
};

const GERMAN: PastWords = {
  numbers: { ein: 1, eine: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, paar: 3 },
  weekdays: ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'],
  months: [['januar', 'jänner'], ['februar'], ['märz', 'maerz'], ['april'], ['mai'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['dezember']],
  patterns: [
    [/^heute$/, (_m, today) => day(today)],
    [/^gestern$/, (_m, today) => day(addDays(today, -1))],
    [/^vorgestern$/, (_m, today) => day(addDays(today, -2))],
    [/^(?:diese|in dieser) woche$/, (_m, today) => weekOf(today)],
    [/^(?:letzte|vergangene|in der letzten|in der vergangenen) woche$/, (_m, today) => weekOf(addDays(today, -7))],
    [/^(?:vorletzte|in der vorletzten) woche$/, (_m, today) => weekOf(addDays(today, -14))],
    [/^(?:letztes|am letzten|am) wochenende$/, (_m, today) => lastWeekend(today)],
    [/^(?:diesen|in diesem) monat$/, (_m, today) => monthsBack(today, 0)],
    [/^(?:letzten|vergangenen|im letzten|im vergangenen) monat$/, (_m, today) => monthsBack(today, 1)],
    [new RegExp(`^vor (?:ein )?${NUMBER} tag(?:en)?$`), (m, today, words) => daysAgo(countOf(m[1], words), today)],
    [new RegExp(`^vor (?:ein )?${NUMBER} wochen?$`), (m, today, words) => weeksAgo(countOf(m[1], words), today)],
    [new RegExp(`^vor (?:ein )?${NUMBER} monat(?:en)?$`), (m, today, words) => monthsAgo(countOf(m[1], words), today)],
    [/^(?:am |letzten |vergangenen )?([a-zäöüß]+)$/, (m, today, words) => weekday(m[1], today, words) ?? month(m[1], today, words)],
    [/^(?:im |anfang |ende |letzten )?([a-zäöüß]+)$/, (m, today, words) => month(m[1], today, words)],
  ],
};

const WORDS: Readonly<Record<SupportedLocale, PastWords>> = { 'en-US': ENGLISH, 'de-DE': GERMAN };

function fromWords(spoken: string, today: string, words: PastWords): DayRange | undefined {
  const phrase = spoken
    .toLowerCase()
    .replace(/[.,!?]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, range] of words.patterns) {
    const match = pattern.exec(phrase);
    const found = match ? range(match, today, words) : undefined;
    if (found) return found;
  }
  return undefined;
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

/**
 * When the shopper says they got something: free words first ("last week", "vor zwei Wochen"),
 * then the platform's resolved value ("2026-W47", "2026-03-14"). Undefined when it is not a time.
 */
export function interpretWhen(slot: SlotValue, today: string, locale: SupportedLocale): DayRange | undefined {
  const spoken = fromWords(slot.spoken, today, WORDS[locale]);
  if (spoken) return spoken;
  const resolved = fromIso(slot.id ?? slot.spoken, today) ?? (slot.id ? fromIso(slot.spoken, today) : undefined);
  return resolved ? inThePast(resolved, today) : undefined;
}

/** Whether a day falls in the range, give or take `slack` days: people misremember by a day or two. */
export function withinRange(dayKey: string, range: DayRange, slack: number): boolean {
  return daysBetween(addDays(range.from, -slack), dayKey) >= 0 && daysBetween(dayKey, addDays(range.to, slack)) >= 0;
}
