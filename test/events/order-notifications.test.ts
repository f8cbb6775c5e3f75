import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { SIGNATURE_HEADER, signatureHeader } from '../../lambda/commerce/handoff-webhook/signature';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { TEST_SKILL_ID } from '../support/alexa-envelopes';
import { TEST_NOW } from '../support/test-app';
import { type AmazonStandIn, CLIENT_ID, CLIENT_SECRET, startAmazonStandIn } from './amazon-stand-in';

const SECRET = 'order-events-test-secret-0123456789';
const KITCHEN = 'amzn1.ask.account.KITCHEN';
const HOUR = 3_600_000;

let amazon: AmazonStandIn;
let store: EmbeddedStore;
let server: ReturnType<typeof createServer>;
let dataDir: string;
let clock: () => Date;

beforeEach(async () => {
  amazon = await startAmazonStandIn();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-order-events-'));
  // Anchored at TEST_NOW and moving with real time, so retries come due.
  const started = Date.now();
  clock = () => new Date(TEST_NOW.getTime() + (Date.now() - started));
  const config = loadConfig({
    NODE_ENV: 'test',
    SHOPVOICE_DATA_DIR: dataDir,
    ALEXA_VERIFY_SIGNATURE: 'false',
    ORDER_EVENTS_SECRET: SECRET,
    ORDER_EVENTS_RETRY_BASE_MS: '20',
    ALEXA_CLIENT_ID: CLIENT_ID,
    ALEXA_CLIENT_SECRET: CLIENT_SECRET,
    ALEXA_API_URL: amazon.url,
    ALEXA_LWA_URL: amazon.url,
  });
  store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  server = createServer(config, createLogger('silent'), { adapters: { store: store.store, state: store.state }, clock });
});

afterEach(async () => {
  server.shopvoice.close();
  await server.shopvoice.orderEvents?.relay.idle();
  store.close();
  await amazon.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const token = (shopperId: string) => signDevAccessToken({ dataDir, issuer: 'https://auth.shopvoice.dev/', audience: 'shopvoice', shopperId });

/** A skill event as Alexa sends it to the skill's endpoint: out of session, with the account's user and token. */
function skillEvent(type: string, body: object, options: { token: string; userId?: string; locale?: string; at: Date }) {
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: TEST_SKILL_ID },
        user: { userId: options.userId ?? KITCHEN, accessToken: options.token },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.',
      },
    },
    request: {
      type,
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: options.at.toISOString(),
      ...(options.locale ? { locale: options.locale } : {}),
      body,
    },
  };
}

async function alexaSays(envelope: object): Promise<void> {
  const response = await request(server.app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(envelope));
  expect(response.status).toBe(200);
  expect(response.body.response?.outputSpeech).toBeUndefined();
}

async function subscribe(shopperId: string, options: { locale?: string; at?: Date; userId?: string } = {}): Promise<void> {
  const body = { subscriptions: [{ eventName: 'AMAZON.OrderStatus.Updated' }] };
  await alexaSays(skillEvent('AlexaSkillEvent.ProactiveSubscriptionChanged', body, { token: await token(shopperId), locale: options.locale ?? 'en-US', at: options.at ?? new Date(TEST_NOW.getTime() - 24 * HOUR), userId: options.userId }));
}

async function unsubscribe(shopperId: string, at: Date): Promise<void> {
  await alexaSays(skillEvent('AlexaSkillEvent.ProactiveSubscriptionChanged', {}, { token: await token(shopperId), locale: 'en-US', at }));
}

/** What the store POSTs when Ava's order 10741 moves. */
function statusChange(status: string, extra: Record<string, string> = {}) {
  return { orderNumber: '10741', shopperId: 'shopper-ava', status, occurredAt: new Date(TEST_NOW.getTime() - HOUR).toISOString(), ...extra };
}

function storeSays(change: object, secret = SECRET) {
  const body = JSON.stringify(change);
  return request(server.app).post('/events/order-status').set('content-type', 'application/json').set(SIGNATURE_HEADER, signatureHeader(body, secret, clock())).send(body);
}

