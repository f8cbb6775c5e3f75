import request from 'supertest';
import type { Product } from '../../lambda/commerce/ports';
import { aplUserEvent, intentRequest } from '../support/alexa-envelopes';
import { aplProblems } from '../support/apl-validation';
import { speechText } from '../support/conversation';
import { carriedState } from '../support/sealed-state';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());

type Envelope = ReturnType<typeof intentRequest>;
type Interfaces = Record<string, unknown>;

interface Answer {
  readonly text: string;
  readonly directives: Record<string, any>[];
  readonly state: any;
  readonly listening: boolean;
}

/** One Alexa session over `POST /alexa` on a device with the given interfaces, carrying its attributes. */
function session(options: { token?: string; interfaces?: Interfaces } = {}) {
  const sessionId = `amzn1.echo-api.session.screen-${Math.random().toString(36).slice(2)}`;
  let attributes: Record<string, unknown> = {};
  let isNew = true;
  const common = () => ({ sessionId, attributes, newSession: isNew, accessToken: options.token });
  async function send(envelope: Envelope): Promise<Answer> {
    const interfaces = options.interfaces ?? {};
    const onDevice = { ...envelope, context: { ...envelope.context, System: { ...envelope.context.System, device: { ...envelope.context.System.device, supportedInterfaces: interfaces } } } };
    const response = await request(testApp.app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(onDevice));
    expect(response.status).toBe(200);
    isNew = false;
    attributes = response.body.sessionAttributes ?? {};
    const ssml = String(response.body.response?.outputSpeech?.ssml ?? '');
    expectValidSsml(ssml, 'alexa');
    return {
      text: speechText(ssml),
      directives: response.body.response?.directives ?? [],
      state: carriedState(attributes.shopvoice),
      listening: response.body.response?.shouldEndSession === false,
    };
  }
  return {
    say: (intent: string, slots: Record<string, string | { value: string; id: string }> = {}) => send(intentRequest(intent, slots, common())),
    touch: (args: readonly unknown[]) => send(aplUserEvent(args, common()) as Envelope),
  };
}

const APL = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } };
const JACKETS = { query: 'a waterproof jacket for hiking under $150' };

