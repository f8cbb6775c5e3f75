import { understand } from '../../lambda/understanding/understanding';
import { EVALUATION_TODAY, evaluationLocales, loadEvaluationSet, reportLines, scoreSet } from './evaluation';

/**
 * `npm run nlu:dev [locale…]`: the understanding on the development set, with every miss, to find
 * which kinds of phrasing it gets wrong. Fixes come from reasoning about how shoppers talk; the
 * held-out evaluation set is never printed (see test/understanding/evaluation/README.md).
 */
const asked = process.argv.slice(2);
const locales = asked.length > 0 ? asked : evaluationLocales('development');
for (const locale of locales) {
  const report = scoreSet(locale, loadEvaluationSet(locale, 'development'), (testCase) =>
    understand({ text: testCase.say, locale, today: EVALUATION_TODAY, ...(testCase.asked ? { expecting: [testCase.asked] } : {}) }),
  );
  process.stdout.write(`${reportLines(report, 'Understanding on the development set', { misses: true }).join('\n')}\n\n`);
}
