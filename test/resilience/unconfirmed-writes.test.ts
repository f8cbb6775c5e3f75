import type { IntentName } from '../../lambda/core/intents';
import { answered, type Conversation, type Heard, PLATFORMS, type SlotInput } from '../support/conversation';
import { createSlowStoreApp, type SlowStoreApp } from './slow-store-app';

/**
 * An order, a return or a ticket whose write is still unanswered at the turn's deadline may yet go
 * through. The shopper hears exactly that, the step stays where it was, and doing the same again
 * gets the one order, return or ticket: never a second.
 */

const UNCONFIRMED = "The store didn't confirm that it went through. Say yes again and I'll check; it won't go through twice.";
const UNCONFIRMED_REPROMPT = "Say yes, and I'll check with the store again.";
const UNCONFIRMED_PIN = "The store didn't confirm that it went through. Say your PIN again and I'll check; it won't go through twice.";
const UNCONFIRMED_HANDOFF = "I couldn't confirm that our team got your request. Ask for a person again and I'll check; they'll only get it once.";
const UNCONFIRMED_DE =
  'Der Shop hat nicht bestätigt, dass es geklappt hat. Sagen Sie noch einmal Ja, dann sehe ich nach; doppelt wird nichts ausgeführt.';
const PLACED = 'Done! Your order number is 10743, and it should arrive on Sunday.';
const AVA_PIN = '7391';
const BUDGET_MS = 1_000;
/** Past the deadline, yet the store gets there in the end. */
const LATE_MS = 1_600;

let testApp: SlowStoreApp;
afterEach(() => testApp.close());

/** Orders placed since the demo store was seeded (its own are numbered below 10743). */
const newOrders = () =>
  testApp.db.prepare<[], { number: string }>('SELECT number FROM orders WHERE CAST(number AS INTEGER) >= 10743 ORDER BY number').all();
const returns = () => testApp.db.prepare<[], { number: string; line_id: string }>('SELECT number, line_id FROM returns ORDER BY id').all();
const tickets = () => testApp.db.prepare<[], { reference: string }>('SELECT reference FROM handoffs ORDER BY id').all();

/** What the Alexa reprompt or Google's next prompt would say, where the response carries one. */
function repromptOf(heard: Heard): string | undefined {
  const ssml = (heard.body.response as { reprompt?: { outputSpeech?: { ssml?: string } } } | undefined)?.reprompt?.outputSpeech?.ssml;
  return ssml?.replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").trim();
}

