import type { CalendarDay } from '../../tools/nlu/calendar';
import { calendarDayIn, isoWeek } from '../../tools/nlu/calendar';
import { ENGLISH } from '../../tools/nlu/languages/english';
import { GERMAN } from '../../tools/nlu/languages/german';
import type { Language } from '../../tools/nlu/languages/language';
import { spokenDate } from '../../tools/nlu/spoken-dates';
import { tokenize } from '../../tools/nlu/tokens';

/** A Thursday. */
const TODAY: CalendarDay = { year: 2026, month: 11, day: 26 };
const date = (text: string, language: Language = ENGLISH) =>
  spokenDate(
    tokenize(text, language).tokens.map((token) => token.word),
    language,
    TODAY,
  );

describe('spoken dates, written as Alexa writes AMAZON.DATE', () => {
  it.each([
    ['today', '2026-11-26'],
    ['tomorrow', '2026-11-27'],
    ['yesterday', '2026-11-25'],
    ['the day before yesterday', '2026-11-24'],
    ['monday', '2026-11-30'],
    ['on thursday', '2026-11-26'],
    ['last monday', '2026-11-23'],
    ['last thursday', '2026-11-19'],
    ['next monday', '2026-11-30'],
    ['this week', '2026-W48'],
    ['last week', '2026-W47'],
    ['next weekend', '2026-W49-WE'],
    ['this month', '2026-11'],
    ['last month', '2026-10'],
    ['next year', '2027'],
    ['three days ago', '2026-11-23'],
    ['a week ago', '2026-W47'],
    ['two months ago', '2026-09'],
    ['november twenty sixth', '2026-11-26'],
    ['december first', '2026-12-01'],
    ['on the 3rd of march 2025', '2025-03-03'],
    ['november 25th', '2027-11-25'],
    ['2026-11-03', '2026-11-03'],
    ['now', 'PRESENT_REF'],
  ])('"%s" → %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it.each([
    ['heute', '2026-11-26'],
    ['vorgestern', '2026-11-24'],
    ['am montag', '2026-11-30'],
    ['letzten montag', '2026-11-23'],
    ['letzte woche', '2026-W47'],
    ['nächsten monat', '2026-12'],
    ['vor drei tagen', '2026-11-23'],
    ['vor einer woche', '2026-W47'],
    ['am 26. november', '2026-11-26'],
    ['am sechsundzwanzigsten november', '2026-11-26'],
  ])('"%s" (German) → %s', (text, expected) => {
    expect(date(text, GERMAN)).toBe(expected);
  });

  it.each(['my order', 'february thirtieth', 'the', 'last'])('"%s" is no date', (text) => {
    expect(date(text)).toBeUndefined();
  });

  it('numbers weeks the ISO way across a new year and reads today in a time zone', () => {
    expect(isoWeek({ year: 2027, month: 1, day: 1 })).toBe('2026-W53');
    expect(isoWeek({ year: 2026, month: 1, day: 1 })).toBe('2026-W01');
    expect(calendarDayIn(new Date('2026-11-27T03:00:00Z'), 'America/New_York')).toEqual(TODAY);
  });
});
