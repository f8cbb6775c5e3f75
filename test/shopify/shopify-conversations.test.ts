import { confirmation, done } from '../support/checkout-expectations';
import { answered, PLATFORMS, speechText } from '../support/conversation';
import { serveShopifyOnLoopback, type ShopifyStoreServer } from '../support/shopify-store-server';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';

/**
 * What is Shopify's own in a conversation over the Shopify adapter (the rest of the conversation
 * suite runs over it as the 'over-shopify' jest project): "order it" prepares a cart and sends its
 * checkout link, never an order, and a return refunds to the original payment, whose card Shopify
 * does not tell.
 */
let testApp: TestApp;
let shopify: ShopifyStoreServer;

beforeAll(() => {
  testApp = createTestApp({}, {
    store: (embedded) => {
      shopify = serveShopifyOnLoopback(embedded, { now: () => TEST_NOW });
      return { store: shopify.store, accessTokens: shopify.accessTokens, token: (id, expiresIn) => shopify.token(id, expiresIn), close: () => shopify.close() };
    },
  });
});
afterAll(() => testApp.close());

const orderLinesOf = (app: TestApp) => (app.db.prepare('SELECT COUNT(*) AS n FROM order_lines').get() as { n: number }).n;
const orderLines = () => orderLinesOf(testApp);
const resolvedGoals = () => testApp.db.prepare("SELECT goal FROM turn_events WHERE outcome = 'resolved'").all() as { goal: string }[];

