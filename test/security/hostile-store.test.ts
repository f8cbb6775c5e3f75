import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { ALEXA_BUILT_IN_INTENTS } from '../../interaction-models/lib/platforms';
import type { IntentName } from '../../lambda/core/intents';
import { MAX_SESSION_STATE_BYTES } from '../../lambda/core/session-state';
import { intentRequest, launchRequest } from '../support/alexa-envelopes';
import { type SlotInput, speechText } from '../support/conversation';
import { mainInvocation, webhookRequest } from '../support/google-requests';
import { HOSTILE, hostileStoreOver, PADDING } from '../support/hostile-store';
import { generateCatalog } from '../../tools/bench/catalog-generator';
import { carriedState } from '../support/sealed-state';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A store API that answers 5,000 search results to a page of three, 10,000 orders to a limit of
 * 100, and 5,000-character names, carriers and tracking texts, reached the way STORE_ADAPTER=http
 * reaches a store. Every reply must stay inside what both platforms accept, keep its session state
 * under the cap, and still say something useful.
 *
 * The turns go through real envelopes and webhook bodies, but not through test/support/conversation.ts:
 * its listen-time budget is for the demo store's data. With 30 packages to an order, an answer that
 * fits the platforms can still be long to listen to; that is the order-status flow's to shorten.
 */

/** One answered turn, as the platform received it. */
interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly ssml: string;
  readonly text: string;
  readonly listening: boolean;
  readonly card?: { readonly text?: string };
  /** The session state carried to the next turn, unsealed. */
  readonly state: unknown;
}

interface Talk {
  launch(): Promise<Answer>;
  say(intent: IntentName, slots?: Record<string, SlotInput>): Promise<Answer>;
}

/** Alexa envelopes over POST /alexa, carrying sessionAttributes from turn to turn. */
function alexaTalk(app: Express, token: string): Talk {
  const sessionId = `amzn1.echo-api.session.${randomUUID()}`;
  let attributes: Record<string, unknown> = {};
  let newSession = true;
  const options = () => ({ sessionId, accessToken: token, attributes, newSession, screen: true });
  async function send(envelope: object): Promise<Answer> {
    const response = await request(app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(envelope));
    newSession = false;
    const body = response.body as Record<string, any>;
    attributes = body.sessionAttributes ?? {};
    const ssml = String(body.response?.outputSpeech?.ssml ?? '');
    const card = body.response?.card;
    return {
      status: response.status,
      body,
      ssml,
      text: speechText(ssml),
      listening: body.response?.shouldEndSession === false,
      card: card?.type === 'Simple' ? { text: card.content } : undefined,
      state: carriedState(attributes.shopvoice),
    };
  }
  return {
    launch: () => send(launchRequest(options())),
    say: (intent, slots = {}) =>
      send(
        intentRequest(
          ALEXA_BUILT_IN_INTENTS.includes(intent) ? `AMAZON.${intent}` : intent,
          Object.fromEntries(Object.entries(slots).map(([slot, value]) => [slot, typeof value === 'string' ? value : { value: value.value, id: value.id }])),
          options(),
        ),
      ),
  };
}

/** Actions Builder webhook bodies over POST /google, carrying session.params and the scene. */
function googleTalk(app: Express, token: string): Talk {
  const sessionId = `ABwppHF${randomUUID().replace(/-/g, '')}`;
  let sessionParams: Record<string, unknown> = {};
  let scene = 'actions.scene.START_CONVERSATION';
  const options = () => ({ sessionId, bearerToken: token, sessionParams, scene, screen: true });
  async function send(webhookBody: object): Promise<Answer> {
    const response = await request(app).post('/google').send(webhookBody);
    const body = response.body as Record<string, any>;
    sessionParams = body.session?.params ?? sessionParams;
    scene = body.scene?.next?.name ?? scene;
    const ssml = String(body.prompt?.firstSimple?.speech ?? '');
    const card = body.prompt?.content?.card;
    return {
      status: response.status,
      body,
      ssml,
      text: speechText(ssml),
      listening: scene !== 'actions.scene.END_CONVERSATION',
      card: card ? { text: card.text } : undefined,
      state: carriedState(sessionParams.shopvoice),
    };
  }
  return {
    launch: () => send(mainInvocation(options())),
    say: (intent, slots = {}) =>
      send(
        webhookRequest(
          intent,
          Object.fromEntries(
            Object.entries(slots).map(([slot, value]) => [
              slot,
              typeof value === 'string' ? { original: value, resolved: value } : { original: value.value, resolved: value.id },
            ]),
          ),
          options(),
        ),
      ),
  };
}

