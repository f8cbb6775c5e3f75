import request from 'supertest';
import { createLogger } from '../../lambda/logging';
import { loadConfig } from '../../lambda/config';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { createServer } from '../../lambda/server';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());

interface TurnBody {
  readonly settings?: Record<string, unknown>;
  readonly session?: unknown;
  readonly said?: unknown;
}

const settings = (overrides: Record<string, unknown> = {}) => ({ platform: 'alexa', locale: 'en-US', shopperId: 'shopper-ava', screen: true, ...overrides });

async function turn(body: TurnBody) {
  const response = await request(testApp.app).post('/dev-console/api/turn').send(body);
  return { status: response.status, body: response.body as Record<string, any> };
}

async function converse(turnSettings: Record<string, unknown>, ...lines: string[]) {
  const exchanges: Record<string, any>[] = [];
  let session: unknown = null;
  for (const said of lines) {
    const { status, body } = await turn({ settings: turnSettings, session, said });
    expect(status).toBe(200);
    exchanges.push(body.exchange);
    session = body.exchange.session ?? null;
  }
  return exchanges;
}

async function orderNumbersOf(shopperId: string): Promise<string[]> {
  return (await testApp.commerce.orders.listForShopper(shopperId, { limit: 100 })).map((order) => order.number);
}

/** The spoken names of the first item of each of a shopper's orders: how a list of orders names them. */
async function orderItemsOf(shopperId: string): Promise<Map<string, string>> {
  const orders = await testApp.commerce.orders.listForShopper(shopperId, { limit: 100 });
  return new Map(orders.map((order) => [order.number, order.lines[0]?.spokenName ?? '']));
}

