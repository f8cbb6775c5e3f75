import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { z } from 'zod';
import { BUNDLED_MODELS } from '../../lambda/understanding/bundled-models';
import type { ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import { understand, understandingOfModel } from '../../lambda/understanding/understanding';
import { type Summary, summarize } from './stats';
import type { TableLine } from './table';

/**
 * The understanding (lambda/understanding): a turn's text → intent and slots, warm, in process;
 * compiling a locale's model, as the first turn in that locale does; and what it weighs in a
 * bundle. No floor: nothing else in the stack reads text.
 */

const SummarySchema = z.object({ median: z.number().nonnegative(), p99: z.number().nonnegative(), n: z.number().int().positive() });

export const UnderstandingSpeedSchema = z.object({
  locales: z.array(
    z.object({
      locale: z.string().min(1),
      /** One understanding of one utterance, warm. */
      turnMs: SummarySchema,
      /** Compiling the bundled model, then the first understanding. */
      compileMs: SummarySchema,
    }),
  ),
  bundle: z.object({
    /** lambda/understanding with both bundled models, self-contained. */
    bytes: z.number().int().positive(),
    gzipBytes: z.number().int().positive(),
    /** The same without zod, which every Lambda bundle carries already: what the understanding adds to one. */
    addedBytes: z.number().int().positive(),
  }),
});

export type UnderstandingSpeedResult = z.infer<typeof UnderstandingSpeedSchema>;

/** What shoppers say, short and long, with the question in progress where there is one. */
const UTTERANCES: Readonly<Record<keyof typeof BUNDLED_MODELS, readonly { readonly text: string; readonly expecting?: readonly ExpectedAnswer[] }[]>> = {
  'en-US': [
    { text: 'where is my order' },
    { text: "where's order ten forty two" },
    { text: 'i want to send back the shoes i got last week they do not fit' },
    { text: 'a waterproof jacket for hiking under 150 dollars' },
    { text: 'reorder my usual coffee' },
    { text: 'can i talk to a real person please' },
    { text: 'medium', expecting: ['size'] },
    { text: 'the second one', expecting: ['item'] },
    { text: 'yes please', expecting: ['confirm'] },
    { text: 'tell me a joke' },
  ],
  'de-DE': [
    { text: 'wo ist meine bestellung' },
    { text: 'wo ist bestellung zehn zweiundvierzig' },
    { text: 'ich möchte die schuhe zurückschicken die ich letzte woche bekommen habe sie passen nicht' },
    { text: 'eine wasserdichte jacke zum wandern unter 150 euro' },
    { text: 'bestell meinen üblichen kaffee nach' },
    { text: 'ich möchte mit einem menschen sprechen' },
    { text: 'mittel', expecting: ['size'] },
    { text: 'den zweiten', expecting: ['item'] },
    { text: 'ja bitte', expecting: ['confirm'] },
    { text: 'erzähl mir einen witz' },
  ],
  'en-GB': [
    { text: "where's my parcel" },
    { text: 'where is order one oh double four two' },
    { text: "i want to send back the trainers i got last week they've come up small" },
    { text: "a waterproof jacket for walking under 150 quid" },
    { text: 'same again please' },
    { text: 'can i speak to someone please' },
    { text: 'medium', expecting: ['size'] },
    { text: 'the second one', expecting: ['item'] },
    { text: 'go on then', expecting: ['confirm'] },
    { text: 'tell me a joke' },
  ],
  'es-ES': [
    { text: 'dónde está mi pedido' },
    { text: 'dónde está el pedido diez cuarenta y dos' },
    { text: 'quiero devolver las zapatillas que me llegaron la semana pasada me quedan pequeñas' },
    { text: 'una chaqueta impermeable para senderismo por menos de 150 euros' },
    { text: 'pídeme mi café de siempre' },
    { text: 'quiero hablar con una persona por favor' },
    { text: 'la mediana', expecting: ['size'] },
    { text: 'el segundo', expecting: ['item'] },
    { text: 'sí por favor', expecting: ['confirm'] },
    { text: 'cuéntame un chiste' },
  ],
  'es-US': [
    { text: 'dónde está mi orden' },
    { text: 'qué pasó con la orden diez cuarenta y dos' },
    { text: 'quiero regresar los tenis que me llegaron la semana pasada me quedan chicos' },
    { text: 'una chamarra impermeable para caminar de menos de 150 dólares' },
    { text: 'pídeme mi café de siempre' },
    { text: 'comuníqueme con un agente por favor' },
    { text: 'la mediana', expecting: ['size'] },
    { text: 'el segundo', expecting: ['item'] },
    { text: 'órale sí', expecting: ['confirm'] },
    { text: 'cuéntame un chiste' },
  ],
  'fr-FR': [
    { text: 'où est ma commande' },
    { text: 'où en est la commande dix quarante-deux' },
    { text: "je veux renvoyer les chaussures que j'ai reçues la semaine dernière elles sont trop petites" },
    { text: 'une veste imperméable pour la randonnée à moins de 150 euros' },
    { text: 'recommande mon café habituel' },
    { text: 'je voudrais parler à un conseiller' },
    { text: 'en M', expecting: ['size'] },
    { text: 'le deuxième', expecting: ['item'] },
    { text: "oui s'il vous plaît", expecting: ['confirm'] },
    { text: 'raconte-moi une blague' },
  ],
  'it-IT': [
    { text: "dov'è il mio ordine" },
    { text: "a che punto è l'ordine dieci quarantadue" },
    { text: 'vorrei restituire le scarpe che mi sono arrivate la settimana scorsa mi stanno strette' },
    { text: 'una giacca impermeabile per il trekking sotto i 150 euro' },
    { text: 'riordina il mio solito caffè' },
    { text: 'vorrei parlare con un operatore per favore' },
    { text: 'media', expecting: ['size'] },
    { text: 'il secondo', expecting: ['item'] },
    { text: 'sì grazie', expecting: ['confirm'] },
    { text: 'raccontami una barzelletta' },
  ],
};

const TODAY = '2026-11-26';

function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

async function bundleBytes(repoRoot: string, external: readonly string[]): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'lambda/understanding/understanding.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    write: false,
    external: [...external],
    logLevel: 'error',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('bench: esbuild wrote no understanding bundle');
  return output.contents;
}

