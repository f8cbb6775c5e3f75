import { spawn } from 'node:child_process';
import { type Bundles, type LambdaBundleName, PLATFORM_BUNDLES } from './bundle';
import { CONVERSATIONS, type Platform, PLATFORMS } from './conversations';
import { startLambdaBackends } from './lambda-backends';
import { alexaLaunch, googleMain, httpApiEvent } from './requests';
import type { ColdStartResult } from './results';
import { ratio, summarize } from './stats';
import { childEnvironment, type Workspace } from './workspace';

/** One kind of fresh process: a bundle and the platform whose event it answers. */
interface ColdTarget {
  readonly bundle: LambdaBundleName;
  readonly platform: Platform;
}

const REQUEST_NAMES: Readonly<Record<Platform, string>> = { alexa: 'Alexa LaunchRequest', google: 'Google main invocation' };

/** The same event for Shopvoice and its floor: an unlinked shopper opening the skill. */
const EVENTS: Readonly<Record<Platform, unknown>> = {
  alexa: alexaLaunch(),
  google: httpApiEvent('/google', googleMain()),
};

/** Throws unless the Lambda's answer carries speech: a cold start that did not answer is no figure. */
function expectLambdaSpeech(platform: Platform, answer: unknown): void {
  if (platform === 'alexa') return CONVERSATIONS.alexa().heard(answer);
  // The Google Lambda answers API Gateway: the webhook's answer is the HTTP body inside.
  const { statusCode, body } = answer as { statusCode?: unknown; body?: unknown };
  if (statusCode !== 200 || typeof body !== 'string') throw new Error(`bench: the Google Lambda answered ${String(statusCode)}`);
  CONVERSATIONS.google().heard(JSON.parse(body));
}

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
function runOnce(childProgram: string, bundle: string, eventFile: string, env: NodeJS.ProcessEnv, platform: Platform): Promise<ColdRun> {
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
        expectLambdaSpeech(platform, answer);
        resolve({ spawnToAnswerMs: answeredAt - start, loadAndAnswerMs: loadMs + answerMs });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * Cold starts: a fresh `node` per run loads one bundle and answers one request, as a new Lambda
 * container does, with the store API and DynamoDB (dynalite) on loopback. Targets
 * take turns run after run, so a noisy moment on the machine falls on all of them alike.
 */
export async function measureColdStarts(
  bundles: Bundles,
  workspace: Workspace,
  repoRoot: string,
  runs: number,
  log: (line: string) => void,
): Promise<ColdStartResult[]> {
  const targets: ColdTarget[] = PLATFORMS.flatMap((platform) => [
    { bundle: PLATFORM_BUNDLES[platform].shopvoice, platform },
    { bundle: PLATFORM_BUNDLES[platform].floor, platform },
  ]);
  const eventFiles = {
    alexa: workspace.writeJson('alexa-launch.json', EVENTS.alexa),
    google: workspace.writeJson('google-main.json', EVENTS.google),
  };
  const samples = new Map<LambdaBundleName, ColdRun[]>(targets.map((target) => [target.bundle, []]));
  const backends = await startLambdaBackends();
  try {
    for (let run = 1; run <= runs; run += 1) {
      log(`cold start: run ${run} of ${runs}`);
      for (const { bundle, platform } of targets) {
        // The environment the deployed functions run with (serverless.yml), over loopback backends.
        const env = childEnvironment(repoRoot, { ...backends.env, SHOPVOICE_DATA_DIR: workspace.freshDir('cold-tmp') });
        samples.get(bundle)?.push(await runOnce(bundles.program('cold-start-child'), bundles.lambda(bundle), eventFiles[platform], env, platform));
      }
    }
  } finally {
    await backends.close();
  }

  const times = (bundle: LambdaBundleName) => {
    const runsOf = samples.get(bundle) ?? [];
    return {
      spawnToAnswerMs: summarize(runsOf.map((run) => run.spawnToAnswerMs)),
      loadAndAnswerMs: summarize(runsOf.map((run) => run.loadAndAnswerMs)),
    };
  };
  return PLATFORMS.map((platform) => {
    const shopvoice = times(PLATFORM_BUNDLES[platform].shopvoice);
    const floor = times(PLATFORM_BUNDLES[platform].floor);
    return {
      id: platform,
      label: REQUEST_NAMES[platform],
      platform,
      shopvoice,
      floor,
      ratio: {
        spawnToAnswer: ratio(shopvoice.spawnToAnswerMs.median, floor.spawnToAnswerMs.median),
        loadAndAnswer: ratio(shopvoice.loadAndAnswerMs.median, floor.loadAndAnswerMs.median),
      },
    };
  });
}
