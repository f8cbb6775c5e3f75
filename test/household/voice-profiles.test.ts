import request from 'supertest';
import { ConfigError, loadConfig } from '../../lambda/config';
import { intentRequest } from '../support/alexa-envelopes';
import { AVA_PIN, placedOrders } from '../reorder/reorder-fixtures';
import { setSqlitePinAlwaysRequired, setSqlitePurchasePin } from '../../lambda/commerce/sqlite/sqlite-purchase-pins';
import { createTestApp, type TestApp } from '../support/test-app';
import { type Echo, householdSession, type Voice } from './household-alexa';

/**
 * One Echo in a kitchen, registered to one Amazon account, which Ava linked to her store account.
 * Ava and Ben each have a voice ID; Ben linked his own store account to his (person-level linking).
 */
const HOME = 'amzn1.ask.account.KITCHEN';
const ASK_PIN = 'Before I place it, please say your four-digit voice PIN.';
const WITHHELD =
  "I can't tell who's speaking, so I don't read out orders on this shared device. I can still help you find something in the store. To hear your own orders, link your Northwind Outfitters account to your voice ID in the Alexa app.";
/** What the demo store says first about each shopper's orders (lambda/commerce/sqlite/demo-orders.ts). */
const AVAS_FIRST_ORDER = 'hydration vest';
const BENS_FIRST_ORDER = 'cast iron skillet';

let testApp: TestApp | undefined;
afterEach(() => {
  testApp?.close();
  testApp = undefined;
});

async function household(env: Record<string, string> = {}) {
  const app = createTestApp(env);
  testApp = app;
  const ava = await app.token('shopper-ava');
  const ben = await app.token('shopper-ben');
  const kitchen: Echo = { userId: HOME, accountToken: ava };
  const voices = {
    ava: { recognised: { personId: 'amzn1.ask.person.AVA', token: ava, level: 300 } },
    ben: { recognised: { personId: 'amzn1.ask.person.BEN', token: ben, level: 300 } },
    /** A guest, or a child without a voice ID: Alexa sends no person. */
    unknown: {},
  } satisfies Record<string, Voice>;
  return { app, kitchen, voices, ava };
}