export async function measureUnderstandingSpeed(mode: 'full' | 'smoke', repoRoot: string, log: (line: string) => void): Promise<UnderstandingSpeedResult> {
  const rounds = mode === 'smoke' ? 2 : 200;
  const compiles = mode === 'smoke' ? 1 : 10;
  const locales: { locale: string; turnMs: Summary; compileMs: Summary }[] = [];
  for (const [locale, utterances] of Object.entries(UTTERANCES)) {
    log(`understanding: ${locale}, ${compiles} compiles and ${rounds} rounds of ${utterances.length} utterances`);
    const model = BUNDLED_MODELS[locale as keyof typeof BUNDLED_MODELS];
    const compileMs = Array.from({ length: compiles }, () => timed(() => understandingOfModel(model, locale).read('hello')));
    const read = (utterance: (typeof utterances)[number]) =>
      understand({ text: utterance.text, locale, today: TODAY, ...(utterance.expecting ? { expecting: utterance.expecting } : {}) });
    for (const utterance of utterances) read(utterance);
    const turnMs: number[] = [];
    for (let round = 0; round < rounds; round += 1) for (const utterance of utterances) turnMs.push(timed(() => read(utterance)));
    locales.push({ locale, turnMs: summarize(turnMs), compileMs: summarize(compileMs) });
  }
  const whole = await bundleBytes(repoRoot, []);
  const added = await bundleBytes(repoRoot, ['zod']);
  return { locales, bundle: { bytes: whole.byteLength, gzipBytes: gzipSync(whole).byteLength, addedBytes: added.byteLength } };
}

const ms = (summary: Summary) => `${Number(summary.median.toPrecision(3))} / ${Number(summary.p99.toPrecision(3))} ms`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;

export function understandingLines(result: UnderstandingSpeedResult): TableLine[] {
  const turns = result.locales[0]?.turnMs.n ?? 0;
  return [
    { kind: 'section', title: `Understanding text (lambda/understanding), in process (${turns.toLocaleString('en-US')} turns per locale; no floor)` },
    ...result.locales.flatMap((entry): TableLine[] => [
      { kind: 'row', cells: [`${entry.locale}: one turn, warm`, ms(entry.turnMs), '', ''] },
      { kind: 'row', cells: [`${entry.locale}: compiling the model + first turn`, ms(entry.compileMs), '', ''] },
    ]),
    { kind: 'row', cells: ['bundle, gzipped (both models)', `${kilobytes(result.bundle.bytes)}, ${kilobytes(result.bundle.gzipBytes)}`, '', ''] },
    { kind: 'row', cells: ['added to a Lambda bundle (it has zod already)', kilobytes(result.bundle.addedBytes), '', ''] },
  ];
}
