import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import type { Shopvoice } from '../../lambda/compose';
import { type Config, loadConfig } from '../../lambda/config';
import { shopperHash } from '../../lambda/core/shopper-hash';
import { createLogger } from '../../lambda/logging';
import { createAlexaSkill } from '../../lambda/platforms/alexa';
import { createServer } from '../../lambda/server';
import { TEST_SKILL_ID } from '../support/alexa-envelopes';
import { alexaConversation } from '../support/conversation';
import { testStateSeal } from '../support/sealed-state';
import { TEST_NOW } from '../support/test-app';

/**
 * A shopper disables the Alexa skill: Alexa sends AlexaSkillEvent.SkillDisabled with their linked
 * account's access token, and the skill forgets what it kept from their voice. The app is built
 * from the same parts as lambda/server.ts (compose, platform endpoints, express app) over an
 * in-memory demo store, with the skill-disabled callback passed to the Alexa endpoint.
 */

interface App {
  readonly app: Express;
  readonly config: Config;
  readonly store: EmbeddedStore;
  readonly shopvoice: Shopvoice;
  token(shopperId: string, expiresIn?: string | number): Promise<string>;
  close(): void;
}

function createApp(): App {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-disabled-'));
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false', STORE_UTTERANCES: 'true' });
  const logger = createLogger('silent');
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  // The server npm start runs, so the event is handled exactly as in production's HTTP endpoint.
  const { app, shopvoice } = createServer(config, logger, { adapters: { store: store.store, state: store.state }, clock: () => TEST_NOW });
  return {
    app,
    config,
    store,
    shopvoice,
    token: (shopperId, expiresIn) => signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId, expiresIn }),
    close() {
      shopvoice.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** AlexaSkillEvent.SkillDisabled as Alexa sends it: no session, the token (if linked) in context.System.user. */
function skillDisabledEvent(accessToken?: string) {
  const now = new Date().toISOString();
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: TEST_SKILL_ID },
        user: { userId: 'amzn1.ask.account.TESTUSER', ...(accessToken ? { accessToken } : {}) },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.',
      },
    },
    request: {
      type: 'AlexaSkillEvent.SkillDisabled',
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: now,
      eventCreationTime: now,
      eventPublishingTime: now,
      body: { userInformationPersistenceStatus: 'NOT_PERSISTED' },
    },
  };
}

async function disable(app: Express, accessToken?: string) {
  const response = await request(app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(skillDisabledEvent(accessToken)));
  expect(response.status).toBe(200);
  // An event gets an empty response: no speech, no card, no session.
  expect(response.body).toEqual({ version: '1.0', response: {}, userAgent: expect.any(String) });
  return response;
}

/** What the skill kept from one shopper's voice, read straight from the embedded file. */
function keptFor(testApp: App, shopperId: string) {
  const hash = shopperHash(testApp.config.analytics.shopperHashSecret, shopperId);
  const db = testApp.store.db;
  const events = db.prepare('SELECT conversation_id AS conversationId, utterance FROM turn_events WHERE shopper_hash = ?').all(hash) as {
    conversationId: string;
    utterance: string | null;
  }[];
  const tickets = db.prepare("SELECT json_type(context, '$.transcript') AS transcript FROM handoffs WHERE shopper_id = ?").all(shopperId) as {
    transcript: string | null;
  }[];
  return { events, tickets };
}

function turnsOf(testApp: App, conversationIds: readonly string[]): number {
  const count = testApp.store.db.prepare('SELECT COUNT(*) AS n FROM conversation_turns WHERE conversation_id = ?');
  return conversationIds.reduce((sum, id) => sum + (count.get(id) as { n: number }).n, 0);
}

/** A linked shopper asks about an order, then for a person: turn events, conversation turns and a ticket with a transcript. */
async function talk(testApp: App, shopperId: string): Promise<string[]> {
  const conversation = alexaConversation(testApp.app, { token: await testApp.token(shopperId) });
  await conversation.launch();
  await conversation.say('OrderStatusIntent');
  await conversation.say('TalkToAgentIntent');
  const { events, tickets } = keptFor(testApp, shopperId);
  const conversationIds = [...new Set(events.map((event) => event.conversationId))];
  expect(events.length).toBeGreaterThan(0);
  expect(turnsOf(testApp, conversationIds)).toBeGreaterThan(0);
  expect(tickets).toEqual([{ transcript: 'array' }]);
  return conversationIds;
}

