import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { INTENT_SLOTS, INTENTS } from '../../lambda/core/intents';
import { EXPECTED_ANSWERS, type ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import { languageOf } from '../../lambda/understanding/languages/languages';
import { numbersIn } from '../../lambda/understanding/spoken-numbers';
import { tokenize } from '../../lambda/understanding/tokens';
import type { UnderstoodSlot } from '../../lambda/understanding/understanding';

/**
 * The sets of shopper phrasings the understanding is scored on, and how a reading of them is
 * scored. Shared by the evaluation test, `npm run nlu:dev` and `tools/nlu/compare-libraries.ts`.
 * - `evaluation` (test/understanding/evaluation/): held out. Written without looking at the samples,
 *   never used to make or tune them, and only its accuracy is printed, never its phrasings.
 * - `development` (test/understanding/development/): written the same way by someone else; its
 *   misses are there to be read, to find which kinds of phrasing the understanding gets wrong.
 */
export type PhrasingSet = 'evaluation' | 'development';

const setDirectory = (set: PhrasingSet) => path.resolve(__dirname, '..', '..', 'test', 'understanding', set);

/** The day the set's relative dates count from: Thursday 2026-11-26. */
export const EVALUATION_TODAY = '2026-11-26';

const SLOT_NAMES = [...new Set(Object.values(INTENT_SLOTS).flat())] as [string, ...string[]];

const CaseSchema = z
  .object({
    say: z.string().min(1),
    asked: z.enum(EXPECTED_ANSWERS).optional(),
    intent: z.enum(INTENTS),
    slots: z.partialRecord(z.enum(SLOT_NAMES), z.union([z.string(), z.number()]).transform(String)).optional(),
  })
  .strict();

export interface EvaluationCase {
  readonly say: string;
  readonly asked?: ExpectedAnswer;
  readonly intent: string;
  readonly slots: Readonly<Record<string, string>>;
}

export function evaluationLocales(set: PhrasingSet = 'evaluation'): readonly string[] {
  return fs
    .readdirSync(setDirectory(set))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

/** A phrasing that mixes two languages, heard on a line whose language is `locale`. */
export interface MixedCase extends EvaluationCase {
  readonly locale: string;
}

const MIXED_SET = path.resolve(__dirname, '..', '..', 'test', 'understanding', 'code-switching', 'mixed.yaml');

/** The code-switching set (test/understanding/code-switching/): held out like the evaluation set. */
export function loadMixedSet(): readonly MixedCase[] {
  const cases = z.array(CaseSchema.extend({ locale: z.string() })).parse(parse(fs.readFileSync(MIXED_SET, 'utf8')));
  return cases.map(({ slots, ...entry }) => ({
    ...entry,
    slots: Object.fromEntries(Object.entries(slots ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]]))),
  }));
}

export function loadEvaluationSet(locale: string, set: PhrasingSet = 'evaluation'): readonly EvaluationCase[] {
  const cases = z.array(CaseSchema).parse(parse(fs.readFileSync(path.join(setDirectory(set), `${locale}.yaml`), 'utf8')));
  return cases.map(({ slots, ...entry }) => ({
    ...entry,
    slots: Object.fromEntries(Object.entries(slots ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]]))),
  }));
}

/** What one way of understanding made of a case. */
export interface Prediction {
  readonly intent: string;
  readonly slots: Readonly<Record<string, UnderstoodSlot>>;
}

/** How a slot is compared: by the words said, by the value id the type resolves, or by the number or date value. */
const COMPARED_BY: Readonly<Record<string, 'words' | 'id' | 'value'>> = {
  item: 'words',
  query: 'words',
  refinement: 'words',
  reason: 'id',
  size: 'id',
  ordinal: 'id',
  lastOrder: 'id',
  orderNumber: 'value',
  quantity: 'value',
  pin: 'value',
  sizeNumber: 'value',
  date: 'value',
};

/** Lowercase, punctuation and articles dropped, number words read as digits, spelling folded. */
export function normalised(text: string, locale: string): string {
  const language = languageOf(locale);
  const words = tokenize(text, language)
    .tokens.map((token) => token.word)
    .filter((word) => !language.articles.includes(word));
  return numbersIn(words, language.numbers)
    .map((token) => (token.kind === 'number' ? String(token.value) : token.text))
    .join(' ');
}

function slotText(name: string, slot: UnderstoodSlot): string {
  const by = COMPARED_BY[name] ?? 'words';
  if (by === 'id') return slot.id ?? slot.value;
  if (by === 'value') return slot.value;
  return slot.spoken;
}

function slotRight(name: string, expected: string, got: UnderstoodSlot | undefined, locale: string): boolean {
  return got !== undefined && normalised(slotText(name, got), locale) === normalised(expected, locale);
}

