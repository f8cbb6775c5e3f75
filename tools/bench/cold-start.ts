import { spawn } from 'node:child_process';
import { type Bundles, type LambdaBundleName, PLATFORM_BUNDLES } from './bundle';
import { CONVERSATIONS, type Platform } from './conversations';
import { type LambdaBackends, startLambdaBackends } from './lambda-backends';
import { alexaIntent, alexaLaunch, googleMain, httpApiEvent, NEW_ALEXA_SESSION } from './requests';
import { ORDER_STATUS_SCENARIO } from './scenarios';
import type { ColdStartResult } from './results';
import { ratio, summarize } from './stats';
import { childEnvironment, type Workspace } from './workspace';

/**
 * One row of the table: a request, the Shopvoice bundle that answers it and the floor bundle doing
 * the same I/O. Rows take turns run after run.
 */
interface ColdCase {
  readonly id: string;
  readonly label: string;
  readonly platform: Platform;
  readonly shopvoice: LambdaBundleName;
  readonly floor: LambdaBundleName;
  /** The event both bundles get. */
  event(backends: LambdaBackends): Promise<unknown>;
  /** Throws unless Shopvoice's answer is the one this row means to time. */
  expectShopvoice?(answer: unknown): void;
}

/** Shopvoice's answer, and its floor's, must carry speech: a cold start that did not answer is no figure. */
function expectLambdaSpeech(platform: Platform, answer: unknown): void {
  if (platform === 'alexa') return CONVERSATIONS.alexa().heard(answer);
  // The Google Lambda answers API Gateway: the webhook's answer is the HTTP body inside.
  const { statusCode, body } = answer as { statusCode?: unknown; body?: unknown };
  if (statusCode !== 200 || typeof body !== 'string') throw new Error(`bench: the Google Lambda answered ${String(statusCode)}`);
  CONVERSATIONS.google().heard(JSON.parse(body));
}

/** A linked turn that asks the shopper to link their account timed the wrong thing: the token was refused. */
function expectLinkedAnswer(answer: unknown): void {
  const card = (answer as { response?: { card?: { type?: unknown } } }).response?.card;
  if (card?.type === 'LinkAccount') throw new Error('bench: the linked order status was answered as unlinked; the access token was refused');
}

const COLD_CASES: readonly ColdCase[] = [
  {
    id: 'alexa',
    label: 'Alexa LaunchRequest',
    platform: 'alexa',
    shopvoice: PLATFORM_BUNDLES.alexa.shopvoice,
    floor: PLATFORM_BUNDLES.alexa.floor,
    event: async () => alexaLaunch(),
  },
  {
    id: 'alexa-order-status',
    label: 'Alexa linked order status (floor: + 1 HTTP, 1 DynamoDB read)',
    platform: 'alexa',
    shopvoice: PLATFORM_BUNDLES.alexa.shopvoice,
    floor: 'floor-alexa-io-lambda',
    event: async (backends) => alexaIntent(ORDER_STATUS_SCENARIO.measured, NEW_ALEXA_SESSION, await backends.accessToken(ORDER_STATUS_SCENARIO.shopperId)),
    expectShopvoice: expectLinkedAnswer,
  },
  {
    id: 'google',
    label: 'Google main invocation',
    platform: 'google',
    shopvoice: PLATFORM_BUNDLES.google.shopvoice,
    floor: PLATFORM_BUNDLES.google.floor,
    event: async () => httpApiEvent('/google', googleMain()),
  },
];

interface ColdRun {
  readonly spawnToAnswerMs: number;
  readonly loadAndAnswerMs: number;
}

const RUN_TIMEOUT_MS = 30_000;

/** The child's result line (marked by cold-start-child.ts), once it is complete; log lines come before it. */
function resultLineOf(stdout: string): string | undefined {
  const line = stdout.split('\n').find((candidate, index, lines) => candidate.startsWith('bench-result ') && index < lines.length - 1);
  return line?.slice('bench-result '.length);
}

