import type { IntentName } from '../../lambda/core/intents';
import { type Conversation, PLATFORMS, type SlotInput } from '../support/conversation';
import { createTestApp, storeOnMedusa, storeOnShopify, TEST_NOW, type TestApp } from '../support/test-app';
import { bought, expectDone } from '../support/checkout-expectations';
import { AVA_PIN, FINN_PIN, heard } from './reorder-fixtures';

const LOCKOUT_MINUTES = 15;

let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp({ PURCHASE_PIN_REQUIRED: 'true', PURCHASE_PIN_LOCKOUT_MINUTES: String(LOCKOUT_MINUTES) });
});
afterEach(() => testApp.close());

function pinRow(shopperId: string) {
  return testApp.db
    .prepare<[string], { wrong_tries: number; locked_until: number | null }>('SELECT wrong_tries, locked_until FROM purchase_pins WHERE shopper_id = ?')
    .get(shopperId);
}

function handoffs(shopperId: string) {
  return testApp.db.prepare<[string], { reason: string; summary: string }>('SELECT reason, summary FROM handoffs WHERE shopper_id = ?').all(shopperId);
}

/**
 * The PIN guards a charge to the saved card. On Shopify and Medusa a yes only prepares a cart, paid
 * for on the store's checkout page, so no PIN is asked there: test/shopify/shopify-conversations.test.ts
 * and test/medusa/medusa-conversations.medusa.ts hold that conversation.
 */
const whereAYesCharges = storeOnShopify() || storeOnMedusa() ? describe.skip : describe;

whereAYesCharges.each(PLATFORMS)('the purchase PIN on %s', (platform, start) => {
  const converse = async (shopperId: string): Promise<Conversation> => start(testApp.app, { token: await testApp.token(shopperId) });
  const say = async (conversation: Conversation, intent: IntentName, slots?: Record<string, SlotInput>) =>
    heard(await conversation.say(intent, slots), platform);
  const askPin = () => 'Before I place it, please say your four-digit voice PIN.';

  it('asks for the PIN after the yes, and places the order only once the PIN matches', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    const ask = await say(ava, 'YesIntent');
    expect(ask.text).toBe(askPin());
    expect(ask.listening).toBe(true);
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);

    const wrong = await say(ava, 'PinIntent', { pin: '8642' });
    expect(wrong.text).toBe("That PIN doesn't match. You have 2 more tries. Please say your voice PIN.");
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);
    expect(pinRow('shopper-ava')).toEqual({ wrong_tries: 1, locked_until: null });

    const done = await say(ava, 'PinIntent', { pin: AVA_PIN });
    expectDone(testApp, done, { orderNumber: '10743', day: 'on Sunday', total: '33 dollars 98', card: 'Visa ending 4242' });
    expect(await bought(testApp, 'shopper-ava')).toHaveLength(1);
    // A right PIN starts the count of wrong ones again.
    expect(pinRow('shopper-ava')).toEqual({ wrong_tries: 0, locked_until: null });
  });

  it('takes a PIN with a leading zero, even when the platform heard it as a number or a quantity', async () => {
    const finn = await converse('shopper-finn');
    await say(finn, 'ReorderIntent', { item: 'tea' });
    await say(finn, 'YesIntent');
    // "Zero five two eight", heard as the number 528 in a quantity slot.
    const done = await say(finn, 'QuantityIntent', { quantity: String(Number(FINN_PIN)) });
    expect(done.text).toMatch(/^Done! Your order number is \d+/);
    expect(await bought(testApp, 'shopper-finn')).toHaveLength(1);
  });

  it('asks again for an answer that is not four digits, without counting it as a wrong PIN', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    await say(ava, 'YesIntent');
    const notDigits = await say(ava, 'YesIntent');
    expect(notDigits.text).toBe('I need the four digits of your voice PIN. Please say them one at a time.');
    expect(pinRow('shopper-ava')).toEqual({ wrong_tries: 0, locked_until: null });
    const declined = await say(ava, 'NoIntent');
    expect(declined.text).toBe("Okay, I haven't ordered anything. What else can I help with?");
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);
  });

  it('counts a retried wrong PIN once', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    await say(ava, 'YesIntent');
    const wrong = await say(ava, 'PinIntent', { pin: '8642' });
    const retried = heard(await ava.resend(), platform);
    expect(retried.text).toBe(wrong.text);
    expect(pinRow('shopper-ava')).toEqual({ wrong_tries: 1, locked_until: null });
  });

  it('locks purchasing after three wrong PINs, explains it, offers a person, and keeps the lock in the store', async () => {
    const ava = await converse('shopper-ava');
    await say(ava, 'ReorderIntent', { item: 'coffee' });
    await say(ava, 'YesIntent');
    await say(ava, 'PinIntent', { pin: '8642' });
    const last = await say(ava, 'PinIntent', { pin: '1357' });
    expect(last.text).toBe("That PIN doesn't match. You have one more try. Please say your voice PIN.");
    const locked = await say(ava, 'PinIntent', { pin: '9753' });
    expect(locked.text).toBe(
      `Voice orders are locked for ${LOCKOUT_MINUTES} minutes after three wrong PINs. Want to talk to a person?`,
    );
    expect(locked.state).toMatchObject({ active: { flow: 'assistance', step: 'offer-person' } });
    expect(pinRow('shopper-ava')).toEqual({ wrong_tries: 0, locked_until: TEST_NOW.getTime() + LOCKOUT_MINUTES * 60_000 });
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);

    const person = await say(ava, 'YesIntent');
    expect(person.text).toMatch(/^Our team will email you/);
    expect(handoffs('shopper-ava')).toEqual([expect.objectContaining({ reason: 'flow-dead-end' })]);

    // A new conversation does not reset the lock: it is the store's, not the session's.
    const again = await converse('shopper-ava');
    const stillLocked = await say(again, 'ReorderIntent', { item: 'coffee' });
    expect(stillLocked.text).toMatch(/^Voice orders are locked for 15 minutes/);
    expect(await bought(testApp, 'shopper-ava')).toEqual([]);
  });

  it('tells a shopper without a PIN how to get one, and offers a person', async () => {
    testApp.db.prepare('DELETE FROM purchase_pins WHERE shopper_id = ?').run('shopper-ava');
    const ava = await converse('shopper-ava');
    const noPin = await say(ava, 'ReorderIntent', { item: 'coffee' });
    expect(noPin.text).toMatch(/^Voice orders need a voice PIN, which you can set in your account on our website\./);
    expect(noPin.state).toMatchObject({ active: { flow: 'assistance', step: 'offer-person' } });
  });
});