describe.each(PLATFORMS)('Shopify on %s', (platform, start) => {
  it('"order it" puts the jacket in a cart and sends the link to pay; nothing is ordered', async () => {
    const token = await testApp.token(platform === 'alexa' ? 'shopper-ava' : 'shopper-ben');
    const conversation = start(testApp.app, { token });
    const ordersBefore = orderLines();
    const cartsBefore = shopify.carts.length;
    await conversation.say('FindProductIntent', { query: 'a waterproof jacket for hiking under $150' });
    answered(await conversation.say('BuyIntent', { ordinal: { value: 'first', id: 'first' } }), platform);
    const confirm = answered(await conversation.say('ChangeSizeIntent', { size: { value: 'medium', id: 'medium' } }), platform);
    expect(confirm.text).toMatch(/^Shall I put the .+ in size M for 139 dollars in a cart, so you can pay at the store's checkout\?$/);
    if (platform === 'alexa') {
      // The reprompt, said when the shopper stays silent, asks about the cart too, never about placing an order.
      const reprompt = (confirm.body as { response: { reprompt: { outputSpeech: { ssml: string } } } }).response.reprompt.outputSpeech.ssml;
      expect(speechText(reprompt)).toBe('Shall I put it in a cart? Yes or no?');
    }
    const done = answered(await conversation.say('YesIntent'), platform);
    expect(done.text).toMatch(/^It's in a cart, 139 dollars before shipping\. Nothing is ordered yet/);
    expect(done.text).not.toMatch(/order number/i);
    expect(done.listening).toBe(false);
    expect(done.card?.text).toMatch(/^Nothing is ordered yet\. Pay at the store's checkout: https:\/\/northwind-outfitters\.myshopify\.com\/cart\/c\//);
    // One cart, made with the jacket's medium variant and carrying the shopper's token, so the checkout opens signed in.
    expect(shopify.carts).toHaveLength(cartsBefore + 1);
    const cart = shopify.carts.at(-1)!;
    expect(cart.lines).toEqual([
      { merchandiseId: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\//), quantity: 1, productId: 'stormline-rain-jacket', options: { color: 'blue', size: 'M' }, unitPriceMinor: 13_900 },
    ]);
    expect(cart.shopperId).toBe(platform === 'alexa' ? 'shopper-ava' : 'shopper-ben');
    expect(cart.buyerToken).toBe(token);
    expect(orderLines()).toBe(ordersBefore);
    // The report counts it as a cart prepared, not an order placed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resolvedGoals().map((event) => event.goal)).toContain('cart-prepared');
    expect(resolvedGoals().map((event) => event.goal)).not.toContain('order-placed');
  });
});

describe('Shopify with PURCHASE_PIN_REQUIRED=true', () => {
  let pinApp: TestApp;
  let pinShopify: ShopifyStoreServer;
  // A new store each time: the same basket again within the duplicate-order window would get the first cart back.
  beforeEach(() => {
    pinApp = createTestApp({ PURCHASE_PIN_REQUIRED: 'true' }, {
      store: (embedded) => {
        pinShopify = serveShopifyOnLoopback(embedded, { now: () => TEST_NOW });
        return { store: pinShopify.store, accessTokens: pinShopify.accessTokens, token: (id, expiresIn) => pinShopify.token(id, expiresIn), close: () => pinShopify.close() };
      },
    });
  });
  afterEach(() => pinApp.close());

  const pinRows = () => pinApp.db.prepare('SELECT shopper_id, wrong_tries, locked_until FROM purchase_pins ORDER BY shopper_id').all();

  it.each(PLATFORMS)('on %s, a yes to "reorder my coffee" makes the cart without asking the PIN: a cart charges nothing', async (platform, start) => {
    const pinsBefore = pinRows();
    const orderLinesBefore = orderLinesOf(pinApp);
    const cartsBefore = pinShopify.carts.length;
    const ava = start(pinApp.app, { token: await pinApp.token('shopper-ava') });
    const asked = answered(await ava.say('ReorderIntent', { item: 'coffee' }), platform);
    expect(asked.text).toBe(confirmation('prepares-cart', { items: '2 bags of Ethiopia Yirgacheffe coffee', total: '33 dollars 98', charge: { total: '', tax: '', delivery: 'free' }, city: '' }));
    const yes = answered(await ava.say('YesIntent'), platform);
    expect(yes.text).toBe(done('prepares-cart', { orderNumber: '', day: '', total: '33 dollars 98' }));
    expect(yes.text).not.toMatch(/PIN/);
    expect(pinShopify.carts).toHaveLength(cartsBefore + 1);
    expect(pinShopify.carts.at(-1)).toMatchObject({ shopperId: 'shopper-ava', lines: [expect.objectContaining({ quantity: 2 })] });
    expect(orderLinesOf(pinApp)).toBe(orderLinesBefore);
    // No try was counted against the PIN: it was never asked.
    expect(pinRows()).toEqual(pinsBefore);
  });

  it('a shopper who never set a PIN can still fill a cart: the PIN is not what guards it', async () => {
    pinApp.db.prepare('DELETE FROM purchase_pins WHERE shopper_id = ?').run('shopper-ava');
    const cartsBefore = pinShopify.carts.length;
    const ava = PLATFORMS[0][1](pinApp.app, { token: await pinApp.token('shopper-ava') });
    answered(await ava.say('ReorderIntent', { item: 'coffee' }), 'alexa');
    const yes = answered(await ava.say('YesIntent'), 'alexa');
    expect(yes.text).toBe(done('prepares-cart', { orderNumber: '', day: '', total: '33 dollars 98' }));
    expect(pinShopify.carts).toHaveLength(cartsBefore + 1);
  });
});

describe('Shopify returns', () => {
  it('requests the return from Shopify, says it was requested, and refunds to the original payment, whose card Shopify does not tell', async () => {
    const ava = PLATFORMS[0][1](testApp.app, { token: await testApp.token('shopper-ava') });
    const found = await ava.say('ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' }, date: '2026-W47', reason: { value: "don't fit", id: 'size' } });
    expect(found.text).toMatch(/^Sure\. Is that the Trailblazer running shoes from your order/);
    const summary = await ava.say('YesIntent');
    expect(summary.text).toBe('Shall I take back the Trailblazer running shoes, for a poor fit, and refund 129 dollars 99 to your original payment method?');
    const done = await ava.say('YesIntent');
    const rows = testApp.db.prepare('SELECT order_number, reason, quantity FROM returns').all() as { order_number: string; reason: string; quantity: number }[];
    expect(rows).toEqual([{ order_number: '10605', reason: 'size', quantity: 1 }]);
    // Shopify answered the request as REQUESTED: the store approves it, and the label follows.
    // Its name, "#10605-R1" (the order's first return), is said with each run of digits read as digits.
    expect(done.text).toBe("I've requested the return. Its number is 10605 R 1. Once the store approves it, your prepaid label comes by email.");
    expect(done.ssml).toContain("Its number is <say-as interpret-as='digits'>10605</say-as> R <say-as interpret-as='digits'>1</say-as>.");
    expect(done.card).toEqual({ title: 'Your return', text: `${done.text} Once it reaches us, 129 dollars 99 goes back to your original payment method.` });
  });
});
