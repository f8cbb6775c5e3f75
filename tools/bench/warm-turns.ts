import type { RequestEnvelope } from 'ask-sdk-model';
import pino from 'pino';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { openAdapters } from '../../lambda/commerce/open-adapters';
import { composeShopvoice } from '../../lambda/compose';
import { loadConfig } from '../../lambda/config';
import type { Router } from '../../lambda/core/router';
import type { SessionStateSeal } from '../../lambda/core/sealed-state';
import { readSessionState } from '../../lambda/core/session-state';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { describeError } from '../../lambda/logging';
import { createAlexaSkill } from '../../lambda/platforms/alexa';
import { createGoogleApp } from '../../lambda/platforms/google';
import { type ActiveStep, CONVERSATIONS, type Platform, type PlatformConversation, PLATFORMS, type Reseal } from './conversations';
import { createFloorAlexaSkill } from './floor/floor-alexa-skill';
import { createFloorGoogleApp } from './floor/floor-google-app';
import type { WarmTurnResult } from './results';
import { FLOW_SCENARIOS, type FlowScenario, missingFlow } from './scenarios';
import type { BenchSettings } from './settings';
import { ratio, summarize } from './stats';

type Invoke = (request: object) => Promise<unknown>;

interface Handlers {
  readonly shopvoice: Invoke;
  readonly floor: Invoke;
}


async function googleAnswer(handle: Promise<{ status: number; body: unknown }>): Promise<unknown> {
  const result = await handle;
  if (result.status !== 200) throw new Error(`bench: the Google app answered ${result.status}`);
  return result.body;
}

/** Each platform's adapter over the router, next to that platform's floor. */
function platformHandlers(router: Router, stateSeal: SessionStateSeal, onError: (error: unknown) => void): Record<Platform, Handlers> {
  const skill = createAlexaSkill({ router, stateSeal, onError });
  const floorSkill = createFloorAlexaSkill();
  const googleApp = createGoogleApp({ router, stateSeal, onError });
  const floorGoogleApp = createFloorGoogleApp();
  return {
    alexa: {
      shopvoice: (request) => skill.invoke(request as RequestEnvelope),
      floor: (request) => floorSkill.invoke(request as RequestEnvelope),
    },
    google: {
      shopvoice: (request) => googleAnswer(googleApp.handler(request, {})),
      floor: (request) => googleAnswer(floorGoogleApp.handler(request, {})),
    },
  };
}

const describeStep = (active: ActiveStep | undefined) => (active ? `${active.flow}/${active.step}` : 'none');

/**
 * Says the lead-in turns, then the measured one once, checking the conversation is where the
 * scenario says it is before and after; returns the measured turn's request, session state included.
 */
async function reachMeasuredTurn(scenario: FlowScenario, conversation: PlatformConversation, invoke: Invoke): Promise<object> {
  const path: string[] = [];
  for (const turn of scenario.leadIn) {
    conversation.heard(await invoke(conversation.requestFor(turn)));
    path.push(describeStep(conversation.active()));
  }
  const before = path.at(-1) ?? 'none';
  const request = conversation.requestFor(scenario.measured);
  conversation.heard(await invoke(structuredClone(request)));
  const after = describeStep(conversation.active());
  path.push(after);
  if ((scenario.before ?? before) !== before || scenario.after !== after) {
    throw new Error(
      `bench: scenario ${scenario.id} on ${conversation.platform} went ${path.join(' → ')}, not ${scenario.before ?? '…'} → ${scenario.after}; fix tools/bench/scenarios.ts`,
    );
  }
  return request;
}

interface TurnTimes {
  /** Each turn's milliseconds, start to answer. */
  readonly samples: number[];
  /**
   * The process's CPU milliseconds per turn, one figure per round: the turn's own work, its writes
   * that finish after the answer, GC and V8's background threads included. Time spent waiting for
   * a core other processes hold is not in it, so it says more than the time to answer on a
   * shared machine.
   */
  readonly cpuPerTurn: number[];
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Times the same turn through each handler, alternating in rounds; the times of each handler. */
async function timeTurns(invokes: readonly Invoke[], requestFor: (turn: number) => object, settings: BenchSettings['warmTurns']): Promise<TurnTimes[]> {
  const times = invokes.map((): TurnTimes => ({ samples: [], cpuPerTurn: [] }));
  let turns = 0;
  for (let turn = 0; turn < settings.warmup; turn += 1) {
    for (const invoke of invokes) await invoke(requestFor((turns += 1)));
  }
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const [index, invoke] of invokes.entries()) {
      const cpuBefore = process.cpuUsage();
      for (let turn = 0; turn < settings.turnsPerRound; turn += 1) {
        const request = requestFor((turns += 1));
        const start = performance.now();
        await invoke(request);
        times[index]?.samples.push(performance.now() - start);
      }
      // The writes a turn leaves running settle before the round's CPU is read.
      await new Promise((resolve) => setImmediate(resolve));
      times[index]?.cpuPerTurn.push(cpuMs(process.cpuUsage(cpuBefore)) / settings.turnsPerRound);
    }
  }
  return times;
}