/** Waits for something the relay does in the background; fails the test if it never happens. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await server.shopvoice.orderEvents!.relay.idle();
}

const rowsOf = () =>
  store.db
    .prepare<[], { change_key: string; state: string; attempts: number; last_error: string | null }>(
      'SELECT change_key, state, attempts, last_error FROM order_notifications ORDER BY queued_at, change_key',
    )
    .all();

describe('order notifications through Alexa proactive events', () => {
  it('drives an order from shipped to delivered: exactly one event per change, as AMAZON.OrderStatus.Updated', async () => {
    await subscribe('shopper-ava');

    const shipped = await storeSays(statusChange('shipped', { expectedArrival: '2026-11-28' }));
    expect(shipped.status).toBe(202);
    expect(shipped.body).toEqual({ queued: 1 });
    await eventually(() => amazon.accepted.length === 1, 'the shipped event');
    // The store reports the same change again (its own retry): nothing new is sent.
    const again = await storeSays(statusChange('shipped', { expectedArrival: '2026-11-28' }));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ queued: 0, reason: 'already-queued' });

    expect((await storeSays(statusChange('out-for-delivery'))).status).toBe(202);
    await eventually(() => amazon.accepted.length === 2, 'the out-for-delivery event');
    expect((await storeSays(statusChange('delivered'))).status).toBe(202);
    await eventually(() => amazon.accepted.length === 3, 'the delivered event');
    expect((await storeSays(statusChange('delivered'))).body).toEqual({ queued: 0, reason: 'already-queued' });
    await server.shopvoice.orderEvents!.relay.drain();

    expect(amazon.accepted.map((event) => event.event.payload.state.status)).toEqual(['ORDER_SHIPPED', 'ORDER_OUT_FOR_DELIVERY', 'ORDER_DELIVERED']);
    const [first] = amazon.accepted;
    expect(first).toMatchObject({
      event: {
        name: 'AMAZON.OrderStatus.Updated',
        payload: {
          state: { status: 'ORDER_SHIPPED', deliveryDetails: { expectedArrival: '2026-11-28T00:00:00.000Z' } },
          order: { seller: { name: 'localizedattribute:sellerName' } },
        },
      },
      localizedAttributes: [{ locale: 'en-US', sellerName: 'Northwind Outfitters' }],
      relevantAudience: { type: 'Unicast', payload: { user: KITCHEN } },
    });
    for (const event of amazon.accepted) {
      expect(event.referenceId).toMatch(/^[A-Za-z0-9~]{1,100}$/);
      const ahead = Date.parse(event.expiryTime) - Date.parse(event.timestamp);
      expect(ahead).toBeGreaterThanOrEqual(5 * 60_000);
      expect(ahead).toBeLessThanOrEqual(24 * HOUR);
    }
    expect(new Set(amazon.accepted.map((event) => event.referenceId)).size).toBe(3);
    // Outside production, to the skill's development stage; one Login with Amazon token, reused.
    expect(amazon.attempts.every((attempt) => attempt.path === '/v1/proactiveEvents/stages/development')).toBe(true);
    expect(amazon.tokenRequests).toHaveLength(1);
    expect(rowsOf().map((row) => row.state)).toEqual(['sent', 'sent', 'sent']);
  });

  it('retries an endpoint that fails, with backoff, until it takes the event: one event accepted', async () => {
    await subscribe('shopper-ava');
    amazon.failNext(2, 503);
    expect((await storeSays(statusChange('shipped'))).status).toBe(202);
    await eventually(() => amazon.accepted.length === 1, 'the event, after two failures');
    expect(amazon.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 202]);
    expect(rowsOf()).toEqual([{ change_key: '10741:shipped', state: 'sent', attempts: 2, last_error: null }]);
  });

  it('sends nothing once the shopper withdrew permission, even what was already queued', async () => {
    await subscribe('shopper-ava');
    // Queued while Alexa keeps failing...
    amazon.failNext(1_000, 503);
    await storeSays(statusChange('shipped'));
    await eventually(() => amazon.attempts.length >= 1, 'a first, failed attempt');
    // ...and the shopper turns notifications off before Alexa is back.
    await unsubscribe('shopper-ava', TEST_NOW);
    amazon.recover();
    await eventually(() => rowsOf()[0]?.state === 'dropped', 'the queued notification dropped');
    expect(rowsOf()[0]?.last_error).toBe('permission withdrawn');

    const later = await storeSays(statusChange('delivered'));
    expect(later.body).toEqual({ queued: 0, reason: 'not-subscribed' });
    await server.shopvoice.orderEvents!.relay.drain();
    expect(amazon.accepted).toEqual([]);
  });

  it('takes the newest word when Alexa sends the events out of order', async () => {
    await unsubscribe('shopper-ava', TEST_NOW);
    // An older subscription arrives after the newer withdrawal: it changes nothing.
    await subscribe('shopper-ava', { at: new Date(TEST_NOW.getTime() - HOUR) });
    expect((await storeSays(statusChange('shipped'))).body).toEqual({ queued: 0, reason: 'not-subscribed' });
  });

  it('a withdrawn notifications permission (SkillPermissionChanged) stops them too', async () => {
    await subscribe('shopper-ava');
    await alexaSays(skillEvent('AlexaSkillEvent.SkillPermissionChanged', { acceptedPermissions: [] }, { token: await token('shopper-ava'), at: TEST_NOW }));
    expect((await storeSays(statusChange('shipped'))).body).toEqual({ queued: 0, reason: 'not-subscribed' });
  });

  it('a delay is news each time the day moves, and says the new day', async () => {
    await subscribe('shopper-ava');
    await storeSays(statusChange('delayed', { expectedArrival: '2026-11-30' }));
    await storeSays(statusChange('delayed', { expectedArrival: '2026-12-02' }));
    expect((await storeSays(statusChange('delayed', { expectedArrival: '2026-12-02' }))).body).toEqual({ queued: 0, reason: 'already-queued' });
    await eventually(() => amazon.accepted.length === 2, 'two delay events');
    expect(amazon.accepted.map((event) => event.event.payload.state.deliveryDetails.expectedArrival)).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-02T00:00:00.000Z',
    ]);
  });

  it('does not send in a locale Amazon does not offer the order status event in', async () => {
    await subscribe('shopper-ava', { locale: 'de-DE' });
    expect((await storeSays(statusChange('shipped'))).status).toBe(202);
    await eventually(() => rowsOf()[0]?.state === 'dropped', 'the German notification dropped');
    expect(rowsOf()[0]?.last_error).toBe('not offered in de-DE');
    expect(amazon.attempts).toEqual([]);
  });

  it('refuses a change that is not signed with the secret, or not a status change', async () => {
    await subscribe('shopper-ava');
    expect((await storeSays(statusChange('shipped'), 'somebody-elses-secret-0123456789')).status).toBe(401);
    const unsigned = await request(server.app).post('/events/order-status').set('content-type', 'application/json').send(JSON.stringify(statusChange('shipped')));
    expect(unsigned.status).toBe(401);
    const bad = await storeSays({ orderNumber: '10741', shopperId: 'shopper-ava', status: 'lost', occurredAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([expect.stringMatching(/^status: /), expect.stringMatching(/^occurredAt: /)]);
    const delayWithoutDay = await storeSays(statusChange('delayed'));
    expect(delayWithoutDay.body.problems).toEqual(['expectedArrival: required when status is delayed']);
    expect(rowsOf()).toEqual([]);
  });

  it('forgets the subscription when the shopper disables the skill', async () => {
    await subscribe('shopper-ava');
    await alexaSays(skillEvent('AlexaSkillEvent.SkillDisabled', { userInformationPersistenceStatus: 'NOT_PERSISTED' }, { token: await token('shopper-ava'), at: TEST_NOW }));
    expect((await storeSays(statusChange('shipped'))).body).toEqual({ queued: 0, reason: 'not-subscribed' });
    expect(store.db.prepare('SELECT count(*) AS n FROM notification_subscriptions').get()).toEqual({ n: 0 });
  });
});