describe('the dev console', () => {
  it('serves an accessible page that loads only its own files', async () => {
    const page = await request(testApp.app).get('/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain('<label for="said">What the shopper says</label>');
    expect(page.text).toContain('aria-live="polite"');
    const script = await request(testApp.app).get('/dev-console/console.js');
    expect(script.status).toBe(200);
    expect(script.type).toBe('text/javascript');
    // Replies are rendered as text, never parsed into the page as HTML.
    expect(script.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect((await request(testApp.app).get('/dev-console/console.css')).status).toBe(200);
  });

  it('offers the platforms, every locale with a generated model, and the demo shoppers', async () => {
    const response = await request(testApp.app).get('/dev-console/api/setup');
    expect(response.body).toMatchObject({
      // The phone too: test/dev-console/dev-console-phone.test.ts calls it.
      platforms: [{ id: 'alexa' }, { id: 'google' }, { id: 'phone' }],
      defaults: { platform: 'alexa', locale: 'en-US', shopperId: 'shopper-ava' },
      trustsDevKey: true,
    });
    expect(response.body.locales).toEqual(expect.arrayContaining(['en-US', 'de-DE']));
    expect(response.body.shoppers.map((shopper: { id: string }) => shopper.id)).toContain('shopper-ben');
  });

  it.each(['alexa', 'google'])('answers "where is my order" for a linked shopper on %s with one of her orders', async (platform) => {
    const [exchange] = await converse(settings({ platform }), 'where is my order');
    expect(exchange?.understanding).toMatchObject({ kind: 'intent', intent: 'OrderStatusIntent' });
    expect(exchange?.response.status).toBe(200);
    const own = [...(await orderItemsOf('shopper-ava')).values()];
    expect(own.some((item) => exchange?.reply.text.includes(item))).toBe(true);
    for (const number of await orderNumbersOf('shopper-ben')) expect(exchange?.reply.ssml).not.toContain(`>${number}<`);
  });

  it('sends Alexa a real envelope: the linked token, the declared slots, entity resolution, and the session carried over', async () => {
    const [first, second] = await converse(settings({ shopperId: 'shopper-ben' }), 'where is my order', 'yes please');
    const envelope = first?.request;
    expect(envelope).toMatchObject({
      version: '1.0',
      session: { new: true, application: { applicationId: expect.stringMatching(/^amzn1\.ask\.skill\./) } },
      context: { System: { user: { accessToken: expect.any(String) }, device: { supportedInterfaces: { 'Alexa.Presentation.APL': {} } } } },
      request: { type: 'IntentRequest', locale: 'en-US', intent: { name: 'OrderStatusIntent', slots: { orderNumber: { name: 'orderNumber' }, item: { name: 'item' } } } },
    });
    expect(first?.reply.sessionEnded).toBe(false);
    expect(second?.request).toMatchObject({
      session: { new: false, sessionId: envelope.session.sessionId, attributes: first?.response.body.sessionAttributes },
      request: { intent: { name: 'AMAZON.YesIntent' } },
    });
    const remaining: string[] = first?.reply.attributes.shopvoice.state.active.data.remaining;
    expect(remaining.length).toBeGreaterThan(0);
    expect(second?.reply.text).toContain((await orderItemsOf('shopper-ben')).get(remaining[0]!));

    const [shoes] = await converse(settings(), 'when will my running shoes arrive');
    expect(shoes?.request.request.intent.slots.item).toMatchObject({
      value: 'running shoes',
      resolutions: {
        resolutionsPerAuthority: [
          { authority: expect.stringMatching(/^amzn1\.er-authority\.echo-sdk\.amzn1\.ask\.skill\..+\.ShoppingItem$/), status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 'shoes', name: 'shoes' } }] },
        ],
      },
    });
  });

  it('sends Google a real webhook request: the bearer token, the query, parameters, system intents and the scene carried over', async () => {
    const google = settings({ platform: 'google', shopperId: 'shopper-ben' });
    const [byNumber] = await converse(google, 'where is order ten seven three seven');
    expect(byNumber?.request).toMatchObject({
      handler: { name: 'shopvoice' },
      intent: { name: 'OrderStatusIntent', query: 'where is order ten seven three seven', params: { orderNumber: { original: 'ten seven three seven', resolved: 10737 } } },
      scene: { name: 'actions.scene.START_CONVERSATION' },
      user: { locale: 'en-US', params: { bearerToken: expect.any(String) }, accountLinkingStatus: 'LINKED' },
    });
    expect(byNumber?.reply.text).toContain('10737');

    const [first, second] = await converse(google, 'where is my order', 'never mind');
    expect(first?.reply.sessionEnded).toBe(false);
    expect(second?.request).toMatchObject({
      intent: { name: 'actions.intent.CANCEL' },
      session: { id: first?.request.session.id, params: first?.response.body.session.params },
      scene: { name: 'Conversation' },
    });

    const [unknown] = await converse(google, 'play some music');
    expect(unknown?.request.intent.name).toBe('actions.intent.NO_MATCH_1');
    const [launch] = await converse(google, 'talk to northwind outfitters');
    expect(launch?.request.intent.name).toBe('actions.intent.MAIN');
    expect(launch?.reply.text).toMatch(/^Welcome back to Northwind Outfitters, Ben!/);
  });

  it('opens a new session when the skill is named, and after the session ended', async () => {
    const [launch, order, afterEnd] = await converse(settings(), 'open northwind outfitters', 'ask northwind outfitters where is my order', 'where is order ten seven one eight');
    expect(launch?.request.request.type).toBe('LaunchRequest');
    expect(order?.request.session.new).toBe(true);
    expect(order?.request.session.sessionId).not.toBe(launch?.request.session.sessionId);
    if (order?.reply.sessionEnded) expect(afterEnd?.request.session.new).toBe(true);
    else expect(afterEnd?.request.session.sessionId).toBe(order?.request.session.sessionId);
  });

  it('asks a guest to link an account, which ends the session', async () => {
    const [exchange] = await converse(settings({ shopperId: null }), 'where is my order');
    expect(exchange?.request.context.System.user.accessToken).toBeUndefined();
    expect(exchange?.reply).toMatchObject({ linkAccount: true, sessionEnded: true });
    expect(exchange?.session).toBeUndefined();
  });

  it('refuses what is not a turn', async () => {
    expect((await turn({ settings: settings(), said: '  ' })).status).toBe(400);
    expect((await turn({ settings: settings({ platform: 'cortana' }), said: 'hi' })).status).toBe(400);
    expect((await turn({ settings: settings({ shopperId: 'shopper-zed' }), said: 'hi' })).body.error).toBe('the store has no shopper "shopper-zed"');
    expect((await turn({ settings: settings({ locale: 'nl-NL' }), said: 'goedendag' })).body.error).toBe('no interaction model for nl-NL');
    expect((await turn({ settings: settings(), session: { id: 'x' }, said: 'hi' })).status).toBe(400);
  });
});

describe('in production', () => {
  it('has no dev console', async () => {
    const config = loadConfig({ NODE_ENV: 'production', SHOPVOICE_DATA_DIR: '/nonexistent-shopvoice-data', AUTH_JWKS_URL: 'https://auth.example/.well-known/jwks.json', SHOPPER_HASH_SECRET: 'test-shopper-hash-secret-0123456789abcdef', SESSION_STATE_SECRET: 'test-session-state-secret-0123456789abcdef' });
    const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
    const { app, shopvoice } = createServer(config, createLogger('silent'), { adapters: store, clock: () => TEST_NOW });
    try {
      expect((await request(app).get('/')).status).toBe(404);
      expect((await request(app).get('/dev-console/console.js')).status).toBe(404);
      expect((await request(app).post('/dev-console/api/turn').send({ said: 'where is my order' })).status).toBe(404);
      expect((await request(app).get('/healthz')).status).toBe(200);
    } finally {
      shopvoice.close();
      store.close();
    }
  });
});