async function product(id: string): Promise<Product> {
  const found = await testApp.commerce.catalog.findById(id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

function renderDocument(answer: Answer): Record<string, any> {
  const render = answer.directives.filter((directive) => directive.type === 'Alexa.Presentation.APL.RenderDocument');
  expect(render).toHaveLength(1);
  return render[0] as Record<string, any>;
}

describe('answers on Alexa screens (APL)', () => {
  it('shows the products a search offered, with name and price, in the order they were said, in a document that validates', async () => {
    const answer = await session({ interfaces: APL }).say('FindProductIntent', JACKETS);
    const directive = renderDocument(answer);
    const offered = await Promise.all((answer.state.active.data.onScreen as string[]).map(product));
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(directive.datasources.screen.title).toBe('Search results');
    expect(directive.datasources.screen.products).toEqual(
      offered.map((each, index) => ({ position: index + 1, name: each.name, price: `$${(each.price.minor / 100).toFixed(2)}`, note: '', imageUrl: '' })),
    );
    expect(await aplProblems(directive.document)).toEqual([]);
    // The words are data, never part of the document APL evaluates.
    for (const each of offered) expect(JSON.stringify(directive.document)).not.toContain(each.name);
  });

  it('sends no directive to a device without APL, an older runtime, or only the old Display interface, and says the same', async () => {
    const withScreen = await session({ interfaces: APL }).say('FindProductIntent', JACKETS);
    for (const interfaces of [{}, { Display: {} }, { 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.4' } } }]) {
      const answer = await session({ interfaces }).say('FindProductIntent', JACKETS);
      expect(answer.directives).toEqual([]);
      expect(answer.text).toBe(withScreen.text);
    }
  });

  it('touching the second product does exactly what saying "the second one" does', async () => {
    const spoken = session({ interfaces: APL });
    await spoken.say('FindProductIntent', JACKETS);
    const said = await spoken.say('SelectItemIntent', { ordinal: { value: 'second', id: 'second' } });

    const touched = session({ interfaces: APL });
    const results = await touched.say('FindProductIntent', JACKETS);
    const tapped = await touched.touch(['shopvoice.choose', 'product', 2]);

    const second = await product(results.state.active.data.shown[1]);
    expect(tapped.text).toContain(second.brand);
    expect(tapped.text).toBe(said.text);
    expect(tapped.state).toEqual(said.state);
    expect(tapped.listening).toBe(true);
  });

  it('shows three on the screen, the two said and the next result, and touching the third does exactly what saying "the third one" does', async () => {
    const spoken = session({ interfaces: APL });
    const results = await spoken.say('FindProductIntent', JACKETS);
    const onScreen = await Promise.all((results.state.active.data.onScreen as string[]).map(product));
    expect(onScreen).toHaveLength(3);
    expect(results.state.active.data.shown).toEqual(onScreen.slice(0, 2).map((each) => each.id));
    expect(renderDocument(results).datasources.screen.products.map((tile: { name: string }) => tile.name)).toEqual(onScreen.map((each) => each.name));
    // Voice keeps to its budget: the words are those a device without a screen hears, two products.
    expect(results.text).toBe((await session().say('FindProductIntent', JACKETS)).text);
    const said = await spoken.say('SelectItemIntent', { ordinal: { value: 'third', id: 'third' } });
    expect(said.state.active.data.focus).toBe(onScreen[2]!.id);

    const touched = session({ interfaces: APL });
    await touched.say('FindProductIntent', JACKETS);
    const tapped = await touched.touch(['shopvoice.choose', 'product', 3]);
    expect(tapped.text).toBe(said.text);
    expect(tapped.state).toEqual(said.state);

    // "More" goes on after what was said: the third, only shown so far, is said first.
    const more = session({ interfaces: APL });
    await more.say('FindProductIntent', JACKETS);
    expect((await more.say('AMAZON.NextIntent')).state.active.data.shown[0]).toBe(onScreen[2]!.id);
  });

  it('a device that draws nothing offers the two it said, and "the third one" is not one of them', async () => {
    const voiceOnly = session();
    const results = await voiceOnly.say('FindProductIntent', JACKETS);
    expect(results.state.active.data.shown).toHaveLength(2);
    expect(results.state.active.data.onScreen).toBeUndefined();
    const third = await voiceOnly.say('SelectItemIntent', { ordinal: { value: 'third', id: 'third' } });
    expect(third.listening).toBe(true);
    expect(third.state.active.data.focus).toBeUndefined();
  });

  it.each([
    ['a place past the list', ['shopvoice.choose', 'product', 9]],
    ['an event of something else', ['something', 'else']],
    ['an order number that is not one', ['shopvoice.choose', 'order', '<x/>']],
    ['no arguments', []],
  ])('a touch with %s is not understood, as words that are not would be', async (_what, args) => {
    const fallback = session({ interfaces: APL });
    await fallback.say('FindProductIntent', JACKETS);
    const expected = await fallback.say('AMAZON.FallbackIntent');
    const touched = session({ interfaces: APL });
    await touched.say('FindProductIntent', JACKETS);
    const answer = await touched.touch(args);
    expect(answer.text).toBe(expected.text);
    expect(answer.listening).toBe(true);
  });

  it('shows the orders an answer is about as a compact list with each state; touching one asks about that order', async () => {
    const token = await testApp.token('shopper-ava');
    const screen = session({ token, interfaces: APL });
    const answer = await screen.say('OrderStatusIntent');
    const directive = renderDocument(answer);
    expect(await aplProblems(directive.document)).toEqual([]);
    const rows = directive.datasources.screen.orders as { orderNumber: string; label: string; items: string; state: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      const order = await testApp.commerce.orders.findForShopper('shopper-ava', row.orderNumber);
      expect(order).toBeDefined();
      expect(row.label).toBe(`Order ${row.orderNumber}`);
      expect(row.items.startsWith(order!.lines[0]!.spokenName)).toBe(true);
      expect(row.state).toMatch(/^(Not shipped yet|Cancelled|With .+, not scanned yet|Ships soon|Arrives \w{3}, \w{3} \d{1,2}|On the way|Out for delivery|Late, was due .+|Delivery attempt failed|Ready for pickup|Delivered( .+)?|Delivery problem|No tracking updates)$/);
    }

    const last = rows[rows.length - 1]!;
    const tapped = await screen.touch(['shopvoice.choose', 'order', last.orderNumber]);
    const asked = await session({ token, interfaces: APL }).say('OrderStatusIntent', { orderNumber: last.orderNumber });
    expect(tapped.text).toBe(asked.text);
    expect(renderDocument(tapped).datasources.screen.orders).toEqual([rows[rows.length - 1]]);
  });

  it('no order list without a screen', async () => {
    const answer = await session({ token: await testApp.token('shopper-ava') }).say('OrderStatusIntent');
    expect(answer.text).not.toBe('');
    expect(answer.directives).toEqual([]);
  });
});