const PLATFORMS = [
  ['alexa', alexaTalk],
  ['google', googleTalk],
] as const;

/** Alexa: output speech under 8,000 characters of SSML, the whole response under 24 KB. */
const MAX_SSML_CHARS = 8_000;
const MAX_RESPONSE_BYTES = 24 * 1024;

/** What the shopper hears when a turn failed: a hostile store must not reduce every answer to these. */
const APOLOGIES = /something went wrong|store isn't answering|lost track of where we were/i;

/** Every piece of SSML in a response body: speech and reprompt on Alexa, prompts on Google. */
function ssmlIn(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('<speak>') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(ssmlIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(ssmlIn);
  return [];
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** Largest SSML, response and state of the replies a describe block heard. */
interface Sizes {
  ssml: number;
  body: number;
  state: number;
}

/** Asserts the turn was answered inside both platforms' limits, with something other than an apology. */
function bounded(heard: Answer, platform: 'alexa' | 'google', largest: Sizes): Answer {
  expect(heard.status).toBe(200);
  expectValidSsml(heard.ssml, platform);
  const ssml = ssmlIn(heard.body);
  expect(ssml.length).toBeGreaterThan(0);
  for (const each of ssml) expect(each.length).toBeLessThan(MAX_SSML_CHARS);
  expect(bytes(heard.body)).toBeLessThan(MAX_RESPONSE_BYTES);
  expect(bytes(heard.state)).toBeLessThan(MAX_SESSION_STATE_BYTES);
  expect(heard.text).not.toMatch(APOLOGIES);
  // Every text was cut to a few words: none goes on for two paddings, let alone 5,000 characters.
  expect(heard.text).not.toContain(`${PADDING}${PADDING}`.trim());
  largest.ssml = Math.max(largest.ssml, ...ssml.map((each) => each.length));
  largest.body = Math.max(largest.body, bytes(heard.body));
  largest.state = Math.max(largest.state, bytes(heard.state));
  return heard;
}

describe.each(PLATFORMS)('a hostile store, on %s', (platform, talk) => {
  let testApp: TestApp;
  beforeEach(() => {
    testApp = createTestApp({}, { store: hostileStoreOver });
  });
  afterEach(() => testApp.close());

  const largest: Sizes = { ssml: 0, body: 0, state: 0 };
  const converse = async (): Promise<Talk> => talk(testApp.app, await testApp.token('shopper-ava'));
  const say = async (conversation: Talk, intent: IntentName, slots?: Record<string, SlotInput>) =>
    bounded(await conversation.say(intent, slots), platform, largest);

  it('greets the shopper by a name cut to a few words', async () => {
    const welcome = bounded(await (await converse()).launch(), platform, largest);
    expect(welcome.text).toMatch(/^Welcome back to .+, Ava & the <very> "long"/);
  });

  it('reads one of 10,000 orders at a time, and an order of 30 packages as three and the rest', async () => {
    const ava = await converse();
    const onTheWay = await say(ava, 'OrderStatusIntent');
    // Only the 100 newest orders are read (one in transit, 89 still being prepared), and one is said, named by its items.
    expect(onTheWay.text).toMatch(/^You have 90 orders on the way\./);
    expect(onTheWay.text.match(/\b(The order|A package) with\b/g)).toHaveLength(1);
    expect(onTheWay.text).not.toMatch(/Order \d+/);
    expect(onTheWay.text).toMatch(/Want to hear the others\?$/);
    const remaining = (heard: { state: unknown }) => (heard.state as { active: { data: { remaining: string[] } } }).active.data.remaining.length;
    expect(remaining(onTheWay)).toBeGreaterThan(80);
    const more = await say(ava, 'YesIntent');
    expect(more.text.match(/\b(The order|A package) with\b/g)).toHaveLength(1);
    expect(more.text).toMatch(/Want to hear the others\?$/);
    expect(remaining(more)).toBe(remaining(onTheWay) - 1);

    const [newest] = await testApp.commerce.orders.listForShopper('shopper-ava', { limit: 1 });
    const packages = await say(await converse(), 'OrderStatusIntent', { orderNumber: newest!.number });
    expect(packages.text).toMatch(new RegExp(`Order ${newest!.number} comes in ${HOSTILE.packages} packages: .+, and ${HOSTILE.packages - 3} more packages\\.`));
    expect(packages.text).toMatch(/has a delivery problem; Carrier 1 & the <very> "long"/);
  });

  it('reads two of 5,000 search results, pages on, tells more about one and takes it to checkout', async () => {
    const ava = await converse();
    const found = await say(ava, 'FindProductIntent', { query: 'a waterproof jacket for hiking' });
    expect(found.text).toMatch(/^I found 5,?000 matches\. /);
    expect((found.state as { active: { data: { shown: string[] } } }).active.data.shown).toHaveLength(2);
    expect(found.card?.text?.split('\n')).toHaveLength(2);

    const next = await say(ava, 'NextIntent');
    expect(next.text).toMatch(/^The next ones: /);
    expect((next.state as { active: { data: { offset: number } } }).active.data.offset).toBe(2);

    const detail = await say(ava, 'ProductDetailIntent', { ordinal: { value: 'first', id: 'first' } });
    expect(detail.text).toMatch(/ by .+ & the <very>/);
    expect(detail.text).toMatch(/Want to order it\?$/);

    const which = await say(ava, 'BuyIntent');
    // The real sizes are offered; the hundred over-long ones the store added are not read at all.
    expect(which.text).toMatch(/^Which size of .+ would you like\? Sizes go from \w{1,3} to \w{1,3}\.$/);
    const confirm = await say(ava, 'ChangeSizeIntent', { size: { value: 'medium', id: 'medium' } });
    expect(confirm.text).toMatch(/in size M from Northwind Outfitters to Denver & the .+, for .+\?$/);
    const placed = await say(ava, 'YesIntent');
    expect(placed.text).toMatch(/^Done! Your order number is \d+/);
  });

  it('reorders the usual coffee out of 10,000 orders', async () => {
    const ava = await converse();
    const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toMatch(/^Shall I order 2 bags of Ethiopia Yirgacheffe coffee & the <very> from Northwind Outfitters to Denver & the .+, for /);
    const placed = await say(ava, 'YesIntent');
    expect(placed.text).toMatch(/^Done! Your order number is \d+/);
  });

  it('returns the shoes, found among 10,000 orders', async () => {
    const ava = await converse();
    const found = await say(ava, 'ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' } });
    expect(found.text).toMatch(/^Sure\. Is that the Trailblazer running shoes & the <very> from your order on ?.+\?$/);
    const reason = await say(ava, 'YesIntent');
    expect(reason.listening).toBe(true);
    const summary = await say(ava, 'ReturnReasonIntent', { reason: { value: "don't fit", id: 'size' } });
    expect(summary.text).toMatch(/^Shall I take back the Trailblazer running shoes & the <very>, for a poor fit, and refund /);
    const done = await say(ava, 'YesIntent');
    expect(done.text).toMatch(/^Your return number is \d+\./);
  });

  it('stayed far inside the limits on every turn, not just under them', () => {
    expect(largest.ssml).toBeGreaterThan(0);
    expect(largest.ssml).toBeLessThan(MAX_SSML_CHARS / 2);
    expect(largest.body).toBeLessThan(MAX_RESPONSE_BYTES / 2);
    expect(largest.state).toBeLessThan(MAX_SESSION_STATE_BYTES / 2);
  });
});

