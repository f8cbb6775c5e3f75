import { type Conversation, PLATFORMS, type SlotInput } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';
import type { IntentName } from '../../lambda/core/intents';
import {
  addShopperWithoutOrders,
  addTwoPoundEthiopia,
  allOrderCount,
  COSTA_RICA,
  ETHIOPIA,
  heard,
  placedOrders,
  setPrice,
  setStock,
  stockOf,
} from './reorder-fixtures';

/** How an order number sounds in SSML: one say-as digits element. */
const spokenDigits = (digits: string) => `<say-as interpret-as='digits'>${digits}</say-as>`;

let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp();
});
afterEach(() => testApp.close());

describe.each(PLATFORMS)('reorders on %s', (platform, start) => {
  const converse = async (shopperId: string, locale?: string): Promise<Conversation> =>
    start(testApp.app, { token: await testApp.token(shopperId), ...(locale ? { locale } : {}) });
  const say = async (conversation: Conversation, intent: IntentName, slots?: Record<string, SlotInput>) =>
    heard(await conversation.say(intent, slots), platform);

  it('"reorder my usual coffee" places one order for two bags of her usual coffee, confirmed in one sentence', async () => {
    const ava = await converse('shopper-ava');
    const stockBefore = stockOf(testApp, ETHIOPIA);

    const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toBe(
      "Shall I order 2 bags of Ethiopia Yirgacheffe coffee for 33 dollars 98 on your Visa ending 4242, shipping to Denver?",
    );
    expect(confirm.ssml).toContain(spokenDigits('4242'));
    expect(confirm.listening).toBe(true);
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);

    const done = await say(ava, 'YesIntent');
    expect(done.text).toBe('Done! Your order number is 10743, and it should arrive on Sunday.');
    expect(done.ssml).toContain(spokenDigits('10743'));
    expect(done.listening).toBe(false);
    expect(done.card).toEqual({ title: 'Order placed', text: 'Done! Your order number is 10743, and it should arrive on Sunday.' });
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([
      { number: '10743', product_id: ETHIOPIA, quantity: 2, unit_price_minor: 1699, variant: '{}' },
    ]);
    expect(stockOf(testApp, ETHIOPIA)).toBe(stockBefore - 2);

    // The new order is hers like any other: "where is order 1 0 7 4 3" finds it being prepared.
    const status = await say(await converse('shopper-ava'), 'OrderStatusIntent', { orderNumber: '10743' });
    expect(status.ssml).toContain(spokenDigits('10743'));
    expect(status.text).toMatch(/Ethiopia Yirgacheffe coffee/);
  });

  it('changes the quantity before confirming: "make it three"', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    const changed = await say(ava, 'QuantityIntent', { quantity: '3' });
    expect(changed.text).toBe(
      "Shall I order 3 bags of Ethiopia Yirgacheffe coffee for 50 dollars 97 on your Visa ending 4242, shipping to Denver?",
    );
    await say(ava, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([expect.objectContaining({ product_id: ETHIOPIA, quantity: 3 })]);
  });

  it('says when the price has changed since last time, once, and charges the price it said', async () => {
    setPrice(testApp, ETHIOPIA, 1749);
    const ava = await converse('shopper-ava');
    const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toBe(
      "It's up to 17 dollars 49 each. " +
        "Shall I order 2 bags of Ethiopia Yirgacheffe coffee for 34 dollars 98 on your Visa ending 4242, shipping to Denver?",
    );
    const three = await say(ava, 'QuantityIntent', { quantity: '3' });
    expect(three.text).not.toMatch(/price/);
    await say(ava, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([expect.objectContaining({ quantity: 3, unit_price_minor: 1749 })]);
  });

  it('never charges a price the shopper did not hear: a change after the confirmation is confirmed again', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    setPrice(testApp, ETHIOPIA, 1599);
    const again = await say(ava, 'YesIntent');
    expect(again.text).toMatch(/^The price has just changed\. Shall I order 2 bags of Ethiopia Yirgacheffe coffee for 31 dollars 98 on your /);
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
    await say(ava, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([expect.objectContaining({ unit_price_minor: 1599 })]);
  });

  it('out of stock: says when it is back, offers the closest coffee in stock, and orders that when accepted', async () => {
    setStock(testApp, ETHIOPIA, 0, '2026-12-01');
    const ava = await converse('shopper-ava');
    const offer = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(offer.text).toBe(
      'Sorry, Ethiopia Yirgacheffe coffee is out of stock. It should be back on Tuesday. ' +
        'The closest in stock is Costa Rica Tarrazú coffee, at 17 dollars 49 each. Want that instead?',
    );
    const confirm = await say(ava, 'YesIntent');
    expect(confirm.text).toBe(
      "Shall I order 2 bags of Costa Rica Tarrazú coffee for 34 dollars 98 on your Visa ending 4242, shipping to Denver?",
    );
    await say(ava, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([expect.objectContaining({ product_id: COSTA_RICA, quantity: 2 })]);
    expect(stockOf(testApp, ETHIOPIA)).toBe(0);
  });

  it('out of stock: the same coffee in another bag size comes first, and a no orders nothing', async () => {
    setStock(testApp, ETHIOPIA, 0);
    addTwoPoundEthiopia(testApp);
    const ava = await converse('shopper-ava');
    const offer = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(offer.text).toBe(
      'Sorry, Ethiopia Yirgacheffe coffee is out of stock. The 2 lb size is in stock, at 39 dollars 99 each. Want that instead?',
    );
    const declined = await say(ava, 'NoIntent');
    expect(declined.text).toBe("Okay, I haven't ordered anything. What else can I help with?");
    expect(declined.listening).toBe(true);
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
  });

  it('never orders more than is in stock', async () => {
    setStock(testApp, ETHIOPIA, 1);
    const ava = await converse('shopper-ava');
    const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toMatch(/^Only one is left\. Shall I order 1 bag of Ethiopia Yirgacheffe coffee for 16 dollars 99 on your/);
    setStock(testApp, ETHIOPIA, 0, '2026-11-27');
    const sold = await say(ava, 'YesIntent');
    expect(sold.text).toMatch(/^Sorry, Ethiopia Yirgacheffe coffee is out of stock\. It should be back tomorrow\./);
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
  });

  it('changes the size before confirming: socks in medium, and the bigger bag of coffee', async () => {
    const ava = await converse('shopper-ava');
    const socks = await say(ava, 'ReorderIntent', { item: 'socks' });
    expect(socks.text).toMatch(/^Shall I order 3 merino hiking socks in size L for 54 dollars on your /);
    const medium = await say(ava, 'ChangeSizeIntent', { size: { value: 'medium', id: 'medium' } });
    expect(medium.text).toMatch(/^Shall I order 3 merino hiking socks in size M for 54 dollars on your /);
    const tiny = await say(ava, 'ChangeSizeIntent', { sizeNumber: '4' });
    expect(tiny.text).toBe("There's no size 4 of merino hiking socks. It comes in S, M, or L. Shall I order it as it is?");
    await say(ava, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-ava')).toEqual([expect.objectContaining({ product_id: 'merino-hiking-socks', quantity: 3 })]);
    expect(JSON.parse(placedOrders(testApp, 'shopper-ava')[0]!.variant)).toEqual({ color: 'charcoal', size: 'M' });

    const twoPound = addTwoPoundEthiopia(testApp);
    const coffee = await converse('shopper-ava');
    const usual = await say(coffee, 'ReorderIntent', { item: 'coffee' });
    expect(usual.text).toMatch(/^Shall I order 2 bags of Ethiopia Yirgacheffe coffee in the 12 oz size for 33 dollars 98 on your /);
    const bigger = await say(coffee, 'ChangeSizeIntent', { size: { value: 'the bigger bag', id: 'bigger' } });
    expect(bigger.text).toMatch(/^Shall I order 2 bags of Ethiopia Yirgacheffe coffee in the 2 lb size for 79 dollars 98 on your /);
    const biggest = await say(coffee, 'ChangeSizeIntent', { size: { value: 'bigger', id: 'bigger' } });
    expect(biggest.text).toBe("There's no bigger size of Ethiopia Yirgacheffe coffee. Shall I order it as it is?");
    await say(coffee, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-ava').map((line) => line.product_id)).toEqual(['merino-hiking-socks', twoPound]);
  });

  it('places exactly one order however often the confirmation is repeated or retried', async () => {
    const ava = await converse('shopper-ava');
    const ordersBefore = allOrderCount(testApp);
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    const first = await say(ava, 'YesIntent');
    // The platform sends the same yes again (its response was lost), then the shopper says yes once more.
    const retried = heard(await ava.resend(), platform);
    expect(retried.text).toBe(first.text);
    expect(retried.ssml).toBe(first.ssml);
    const again = await say(ava, 'YesIntent');
    expect(again.text).not.toMatch(/order number/);
    expect(allOrderCount(testApp)).toBe(ordersBefore + 1);
    expect(placedOrders(testApp, 'shopper-ava')).toHaveLength(1);
  });

  it('asks which one when two are bought as often, and orders the one chosen by position', async () => {
    // Cleo bought sencha and matcha once, in the same order.
    const cleo = await converse('shopper-cleo');
    const ask = await say(cleo, 'ReorderIntent', { item: 'tea' });
    expect(ask.text).toBe('You often buy organic sencha or ceremonial matcha. Which one would you like?');
    const confirm = await say(cleo, 'SelectItemIntent', { ordinal: { value: 'second', id: 'second' } });
    expect(confirm.text).toMatch(/^Shall I order 1 pack of ceremonial matcha for 24 dollars on your American Express ending 0005, shipping to Seattle\?$/);
    await say(cleo, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-cleo')).toEqual([expect.objectContaining({ product_id: 'ceremonial-grade-matcha-1-oz', quantity: 1 })]);
  });

  it('"reorder my last order" reorders the one item in it, or asks which when there are several', async () => {
    const ava = await converse('shopper-ava');
    const vest = await say(ava, 'ReorderIntent', { lastOrder: { value: 'last order', id: 'last-order' } });
    expect(vest.text).toMatch(/^Shall I order the hydration vest in size L\/XL for 109 dollars on your /);

    const finn = await converse('shopper-finn');
    const which = await say(finn, 'ReorderIntent', { lastOrder: { value: 'same thing', id: 'last-order' } });
    expect(which.text).toBe('Your last order had Earl Grey crème or dental chews. Which one would you like again?');
    const chews = await say(finn, 'SelectItemIntent', { item: { value: 'dental chews', id: 'pet-supplies' } });
    expect(chews.text).toMatch(/^Shall I order the dental chews for 24 dollars 99 on your Mastercard ending 5100, shipping to Boston\?$/);
  });

  it('"buy more of the dog food" finds the dog food by its words', async () => {
    const ava = await converse('shopper-ava');
    const food = await say(ava, 'ReorderIntent', { item: { value: 'dog food', id: 'pet-supplies' } });
    expect(food.text).toMatch(/^Shall I order the salmon dog food for 64 dollars 99 on your /);
  });

  it('says what the shopper usually buys instead when nothing matches, and takes one of those', async () => {
    const eve = await converse('shopper-eve');
    const instead = await say(eve, 'ReorderIntent', { item: 'coffee' });
    expect(instead.text).toBe("I don't see any coffee in your orders. You usually buy rose face serum or mineral sunscreen. Want one of those?");
    const confirm = await say(eve, 'SelectItemIntent', { ordinal: { value: 'first', id: 'first' } });
    expect(confirm.text).toMatch(/^Shall I order the rose face serum for 38 dollars on your /);
  });

  it('tells a shopper with no orders there is nothing to reorder, and offers a person', async () => {
    const gus = await converse(addShopperWithoutOrders(testApp));
    const ordersBefore = allOrderCount(testApp);
    const nothing = await say(gus, 'ReorderIntent', { item: 'coffee' });
    expect(nothing.text).toBe(
      "I don't see any past orders to reorder from. Want to talk to a person who can help you order?",
    );
    expect(nothing.state).toMatchObject({ active: { flow: 'assistance', step: 'offer-person', data: { reason: 'flow-dead-end', topic: 'reorder' } } });
    expect(allOrderCount(testApp)).toBe(ordersBefore);
  });

  it('asks a guest to link their account before anything else', async () => {
    const guest = heard(await start(testApp.app).say('ReorderIntent', { item: 'coffee' }), platform);
    expect(guest.linkAccount).toBe(true);
  });

  it('explains each step when asked for help, and keeps the step', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    const help = await say(ava, 'HelpIntent');
    expect(help.text).toMatch(/^Say yes to order, or no to leave it\. You can also change the amount/);
    expect(help.state).toMatchObject({ active: { flow: 'checkout', step: 'confirm' } });
    await say(ava, 'YesIntent');
    expect(placedOrders(testApp, 'shopper-ava')).toHaveLength(1);
  });

  it('speaks German', async () => {
    const ava = await converse('shopper-ava', 'de-DE');
    const confirm = await say(ava, 'ReorderIntent', { item: { value: 'Kaffee', id: 'coffee' } });
    expect(confirm.text).toBe(
      'Soll ich 2 Beutel Yirgacheffe-Kaffee aus Äthiopien für 33 Dollar 98 mit Ihrer Visa-Karte mit Endung 4242 nach Denver bestellen?',
    );
    const done = await say(ava, 'YesIntent');
    expect(done.text).toBe('Erledigt! Ihre Bestellnummer ist 10743, und die Lieferung sollte am Sonntag ankommen.');
  });
});
