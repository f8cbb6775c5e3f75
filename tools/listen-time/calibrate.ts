import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLATFORMS } from '../bench/conversations';
import { CALIBRATED, type ListenTimeConstants, SPEAKING_RATE_WPM } from './estimate';
import { espeakSeconds } from './espeak';
import { fitConstants, fitError, type FitError, type Measured } from './fit';
import { type Language, LANGUAGES, languageOf } from './number-words';
import { measurePauses } from './pause-probes';
import { collectReplies, type CorpusReply } from './reply-corpus';
import { spokenForm } from './spoken-form';

/**
 * `npm run listen:calibrate`: says the journeys of tools/listen-time/reply-corpus.ts on both
 * platforms in every locale the language packs speak, renders every distinct reply with espeak-ng
 * (the locale's own voice) at its platform's rate, measures the punctuation pauses on probe
 * phrases, fits the word, syllable and spelled-character costs per language to the measured
 * durations, and prints how far the committed constants and the fitted ones are from the
 * measurements, per platform and per locale. The constants are committed by hand
 * (tools/listen-time/estimate.ts), with the figures this prints.
 */

/** espeak-ng renders one reply at a time per process; two at once keep a 2-core machine busy. */
const PARALLEL = 2;

async function measureAll(replies: readonly CorpusReply[], workDir: string, log: (line: string) => void) {
  const measured: (Measured & { readonly reply: CorpusReply })[] = [];
  let next = 0;
  async function worker() {
    while (next < replies.length) {
      const index = next;
      next += 1;
      const reply = replies[index]!;
      const wordsPerMinute = SPEAKING_RATE_WPM[reply.platform];
      const seconds = await espeakSeconds(reply.ssml, { locale: reply.locale, wordsPerMinute, workDir, name: `reply-${index}` });
      measured.push({ reply, features: spokenForm(reply.ssml, reply.locale).features, wordsPerMinute, seconds });
      if (measured.length % 50 === 0) log(`rendered ${measured.length} of ${replies.length}`);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return measured;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const describe = (error: FitError) =>
  `${error.replies} replies: median error ${percent(error.medianRelative)}, max ${percent(error.maxRelative)}, bias ${error.meanBias >= 0 ? '+' : ''}${percent(error.meanBias)}`;

const constantsLine = (constants: ListenTimeConstants) => `{ ${Object.entries(constants).map(([key, value]) => `${key}: ${value}`).join(', ')} }`;

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`listen:calibrate: ${line}\n`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'shopvoice-listen-calibrate-'));
  try {
    const dataDir = path.join(root, 'data');
    const workDir = path.join(root, 'wav');
    mkdirSync(dataDir);
    mkdirSync(workDir);
    log('saying the journeys to a fresh demo store');
    const all = await collectReplies(dataDir);
    const distinct = [...new Map(all.map((reply) => [`${reply.platform}|${reply.locale}|${reply.ssml}`, reply])).values()];
    log(`${all.length} replies, ${distinct.length} distinct; rendering them with espeak-ng`);
    const measured = await measureAll(distinct, workDir, log);
    const lines = [
      `Calibration against espeak-ng (${new Date().toISOString().slice(0, 10)}): ${distinct.length} distinct replies of ${all.length}, Alexa at ${SPEAKING_RATE_WPM.alexa} wpm, Google at ${SPEAKING_RATE_WPM.google} wpm`,
    ];
    const fittedByLanguage: Partial<Record<Language, ListenTimeConstants>> = {};
    for (const language of LANGUAGES) {
      const samples = measured.filter((sample) => languageOf(sample.reply.locale) === language);
      if (samples.length === 0) continue;
      const pauses = await measurePauses(language, PLATFORMS.map((platform) => SPEAKING_RATE_WPM[platform]), workDir);
      const fitted = fitConstants(samples, pauses);
      fittedByLanguage[language] = fitted;
      const byPlatform = (constants: ListenTimeConstants) =>
        PLATFORMS.map((platform) => `      ${platform} at ${SPEAKING_RATE_WPM[platform]} wpm: ${describe(fitError(samples.filter((sample) => sample.reply.platform === platform), constants))}`);
      // Fitted at one rate and checked at the other: does the estimate scale with the speaking rate?
      const alexaOnly = fitConstants(samples.filter((sample) => sample.reply.platform === 'alexa'), pauses);
      // One set of constants per language serves every locale of it (en-US and en-GB, es-ES and es-US): each is checked on its own.
      const locales = [...new Set(samples.map((sample) => sample.reply.locale))].sort();
      const byLocale = (constants: ListenTimeConstants) =>
        locales.length < 2 ? [] : locales.map((locale) => `      ${locale}: ${describe(fitError(samples.filter((sample) => sample.reply.locale === locale), constants))}`);
      lines.push(
        `  ${language}:`,
        `    committed constants: ${describe(fitError(samples, CALIBRATED[language]))}`,
        ...byPlatform(CALIBRATED[language]),
        ...byLocale(CALIBRATED[language]),
        `    pauses measured on probe phrases: clause ${pauses.perClausePause}, sentence ${pauses.perSentencePause} beats`,
        `    fitted constants:    ${describe(fitError(samples, fitted))}`,
        ...byPlatform(fitted),
        ...byLocale(fitted),
        `    fitted on Alexa's replies only, checked on Google's: ${describe(fitError(samples.filter((sample) => sample.reply.platform === 'google'), alexaOnly))}`,
      );
    }
    lines.push(
      '',
      'Fitted constants (beats; paste into CALIBRATED in tools/listen-time/estimate.ts with these figures):',
      ...Object.entries(fittedByLanguage).map(([language, constants]) => `  ${language}: ${constantsLine(constants)},`),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
