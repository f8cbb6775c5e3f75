import path from 'node:path';
import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { Nlp, type NlpManager } from '@nlpjs/nlp';
import { build } from 'esbuild';
import { BUNDLED_MODELS } from '../../lambda/understanding/bundled-models';
import { calendarDayOfKey } from '../../lambda/understanding/calendar';
import { answeringIntents } from '../../lambda/understanding/expected-answers';
import type { LanguageModel } from '../../lambda/understanding/language-model';
import { createUnderstander, type Reading } from '../../lambda/understanding/understand';
import { type ModelUnderstanding, understandingOfModel, understoodFrom } from '../../lambda/understanding/understanding';
import { EVALUATION_TODAY, type EvaluationCase, evaluationLocales, loadEvaluationSet, type Prediction, scoreSet, share } from './evaluation';

/**
 * `npm run nlu:compare`: the understanding's own matcher against a well-kept library, nlp.js
 * (`@nlpjs/nlp`, the classifier Jovo uses), on the evaluation set. nlp.js is trained on the same
 * generated model samples, each slot filled with values of its type; it classifies the intent and
 * the matcher's slot grammar fills the slots of that intent alone (nlp.js reads no spoken numbers
 * or dates). Both get the same question in progress: a bare answer to it wins, and answering
 * intents are preferred. Prints a Markdown table for the README.
 */

const ROOT = path.resolve(__dirname, '..', '..');
/** Below this classification score nlp.js has not understood (its own default). */
const NLPJS_THRESHOLD = 0.5;
/** The same preference for an answer to the open question as the matcher gives (understand.ts). */
const ANSWER_PREFERENCE = 0.12;
const FALLBACK = 'AMAZON.FallbackIntent';

interface Row {
  readonly approach: string;
  readonly locale: string;
  readonly intent: number;
  readonly slots: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly coldMs: number;
}

/** What a slot of each built-in type is filled with in the training phrases. */
function builtInValues(english: boolean, model: LanguageModel): Readonly<Record<string, readonly string[]>> {
  const items = model.types.get('ShoppingItem')?.values.flatMap((value) => value.phrases.map((phrase) => phrase.join(' '))) ?? [];
  return {
    'AMAZON.NUMBER': english ? ['ten forty two', 'two', '3'] : ['zehn zweiundvierzig', 'zwei', '3'],
    'AMAZON.FOUR_DIGIT_NUMBER': english ? ['one two three four', '4321'] : ['eins zwei drei vier', '4321'],
    'AMAZON.DATE': english ? ['last week', 'yesterday', 'on monday'] : ['letzte woche', 'gestern', 'am montag'],
    'AMAZON.SearchQuery': items,
  };
}

/** The model's samples as training phrases: each sample with slots three times, slots filled in turn. */
function trainingPhrases(model: LanguageModel): [text: string, intent: string][] {
  const builtIns = builtInValues(model.locale.startsWith('en'), model);
  const phrases: [string, string][] = [];
  let turn = 0;
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      const variants = sample.text.includes('{') ? 3 : 1;
      for (let variant = 0; variant < variants; variant += 1) {
        const text = sample.text.replace(/\{(\w+)\}/g, (_whole, slot: string) => {
          const type = intent.slots.get(slot) ?? '';
          const values = model.types.get(type)?.values.flatMap((value) => value.phrases.map((phrase) => phrase.join(' '))) ?? builtIns[type] ?? [];
          turn += 1;
          return values[(turn * 7) % Math.max(1, values.length)] ?? '';
        });
        phrases.push([text, intent.name]);
      }
    }
  }
  return phrases;
}