describe('voice profiles: who is speaking on a shared Echo', () => {
  it('two recognised speakers on one account each hear their own orders', async () => {
    const { app, kitchen, voices } = await household();
    const session = householdSession(app.app, kitchen);

    const avaHears = await session.say(voices.ava, 'OrderStatusIntent');
    expect(avaHears.text).toContain(AVAS_FIRST_ORDER);
    expect(avaHears.text).not.toContain(BENS_FIRST_ORDER);

    const benHears = await session.say(voices.ben, 'OrderStatusIntent');
    expect(benHears.text).toContain(BENS_FIRST_ORDER);
    expect(benHears.text).not.toContain(AVAS_FIRST_ORDER);
    // Ben's own link, not the account's: he is welcomed by his own name.
    expect((await householdSession(app.app, kitchen).launch(voices.ben)).text).toMatch(/\bBen\b/);
  });

  it('an unrecognised speaker on a shared account is told politely that orders are not read out, and what they can do', async () => {
    const { app, kitchen, voices } = await household();
    // Alexa recognised Ava on this account once: several people talk through it.
    await householdSession(app.app, kitchen).say(voices.ava, 'OrderStatusIntent');

    const session = householdSession(app.app, kitchen);
    const welcome = await session.launch(voices.unknown);
    expect(welcome.text).toMatch(/^Welcome to Northwind Outfitters!/);
    expect(welcome.text).not.toMatch(/\bAva\b/);
    for (const intent of ['OrderStatusIntent', 'ReorderIntent'] as const) {
      const withheld = await session.say(voices.unknown, intent, intent === 'ReorderIntent' ? { item: 'coffee' } : {});
      expect(withheld.text).toBe(WITHHELD);
      expect(withheld.listening).toBe(true);
      expect(withheld.text).not.toContain(AVAS_FIRST_ORDER);
    }
    const returning = await session.say(voices.unknown, 'ReturnItemIntent', { item: 'shoes' });
    expect(returning.text).toBe(WITHHELD);
    // What the store lets anyone do still works.
    const search = await session.say(voices.unknown, 'FindProductIntent', { query: 'rain jacket' });
    expect(search.text).toMatch(/^I found \d+ matches\. /);
  });

  it('a step in progress is not continued for a voice Alexa does not recognise', async () => {
    const { app, kitchen, voices } = await household();
    const session = householdSession(app.app, kitchen);
    const ava = await session.say(voices.ava, 'OrderStatusIntent');
    expect(ava.text).toMatch(/Want to hear the other one\?$/);
    const someoneElse = await session.say(voices.unknown, 'YesIntent');
    expect(someoneElse.text).toBe(WITHHELD);
    expect((someoneElse.state as { active?: unknown }).active).toBeUndefined();
  });

  it('on an account where Alexa never recognised anyone, the voice is the linked shopper, as before', async () => {
    const { app, voices, ava } = await household();
    const flat: Echo = { userId: 'amzn1.ask.account.FLAT', accountToken: ava };
    // A recognised speaker on another account says nothing about this one.
    await householdSession(app.app, { userId: HOME, accountToken: ava }).say(voices.ava, 'OrderStatusIntent');
    const heard = await householdSession(app.app, flat).say(voices.unknown, 'OrderStatusIntent');
    expect(heard.text).toContain(AVAS_FIRST_ORDER);
  });

  it('a store that lets anyone hear order details (STORE_ORDER_DETAILS=anyone) reads them to an unrecognised voice', async () => {
    const { app, kitchen, voices } = await household({ STORE_ORDER_DETAILS: 'anyone' });
    await householdSession(app.app, kitchen).say(voices.ava, 'OrderStatusIntent');
    const heard = await householdSession(app.app, kitchen).say(voices.unknown, 'OrderStatusIntent');
    expect(heard.text).toContain(AVAS_FIRST_ORDER);
  });

  it('a recognised speaker who did not link their own account speaks through the account\'s link', async () => {
    const { app, kitchen } = await household();
    const recognisedOnly: Voice = { recognised: { personId: 'amzn1.ask.person.CLEO', level: 300 } };
    const heard = await householdSession(app.app, kitchen).say(recognisedOnly, 'OrderStatusIntent');
    expect(heard.text).toContain(AVAS_FIRST_ORDER);
  });

  it('says it in German too', async () => {
    const { app, kitchen, voices } = await household();
    await householdSession(app.app, kitchen).say(voices.ava, 'OrderStatusIntent');
    const heard = await householdSession(app.app, kitchen, { locale: 'de-DE' }).say(voices.unknown, 'OrderStatusIntent');
    expect(heard.text).toMatch(/^Ich weiß nicht, wer gerade spricht, deshalb lese ich auf diesem geteilten Gerät keine Bestellungen vor\./);
  });

  it('keeps the account only as a keyed hash', async () => {
    const { app, kitchen, voices } = await household();
    await householdSession(app.app, kitchen).say(voices.ava, 'OrderStatusIntent');
    const rows = app.db.prepare<[], { account_key: string }>('SELECT account_key FROM shared_accounts').all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.account_key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain('KITCHEN');
  });

  it('refuses an envelope whose person token is not a string, naming the field', async () => {
    const { app } = await household();
    const envelope = intentRequest('OrderStatusIntent');
    const forged = { ...envelope, context: { System: { ...envelope.context.System, person: { personId: 'p', accessToken: 42 } } } };
    const response = await request(app.app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(forged));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/context\.System\.person/);
  });
});

