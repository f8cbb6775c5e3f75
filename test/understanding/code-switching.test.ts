import { isUnderstoodLocale, understand } from '../../lambda/understanding/understanding';
import { EVALUATION_TODAY, loadMixedSet, type LocaleReport, reportLines, scoreSet, share } from '../../tools/nlu/evaluation';

/**
 * Shoppers who mix languages in one sentence ("dónde está my order", "ich will die shoes
 * zurückschicken"), read by the understanding of the line's locale. The set is held out like the
 * evaluation set: only its totals are printed.
 */
const cases = loadMixedSet();
const locales = [...new Set(cases.map((testCase) => testCase.locale))].sort();

it('has a language pack for every line the set was written for', () => {
  expect(locales.filter((locale) => !isUnderstoodLocale(locale))).toEqual([]);
});
const reports: LocaleReport[] = [];

afterAll(() => {
  const printed = reports.flatMap((report) => [...reportLines(report, 'Understanding of mixed-language phrasings', { misses: false }), '']);
  if (printed.length > 0) process.stdout.write(`\n${printed.join('\n')}\n`);
});

it.each(locales.filter(isUnderstoodLocale))('reads phrasings that mix English into %s', (locale) => {
  const report = scoreSet(
    locale,
    cases.filter((testCase) => testCase.locale === locale),
    (testCase) => understand({ text: testCase.say, locale, today: EVALUATION_TODAY, ...(testCase.asked ? { expecting: [testCase.asked] } : {}) }),
  );
  reports.push(report);
  expect(share(report.intent)).toBeGreaterThanOrEqual(0);
});

describe('a locale whose shoppers mix in another language', () => {
  it('reads a sentence half in each when its own words alone are unsure', () => {
    const mixed = understand({ text: 'wo ist denn my package', locale: 'de-DE' });
    expect(mixed.intent).toBe('OrderStatusIntent');
    expect(understand({ text: 'wo ist denn my package', locale: 'de-DE', ownWordsOnly: true }).confidence).toBeLessThan(mixed.confidence);
  });

  it('keeps its own reading when that is sure, and leaves locales that mix nothing in alone', () => {
    expect(understand({ text: 'wo ist meine bestellung', locale: 'de-DE' })).toEqual(understand({ text: 'wo ist meine bestellung', locale: 'de-DE', ownWordsOnly: true }));
    expect(understand({ text: 'dónde está mi pedido', locale: 'en-US' })).toEqual(understand({ text: 'dónde está mi pedido', locale: 'en-US', ownWordsOnly: true }));
  });
});
