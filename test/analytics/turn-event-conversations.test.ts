import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import pino from 'pino';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import type { TurnEvent, TurnEvents } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { shopperHash } from '../../lambda/core/shopper-hash';
import { redactText } from '../../lambda/privacy/redact';
import { createServer } from '../../lambda/server';
import { PLATFORMS } from '../support/conversation';
import { webhookRequest } from '../support/google-requests';
import { TEST_NOW } from '../support/test-app';
import { AVA_PIN } from '../reorder/reorder-fixtures';

/**
 * Turn events as real request JSON produces them, on both platforms, over the embedded store:
 * what is recorded per turn, what never is, and a sink that fails or hangs costing the shopper nothing.
 */

interface App {
  readonly app: ReturnType<typeof createServer>['app'];
  readonly secret: string;
  readonly events: () => Promise<readonly TurnEvent[]>;
  readonly logLines: string[];
  token(shopperId: string): Promise<string>;
  /** As a Lambda function does before it returns: the turns' own writes finish, or are given up on and logged. */
  settleWrites(): Promise<void>;
  close(): void;
}

function appWith(env: Record<string, string> = {}, sinkFor?: (real: TurnEvents) => TurnEvents): App {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-events-'));
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false', PURCHASE_PIN_REQUIRED: 'true', ...env });
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const state = sinkFor ? { ...store.state, turnEvents: sinkFor(store.state.turnEvents) } : store.state;
  const logLines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => logLines.push(line) });
  const { app, shopvoice } = createServer(config, logger, { adapters: { store: store.store, state }, clock: () => TEST_NOW });
  return {
    app,
    secret: config.analytics.shopperHashSecret,
    events: () => store.state.turnEvents.list({ since: new Date(0) }),
    logLines,
    token: (shopperId) => signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId }),
    settleWrites: () => shopvoice.turnWrites.settle(20),
    close() {
      shopvoice.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Google conversation that also sends the text of what was said, as Google does. */
function googleSaying(app: App['app'], token: string) {
  const sessionId = `ABwppHF${Math.random().toString(16).slice(2)}`;
  let sessionParams: Record<string, unknown> = {};
  return async (intent: string, query: string, params: Record<string, string> = {}) => {
    const response = await request(app).post('/google').send(webhookRequest(intent, params, { sessionId, bearerToken: token, sessionParams, query }));
    sessionParams = response.body.session?.params ?? sessionParams;
    expect(response.status).toBe(200);
    return String(response.body.prompt?.firstSimple?.speech ?? '');
  };
}

describe.each(PLATFORMS)('turn events on %s', (platform, start) => {
  let testApp: App;
  beforeEach(() => {
    testApp = appWith();
  });
  afterEach(() => testApp.close());

  it('records one event per turn with its outcome and goal, the shopper as a hash, and nothing said', async () => {
    const token = await testApp.token('shopper-ava');
    const first = start(testApp.app, { token });
    await first.launch();
    await first.say('FallbackIntent');
    await first.say('OrderStatusIntent');
    const second = start(testApp.app, { token });
    await second.say('ReorderIntent', { item: 'coffee' });
    await second.say('YesIntent');
    const placed = await second.say('PinIntent', { pin: AVA_PIN });
    expect(placed.text).toMatch(/^Done! Your order number is/);
    const third = start(testApp.app, { token });
    await third.say('TalkToAgentIntent');
    const guest = start(testApp.app);
    await guest.say('FindProductIntent', { query: 'waterproof jacket' });

    const events = await testApp.events();
    expect(events.map(({ intent, outcome, goal }) => [intent, outcome, goal])).toEqual([
      ['launch', 'asked', undefined],
      ['FallbackIntent', 'fell-back', undefined],
      ['OrderStatusIntent', 'resolved', 'order-status-given'],
      ['ReorderIntent', 'asked', undefined],
      ['YesIntent', 'asked', undefined],
      ['PinIntent', 'resolved', 'order-placed'],
      ['TalkToAgentIntent', 'handed-off', undefined],
      ['FindProductIntent', 'asked', undefined],
    ]);
    const order = events.find((event) => event.goal === 'order-placed')!;
    expect(order.orderValue).toEqual({ minor: expect.any(Number), currency: 'USD' });
    expect(order.orderValue!.minor).toBeGreaterThan(0);
    expect(order).toMatchObject({ flow: 'checkout' });

    const avaHash = shopperHash(testApp.secret, 'shopper-ava');
    expect(events.slice(0, 7).every((event) => event.shopperHash === avaHash)).toBe(true);
    expect(events[7]?.shopperHash).toBeUndefined();
    expect(new Set(events.map((event) => event.conversationId)).size).toBe(4);
    for (const event of events) {
      expect(event).toMatchObject({ platform, locale: 'en-US' });
      expect(event.utterance).toBeUndefined();
      expect(event.latencyMs).toBeGreaterThanOrEqual(0);
      const stored = JSON.stringify(event);
      expect(stored).not.toContain('shopper-ava');
      expect(stored).not.toContain(AVA_PIN);
    }
  });
});

describe('utterances in turn events (Google gives the text)', () => {
  const ORDER_QUESTION = 'where is my order, mail me at ava.stone@example.com';

  it('are not kept unless STORE_UTTERANCES is on', async () => {
    const testApp = appWith();
    try {
      const say = googleSaying(testApp.app, await testApp.token('shopper-ava'));
      await say('OrderStatusIntent', ORDER_QUESTION);
      expect((await testApp.events()).map((event) => event.utterance)).toEqual([undefined]);
    } finally {
      testApp.close();
    }
  });

  it('are kept redacted when it is on, and never for the PIN step', async () => {
    const testApp = appWith({ STORE_UTTERANCES: 'true' });
    try {
      const say = googleSaying(testApp.app, await testApp.token('shopper-ava'));
      await say('OrderStatusIntent', ORDER_QUESTION);
      const other = googleSaying(testApp.app, await testApp.token('shopper-ava'));
      await other('ReorderIntent', 'reorder my coffee', { item: 'coffee' });
      await other('YesIntent', 'yes please');
      expect(await other('PinIntent', AVA_PIN.split('').join(' '), { pin: AVA_PIN })).toMatch(/Done!/);

      const events = await testApp.events();
      expect(events.map((event) => event.utterance)).toEqual([redactText(ORDER_QUESTION), 'reorder my coffee', 'yes please', undefined]);
      expect(events[0]?.utterance).not.toContain('ava.stone@example.com');
      expect(JSON.stringify(events)).not.toContain(AVA_PIN.split('').join(' '));
    } finally {
      testApp.close();
    }
  });
});

describe.each(PLATFORMS)('a turn event sink that fails, on %s', (platform, start) => {
  const conversation = async (testApp: App) => {
    const ava = start(testApp.app, { token: await testApp.token('shopper-ava') });
    const heard = [await ava.launch(), await ava.say('OrderStatusIntent')];
    return heard.map((turn) => ({ status: turn.status, text: turn.text, listening: turn.listening }));
  };

  it.each([
    ['throws', (): Promise<void> => { throw new Error('events table gone'); }],
    ['rejects', async (): Promise<void> => { throw new Error('events table gone'); }],
    ['hangs', (): Promise<void> => new Promise<void>(() => {})],
  ])('when it %s, leaves the conversation answering as usual and logs the lost event', async (how, record) => {
    const reference = appWith();
    const failing = appWith({}, (real) => ({ ...real, record }));
    try {
      const expected = await conversation(reference);
      expect(await conversation(failing)).toEqual(expected);
      expect(expected[1]?.text).toMatch(/order/i);
      // The replies never waited for the sink; a write still hanging is given up on when the writes are settled.
      await failing.settleWrites();
      const lost = failing.logLines.filter((line) => line.includes('turn event not recorded'));
      expect(lost).toHaveLength(2);
      expect(lost.join('\n')).not.toContain('shopper-ava');
      expect(await failing.events()).toEqual([]);
      expect(platform).toBeDefined();
    } finally {
      reference.close();
      failing.close();
    }
  });
});