describe('AlexaSkillEvent.SkillDisabled', () => {
  let testApp: App;
  let ava: string[];
  let ben: string[];

  beforeEach(async () => {
    testApp = createApp();
    ava = await talk(testApp, 'shopper-ava');
    ben = await talk(testApp, 'shopper-ben');
  });
  afterEach(() => testApp.close());

  function expectForgotten(conversationIds: readonly string[], shopperId: string): void {
    const { events, tickets } = keptFor(testApp, shopperId);
    expect(events).toEqual([]);
    expect(turnsOf(testApp, conversationIds)).toBe(0);
    // The ticket stays (the store still owes an answer); its transcript does not.
    expect(tickets).toEqual([{ transcript: null }]);
  }

  function expectKept(conversationIds: readonly string[], shopperId: string): void {
    const { events, tickets } = keptFor(testApp, shopperId);
    expect(events.length).toBeGreaterThan(0);
    expect(turnsOf(testApp, conversationIds)).toBeGreaterThan(0);
    expect(tickets).toEqual([{ transcript: 'array' }]);
  }

  it("forgets the shopper the token names, and only them", async () => {
    await disable(testApp.app, await testApp.token('shopper-ava'));
    expectForgotten(ava, 'shopper-ava');
    expectKept(ben, 'shopper-ben');
  });

  it('accepts a genuine token that expired hours ago', async () => {
    await disable(testApp.app, await testApp.token('shopper-ava', -3 * 3600));
    expectForgotten(ava, 'shopper-ava');
    expectKept(ben, 'shopper-ben');
  });

  it('deletes nothing for a forged token', async () => {
    const genuine = await testApp.token('shopper-ava');
    const [header, payload] = genuine.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'shopper-ben' })).toString('base64url');
    await disable(testApp.app, `${header}.${forgedPayload}.${genuine.split('.')[2]}`);
    await disable(testApp.app, 'not-a-token');
    expectKept(ava, 'shopper-ava');
    expectKept(ben, 'shopper-ben');
  });

  it('answers an event without a token with an empty response and deletes nothing', async () => {
    await disable(testApp.app);
    expectKept(ava, 'shopper-ava');
    expectKept(ben, 'shopper-ben');
  });
});

describe('the Alexa adapter on SkillDisabled', () => {
  const router = async () => {
    throw new Error('an event never reaches the router');
  };

  it('gives the callback the token, bounded in time, and answers empty even when it hangs or fails', async () => {
    const errors: unknown[] = [];
    const tokens: string[] = [];
    const hanging = createAlexaSkill({
      router,
      stateSeal: testStateSeal,
      skillDisabledBudgetMs: 50,
      onError: (error) => errors.push(error),
      onSkillDisabled: (token) => {
        tokens.push(token);
        return new Promise(() => {});
      },
    });
    const failing = createAlexaSkill({ router, stateSeal: testStateSeal, onError: (error) => errors.push(error), onSkillDisabled: async () => Promise.reject(new Error('store down')) });
    for (const skill of [hanging, failing]) {
      const response = await skill.invoke(skillDisabledEvent('a.b.c') as never);
      expect(response.response).toEqual({});
    }
    expect(tokens).toEqual(['a.b.c']);
    expect(errors.map((error) => (error as Error).name)).toEqual(['SkillDisabledTimeoutError', 'Error']);
  });

  it('does not call the callback without a token', async () => {
    const onSkillDisabled = jest.fn(async () => {});
    const skill = createAlexaSkill({ router, stateSeal: testStateSeal, onSkillDisabled });
    expect((await skill.invoke(skillDisabledEvent() as never)).response).toEqual({});
    expect(onSkillDisabled).not.toHaveBeenCalled();
  });
});
