import { understand } from '../../lambda/understanding/understanding';
import {
  EVALUATION_TODAY,
  evaluationLocales,
  type LocaleReport,
  loadEvaluationSet,
  reportLines,
  scoreSet,
  share,
} from '../../tools/nlu/evaluation';

/**
 * The understanding on the evaluation set (test/understanding/evaluation/): phrasings written the
 * way shoppers talk, without looking at the samples, and never used to make or tune them. Every
 * case goes through the product's understanding with its question in progress; the accuracy per
 * locale, per intent and per slot, and every miss, are printed after the tests.
 *
 * The floors sit a little below what the understanding reaches today, so a change that loses
 * ground fails. The goal is 95% of intents and 90% of slots exactly right in every locale.
 */
const FLOORS: Readonly<Record<string, { readonly intent: number; readonly slots: number }>> = {
  'en-US': { intent: 0.87, slots: 0.76 },
  'de-DE': { intent: 0.85, slots: 0.72 },
};

const reports: LocaleReport[] = [];

afterAll(() => {
  // Written straight to stdout: jest shows it below the results, with or without --silent.
  const printed = reports.flatMap((report) => [...reportLines(report, 'Understanding on the evaluation set'), '']);
  if (printed.length > 0) process.stdout.write(`\n${printed.join('\n')}\n`);
});

describe('the understanding on the evaluation set', () => {
  it('has a set for every locale with a floor, and a floor for every set', () => {
    expect(evaluationLocales()).toEqual(Object.keys(FLOORS).sort());
  });

  it.each(Object.keys(FLOORS))('reads %s at least as well as before', (locale) => {
    const cases = loadEvaluationSet(locale);
    const report = scoreSet(locale, cases, (testCase) =>
      understand({
        text: testCase.say,
        locale,
        today: EVALUATION_TODAY,
        ...(testCase.asked ? { expecting: [testCase.asked] } : {}),
      }),
    );
    reports.push(report);
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(share(report.intent)).toBeGreaterThanOrEqual(FLOORS[locale]?.intent ?? 1);
    expect(share(report.slots)).toBeGreaterThanOrEqual(FLOORS[locale]?.slots ?? 1);
  });
});