/** Starts `node` on the cold-start child, and times it from spawn to the answer line on its stdout. */
function runOnce(childProgram: string, bundle: string, eventFile: string, env: NodeJS.ProcessEnv, expectAnswer: (answer: unknown) => void): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [childProgram, bundle, eventFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let answeredAt: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (answeredAt === undefined && resultLineOf(stdout) !== undefined) answeredAt = performance.now();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = resultLineOf(stdout) ?? '';
      if (code !== 0 || answeredAt === undefined) {
        reject(new Error(`bench: cold start of ${bundle} failed (exit ${code}): ${stderr.trim() || line}`));
        return;
      }
      try {
        const { loadMs, answerMs, answer } = JSON.parse(line) as { loadMs: number; answerMs: number; answer: unknown };
        expectAnswer(answer);
        resolve({ spawnToAnswerMs: answeredAt - start, loadAndAnswerMs: loadMs + answerMs });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * Cold starts: a fresh `node` per run loads one bundle and answers one request, as a new Lambda
 * container does, with the store API, DynamoDB (dynalite) and the authorization server's JWKS on
 * loopback. Rows and bundles take turns run after run, so a noisy moment on the machine falls on
 * all of them alike; the figures are medians.
 */
export async function measureColdStarts(
  bundles: Bundles,
  workspace: Workspace,
  repoRoot: string,
  runs: number,
  log: (line: string) => void,
): Promise<ColdStartResult[]> {
  const samples = COLD_CASES.map(() => ({ shopvoice: [] as ColdRun[], floor: [] as ColdRun[] }));
  const backends = await startLambdaBackends();
  try {
    const eventFiles: string[] = [];
    for (const coldCase of COLD_CASES) eventFiles.push(workspace.writeJson(`${coldCase.id}.json`, await coldCase.event(backends)));
    const env = () =>
      // The environment the deployed functions run with (serverless.yml), over loopback backends.
      childEnvironment(repoRoot, {
        ...backends.env,
        BENCH_FLOOR_SHOPPER_ID: ORDER_STATUS_SCENARIO.shopperId,
        SHOPVOICE_DATA_DIR: workspace.freshDir('cold-tmp'),
      });
    for (let run = 1; run <= runs; run += 1) {
      log(`cold start: run ${run} of ${runs}`);
      for (const [index, coldCase] of COLD_CASES.entries()) {
        const eventFile = eventFiles[index] ?? '';
        const speaks = (answer: unknown) => expectLambdaSpeech(coldCase.platform, answer);
        const shopvoiceAnswers = (answer: unknown) => {
          speaks(answer);
          coldCase.expectShopvoice?.(answer);
        };
        const child = bundles.program('cold-start-child');
        const sampled = samples[index] ?? { shopvoice: [], floor: [] };
        // Which goes first alternates too, so neither always follows the other's disk and cache traffic.
        const order = run % 2 === 0 ? (['floor', 'shopvoice'] as const) : (['shopvoice', 'floor'] as const);
        for (const role of order) {
          const expectAnswer = role === 'shopvoice' ? shopvoiceAnswers : speaks;
          sampled[role].push(await runOnce(child, bundles.lambda(coldCase[role]), eventFile, env(), expectAnswer));
        }
      }
    }
  } finally {
    await backends.close();
  }

  const times = (runsOf: readonly ColdRun[]) => ({
    spawnToAnswerMs: summarize(runsOf.map((run) => run.spawnToAnswerMs)),
    loadAndAnswerMs: summarize(runsOf.map((run) => run.loadAndAnswerMs)),
  });
  return COLD_CASES.map((coldCase, index) => {
    const shopvoice = times(samples[index]?.shopvoice ?? []);
    const floor = times(samples[index]?.floor ?? []);
    return {
      id: coldCase.id,
      label: coldCase.label,
      platform: coldCase.platform,
      shopvoice,
      floor,
      ratio: {
        spawnToAnswer: ratio(shopvoice.spawnToAnswerMs.median, floor.spawnToAnswerMs.median),
        loadAndAnswer: ratio(shopvoice.loadAndAnswerMs.median, floor.loadAndAnswerMs.median),
      },
    };
  });
}
