import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { ConversationTurn, HandoffRequest, SkillState, TurnEvent } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type Config, loadConfig } from '../../lambda/config';
import { shopperHash } from '../../lambda/core/shopper-hash';
import { runForget } from '../../tools/privacy/forget';
import { runPurge } from '../../tools/privacy/purge';
import { type LocalDynamo, startDynalite } from '../support/dynalite';

const DAY_MS = 86_400_000;
const NOW = new Date();
const OLD = new Date(NOW.getTime() - 40 * DAY_MS);

function event(conversationId: string, at: Date, hash: string | undefined, utterance?: string): TurnEvent {
  return {
    at,
    conversationId,
    platform: 'alexa',
    locale: 'en-US',
    intent: 'OrderStatusIntent',
    outcome: 'answered',
    latencyMs: 12,
    ...(hash !== undefined ? { shopperHash: hash } : {}),
    ...(utterance !== undefined ? { utterance } : {}),
  };
}

function turn(at: Date, said: string): ConversationTurn {
  return { at, heard: 'OrderStatusIntent', slots: { orderNumber: { spoken: 'one oh four two one' } }, said };
}

function handoff(shopperId: string, key: string): HandoffRequest {
  return {
    shopperId,
    reason: 'damaged-item',
    summary: 'The jacket arrived torn.',
    orderNumber: '10421',
    locale: 'en-US',
    platform: 'alexa',
    idempotencyKey: key,
    item: { lineId: 'line-1', name: 'Stormline rain jacket', sku: 'SL-1', quantity: 1 },
    transcript: [turn(NOW, 'I am sorry to hear that.')],
  };
}

/** Two shoppers' voice-derived data: Ava's to forget, Ben's to keep; and some of it old enough to purge. */
async function seed(state: SkillState, config: Config): Promise<void> {
  const secret = config.analytics.shopperHashSecret;
  const ava = shopperHash(secret, 'shopper-ava');
  const ben = shopperHash(secret, 'shopper-ben');
  await state.turnEvents.record(event('alexa:ava-now', NOW, ava, 'where is my order [number]'));
  await state.turnEvents.record(event('alexa:ava-old', OLD, ava));
  await state.turnEvents.record(event('alexa:ben-now', NOW, ben));
  await state.turnEvents.record(event('alexa:ben-old', OLD, ben));
  await state.turnEvents.record(event('alexa:guest', NOW, undefined));
  await state.conversations.append('alexa:ava-now', turn(NOW, 'Your order is on its way.'));
  await state.conversations.append('alexa:ava-now', turn(NOW, 'Anything else?'));
  await state.conversations.append('alexa:ben-now', turn(NOW, 'Your order is on its way.'));
  await state.conversations.append('alexa:ben-old', turn(OLD, 'Your order was delivered.'));
  await state.handoffs.file(handoff('shopper-ava', 'ava-ticket'));
  await state.handoffs.file(handoff('shopper-ben', 'ben-ticket'));
}

async function expectAfterForget(state: SkillState, config: Config): Promise<void> {
  const secret = config.analytics.shopperHashSecret;
  const left = await state.turnEvents.list({ since: new Date(0) });
  expect(left.map((e) => e.conversationId).sort()).toEqual(['alexa:ben-now', 'alexa:ben-old', 'alexa:guest']);
  expect(left.some((e) => e.shopperHash === shopperHash(secret, 'shopper-ava'))).toBe(false);
  expect(await state.conversations.turns('alexa:ava-now')).toEqual([]);
  expect(await state.conversations.turns('alexa:ben-now')).toHaveLength(1);

  const queued = await state.handoffOutbox.due(new Date(NOW.getTime() + DAY_MS), 10);
  const ava = queued.find((q) => q.ticket.shopperId === 'shopper-ava')!.ticket;
  const ben = queued.find((q) => q.ticket.shopperId === 'shopper-ben')!.ticket;
  expect(ava.transcript).toBeUndefined();
  expect(ava).toMatchObject({ reason: 'damaged-item', orderNumber: '10421', summary: 'The jacket arrived torn.', item: { sku: 'SL-1' } });
  expect(ava.reference).toMatch(/^\d{6}$/);
  expect(ben.transcript).toHaveLength(1);
}

describe('privacy commands on the embedded store', () => {
  let dir: string;
  let config: Config;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-privacy-'));
    config = loadConfig({ SHOPVOICE_DATA_DIR: dir, RETENTION_DAYS: '30' });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('forgets one shopper and keeps the others, twice without harm; then purges what is older than the retention', async () => {
    const store = openEmbeddedStore(config.storePath);
    try {
      await seed(store.state, config);
    } finally {
      store.close();
    }

    const report = await runForget(config, 'shopper-ava');
    expect(report).toMatch(/turn events deleted:\s+2\n/);
    expect(report).toMatch(/conversation turns deleted:\s+2\n/);
    expect(report).toMatch(/handoff tickets without transcript: 1\n/);
    expect(await runForget(config, 'shopper-ava')).toMatch(/deleted:\s+0\n[^]*deleted:\s+0\n[^]*transcript: 0\n/);

    const after = openEmbeddedStore(config.storePath);
    try {
      await expectAfterForget(after.state, config);
      // Orders and returns are the store's records: untouched.
      expect(after.db.prepare('SELECT count(*) AS n FROM orders').get()).toMatchObject({ n: expect.any(Number) });
    } finally {
      after.close();
    }

    const purged = await runPurge(config, { now: NOW });
    expect(purged).toMatch(/RETENTION_DAYS=30/);
    expect(purged).toMatch(/turn events deleted:\s+1\n/);
    expect(purged).toMatch(/conversation turns deleted:\s+1\n/);
    const last = openEmbeddedStore(config.storePath);
    try {
      expect((await last.state.turnEvents.list({ since: new Date(0) })).map((e) => e.conversationId).sort()).toEqual(['alexa:ben-now', 'alexa:guest']);
      expect(await last.state.conversations.turns('alexa:ben-old')).toEqual([]);
      expect(await last.state.conversations.turns('alexa:ben-now')).toHaveLength(1);
    } finally {
      last.close();
    }
  });
});

describe('privacy commands on DynamoDB', () => {
  let dynamo: LocalDynamo;
  let dir: string;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await dynamo.close();
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-privacy-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('forgets one shopper and purges by age, as on the embedded store', async () => {
    const prefix = await dynamo.tables();
    const config = loadConfig({
      SHOPVOICE_DATA_DIR: dir,
      RETENTION_DAYS: '30',
      STATE_ADAPTER: 'dynamodb',
      DYNAMODB_TABLE_PREFIX: prefix,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
    });
    if (config.state.adapter !== 'dynamodb') throw new Error('expected DynamoDB state');
    const state = createDynamoSkillState(config.state);
    try {
      await seed(state, config);
      const report = await runForget(config, 'shopper-ava');
      expect(report).toMatch(/turn events deleted:\s+2\n/);
      expect(report).toMatch(/conversation turns deleted:\s+2\n/);
      expect(report).toMatch(/handoff tickets without transcript: 1\n/);
      await expectAfterForget(state, config);

      const purged = await runPurge(config, { now: NOW });
      expect(purged).toMatch(/turn events deleted:\s+1\n/);
      expect(purged).toMatch(/conversation turns deleted:\s+1\n/);
      expect(await state.conversations.turns('alexa:ben-now')).toHaveLength(1);
    } finally {
      state.close();
    }
  });
});