describe.each(PLATFORMS)('writes that outlast the turn, on %s', (platform, start) => {
  const converse = async (shopperId: string, locale?: string): Promise<Conversation> =>
    start(testApp.app, { token: await testApp.token(shopperId), ...(locale ? { locale } : {}) });
  const say = async (conversation: Conversation, intent: IntentName, slots?: Record<string, SlotInput>) =>
    answered(await conversation.say(intent, slots), platform);

  describe('checkout', () => {
    beforeEach(() => {
      testApp = createSlowStoreApp({ TURN_BUDGET_MS: String(BUDGET_MS) });
    });

    it('says it could not confirm the order, keeps the confirmation, and the next yes gets the one order the store placed late', async () => {
      const ava = await converse('shopper-ava');
      const confirm = await say(ava, 'ReorderIntent', { item: 'coffee' });
      expect(confirm.text).toMatch(/^Shall I order .+\?$/);

      testApp.store.delay('checkout.place', LATE_MS, { times: 1 });
      const unsure = await say(ava, 'YesIntent');
      expect(unsure.text).toBe(UNCONFIRMED);
      expect(unsure.listening).toBe(true);
      expect(unsure.state).toEqual(confirm.state);
      if (platform === 'alexa') expect(repromptOf(unsure)).toBe(UNCONFIRMED_REPROMPT);

      // The store finishes what it was asked after the shopper heard back.
      await testApp.store.drained();
      expect(newOrders()).toEqual([{ number: '10743' }]);

      const done = await say(ava, 'YesIntent');
      expect(done.text).toBe(PLACED);
      expect(newOrders()).toEqual([{ number: '10743' }]);
    });

    it('places one order when the yes again comes while the first attempt is still on its way', async () => {
      const ava = await converse('shopper-ava');
      await say(ava, 'ReorderIntent', { item: 'coffee' });
      testApp.store.delay('checkout.place', 2 * LATE_MS, { times: 1 });

      expect((await say(ava, 'YesIntent')).text).toBe(UNCONFIRMED);
      expect(newOrders()).toEqual([]);
      const done = await say(ava, 'YesIntent');
      expect(done.text).toBe(PLACED);

      await testApp.store.drained();
      expect(newOrders()).toEqual([{ number: '10743' }]);
    });

    it('says so in German', async () => {
      const ava = await converse('shopper-ava', 'de-DE');
      const confirm = await say(ava, 'ReorderIntent', { item: { value: 'Kaffee', id: 'coffee' } });
      expect(confirm.text).toMatch(/^Soll ich .+ bestellen, für .+\?$/);
      testApp.store.delay('checkout.place', LATE_MS, { times: 1 });
      expect((await say(ava, 'YesIntent')).text).toBe(UNCONFIRMED_DE);
      await testApp.store.drained();
      expect(newOrders()).toHaveLength(1);
    });
  });

  describe('checkout with a purchase PIN', () => {
    beforeEach(() => {
      testApp = createSlowStoreApp({ TURN_BUDGET_MS: String(BUDGET_MS), PURCHASE_PIN_REQUIRED: 'true' });
    });

    it('asks for the PIN again, since that is the step still in progress, and the PIN again gets the one order', async () => {
      const ava = await converse('shopper-ava');
      await say(ava, 'ReorderIntent', { item: 'coffee' });
      const askPin = await say(ava, 'YesIntent');
      testApp.store.delay('checkout.place', LATE_MS, { times: 1 });

      const unsure = await say(ava, 'PinIntent', { pin: AVA_PIN });
      expect(unsure.text).toBe(UNCONFIRMED_PIN);
      expect(unsure.state).toEqual(askPin.state);

      await testApp.store.drained();
      const done = await say(ava, 'PinIntent', { pin: AVA_PIN });
      expect(done.text).toBe(PLACED);
      expect(newOrders()).toEqual([{ number: '10743' }]);
    });
  });

  describe('returns and handoffs', () => {
    beforeEach(() => {
      testApp = createSlowStoreApp({ TURN_BUDGET_MS: String(BUDGET_MS) });
    });

    it('a return created late is the one the next yes finds', async () => {
      const ava = await converse('shopper-ava');
      const lastWeek: SlotInput = platform === 'alexa' ? '2026-W47' : 'last week';
      await say(ava, 'ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' }, date: lastWeek, reason: { value: "don't fit", id: 'size' } });
      const summary = await say(ava, 'YesIntent');
      expect(summary.text).toMatch(/^Shall I take back .+\?$/);

      testApp.store.delay('returns.create', LATE_MS, { times: 1 });
      const unsure = await say(ava, 'YesIntent');
      expect(unsure.text).toBe(UNCONFIRMED);
      expect(unsure.state).toEqual(summary.state);

      await testApp.store.drained();
      const created = returns();
      expect(created).toEqual([expect.objectContaining({ line_id: '10605-1' })]);
      const done = await say(ava, 'YesIntent');
      expect(done.text).toMatch(new RegExp(`^Your return number is ${created[0]!.number}\\.`));
      expect(returns()).toEqual(created);
    });

    it('a ticket filed late is the one asking again finds', async () => {
      const ben = await converse('shopper-ben');
      testApp.state.delay('handoffs.file', LATE_MS, { times: 1 });
      const unsure = await say(ben, 'TalkToAgentIntent');
      expect(unsure.text).toBe(UNCONFIRMED_HANDOFF);
      expect(unsure.listening).toBe(true);

      await testApp.state.drained();
      const [ticket] = tickets();
      const filed = await say(ben, 'TalkToAgentIntent');
      expect(filed.text).toMatch(/^Our team will email you/);
      expect(filed.ssml).toContain(`<say-as interpret-as='digits'>${ticket!.reference}</say-as>`);
      expect(tickets()).toHaveLength(1);
    });
  });
});