export interface CaseResult {
  readonly case: EvaluationCase;
  readonly prediction: Prediction;
  readonly intentRight: boolean;
  /** Undefined when the case expects no slot and none was filled: nothing to score. */
  readonly slotsRight?: boolean;
  /** Per expected slot: right or not. */
  readonly slotResults: Readonly<Record<string, boolean>>;
}

export function scoreCase(testCase: EvaluationCase, prediction: Prediction, locale: string): CaseResult {
  const expectedNames = Object.keys(testCase.slots);
  const slotResults = Object.fromEntries(
    expectedNames.map((name) => [name, slotRight(name, testCase.slots[name] ?? '', prediction.slots[name], locale)]),
  );
  const unexpected = Object.keys(prediction.slots).filter((name) => !expectedNames.includes(name));
  const scored = expectedNames.length > 0 || unexpected.length > 0;
  return {
    case: testCase,
    prediction,
    intentRight: prediction.intent === testCase.intent,
    ...(scored ? { slotsRight: unexpected.length === 0 && Object.values(slotResults).every(Boolean) } : {}),
    slotResults,
  };
}

interface Tally {
  right: number;
  total: number;
}

export interface LocaleReport {
  readonly locale: string;
  readonly cases: number;
  readonly intent: Tally;
  /** Cases where a slot was expected or filled, and every slot was exactly right with none extra. */
  readonly slots: Tally;
  readonly perIntent: ReadonlyMap<string, Tally>;
  readonly perSlot: ReadonlyMap<string, Tally>;
  readonly results: readonly CaseResult[];
}

function count(tallies: Map<string, Tally>, key: string, right: boolean): void {
  const tally = tallies.get(key) ?? { right: 0, total: 0 };
  tally.total += 1;
  if (right) tally.right += 1;
  tallies.set(key, tally);
}

export function scoreSet(locale: string, cases: readonly EvaluationCase[], predict: (testCase: EvaluationCase) => Prediction): LocaleReport {
  const results = cases.map((testCase) => scoreCase(testCase, predict(testCase), locale));
  const perIntent = new Map<string, Tally>();
  const perSlot = new Map<string, Tally>();
  for (const result of results) {
    count(perIntent, result.case.intent, result.intentRight);
    for (const [name, right] of Object.entries(result.slotResults)) count(perSlot, name, right);
  }
  const withSlots = results.filter((result) => result.slotsRight !== undefined);
  return {
    locale,
    cases: results.length,
    intent: { right: results.filter((result) => result.intentRight).length, total: results.length },
    slots: { right: withSlots.filter((result) => result.slotsRight).length, total: withSlots.length },
    perIntent,
    perSlot,
    results,
  };
}

export const share = ({ right, total }: Tally): number => (total === 0 ? 1 : right / total);
const percent = (tally: Tally) => `${(share(tally) * 100).toFixed(1)}%`;
const row = (name: string, tally: Tally) => `    ${name.padEnd(24)} ${`${tally.right}/${tally.total}`.padStart(7)}  ${percent(tally).padStart(6)}`;

function describeSlots(slots: Readonly<Record<string, UnderstoodSlot | string>>, locale: string): string {
  const entries = Object.entries(slots).map(([name, slot]) => `${name}=${typeof slot === 'string' ? slot : normalised(slotText(name, slot), locale)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** The report as text: totals, per intent, per slot, and every miss unless the set is held out. */
export function reportLines(report: LocaleReport, title: string, { misses }: { readonly misses: boolean }): string[] {
  const lines = [
    `${title} — ${report.locale}: intent ${report.intent.right}/${report.intent.total} = ${percent(report.intent)}, slots exactly right ${report.slots.right}/${report.slots.total} = ${percent(report.slots)}`,
    '  per intent:',
    ...[...report.perIntent].sort(([a], [b]) => a.localeCompare(b)).map(([name, tally]) => row(name, tally)),
    '  per slot (cases expecting it):',
    ...[...report.perSlot].sort(([a], [b]) => a.localeCompare(b)).map(([name, tally]) => row(name, tally)),
  ];
  if (!misses) return lines;
  const intentMisses = report.results.filter((result) => !result.intentRight);
  const slotMisses = report.results.filter((result) => result.intentRight && result.slotsRight === false);
  if (intentMisses.length > 0) lines.push('  intent misses:');
  for (const { case: testCase, prediction } of intentMisses) {
    const asked = testCase.asked ? ` [asked ${testCase.asked}]` : '';
    lines.push(`    "${testCase.say}"${asked} → ${prediction.intent}, expected ${testCase.intent}`);
  }
  if (slotMisses.length > 0) lines.push('  slot misses (intent right):');
  for (const { case: testCase, prediction } of slotMisses) {
    const asked = testCase.asked ? ` [asked ${testCase.asked}]` : '';
    lines.push(`    "${testCase.say}"${asked} → ${describeSlots(prediction.slots, report.locale)}, expected ${describeSlots(testCase.slots, report.locale)}`);
  }
  return lines;
}