/**
 * The embedded store with 5,000 more products and 10,000 more orders: its SQL reads pages and
 * order lists of the size asked for, so the same flows stay as bounded as over HTTP.
 */
describe.each(PLATFORMS)('a huge embedded store, on %s', (platform, talk) => {
  let testApp: TestApp;
  beforeAll(() => {
    testApp = createTestApp();
    const catalog = generateCatalog(HOSTILE.searchResults);
    const insertProduct = testApp.db.prepare(
      `INSERT INTO products (id, sku, name, spoken_name, brand, category, description, price_minor, currency, stock, attributes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?)`,
    );
    const insertOrder = testApp.db.prepare(`INSERT INTO orders (number, shopper_id, placed_at, currency, total_minor) VALUES (?, 'shopper-ava', ?, 'USD', ?)`);
    const insertLine = testApp.db.prepare(
      `INSERT INTO order_lines (id, order_number, position, product_id, sku, name, category, quantity, unit_price_minor, currency)
       VALUES (?, ?, 1, ?, ?, ?, ?, 1, ?, 'USD')`,
    );
    // Older than every order of the demo's, and never shipped: 10,000 orders still "on the way".
    const oldest = (testApp.db.prepare(`SELECT MIN(placed_at) AS at FROM orders WHERE shopper_id = 'shopper-ava'`).get() as { at: number }).at;
    const jacket = catalog.find((product) => product.category === 'jackets')!;
    testApp.db.transaction(() => {
      for (const product of catalog) {
        const { id, sku, name, spokenName, brand, category, description, priceMinor, stock, attributes } = product;
        insertProduct.run(id, sku, name, spokenName, brand, category, description, priceMinor, stock, attributes);
      }
      for (let index = 0; index < HOSTILE.orders; index += 1) {
        const number = String(900_000 + index);
        insertOrder.run(number, oldest - (index + 1) * 3_600_000, jacket.priceMinor);
        insertLine.run(`${number}-1`, number, jacket.id, jacket.sku, jacket.name, jacket.category, jacket.priceMinor);
      }
    })();
  });
  afterAll(() => testApp.close());

  const largest: Sizes = { ssml: 0, body: 0, state: 0 };
  const converse = async (): Promise<Talk> => talk(testApp.app, await testApp.token('shopper-ava'));
  const say = async (conversation: Talk, intent: IntentName, slots?: Record<string, SlotInput>) =>
    bounded(await conversation.say(intent, slots), platform, largest);

  it('reads one of the orders on the way, and offers the rest', async () => {
    const ava = await converse();
    const onTheWay = await say(ava, 'OrderStatusIntent');
    expect(onTheWay.text).toMatch(/^You have \d+ orders on the way\./);
    expect(onTheWay.text.match(/\b(The order|A package) with\b/g)).toHaveLength(1);
    expect(onTheWay.text).toMatch(/Want to hear the (other one|others)\?$/);
    expect((await say(ava, 'YesIntent')).text.match(/\b(The order|A package) with\b/g)).toHaveLength(1);
  });

  it('reads two of hundreds of jackets, and the next two', async () => {
    const ava = await converse();
    const found = await say(ava, 'FindProductIntent', { query: 'jackets' });
    // Hundreds of jackets: the count stops past 100, and says so.
    expect(found.text).toMatch(/^I found more than 100 matches\. /);
    expect((found.state as { active: { data: { shown: string[] } } }).active.data.shown).toHaveLength(2);
    expect((await say(ava, 'NextIntent')).text).toMatch(/^The next ones: /);
  });

  it('reorders the usual coffee and starts a return among 10,000 orders', async () => {
    const reorder = await say(await converse(), 'ReorderIntent', { item: 'coffee' });
    expect(reorder.text).toMatch(/^Shall I order 2 bags of Ethiopia Yirgacheffe coffee from Northwind Outfitters to Denver, for /);
    const found = await say(await converse(), 'ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' } });
    expect(found.text).toMatch(/^Sure\. Is that the Trailblazer running shoes from your order on/);
  });

  it('stayed far inside the limits on every turn', () => {
    expect(largest.ssml).toBeGreaterThan(0);
    expect(largest.ssml).toBeLessThan(MAX_SSML_CHARS / 2);
    expect(largest.state).toBeLessThan(MAX_SESSION_STATE_BYTES / 2);
  });
});