describe('voice purchases: a recognised speaker or the PIN (STORE_PURCHASE_AUTH=recognised-speaker-or-pin)', () => {
  const SPEAKER_OR_PIN = { PURCHASE_PIN_REQUIRED: 'true', STORE_PURCHASE_AUTH: 'recognised-speaker-or-pin' };

  async function reorderCoffee(app: TestApp, voice: Voice, echo: Echo) {
    const session = householdSession(app.app, echo);
    expect((await session.say(voice, 'ReorderIntent', { item: 'coffee' })).text).toMatch(/^Shall I order 2 bags of Ethiopia Yirgacheffe coffee/);
    return { session, afterYes: await session.say(voice, 'YesIntent') };
  }

  it('a recognised, linked speaker heard with enough confidence buys without the PIN', async () => {
    const { app, kitchen, voices } = await household(SPEAKER_OR_PIN);
    const { afterYes } = await reorderCoffee(app, voices.ava, kitchen);
    expect(afterYes.text).toBe('Done! Your order number is 10743, and it should arrive on Sunday.');
    expect(placedOrders(app, 'shopper-ava')).toHaveLength(1);
  });

  it('a low confidence level does not replace the PIN: the PIN is asked, and then the order is placed', async () => {
    const { app, kitchen, ava } = await household(SPEAKER_OR_PIN);
    const unsure: Voice = { recognised: { personId: 'amzn1.ask.person.AVA', token: ava, level: 200 } };
    const { session, afterYes } = await reorderCoffee(app, unsure, kitchen);
    expect(afterYes.text).toBe(ASK_PIN);
    expect(placedOrders(app, 'shopper-ava')).toEqual([]);
    expect((await session.say(unsure, 'PinIntent', { pin: AVA_PIN })).text).toMatch(/^Done! Your order number is 10743/);
  });

  it('no confidence level at all, a speaker recognised without their own link, or an unrecognised one: the PIN', async () => {
    const { app, ava } = await household(SPEAKER_OR_PIN);
    const voices: Voice[] = [
      { recognised: { personId: 'amzn1.ask.person.AVA', token: ava } },
      { recognised: { personId: 'amzn1.ask.person.AVA', level: 400 } },
      {},
    ];
    for (const voice of voices) {
      // A fresh account each time, so that no voice makes the next one's account shared.
      const echo: Echo = { userId: `amzn1.ask.account.${voices.indexOf(voice)}`, accountToken: ava };
      expect((await reorderCoffee(app, voice, echo)).afterYes.text).toBe(ASK_PIN);
    }
    expect(placedOrders(app, 'shopper-ava')).toEqual([]);
  });

  it('a store whose policy is the PIN alone asks every voice for it, however sure Alexa is', async () => {
    const { app, kitchen, ava } = await household({ PURCHASE_PIN_REQUIRED: 'true' });
    const certain: Voice = { recognised: { personId: 'amzn1.ask.person.AVA', token: ava, level: 400 } };
    expect((await reorderCoffee(app, certain, kitchen)).afterYes.text).toBe(ASK_PIN);
  });

  it('a shopper who turned the PIN on for their own account is asked for it even as a recognised, linked speaker', async () => {
    const { app, kitchen, voices } = await household(SPEAKER_OR_PIN);
    expect(setSqlitePinAlwaysRequired(app.db, 'shopper-ava', true)).toBe(true);
    const { session, afterYes } = await reorderCoffee(app, voices.ava, kitchen);
    expect(afterYes.text).toBe(ASK_PIN);
    expect(placedOrders(app, 'shopper-ava')).toEqual([]);
    expect((await session.say(voices.ava, 'PinIntent', { pin: AVA_PIN })).text).toMatch(/^Done! Your order number is 10743/);
    expect(placedOrders(app, 'shopper-ava')).toHaveLength(1);
  });

  it('the opt-in is the shopper’s own: another recognised speaker on the same Echo still buys without the PIN', async () => {
    const { app, kitchen, voices } = await household(SPEAKER_OR_PIN);
    setSqlitePinAlwaysRequired(app.db, 'shopper-ava', true);
    await setSqlitePurchasePin(app.db, 'shopper-ben', '2468');
    const session = householdSession(app.app, kitchen);
    expect((await session.say(voices.ben, 'ReorderIntent', { item: 'coffee' })).text).toMatch(/^Shall I order/);
    expect((await session.say(voices.ben, 'YesIntent')).text).toMatch(/^Done! Your order number is/);
  });

  it('a store that asks nobody for the PIN still asks the shopper who turned it on, and a wrong one places nothing', async () => {
    const { app, kitchen, voices } = await household();
    setSqlitePinAlwaysRequired(app.db, 'shopper-ava', true);
    const { session, afterYes } = await reorderCoffee(app, voices.ava, kitchen);
    expect(afterYes.text).toBe(ASK_PIN);
    expect((await session.say(voices.ava, 'PinIntent', { pin: '0000' })).text).toBe("That PIN doesn't match. You have 2 more tries. Please say your voice PIN.");
    expect(placedOrders(app, 'shopper-ava')).toEqual([]);
    // Turned back off, the store's policy applies again: no PIN.
    setSqlitePinAlwaysRequired(app.db, 'shopper-ava', false);
    expect((await reorderCoffee(app, voices.ava, { ...kitchen, userId: 'amzn1.ask.account.OTHER' })).afterYes.text).toMatch(/^Done! Your order number is/);
  });

  it('will not start with a recognised speaker as the only check', () => {
    expect(() => loadConfig({ STORE_PURCHASE_AUTH: 'recognised-speaker-or-pin' })).toThrow(ConfigError);
    expect(() => loadConfig({ STORE_PURCHASE_AUTH: 'recognised-speaker-or-pin' })).toThrow(/PURCHASE_PIN_REQUIRED: must be true when STORE_PURCHASE_AUTH=recognised-speaker-or-pin/);
    expect(() => loadConfig({ STORE_ORDER_DETAILS: 'family' })).toThrow(/STORE_ORDER_DETAILS: must be anyone or recognised-speaker-when-shared/);
    expect(loadConfig({}).store.household).toEqual({ purchaseAuth: 'pin', orderDetails: 'recognised-speaker-when-shared', minSpeakerConfidence: 300 });
  });
});
