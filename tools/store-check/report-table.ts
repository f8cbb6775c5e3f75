import type { CheckLog, CheckResult, Verdict } from './check-log';

const LABELS: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', skip: 'skip' };

/** Notes are wrapped to this width under their row, so a terminal shows the table unbroken. */
const NOTE_WIDTH = 100;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * One row per check: the operation, what was checked and the result; under a failure, what the
 * store did and what to fix, and under a skip, why. Then the operations that failed, and the count.
 */
export function formatCheckTable(log: CheckLog, heading: string): string {
  const results: readonly CheckResult[] = log.results;
  const subjectWidth = Math.max('operation'.length, ...results.map((result) => result.subject.length));
  const checkWidth = Math.max('check'.length, ...results.map((result) => result.check.length));
  const row = (subject: string, check: string, verdict: string) => `${subject.padEnd(subjectWidth)}  ${check.padEnd(checkWidth)}  ${verdict}`;
  const lines = [heading, '', row('operation', 'check', 'result'), row('-'.repeat(subjectWidth), '-'.repeat(checkWidth), '------')];
  for (const result of results) {
    lines.push(row(result.subject, result.check, LABELS[result.verdict]));
    const marker = result.verdict === 'fail' ? '→ ' : '  ';
    wrap(result.note ?? '', NOTE_WIDTH).forEach((part, index) => lines.push(`${' '.repeat(subjectWidth + 2)}${index === 0 ? marker : '  '}${part}`));
  }
  const broken = [...new Set(results.filter((result) => result.verdict === 'fail').map((result) => result.subject))];
  lines.push('');
  if (broken.length > 0) lines.push(`Broken: ${broken.join(', ')}`);
  lines.push(`${log.count('pass')} passed, ${log.count('fail')} failed, ${log.count('skip')} skipped`);
  return `${lines.join('\n')}\n`;
}
