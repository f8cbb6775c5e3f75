import type { CalendarDay } from '../../lambda/understanding/calendar';
import { calendarDayIn, isoWeek } from '../../lambda/understanding/calendar';
import { ENGLISH } from '../../lambda/languages/en-US/words';
import { GERMAN } from '../../lambda/languages/de-DE/words';
import type { Language } from '../../lambda/understanding/languages/language';
import { type DateLean, spokenDate } from '../../lambda/understanding/spoken-dates';
import { tokenize } from '../../lambda/understanding/tokens';

/** A Thursday. */
const TODAY: CalendarDay = { year: 2026, month: 11, day: 26 };
const date = (text: string, language: Language = ENGLISH, lean: DateLean = 'future') =>
  spokenDate(
    tokenize(text, language).tokens.map((token) => token.word),
    language,
    TODAY,
    lean,
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

  it.each([
    ['monday', '2026-11-23'],
    ['on thursday', '2026-11-26'],
    ['in march', '2026-03'],
    ['back in november', '2026-11'],
    ['december', '2025-12'],
    ['november twenty sixth', '2026-11-26'],
    ['december first', '2025-12-01'],
    ['this weekend', '2026-W47-WE'],
    ['over the weekend', '2026-W47-WE'],
    ['last week', '2026-W47'],
    ['the week before last', '2026-W46'],
    ['a couple of weeks ago', '2026-W46'],
    ['a few days ago', '2026-11-23'],
  ])('"%s" said of the past → %s', (text, expected) => {
    expect(date(text, ENGLISH, 'past')).toBe(expected);
  });

  it.each([
    ['am dienstag', '2026-11-24'],
    ['im März', '2026-03'],
    ['vor zwei Wochen', '2026-W46'],
    ['vor ein paar Tagen', '2026-11-23'],
    ['in der vorletzten Woche', '2026-W46'],
    ['letztes Wochenende', '2026-W47-WE'],
  ])('"%s" (German) said of the past → %s', (text, expected) => {
    expect(date(text, GERMAN, 'past')).toBe(expected);
  });

  it.each(['my order', 'february thirtieth', 'the', 'last', 'sometime'])('"%s" is no date', (text) => {
    expect(date(text)).toBeUndefined();
  });

  it('numbers weeks the ISO way across a new year and reads today in a time zone', () => {
    expect(isoWeek({ year: 2027, month: 1, day: 1 })).toBe('2026-W53');
    expect(isoWeek({ year: 2026, month: 1, day: 1 })).toBe('2026-W01');
    expect(calendarDayIn(new Date('2026-11-27T03:00:00Z'), 'America/New_York')).toEqual(TODAY);
  });
});
