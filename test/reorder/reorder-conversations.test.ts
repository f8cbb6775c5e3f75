import { bought, confirmation, expectDone, ordersPlacedFor } from '../support/checkout-expectations';
import { type Conversation, PLATFORMS, type SlotInput } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';
import type { IntentName } from '../../lambda/core/intents';
import { addShopperWithoutOrders, addTwoPoundEthiopia, COSTA_RICA, ETHIOPIA, heard } from './reorder-fixtures';

/** How an order number sounds in SSML: one say-as digits element. */
const spokenDigits = (digits: string) => `<say-as interpret-as='digits'>${digits}</say-as>`;

/** The card and city each shopper's orders are charged to and shipped to (the demo store's profiles). */
const AVA = { card: 'Visa ending 4242', city: 'Denver' };
const CLEO = { card: 'American Express ending 0005', city: 'Seattle' };
const FINN = { card: 'Mastercard ending 5100', city: 'Boston' };
const COFFEE = '2 bags of Ethiopia Yirgacheffe coffee';

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
  /** Whether a yes places the order or prepares a cart in the store under test (Shopify's way). */
  const purchase = () => testApp.traits.checkout;
  const placesOrders = () => purchase() === 'places-order';

  it('"reorder my usual coffee" buys two bags of her usual coffee once (an order, or a cart where the store takes payment at its checkout), confirmed in one sentence', async () => {
    const ava = await converse('shopper-ava');
    const stockBefore = await testApp.records.stockOf(ETHIOPIA);

    const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toBe(confirmation(purchase(), { items: COFFEE, total: '33 dollars 98', charge: { total: '36 dollars 78', tax: '2 dollars 80', delivery: 'free' }, ...AVA }));
    // The card is not read back (the seller, tax and delivery take the time); an order's app card names it.
    expect(confirm.ssml).not.toContain('4242');
    expect(confirm.listening).toBe(true);
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);

    const done = await say(ava, 'YesIntent');
    expectDone(testApp, done, { orderNumber: '10743', day: 'on Sunday', total: '33 dollars 98', card: AVA.card });
    expect(await bought(testApp, 'shopper-ava')).toEqual([{ productId: ETHIOPIA, quantity: 2, unitPriceMinor: 1699, variant: {} }]);
    const status = await say(await converse('shopper-ava'), 'OrderStatusIntent', { orderNumber: '10743' });
    if (placesOrders()) {
      expect(done.ssml).toContain(spokenDigits('10743'));
      expect((await ordersPlacedFor(testApp, 'shopper-ava')).map((order) => order.number)).toEqual(['10743']);
      expect(await testApp.records.stockOf(ETHIOPIA)).toBe(stockBefore - 2);
      // The new order is hers like any other: "where is order 1 0 7 4 3" finds it being prepared.
      expect(status.ssml).toContain(spokenDigits('10743'));
      expect(status.text).toMatch(/Ethiopia Yirgacheffe coffee/);
    } else {
      // A cart holds no stock and is no order: there is no order 10743 to ask about.
      expect(done.ssml).not.toContain('digits');
      expect(await testApp.records.stockOf(ETHIOPIA)).toBe(stockBefore);
      expect(status.text).toMatch(/^I couldn't find order 10743 on your account\./);
    }
  });

  it('changes the quantity before confirming: "make it three"', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    const changed = await say(ava, 'QuantityIntent', { quantity: '3' });
    expect(changed.text).toBe(confirmation(purchase(), { items: '3 bags of Ethiopia Yirgacheffe coffee', total: '50 dollars 97', charge: { total: '55 dollars 18', tax: '4 dollars 21', delivery: 'free' }, ...AVA }));
    await say(ava, 'YesIntent');
    expect(await bought(testApp, 'shopper-ava')).toEqual([{ productId: ETHIOPIA, quantity: 3, unitPriceMinor: 1699, variant: {} }]);
  });

  it('says when the price has changed since last time, once, and charges the price it said', async () => {
    await testApp.records.setPrice(ETHIOPIA, 1749);
    const ava = await converse('shopper-ava');
    const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toBe(`It's up to 17 dollars 49 each. ${confirmation(purchase(), { items: COFFEE, total: '34 dollars 98', charge: { total: '37 dollars 87', tax: '2 dollars 89', delivery: 'free' }, ...AVA })}`);
    const three = await say(ava, 'QuantityIntent', { quantity: '3' });
    expect(three.text).not.toMatch(/price/);
    await say(ava, 'YesIntent');
    expect(await bought(testApp, 'shopper-ava')).toEqual([{ productId: ETHIOPIA, quantity: 3, unitPriceMinor: 1749, variant: {} }]);
  });

  it('never charges a price the shopper did not hear: a change after the confirmation is confirmed again', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    await testApp.records.setPrice(ETHIOPIA, 1599);
    const again = await say(ava, 'YesIntent');
    expect(again.text).toBe(`The price has just changed. ${confirmation(purchase(), { items: COFFEE, total: '31 dollars 98', charge: { total: '34 dollars 62', tax: '2 dollars 64', delivery: 'free' }, ...AVA })}`);
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);
    await say(ava, 'YesIntent');
    expect(await bought(testApp, 'shopper-ava')).toEqual([{ productId: ETHIOPIA, quantity: 2, unitPriceMinor: 1599, variant: {} }]);
  });

  it('out of stock: says when it is back, offers the closest coffee in stock, and orders that when accepted', async () => {
    await testApp.records.setStock(ETHIOPIA, 0, '2026-12-01');
    const ava = await converse('shopper-ava');
    const offer = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(offer.text).toBe(
      'Sorry, Ethiopia Yirgacheffe coffee is out of stock. It should be back on Tuesday. ' +
        'The closest in stock is Costa Rica Tarrazú coffee, at 17 dollars 49 each. Want that instead?',
    );
    const confirm = await say(ava, 'YesIntent');
    expect(confirm.text).toBe(confirmation(purchase(), { items: '2 bags of Costa Rica Tarrazú coffee', total: '34 dollars 98', charge: { total: '37 dollars 87', tax: '2 dollars 89', delivery: 'free' }, ...AVA }));
    await say(ava, 'YesIntent');
    expect(await bought(testApp, 'shopper-ava')).toEqual([{ productId: COSTA_RICA, quantity: 2, unitPriceMinor: 1749, variant: {} }]);
    expect(await testApp.records.stockOf(ETHIOPIA)).toBe(0);
  });

  it('out of stock: the same coffee in another bag size comes first, and a no orders nothing', async () => {
    await testApp.records.setStock(ETHIOPIA, 0);
    await addTwoPoundEthiopia(testApp);
    const ava = await converse('shopper-ava');
    const offer = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(offer.text).toBe(
      'Sorry, Ethiopia Yirgacheffe coffee is out of stock. The 2 lb size is in stock, at 39 dollars 99 each. Want that instead?',
    );
    const declined = await say(ava, 'NoIntent');
    expect(declined.text).toBe("Okay, I haven't ordered anything. What else can I help with?");
    expect(declined.listening).toBe(true);
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);
  });

  it('never orders more than is in stock', async () => {
    await testApp.records.setStock(ETHIOPIA, 1);
    const ava = await converse('shopper-ava');
    const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toBe(`Only one is left. ${confirmation(purchase(), { items: '1 bag of Ethiopia Yirgacheffe coffee', total: '16 dollars 99', charge: { total: '23 dollars 38', tax: '1 dollar 40', delivery: '4 dollars 99' }, ...AVA })}`);
    await testApp.records.setStock(ETHIOPIA, 0, '2026-11-27');
    const sold = await say(ava, 'YesIntent');
    expect(sold.text).toMatch(/^Sorry, Ethiopia Yirgacheffe coffee is out of stock\. It should be back tomorrow\./);
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);
  });

  it('changes the size before confirming: socks in medium, and the bigger bag of coffee', async () => {
    const ava = await converse('shopper-ava');
    const asIs = placesOrders() ? 'Shall I order it as it is?' : 'Shall I put it in a cart as it is?';
    const socks = await say(ava, 'ReorderIntent', { item: 'socks' });
    expect(socks.text).toBe(confirmation(purchase(), { items: '3 merino hiking socks in size L', total: '54 dollars', charge: { total: '58 dollars 46', tax: '4 dollars 46', delivery: 'free' }, ...AVA }));
    const medium = await say(ava, 'ChangeSizeIntent', { size: { value: 'medium', id: 'medium' } });
    expect(medium.text).toBe(confirmation(purchase(), { items: '3 merino hiking socks in size M', total: '54 dollars', charge: { total: '58 dollars 46', tax: '4 dollars 46', delivery: 'free' }, ...AVA }));
    const tiny = await say(ava, 'ChangeSizeIntent', { sizeNumber: '4' });
    expect(tiny.text).toBe(`There's no size 4 of merino hiking socks. It comes in S, M, or L. ${asIs}`);
    await say(ava, 'YesIntent');
    expect(await bought(testApp, 'shopper-ava')).toEqual([{ productId: 'merino-hiking-socks', quantity: 3, unitPriceMinor: 1800, variant: { color: 'charcoal', size: 'M' } }]);

    const twoPound = await addTwoPoundEthiopia(testApp);
    const coffee = await converse('shopper-ava');
    const usual = await say(coffee, 'ReorderIntent', { item: 'coffee' });
    expect(usual.text).toBe(confirmation(purchase(), { items: `${COFFEE} in the 12 oz size`, total: '33 dollars 98', charge: { total: '36 dollars 78', tax: '2 dollars 80', delivery: 'free' }, ...AVA }));
    const bigger = await say(coffee, 'ChangeSizeIntent', { size: { value: 'the bigger bag', id: 'bigger' } });
    expect(bigger.text).toBe(confirmation(purchase(), { items: `${COFFEE} in the 2 lb size`, total: '79 dollars 98', charge: { total: '86 dollars 58', tax: '6 dollars 60', delivery: 'free' }, ...AVA }));
    const biggest = await say(coffee, 'ChangeSizeIntent', { size: { value: 'bigger', id: 'bigger' } });
    expect(biggest.text).toBe(`There's no bigger size of Ethiopia Yirgacheffe coffee. ${asIs}`);
    await say(coffee, 'YesIntent');
    expect((await bought(testApp, 'shopper-ava')).map((line) => line.productId)).toEqual(['merino-hiking-socks', twoPound]);
  });

  it('places exactly one order (or prepares one cart) however often the confirmation is repeated or retried', async () => {
    const ava = await converse('shopper-ava');
    const ordersBefore = await testApp.records.orderCount();
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    const first = await say(ava, 'YesIntent');
    // The platform sends the same yes again (its response was lost), then the shopper says yes once more.
    const retried = heard(await ava.resend(), platform);
    expect(retried.text).toBe(first.text);
    expect(retried.ssml).toBe(first.ssml);
    const again = await say(ava, 'YesIntent');
    expect(again.text).not.toMatch(/order number|in a cart/);
    expect(await testApp.records.orderCount()).toBe(ordersBefore + (placesOrders() ? 1 : 0));
    expect(await bought(testApp, 'shopper-ava')).toHaveLength(1);
    expect(testApp.carts()).toHaveLength(placesOrders() ? 0 : 1);
  });

  it('asks which one when two are bought as often, and orders the one chosen by position', async () => {
    // Cleo bought sencha and matcha once, in the same order.
    const cleo = await converse('shopper-cleo');
    const ask = await say(cleo, 'ReorderIntent', { item: 'tea' });
    expect(ask.text).toBe('You often buy organic sencha or ceremonial matcha. Which one would you like?');
    const confirm = await say(cleo, 'SelectItemIntent', { ordinal: { value: 'second', id: 'second' } });
    expect(confirm.text).toBe(confirmation(purchase(), { items: '1 pack of ceremonial matcha', total: '24 dollars', charge: { total: '30 dollars 97', tax: '1 dollar 98', delivery: '4 dollars 99' }, ...CLEO }));
    await say(cleo, 'YesIntent');
    expect(await bought(testApp, 'shopper-cleo')).toEqual([{ productId: 'ceremonial-grade-matcha-1-oz', quantity: 1, unitPriceMinor: 2400, variant: {} }]);
  });

  it('"reorder my last order" reorders the one item in it, or asks which when there are several', async () => {
    const ava = await converse('shopper-ava');
    const vest = await say(ava, 'ReorderIntent', { lastOrder: { value: 'last order', id: 'last-order' } });
    expect(vest.text).toBe(confirmation(purchase(), { items: 'the hydration vest in size L/XL', total: '109 dollars', charge: { total: '117 dollars 99', tax: '8 dollars 99', delivery: 'free' }, ...AVA }));
    // A size of the catalog's own the language model knows (npm run models fills SizeChoice with it).
    const smaller = await say(ava, 'ChangeSizeIntent', { size: { value: 'small medium', id: 's-m' } });
    expect(smaller.text).toBe(confirmation(purchase(), { items: 'the hydration vest in size S/M', total: '109 dollars', charge: { total: '117 dollars 99', tax: '8 dollars 99', delivery: 'free' }, ...AVA }));

    const finn = await converse('shopper-finn');
    const which = await say(finn, 'ReorderIntent', { lastOrder: { value: 'same thing', id: 'last-order' } });
    expect(which.text).toBe('Your last order had Earl Grey crème or dental chews. Which one would you like again?');
    const chews = await say(finn, 'SelectItemIntent', { item: { value: 'dental chews', id: 'pet-supplies' } });
    expect(chews.text).toBe(confirmation(purchase(), { items: 'the dental chews', total: '24 dollars 99', charge: { total: '32 dollars and 4 cents', tax: '2 dollars and 6 cents', delivery: '4 dollars 99' }, ...FINN }));
  });

  it('"buy more of the dog food" finds the dog food by its words', async () => {
    const ava = await converse('shopper-ava');
    const food = await say(ava, 'ReorderIntent', { item: { value: 'dog food', id: 'pet-supplies' } });
    expect(food.text).toBe(confirmation(purchase(), { items: 'the salmon dog food', total: '64 dollars 99', charge: { total: '70 dollars 35', tax: '5 dollars 36', delivery: 'free' }, ...AVA }));
  });

  it('says what the shopper usually buys instead when nothing matches, and takes one of those', async () => {
    const eve = await converse('shopper-eve');
    const instead = await say(eve, 'ReorderIntent', { item: 'coffee' });
    expect(instead.text).toBe("I don't see any coffee in your orders. You usually buy rose face serum or mineral sunscreen. Want one of those?");
    const confirm = await say(eve, 'SelectItemIntent', { ordinal: { value: 'first', id: 'first' } });
    expect(confirm.text).toBe(confirmation(purchase(), { items: 'the rose face serum', total: '38 dollars', charge: { total: '41 dollars 14', tax: '3 dollars 14', delivery: 'free' }, city: 'Portland' }));
  });

  it('tells a shopper with no orders there is nothing to reorder, and offers a person', async () => {
    const gus = await converse(await addShopperWithoutOrders(testApp));
    const ordersBefore = await testApp.records.orderCount();
    const nothing = await say(gus, 'ReorderIntent', { item: 'coffee' });
    expect(nothing.text).toBe(
      "I don't see any past orders to reorder from. Want to talk to a person who can help you order?",
    );
    expect(nothing.state).toMatchObject({ active: { flow: 'assistance', step: 'offer-person', data: { reason: 'flow-dead-end', topic: 'reorder' } } });
    expect(await testApp.records.orderCount()).toBe(ordersBefore);
  });

  it('asks a guest to link their account before anything else', async () => {
    const guest = heard(await start(testApp.app).say('ReorderIntent', { item: 'coffee' }), platform);
    expect(guest.linkAccount).toBe(true);
  });

  it('explains each step when asked for help, and keeps the step', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    const help = await say(ava, 'HelpIntent');
    expect(help.text).toBe(
      `Say yes to ${placesOrders() ? 'order' : 'put it in a cart'}, or no to leave it. You can also change the amount or the size, like, make it three.`,
    );
    expect(help.state).toMatchObject({ active: { flow: 'checkout', step: 'confirm' } });
    await say(ava, 'YesIntent');
    expect(await bought(testApp, 'shopper-ava')).toHaveLength(1);
  });

  it('speaks German', async () => {
    const ava = await converse('shopper-ava', 'de-DE');
    const confirm = await say(ava, 'ReorderIntent', { item: { value: 'Kaffee', id: 'coffee' } });
    expect(confirm.text).toBe(
      confirmation(purchase(), { items: '2 Beutel Yirgacheffe-Kaffee aus Äthiopien', total: '33 Dollar 98', charge: { total: '36 Dollar 78', tax: '2 Dollar 80', delivery: 'free' }, city: 'Denver' }, 'de-DE'),
    );
    const done = await say(ava, 'YesIntent');
    expectDone(testApp, done, { orderNumber: '10743', day: 'am Sonntag', total: '33 Dollar 98', card: 'Visa-Karte mit Endung 4242' }, 'de-DE');
  });
});
