import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { SkillState } from '../../lambda/commerce/ports';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { runReportCli } from '../../tools/report/cli';
import { computeContainmentReport, type ContainmentReport } from '../../tools/report/containment';
import { answered, type Conversation, PLATFORMS } from '../support/conversation';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { storeUnderTest, TEST_NOW } from '../support/test-app';

/**
 * Scripted conversations on both platforms, over each skill state adapter (SQLite and DynamoDB on
 * dynalite), then the containment report, computed in process and by `npm run report` reading the
 * configured state, must give exactly the numbers the script implies.
 */

type StateKind = 'sqlite' | 'dynamodb';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

interface Scripted {
  readonly app: Express;
  readonly state: SkillState;
  /** What `npm run report` reads to find the same state. */
  readonly env: Record<string, string>;
  at(secondsAfterStart: number): void;
  token(): Promise<string>;
  /** Until the turns' own writes (log lines, turn events), which run beside their replies, have landed. */
  settleWrites(): Promise<void>;
  close(): void;
}

async function scriptedApp(kind: StateKind): Promise<Scripted> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-report-'));
  const storePath = path.join(dataDir, 'shopvoice.sqlite');
  const base = { NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, SHOPVOICE_STORE_PATH: storePath, ALEXA_VERIFY_SIGNATURE: 'false' };
  let now = TEST_NOW;
  const clock = () => now;
  const store: EmbeddedStore = openEmbeddedStore(storePath, { now: TEST_NOW });
  const tablePrefix = kind === 'dynamodb' ? await dynamo.tables() : '';
  const dynamoState = kind === 'dynamodb' ? createDynamoSkillState({ tablePrefix, endpoint: dynamo.endpoint }, { clock }) : undefined;
  const env: Record<string, string> =
    kind === 'dynamodb' ? { ...base, STATE_ADAPTER: 'dynamodb', DYNAMODB_TABLE_PREFIX: tablePrefix, DYNAMODB_ENDPOINT: dynamo.endpoint } : base;
  const config = loadConfig(base);
  const state = dynamoState ?? store.state;
  const storePorts = storeUnderTest(store);
  const server = createServer(config, createLogger('silent'), { adapters: { store: storePorts.store, state }, clock });
  return {
    app: server.app,
    state,
    env,
    at(seconds) {
      now = new Date(TEST_NOW.getTime() + seconds * 1_000);
    },
    token: () => signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId: 'shopper-ava' }),
    settleWrites: () => server.shopvoice.turnWrites.settle(5_000),
    close() {
      server.shopvoice.close();
      dynamoState?.close();
      storePorts.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Each conversation's turns one second apart, conversations a minute apart. */
async function runScript(scripted: Scripted): Promise<void> {
  const token = await scripted.token();
  let minute = 0;
  for (const [platform, start] of PLATFORMS) {
    const turns: [string, (conversation: Conversation) => ReturnType<Conversation['launch']>][][] = [
      // Contained: the order status given.
      [['launch', (c) => c.launch()], ['OrderStatusIntent', (c) => c.say('OrderStatusIntent')]],
      // Escalated: the shopper asks for a person.
      [['launch', (c) => c.launch()], ['TalkToAgentIntent', (c) => c.say('TalkToAgentIntent')]],
      // Abandoned: opened and stopped.
      [['launch', (c) => c.launch()], ['StopIntent', (c) => c.say('StopIntent')]],
      // Fallback: gibberish, then stopped.
      [['launch', (c) => c.launch()], ['FallbackIntent', (c) => c.say('FallbackIntent')], ['StopIntent', (c) => c.say('StopIntent')]],
    ];
    for (const script of turns) {
      const conversation = start(scripted.app, { token });
      for (const [index, [, turn]] of script.entries()) {
        scripted.at(minute * 60 + index);
        answered(await turn(conversation), platform);
      }
      minute += 1;
    }
  }
  // Recording is off the reply's path: let the last writes land.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

function expectScriptedNumbers(report: Pick<ContainmentReport, 'events' | 'totals' | 'flows' | 'conversion' | 'topFallbackUtterances'>): void {
  expect(report.events).toBe(18);
  expect(report.totals).toEqual({
    flow: 'all',
    conversations: 8,
    contained: 2,
    escalated: 2,
    abandoned: 4,
    containmentRate: 0.25,
    escalationRate: 0.25,
    abandonmentRate: 0.5,
    fallbackConversations: 2,
    fallbackRate: 0.25,
    fallbackTurns: 2,
    turns: 18,
    medianTurns: 2,
    medianTimeToResolutionMs: 1_000,
  });
  const byFlow = Object.fromEntries(report.flows.map((flow) => [flow.flow, flow]));
  expect(Object.keys(byFlow).sort()).toEqual(['assistance', 'order-status']);
  expect(byFlow['order-status']).toMatchObject({ conversations: 2, contained: 2, containmentRate: 1, fallbackRate: 0, medianTurns: 2, medianTimeToResolutionMs: 1_000 });
  expect(byFlow.assistance).toMatchObject({
    conversations: 6,
    contained: 0,
    escalated: 2,
    abandoned: 4,
    escalationRate: 2 / 6,
    fallbackConversations: 2,
    fallbackRate: 2 / 6,
    medianTurns: 2,
    medianTimeToResolutionMs: null,
  });
  expect(report.conversion.map((row) => [row.flow, row.conversations, row.converted, row.rate])).toEqual([
    ['discovery', 0, 0, null],
    ['reorder', 0, 0, null],
    ['all', 0, 0, null],
  ]);
  // Utterances are kept only with STORE_UTTERANCES on, and this script sends none.
  expect(report.topFallbackUtterances).toEqual([]);
}

describe.each<StateKind>(['sqlite', 'dynamodb'])('containment report from scripted conversations (skill state: %s)', (kind) => {
  let scripted: Scripted;
  beforeAll(async () => {
    scripted = await scriptedApp(kind);
    await runScript(scripted);
    await scripted.settleWrites();
  }, 60_000);
  afterAll(() => scripted?.close());

  it('counts each conversation as the script played it', async () => {
    const events = await scripted.state.turnEvents.list({ since: new Date(TEST_NOW.getTime() - 60_000) });
    const report = computeContainmentReport(events);
    expectScriptedNumbers(report);
    expect(report.slowestIntents.map((row) => row.intent).sort()).toEqual(['FallbackIntent', 'OrderStatusIntent', 'StopIntent', 'TalkToAgentIntent', 'launch']);
    expect(report.slowestIntents.find((row) => row.intent === 'launch')?.turns).toBe(8);
  });

  it('gives the same numbers through npm run report, reading the configured state, and writes the HTML page', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const html = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-report-html-')), 'report.html');
    const now = () => new Date(TEST_NOW.getTime() + 3_600_000);
    const io = { env: scripted.env, now, out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    try {
      expect(await runReportCli(['--since', '7d', '--json'], io)).toBe(0);
      expectScriptedNumbers(JSON.parse(out.join('')));

      out.length = 0;
      expect(await runReportCli(['--since', '2h', '--html', html], io)).toBe(0);
      const table = out.join('');
      expect(table).toContain('18 turns in 8 conversations');
      expect(table).toMatch(/^ {2}order-status +2 +100\.0% +0\.0% +0\.0% +0\.0% +2 +1\.0 s$/m);
      expect(table).toMatch(/^ {2}all +8 +25\.0% +25\.0% +50\.0% +25\.0% +2 +1\.0 s$/m);
      expect(err.join('')).toContain(`wrote ${html}`);
      const page = fs.readFileSync(html, 'utf8');
      expect(page).toContain('<canvas id="containment-chart"');
      expect(page).not.toMatch(/<script[^>]+src=/);

      // A window before the script saw nothing.
      out.length = 0;
      expect(await runReportCli(['--since', '2026-11-01', '--until', '2026-11-02T00:00:00Z'], io)).toBe(0);
      expect(out.join('')).toContain('0 turns in 0 conversations: nothing to report');
    } finally {
      fs.rmSync(path.dirname(html), { recursive: true, force: true });
    }
  });
});
