import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { LOCALES } from '../../lambda/speech/i18n';
import { CONVERSATIONS, readAnswer } from './conversations';
import { shopvoiceServerSettings } from './http-fixtures';
import { type RecordingStoreApi, startRecordingStoreApi } from './recording-store-api';
import { alexaLaunch, type SpokenTurn } from './requests';
import { inSequence, ROUND_TRIP_SCRIPT, roundTripBudget, type ScriptedTurn } from './round-trip-script';
import { summarize } from './stats';
import type { TableLine } from './table';
import type { Workspace } from './workspace';

/**
 * Store round trips per turn: the skill over STORE_ADAPTER=http in this process, the store API
 * (tools/store-server over an in-memory demo store) behind a stand-in for the network that holds
 * every request `storeDelayMs`, and issue 23's script said in Alexa envelopes through the express
 * app. Each run is a new container: a fresh store, a fresh server and data dir, its start-up
 * reads done before the first turn. Per turn: the requests, how many followed one another, and
 * the time from request to answer.
 */

export interface RoundTripSettings {
  readonly runs: number;
  readonly storeDelayMs: number;
}

const Range = z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() });

export const RoundTripsSchema = z.object({
  storeDelayMs: z.number().nonnegative(),
  runs: z.number().int().positive(),
  turns: z
    .array(
      z.object({
        label: z.string().min(1),
        writes: z.boolean(),
        /** Round trips in sequence the turn may need (round-trip-script.ts). */
        budget: z.number().int().positive(),
        /** What the store was asked, in the first run: operation ids of commerce-api.yaml. */
        operations: z.array(z.string()),
        requests: Range,
        inSequence: Range,
        ms: z.object({ median: z.number().nonnegative(), p99: z.number().nonnegative(), n: z.number().int().positive() }),
      }),
    )
    .min(1),
});
export type RoundTripsResult = z.infer<typeof RoundTripsSchema>;

interface TurnSample {
  readonly operations: readonly string[];
  readonly inSequence: number;
  readonly ms: number;
}

async function startUpReadsAnswered(store: RecordingStoreApi): Promise<void> {
  const answered = () => store.requests.filter((request) => request.operation === 'catalogVocabulary' && request.answeredAt !== undefined).length;
  const deadline = performance.now() + 10_000;
  while (answered() < LOCALES.length) {
    if (performance.now() > deadline) throw new Error('bench: the store adapter did not read the catalog vocabulary as it started');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function post(baseUrl: string, body: object): Promise<unknown> {
  const response = await fetch(`${baseUrl}/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`bench: POST /alexa answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** One run: every scripted turn in a new container; a list of samples, in script order. */
async function runScript(dataDir: string, settings: RoundTripSettings): Promise<TurnSample[]> {
  const store = await startRecordingStoreApi({ delayMs: settings.storeDelayMs });
  const serverSettings = { ...shopvoiceServerSettings(dataDir), STORE_ADAPTER: 'http', STORE_API_URL: store.url };
  const config = loadConfig(serverSettings);
  const { app, shopvoice } = createServer(config, createLogger('warn'));
  const server = app.listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await startUpReadsAnswered(store);
    const samples: TurnSample[] = [];
    for (const scripted of ROUND_TRIP_SCRIPT) {
      const token = await signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId: scripted.shopperId, expiresIn: '2h' });
      const conversation = CONVERSATIONS.alexa(token);
      for (const turn of scripted.turns) {
        const body = await requestFor(turn, store, (spoken) => conversation.requestFor(spoken), token);
        store.forget();
        const started = performance.now();
        const answer = await post(baseUrl, body);
        const ms = performance.now() - started;
        conversation.heard(answer);
        const active = conversation.active();
        const step = active ? `${active.flow}/${active.step}` : 'none';
        if (step !== turn.after) {
          const said = readAnswer('alexa', answer).speech ?? '(no speech)';
          throw new Error(`bench: "${turn.label}" left ${step}, not ${turn.after}, saying ${said}; fix tools/bench/round-trip-script.ts`);
        }
        const requests = [...store.requests];
        samples.push({
          operations: requests.map((request) => request.operation ?? `${request.method} ${request.path}`),
          inSequence: inSequence(requests.map((request) => ({ start: request.receivedAt, end: request.answeredAt }))),
          ms,
        });
      }
    }
    return samples;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    shopvoice.close();
    await store.close();
  }
}

/** The envelope of a scripted turn: a linked launch, or what the shopper says (some of it read from the demo store first). */
function requestFor(turn: ScriptedTurn, store: RecordingStoreApi, said: (spoken: SpokenTurn) => object, token: string): Promise<object> | object {
  if (turn.say === 'launch') return alexaLaunch(token);
  if (typeof turn.say === 'function') return turn.say(store.embedded.store).then(said);
  return said(turn.say);
}

export async function measureRoundTrips(settings: RoundTripSettings, workspace: Workspace, log: (line: string) => void): Promise<RoundTripsResult> {
  const runs: TurnSample[][] = [];
  for (let run = 1; run <= settings.runs; run += 1) {
    log(`round trips: run ${run} of ${settings.runs}, the store ${settings.storeDelayMs} ms away`);
    const dataDir = workspace.freshDir('round-trips-data');
    try {
      runs.push(await runScript(dataDir, settings));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const turns = ROUND_TRIP_SCRIPT.flatMap((scripted) => scripted.turns);
  return RoundTripsSchema.parse({
    storeDelayMs: settings.storeDelayMs,
    runs: settings.runs,
    turns: turns.map((turn, index) => {
      const samples = runs.map((samplesOfRun) => samplesOfRun[index]!);
      const counts = samples.map((sample) => sample.operations.length);
      const sequences = samples.map((sample) => sample.inSequence);
      return {
        label: turn.label,
        writes: turn.writes,
        budget: roundTripBudget(turn),
        operations: samples[0]?.operations ?? [],
        requests: { min: Math.min(...counts), max: Math.max(...counts) },
        inSequence: { min: Math.min(...sequences), max: Math.max(...sequences) },
        ms: summarize(samples.map((sample) => sample.ms)),
      };
    }),
  });
}

const range = ({ min, max }: { min: number; max: number }) => (min === max ? String(min) : `${min}–${max}`);

/** The section of the bench's table. */
export function roundTripLines(result: RoundTripsResult): TableLine[] {
  const over = result.turns.filter((turn) => turn.inSequence.max > turn.budget);
  return [
    {
      kind: 'section',
      title:
        `Store round trips per turn over STORE_ADAPTER=http, the store API ${result.storeDelayMs} ms away ` +
        `(${result.runs} run${result.runs === 1 ? '' : 's'}, Alexa envelopes through express; time is the median)`,
    },
    ...result.turns.map(
      (turn): TableLine => ({
        kind: 'remark',
        label: turn.label,
        text:
          `${range(turn.requests)} request${turn.requests.max === 1 ? '' : 's'}, ${range(turn.inSequence)} in sequence ` +
          `(budget ${turn.budget}) · ${Math.round(turn.ms.median)} ms · ${turn.operations.join(', ')}`,
      }),
    ),
    ...(over.length > 0 ? [{ kind: 'remark' as const, label: 'OVER BUDGET', text: over.map((turn) => turn.label).join(', ') }] : []),
  ];
}