function quantiles(times: number[]): { p50Ms: number; p95Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** Scores one approach: a warm-up pass, then a timed pass whose predictions are scored. */
async function measure(approach: string, locale: string, cases: readonly EvaluationCase[], coldMs: number, predict: (testCase: EvaluationCase) => Promise<Prediction>): Promise<Row> {
  for (const testCase of cases) await predict(testCase);
  const predictions = new Map<EvaluationCase, Prediction>();
  const times: number[] = [];
  for (const testCase of cases) {
    const [prediction, ms] = await timed(() => predict(testCase));
    predictions.set(testCase, prediction);
    times.push(ms);
  }
  const report = scoreSet(locale, cases, (testCase) => predictions.get(testCase) ?? { intent: 'FallbackIntent', slots: {} });
  return { approach, locale, intent: share(report.intent), slots: share(report.slots), ...quantiles(times), coldMs };
}

const today = () => calendarDayOfKey(EVALUATION_TODAY);
const contextOf = (testCase: EvaluationCase) => ({ today, ...(testCase.asked ? { expecting: [testCase.asked] } : {}) });

async function measureMatcher(locale: string, cases: readonly EvaluationCase[]): Promise<Row> {
  const [understanding, coldMs] = await timed(() => {
    const compiled = understandingOfModel(BUNDLED_MODELS[locale as keyof typeof BUNDLED_MODELS], locale);
    compiled.read('hello');
    return compiled;
  });
  return measure('matcher (lambda/understanding)', locale, cases, coldMs, async (testCase) => understoodFrom(understanding.read(testCase.say, contextOf(testCase))));
}

async function trainNlpjs(model: LanguageModel, language: string): Promise<NlpManager> {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  container.use(LangDe);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.nluManager.settings.log = false;
  nlp.addLanguage(language);
  for (const [text, intent] of trainingPhrases(model)) nlp.addDocument(language, text, intent);
  await nlp.train();
  return nlp;
}

async function measureNlpjs(locale: string, cases: readonly EvaluationCase[]): Promise<Row & { exportedKb: number }> {
  const language = locale.slice(0, 2);
  const [{ nlp, understanding, slotGrammar }, coldMs] = await timed(async () => {
    const compiled: ModelUnderstanding = understandingOfModel(BUNDLED_MODELS[locale as keyof typeof BUNDLED_MODELS], locale);
    const trained = await trainNlpjs(compiled.model, language);
    // The slots of one intent: the matcher over a model holding that intent alone.
    const grammar = new Map(
      compiled.model.intents
        .filter((intent) => intent.samples.length > 0)
        .map((intent) => [intent.name, createUnderstander({ ...compiled.model, intents: [intent] }, { dateLean: 'past' })]),
    );
    return { nlp: trained, understanding: compiled, slotGrammar: grammar };
  });
  const row = await measure(`nlp.js ${language === 'de' ? '+ @nlpjs/lang-de ' : ''}intent + matcher slots`, locale, cases, coldMs, async (testCase) => {
    const context = contextOf(testCase);
    const bare = understanding.read(testCase.say, context);
    if (bare.bareAnswer) return understoodFrom(bare);
    const answering = new Set(answeringIntents(understanding.model, context.expecting ?? []).map((intent) => intent.name));
    const { classifications } = await nlp.process(language, testCase.say);
    const best = classifications
      .map((entry) => ({ ...entry, preferred: entry.score + (answering.has(entry.intent) ? ANSWER_PREFERENCE : 0) }))
      .sort((a, b) => b.preferred - a.preferred)[0];
    const intent = best && best.intent !== 'None' && best.score >= NLPJS_THRESHOLD ? best.intent : FALLBACK;
    const reading: Reading | undefined = slotGrammar.get(intent)?.(testCase.say, context);
    return understoodFrom({ intent, slotNames: [], slots: reading?.intent === intent ? reading.slots : [], confidence: best?.score ?? 0, candidates: [] });
  });
  return { ...row, exportedKb: Buffer.byteLength(nlp.export(true)) / 1024 };
}

/** Minified bundle size of a module, as esbuild would put it in a Lambda package. */
async function bundleKb(contents: string, external: readonly string[] = []): Promise<number> {
  const result = await build({
    external: [...external],
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return (result.outputFiles[0]?.contents.byteLength ?? 0) / 1024;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const ms = (value: number) => value.toFixed(2);

async function main(): Promise<void> {
  const rows: Row[] = [];
  const exported: string[] = [];
  for (const locale of evaluationLocales()) {
    const cases = loadEvaluationSet(locale);
    rows.push(await measureMatcher(locale, cases));
    const nlpjs = await measureNlpjs(locale, cases);
    rows.push(nlpjs);
    exported.push(`${locale} ${nlpjs.exportedKb.toFixed(0)} KB`);
  }
  const understanding = "export * from './lambda/understanding/understanding';";
  const matcherKb = await bundleKb(understanding);
  // Every Lambda bundle has zod already (the session state is checked with it).
  const matcherAddedKb = await bundleKb(understanding, ['zod']);
  const nlpjsKb = await bundleKb("export * from '@nlpjs/core'; export * from '@nlpjs/nlp'; export * from '@nlpjs/lang-en'; export * from '@nlpjs/lang-de';");
  const lines = [
    '| Locale | Approach | Intent | Slots exactly right | Warm p50 / p95 | Cold (compile or train) |',
    '|---|---|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.locale} | ${row.approach} | ${percent(row.intent)} | ${percent(row.slots)} | ${ms(row.p50Ms)} / ${ms(row.p95Ms)} ms | ${row.coldMs.toFixed(0)} ms |`),
    '',
    `Bundle (esbuild, minified): the understanding with both bundled models ${matcherKb.toFixed(0)} KB alone, ${matcherAddedKb.toFixed(0)} KB added to a Lambda bundle (which has zod already); nlp.js with lang-en and lang-de ${nlpjsKb.toFixed(0)} KB on top of that (its slots are the matcher's), plus a trained model to ship unless it trains at cold start (${exported.join(', ')}).`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
