import type { SlotValue } from '../../lambda/core/turn';
import { interpretWhen, withinRange } from '../../lambda/flows/returns/when';

// Thursday, 26 November 2026.
const TODAY = '2026-11-26';
const said = (spoken: string, id?: string): SlotValue => (id ? { spoken, id } : { spoken });

describe('interpretWhen', () => {
  it.each<[string, SlotValue, { from: string; to: string } | undefined]>([
    // Alexa's AMAZON.DATE values.
    ['a day', said('2026-11-19'), { from: '2026-11-19', to: '2026-11-19' }],
    ['an ISO week ("last week")', said('2026-W47'), { from: '2026-11-16', to: '2026-11-22' }],
    ['week 1 of a year that starts mid-week', said('2026-W01'), { from: '2025-12-29', to: '2026-01-04' }],
    ['a weekend', said('2026-W47-WE'), { from: '2026-11-21', to: '2026-11-22' }],
    ['a month', said('2026-10'), { from: '2026-10-01', to: '2026-10-31' }],
    ['a season', said('2026-SU'), { from: '2026-06-01', to: '2026-08-31' }],
    ['winter runs into the next year', said('2025-WI'), { from: '2025-12-01', to: '2026-02-28' }],
    ['a year', said('2026'), { from: '2026-01-01', to: '2026-12-31' }],
    ['"now"', said('PRESENT_REF'), { from: TODAY, to: TODAY }],
    // Alexa resolves "Tuesday" and "in March" forward; a return means the past one.
    ['next Tuesday means last Tuesday', said('2026-12-01'), { from: '2026-11-24', to: '2026-11-24' }],
    ['next March means last March', said('2027-03'), { from: '2026-03-01', to: '2026-03-31' }],
    // Google's DateTime, as the adapter passes it: the words, and the day as the id.
    ['words win over a resolved day', said('last week', '2026-11-19'), { from: '2026-11-16', to: '2026-11-22' }],
    ['a resolved day when the words are not known', said('the other day', '2026-11-23'), { from: '2026-11-23', to: '2026-11-23' }],
    // Free words.
    ['yesterday', said('yesterday'), { from: '2026-11-25', to: '2026-11-25' }],
    ['today', said('Today'), { from: TODAY, to: TODAY }],
    ['the day before yesterday', said('the day before yesterday'), { from: '2026-11-24', to: '2026-11-24' }],
    ['last week', said('last week'), { from: '2026-11-16', to: '2026-11-22' }],
    ['this week', said('this week'), { from: '2026-11-23', to: '2026-11-29' }],
    ['the week before last', said('the week before last'), { from: '2026-11-09', to: '2026-11-15' }],
    ['two weeks ago', said('two weeks ago'), { from: '2026-11-09', to: '2026-11-15' }],
    ['a couple of weeks ago', said('a couple of weeks ago'), { from: '2026-11-09', to: '2026-11-15' }],
    // A day, as AMAZON.DATE says it; finding the item allows a couple of days either side.
    ['3 days ago', said('3 days ago'), { from: '2026-11-23', to: '2026-11-23' }],
    ['a few days ago', said('a few days ago'), { from: '2026-11-23', to: '2026-11-23' }],
    ['over the weekend', said('over the weekend'), { from: '2026-11-21', to: '2026-11-22' }],
    ['back in March', said('back in March'), { from: '2026-03-01', to: '2026-03-31' }],
    ['last month', said('last month'), { from: '2026-10-01', to: '2026-10-31' }],
    ['in March', said('in March'), { from: '2026-03-01', to: '2026-03-31' }],
    ['december (not yet this year)', said('december'), { from: '2025-12-01', to: '2025-12-31' }],
    ['on Tuesday', said('on Tuesday'), { from: '2026-11-24', to: '2026-11-24' }],
    ['on Thursday (today)', said('on thursday'), { from: TODAY, to: TODAY }],
    ['last weekend', said('last weekend'), { from: '2026-11-21', to: '2026-11-22' }],
    ['not a time', said('the blue one'), undefined],
  ])('English: %s', (_name, slot, range) => {
    expect(interpretWhen(slot, TODAY, 'en-US')).toEqual(range);
  });

  it.each<[string, { from: string; to: string } | undefined]>([
    ['gestern', { from: '2026-11-25', to: '2026-11-25' }],
    ['vorgestern', { from: '2026-11-24', to: '2026-11-24' }],
    ['letzte Woche', { from: '2026-11-16', to: '2026-11-22' }],
    ['vor zwei Wochen', { from: '2026-11-09', to: '2026-11-15' }],
    ['vor ein paar Tagen', { from: '2026-11-23', to: '2026-11-23' }],
    ['in der vorletzten Woche', { from: '2026-11-09', to: '2026-11-15' }],
    ['letzten Monat', { from: '2026-10-01', to: '2026-10-31' }],
    ['im März', { from: '2026-03-01', to: '2026-03-31' }],
    ['am Dienstag', { from: '2026-11-24', to: '2026-11-24' }],
    ['letztes Wochenende', { from: '2026-11-21', to: '2026-11-22' }],
    ['irgendwann', undefined],
  ])('German: %s', (spoken, range) => {
    expect(interpretWhen(said(spoken), TODAY, 'de-DE')).toEqual(range);
  });
});

describe('withinRange', () => {
  const lastWeek = { from: '2026-11-16', to: '2026-11-22' };
  it.each([
    ['2026-11-16', 0, true],
    ['2026-11-22', 0, true],
    ['2026-11-23', 0, false],
    ['2026-11-24', 2, true],
    ['2026-11-25', 2, false],
    ['2026-11-14', 2, true],
    ['2026-11-13', 2, false],
  ])('%s with %i days of slack: %s', (day, slack, inside) => {
    expect(withinRange(day, lastWeek, slack)).toBe(inside);
  });
});