/**
 * Runs the work with every product stocked deep, then puts the stock back as it was, so orders
 * placed again and again never run out and later scenarios find the demo store's stock.
 */
async function withDeepStock<T>(storePath: string, work: () => Promise<T>): Promise<T> {
  const db = openDatabase(storePath);
  const stock = db.prepare<[], { id: string; stock: number }>('SELECT id, stock FROM products').all();
  db.prepare('UPDATE products SET stock = 1000000').run();
  try {
    return await work();
  } finally {
    const restore = db.prepare('UPDATE products SET stock = ? WHERE id = ?');
    db.transaction(() => stock.forEach((product) => restore.run(product.stock, product.id)))();
    db.close();
  }
}

/**
 * Warm turn latency, in process: every scenario through each platform adapter over the embedded
 * store (a real SQLite file, real token verification), against the floor skill answering the same
 * request.
 */
export async function measureWarmTurns(settings: BenchSettings, dataDir: string, log: (line: string) => void): Promise<WarmTurnResult[]> {
  const problems: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void problems.push(line) });
  const config = loadConfig({ NODE_ENV: 'development', SHOPVOICE_DATA_DIR: dataDir });
  const adapters = openAdapters(config);
  const shopvoice = composeShopvoice(config, { logger, adapters });
  const handlers = platformHandlers(shopvoice.router, shopvoice.stateSeal, (error) => problems.push(JSON.stringify(describeError(error))));
  const tokenFor = (shopperId: string) =>
    signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId, expiresIn: '2h' });
  const results: WarmTurnResult[] = [];
  try {
    for (const scenario of FLOW_SCENARIOS) {
      for (const platform of PLATFORMS) {
        const base = { scenario: scenario.id, label: scenario.label, platform, flow: scenario.flow };
        const reason = missingFlow(scenario.flow);
        if (reason) {
          results.push({ ...base, status: 'not built', reason });
          continue;
        }
        log(`warm turns: ${scenario.label} on ${platform}`);
        const { shopvoice: invoke, floor } = handlers[platform];
        const measure = async () => {
          const conversation = CONVERSATIONS[platform](await tokenFor(scenario.shopperId));
          const request = await reachMeasuredTurn(scenario, conversation, invoke);
          CONVERSATIONS[platform]().heard(await floor(structuredClone(request)));
          // The library may write into the request (Google's session params), so every turn gets its own copy.
          const reseal: Reseal = (carried, from, to) =>
            shopvoice.stateSeal.seal(readSessionState(shopvoice.stateSeal.open(carried, { platform, sessionId: from })), { platform, sessionId: to });
          const requestFor = scenario.writes ? (turn: number) => conversation.asNewConversation(request, turn, reseal) : () => structuredClone(request);
          return timeTurns([invoke, floor], requestFor, settings.warmTurns);
        };
        const [shopvoiceTimes, floorTimes] = scenario.writes ? await withDeepStock(config.storePath, measure) : await measure();
        if (problems.length > 0) throw new Error(`bench: ${scenario.id} on ${platform} logged problems:\n${problems.join('\n')}`);
        if (!shopvoiceTimes || !floorTimes) throw new Error('bench: a warm-turn target produced no samples');
        const shopvoiceMs = summarize(shopvoiceTimes.samples);
        const floorMs = summarize(floorTimes.samples);
        const cpuPerTurnMs = { shopvoice: summarize(shopvoiceTimes.cpuPerTurn).median, floor: summarize(floorTimes.cpuPerTurn).median };
        results.push({ ...base, status: 'measured', shopvoiceMs, floorMs, ratio: ratio(shopvoiceMs.median, floorMs.median), cpuPerTurnMs });
      }
    }
  } finally {
    shopvoice.close();
    adapters.close();
  }
  return results;
}
