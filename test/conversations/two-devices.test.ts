import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { SkillState } from '../../lambda/commerce/ports';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { alexaConversation, answered, type Conversation, googleConversation } from '../support/conversation';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { type Charge, confirmation, done, type Purchase } from '../support/checkout-expectations';
import type { CartMade } from '../support/shopify-store-server';
import { embeddedStoreRecords, type StoreRecords } from '../support/store-records';
import { traitsOf } from '../support/store-traits';
import { storeTurnSettings, storeUnderTest, TEST_NOW } from '../support/test-app';

/** Ava's usual coffee (lambda/commerce/sqlite/demo-orders.ts): two bags of it. */
const ETHIOPIA = 'ethiopia-yirgacheffe-coffee';
const AVA = { card: 'Visa ending 4242', city: 'Denver' };
const MINUTE = 60_000;

/**
 * The seeded embedded store (reached over HTTP in the 'over-http' jest project), with the skill's
 * state kept either in the same file or on DynamoDB.
 */
type StateKind = 'embedded' | 'dynamodb';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

describe.each<StateKind>(['embedded', 'dynamodb'])('two devices, one order (skill state: %s)', (kind) => {
  let store: EmbeddedStore;
  let state: SkillState & { close?(): void };
  let app: Express;
  let close: () => Promise<void>;
  let now: Date;
  let token: string;
  /** Whether a yes places an order or (Shopify) prepares a cart, and the carts prepared. */
  let purchase: Purchase;
  let carts: () => readonly CartMade[];
  /** What the store under test holds: the demo store's tables, or (Medusa) what its Admin API tells. */
  let records: StoreRecords;
  const placesOrders = () => purchase === 'places-order';
  const confirmationOf = (items: string, total: string, charge: Charge) => confirmation(purchase, { items, total, charge, ...AVA });

  beforeEach(async () => {
    now = TEST_NOW;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-two-devices-'));
    const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false', ...storeTurnSettings() });
    const clock = () => now;
    store = openEmbeddedStore(':memory:', { now: TEST_NOW });
    state =
      kind === 'embedded' ? store.state : createDynamoSkillState({ tablePrefix: await dynamo.tables(), endpoint: dynamo.endpoint }, { clock });
    const storePorts = storeUnderTest(store);
    purchase = traitsOf(storePorts.store).checkout;
    carts = () => storePorts.carts?.() ?? [];
    records = storePorts.records ?? embeddedStoreRecords(store.db);
    const server = createServer(config, createLogger('silent'), {
      adapters: { store: storePorts.store, state },
      clock,
      ...(storePorts.accessTokens ? { accessTokens: storePorts.accessTokens } : {}),
    });
    app = server.app;
    token = storePorts.token?.('shopper-ava') ?? (await signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId: 'shopper-ava' }));
    close = async () => {
      // The last turn's own writes run beside its reply: they land before the state they go to is closed.
      await server.shopvoice.turnWrites.settle(5_000);
      server.shopvoice.close();
      if (state !== store.state) state.close?.();
      storePorts.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterEach(() => close());

  /** Orders placed since the demo store was seeded (its own are all numbered below 10743), a row per line. */
  const placedOrders = async () =>
    (await records.ordersPlaced()).map(({ number, shopperId, line }) => ({ number, shopper_id: shopperId, product_id: line.productId, quantity: line.quantity }));
  const stock = () => records.stockOf(ETHIOPIA);

  async function toConfirmation(device: Conversation): Promise<void> {
    const heard = answered(await device.say('ReorderIntent', { item: 'coffee' }), device.platform);
    expect(heard.text).toBe(confirmationOf('2 bags of Ethiopia Yirgacheffe coffee', '33 dollars 98', { total: '36 dollars 78', tax: '2 dollars 80', delivery: 'free' }));
  }

  /** What Ava hears after a yes that bought her usual: order 10743 on its way, or the cart waiting at the checkout. */
  const boughtCoffee = (orderNumber = '10743', total = '33 dollars 98') => done(purchase, { orderNumber, day: 'on Sunday', total, card: AVA.card });

  /** Carts prepared for Ava: how many, and of what (product and quantity). */
  const cartLines = () => carts().map((cart) => cart.lines.map((line) => ({ shopperId: cart.shopperId, productId: line.productId, quantity: line.quantity })));

  it('Ava says yes on the kitchen and the bedroom Echo at once: one order (or one cart), and both hear it', async () => {
    const kitchen = alexaConversation(app, { token });
    const bedroom = alexaConversation(app, { token });
    await toConfirmation(kitchen);
    await toConfirmation(bedroom);
    const stockBefore = await stock();

    const [first, second] = await Promise.all([kitchen.say('YesIntent'), bedroom.say('YesIntent')]);
    for (const reply of [first, second]) {
      answered(reply, 'alexa');
      expect(reply.text).toBe(boughtCoffee());
      if (placesOrders()) expect(reply.ssml).toContain("<say-as interpret-as='digits'>10743</say-as>");
      expect(reply.listening).toBe(false);
    }
    if (placesOrders()) {
      expect(await placedOrders()).toEqual([{ number: '10743', shopper_id: 'shopper-ava', product_id: ETHIOPIA, quantity: 2 }]);
      expect(await stock()).toBe(stockBefore - 2);
    } else {
      // Both devices were sent the one cart's link.
      expect(await placedOrders()).toEqual([]);
      expect(cartLines()).toEqual([[{ shopperId: 'shopper-ava', productId: ETHIOPIA, quantity: 2 }]]);
      expect(first.card).toEqual(second.card);
      expect(first.card?.text).toBe(`Nothing is ordered yet. Pay at the store's checkout: ${carts()[0]!.checkoutUrl}`);
      expect(await stock()).toBe(stockBefore);
    }
  });

  it('holds across platforms: a yes on an Echo and a Nest at once places one order', async () => {
    const echo = alexaConversation(app, { token });
    const nest = googleConversation(app, { token });
    await toConfirmation(echo);
    await toConfirmation(nest);

    const [onEcho, onNest] = await Promise.all([echo.say('YesIntent'), nest.say('YesIntent')]);
    expect(answered(onEcho, 'alexa').text).toBe(boughtCoffee());
    expect(answered(onNest, 'google').text).toBe(boughtCoffee());
    expect(await placedOrders()).toHaveLength(placesOrders() ? 1 : 0);
    expect(carts()).toHaveLength(placesOrders() ? 0 : 1);
  });

  it('a yes to the same basket once the window has passed is a new order', async () => {
    const kitchen = alexaConversation(app, { token });
    await toConfirmation(kitchen);
    expect((await kitchen.say('YesIntent')).text).toBe(boughtCoffee('10743'));

    now = new Date(TEST_NOW.getTime() + 10 * MINUTE);
    const bedroom = alexaConversation(app, { token });
    await toConfirmation(bedroom);
    expect((await bedroom.say('YesIntent')).text).toBe(boughtCoffee('10744'));
    if (placesOrders()) expect((await placedOrders()).map((order) => order.number)).toEqual(['10743', '10744']);
    else expect(cartLines()).toEqual([[{ shopperId: 'shopper-ava', productId: ETHIOPIA, quantity: 2 }], [{ shopperId: 'shopper-ava', productId: ETHIOPIA, quantity: 2 }]]);
  });

  it('a different quantity is a different basket: two yeses at once place two orders', async () => {
    const kitchen = alexaConversation(app, { token });
    const bedroom = alexaConversation(app, { token });
    await toConfirmation(kitchen);
    await toConfirmation(bedroom);
    expect((await bedroom.say('QuantityIntent', { quantity: '3' })).text).toBe(confirmationOf('3 bags of Ethiopia Yirgacheffe coffee', '50 dollars 97', { total: '55 dollars 18', tax: '4 dollars 21', delivery: 'free' }));

    const answers = await Promise.all([kitchen.say('YesIntent'), bedroom.say('YesIntent')]);
    if (placesOrders()) {
      const numbers = answers.map((reply) => /order number is (\d+)/.exec(reply.text)?.[1]);
      expect(new Set(numbers)).toEqual(new Set(['10743', '10744']));
      expect((await placedOrders()).map((order) => order.quantity).sort()).toEqual([2, 3]);
    } else {
      expect(answers.map((reply) => reply.text)).toEqual([boughtCoffee(undefined, '33 dollars 98'), boughtCoffee(undefined, '50 dollars 97')]);
      expect(await placedOrders()).toEqual([]);
      expect(cartLines().flat().map((line) => line.quantity).sort()).toEqual([2, 3]);
    }
  });
});
