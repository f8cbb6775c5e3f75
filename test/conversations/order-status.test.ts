import type { Order } from '../../lambda/commerce/ports';
import { ordersOnTheWay, progressOf } from '../../lambda/flows/order-status/relevance';
import { Voice } from '../../lambda/speech/voice';
import { answered, type Conversation, type Heard, PLATFORMS } from '../support/conversation';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());

const voice = new Voice('en-US', 'America/New_York');
const daysFromToday = (instant: Date) => voice.daysBetween(TEST_NOW, instant);

/** How an order number sounds in SSML: one say-as digits element. */
const spokenNumber = (number: string) => `<say-as interpret-as='digits'>${number}</say-as>`;

async function ordersOf(shopperId: string): Promise<readonly Order[]> {
  return testApp.commerce.orders.listForShopper(shopperId, { limit: 100 });
}

async function findOrder(predicate: (order: Order) => boolean): Promise<Order> {
  for (const shopper of ['shopper-ava', 'shopper-ben', 'shopper-cleo', 'shopper-dan', 'shopper-eve']) {
    const found = (await ordersOf(shopper)).find(predicate);
    if (found) return found;
  }
  throw new Error('the demo store has no such order');
}


describe.each(PLATFORMS)('order status on %s', (platform, start) => {
  const converse = async (shopperId?: string, options: { token?: string } = {}): Promise<Conversation> =>
    start(testApp.app, { token: options.token ?? (shopperId ? await testApp.token(shopperId) : undefined) });

  it('greets a linked shopper by name and a guest without one', async () => {
    const linked = answered(await (await converse('shopper-ava')).launch(), platform);
    // Short, with one thing to try.
    expect(linked.text).toBe('Welcome back to Northwind Outfitters, Ava! What can I do for you? Try: where is my order?');
    expect(linked.listening).toBe(true);
    const guest = answered(await (await converse()).launch(), platform);
    expect(guest.text).toMatch(/^Welcome to Northwind Outfitters!/);
    expect(guest.text).not.toContain('Ava');
  });

  it('asks a shopper without a valid token to link their account', async () => {
    for (const token of [undefined, 'not-a-jwt', await testApp.token('shopper-ava', '-5m')]) {
      const heard = answered(await (await converse(undefined, { token })).say('OrderStatusIntent'), platform);
      expect(heard.linkAccount).toBe(true);
      expect(heard.text).toContain('link your Northwind Outfitters account');
      expect(heard.ssml).not.toContain('digits');
    }
  });

  it("leads with the count and the most urgent order, then reads the rest one at a time", async () => {
    // Ben has more orders in flight than one answer reads.
    const relevant = ordersOnTheWay(await ordersOf('shopper-ben'), daysFromToday);
    const expected = relevant.map((order) => order.number);
    const moving = relevant.filter((order) => progressOf(order, daysFromToday) !== 'just-delivered').length;
    expect(expected.length).toBeGreaterThan(3);
    const conversation = await converse('shopper-ben');
    const first = answered(await conversation.say('OrderStatusIntent'), platform);
    expect(first.text).toMatch(new RegExp(`^You have ${moving === 1 ? 'one order' : `${moving} orders`} on the way\\.`));
    // One order, named by what is in it: no order number is read in a list.
    expect(first.text).toContain(relevant[0]!.lines[0]!.spokenName);
    for (const number of expected) expect(first.ssml).not.toContain(spokenNumber(number));

    // Nobody else's orders are mentioned.
    for (const order of await ordersOf('shopper-ava')) expect(first.ssml).not.toContain(spokenNumber(order.number));

    expect(first.listening).toBe(true);
    // Three sentences: the count, the order that matters most (a split one by its most urgent package), the offer.
    expect(first.text.split(/(?<=[.?!])\s+/)).toHaveLength(3);
    expect(first.text).toMatch(/^You have \d+ orders on the way\. (The order|A package) with your [^.]+\. Want to hear the others\?$/);
    expect(first.state).toMatchObject({ active: { flow: 'order-status', step: 'offered-more', data: { remaining: expected.slice(1), focus: expected.slice(0, 1) } } });

    const second = answered(await conversation.say('YesIntent'), platform);
    expect(second.text).toContain(relevant[1]!.lines[0]!.spokenName);
    expect(second.text).not.toMatch(/orders on the way/);
    for (const number of expected) expect(second.ssml).not.toContain(spokenNumber(number));
    expect(second.listening).toBe(expected.length > 2);
  });

  it('reads the most urgent order first: out for delivery, then a delay, then one being prepared', async () => {
    const conversation = await converse('shopper-ben');
    const heard = [answered(await conversation.say('OrderStatusIntent'), platform)];
    const offersMore = (reply: Heard) => (reply.state as { active?: { step?: string } } | undefined)?.active?.step === 'offered-more';
    while (offersMore(heard.at(-1)!)) heard.push(answered(await conversation.say('YesIntent'), platform));
    const text = heard.map((reply) => reply.text).join(' ');
    const at = (phrase: RegExp) => text.search(phrase);
    expect(heard[0]!.text).toMatch(/out for delivery/);
    expect(at(/out for delivery/)).toBeLessThan(at(/running late/));
    expect(at(/running late/)).toBeLessThan(at(/hasn't shipped yet/));
  });

  it('answers "when will it arrive" about the order just read, without reading the list again', async () => {
    const relevant = ordersOnTheWay(await ordersOf('shopper-ben'), daysFromToday);
    const conversation = await converse('shopper-ben');
    answered(await conversation.say('OrderStatusIntent'), platform);
    const followUp = answered(await conversation.say('OrderStatusIntent'), platform);
    expect(followUp.text).toContain(relevant[0]!.lines[0]!.spokenName);
    for (const other of relevant.slice(1)) expect(followUp.text).not.toContain(other.lines[0]!.spokenName);
    expect(followUp.text).not.toMatch(/orders on the way/);
  });

  it('answers for one order number, and says the same for an unknown number and for another shopper’s', async () => {
    const own = (await ordersOf('shopper-ava'))[0]!;
    const heard = answered(await (await converse('shopper-ava')).say('OrderStatusIntent', { orderNumber: own.number }), platform);
    expect(heard.ssml).toContain(spokenNumber(own.number));
    expect(heard.text).not.toMatch(/couldn't find/);

    const foreign = (await ordersOf('shopper-ben'))[0]!;
    const unknown = '99999';
    expect(await testApp.commerce.orders.findForShopper('shopper-ben', unknown)).toBeUndefined();
    const forForeign = answered(await (await converse('shopper-ava')).say('OrderStatusIntent', { orderNumber: foreign.number }), platform);
    const forUnknown = answered(await (await converse('shopper-ava')).say('OrderStatusIntent', { orderNumber: unknown }), platform);
    expect(forForeign.text).toBe(forUnknown.text.replace(unknown, foreign.number));
    expect(forForeign.text).toMatch(/^I couldn't find order \d+ on your account\./);
    const foreignItems = foreign.lines.map((line) => line.spokenName);
    for (const item of foreignItems) expect(forForeign.text).not.toContain(item);
    expect(forForeign.listening).toBe(true);
  });

  it('finds the order by what is in it', async () => {
    const conversation = await converse('shopper-ava');
    const heard = answered(await conversation.say('OrderStatusIntent', { item: { value: 'running shoes', id: 'shoes' } }), platform);
    const withShoes = (await ordersOf('shopper-ava')).filter((order) => order.lines.some((line) => line.category === 'shoes'));
    expect(withShoes.length).toBeGreaterThan(0);
    expect(withShoes.some((order) => order.lines.some((line) => line.category === 'shoes' && heard.text.includes(line.spokenName)))).toBe(true);

    const nothing = answered(await (await converse('shopper-ava')).say('OrderStatusIntent', { item: 'submarine' }), platform);
    expect(nothing.text).toMatch(/^I couldn't find any submarine in your recent orders\./);
  });

  it('explains an order that comes in two packages', async () => {
    const split = await findOrder((order) => order.shipments.length === 2 && order.state !== 'cancelled');
    const heard = answered(await (await converse(split.shopperId)).say('OrderStatusIntent', { orderNumber: split.number }), platform);
    // Asked by number, the order is named by its number; each package in a few words.
    expect(heard.ssml).toContain(spokenNumber(split.number));
    expect(heard.text).toMatch(/comes in (2|3) packages: one with .+,? and (one with|the rest,) .+\.$/);
    // One colon at most: a package's own status never brings a second.
    expect((heard.text.match(/:/g) ?? []).length).toBe(1);
  });

  it('explains a delivery problem and files one handoff when the shopper accepts a person', async () => {
    const troubled = await findOrder((order) => order.shipments.some((shipment) => shipment.status === 'Exception'));
    const conversation = await converse(troubled.shopperId);
    const heard = answered(await conversation.say('OrderStatusIntent', { orderNumber: troubled.number }), platform);
    const problem = troubled.shipments.find((shipment) => shipment.status === 'Exception')!;
    const carrierWords = problem.events.find((event) => event.status === 'Exception')!.description.replace(/[.!]+$/, '');
    // With the carrier's own words where the store has them; Shopify's fulfillment events carry none.
    expect(heard.text).toContain(
      testApp.traits.carrierWords ? ` has a delivery problem; ${problem.carrier} says, ${carrierWords}. ` : ` has a delivery problem with ${problem.carrier}. `,
    );
    expect(heard.text).toMatch(/Want to talk to a person about it\?$/);
    expect(heard.listening).toBe(true);

    const filed = answered(await conversation.say('YesIntent'), platform);
    expect(filed.text).toMatch(/Your reference number is \d+\./);
    expect(filed.listening).toBe(false);
    const reference = /reference number is (\d+)/.exec(filed.text)![1]!;
    const tickets = testApp.db.prepare('SELECT * FROM handoffs WHERE reference = ?').all(reference) as Record<string, unknown>[];
    expect(tickets).toHaveLength(1);
    expect(JSON.stringify(tickets[0])).toContain(troubled.number);
    expect(JSON.stringify(tickets[0])).toContain('delivery-problem');
  });

  it.each([
    ['a delivered order, with the day', (order: Order) => order.shipments.length === 1 && order.shipments[0]!.status === 'Delivered', /^Order \d+ with your .+ was delivered (today|yesterday|on \w+)\.$/],
    ['a failed delivery attempt', (order: Order) => order.shipments.some((shipment) => shipment.status === 'AttemptFail'), /couldn't be delivered (today|yesterday|on \w+); \w+ will try again\./],
    ['a parcel waiting for pickup', (order: Order) => order.shipments.some((shipment) => shipment.status === 'AvailableForPickup'), /is ready for pickup at .+\./],
    ['an order being prepared', (order: Order) => order.state === 'processing', /^Order \d+ with your .+ hasn't shipped yet\.$/],
    ['a cancelled order', (order: Order) => order.state === 'cancelled', /^Order \d+ with your .+ was cancelled\.$/],
    ['a partly shipped order', (order: Order) => order.state === 'partially-fulfilled', /the rest, .+, hasn't shipped yet\.$/],
  ])('explains %s in natural words', async (_name, predicate, phrase) => {
    const order = await findOrder(predicate);
    const heard = answered(await (await converse(order.shopperId)).say('OrderStatusIntent', { orderNumber: order.number }), platform);
    expect(heard.text).toMatch(phrase);
  });

  it('says nothing is on the way, and when the last order arrived, when nothing is in flight', async () => {
    const [order] = await ordersOf('shopper-eve');
    const shipment = order!.shipments[0]!;
    const tenDaysAgo = new Date(TEST_NOW.getTime() - 10 * 86_400_000);
    const undeliver = await testApp.records.deliver(order!.number, shipment.trackingNumber, tenDaysAgo);
    try {
      const heard = answered(await (await converse('shopper-eve')).say('OrderStatusIntent'), platform);
      expect(heard.text).toMatch(new RegExp(`^You have no orders on the way right now\\. Your last order, ${order!.number}, was delivered on`));
      expect(heard.ssml).toContain(spokenNumber(order!.number));
      // More than a week ago: said as a date, not a weekday.
      expect(heard.ssml).toMatch(/was delivered on <say-as interpret-as="date"( format="mmdd" detail="2")?>(\?\?\?\?1116|11-16)<\/say-as>\.<\/speak>$/);
      expect(heard.listening).toBe(false);
    } finally {
      await undeliver();
    }
  });

  it('speaks product names with &, < and quotes safely', async () => {
    const order = (await ordersOf('shopper-eve'))[0]!;
    const line = order.lines[0]!;
    const tricky = `Salt & Pepper <Grinder> "Deluxe" it's`;
    const rename = await testApp.records.setSpokenName(line.productId, tricky);
    try {
      const heard = answered(await (await converse('shopper-eve')).say('OrderStatusIntent', { orderNumber: order.number }), platform);
      expect(heard.ssml).toContain('Salt &amp; Pepper &lt;Grinder&gt; &quot;Deluxe&quot; it&apos;s');
      expect(heard.text).toContain(tricky);
    } finally {
      await rename();
    }
  });
});

describe('order status in German', () => {
  it('answers a German Alexa request in German, with German days', async () => {
    const conversation = PLATFORMS[0][1](testApp.app, { token: await testApp.token('shopper-ava'), locale: 'de-DE' });
    const heard = answered(await conversation.say('OrderStatusIntent'), 'alexa');
    expect(heard.text).toMatch(/^(Eine Bestellung ist|\d+ Bestellungen sind) zu Ihnen unterwegs\./);
    expect(heard.text).toMatch(/Die Bestellung mit /);
    expect(heard.text).not.toMatch(/\b(your|order|is on its way|tomorrow)\b/);
  });

  it('answers a German Google request in German', async () => {
    const conversation = PLATFORMS[1][1](testApp.app, { locale: 'de-DE' });
    const heard = answered(await conversation.launch(), 'google');
    expect(heard.text).toMatch(/^Willkommen bei Northwind Outfitters!/);
  });
});

describe('order status on both platforms', () => {
  it('tells the same shopper the same thing on Alexa and on Google', async () => {
    const token = await testApp.token('shopper-ben');
    const [[, alexa], [, google]] = PLATFORMS;
    const onAlexa = await alexa(testApp.app, { token }).say('OrderStatusIntent');
    const onGoogle = await google(testApp.app, { token }).say('OrderStatusIntent');
    expect(onAlexa.text.length).toBeGreaterThan(100);
    expect(onGoogle.text).toBe(onAlexa.text);
    expect(onGoogle.card).toEqual(onAlexa.card);
  });
});
