import { randomUUID } from 'node:crypto';
import { type Conversation, type Heard, PLATFORMS, type SlotInput } from '../support/conversation';
import { sealedWith, sessionState } from '../support/sealed-state';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, storeUnderTest, type TestApp } from '../support/test-app';
import type { ReturnRequest, Returns } from '../../lambda/commerce/ports';
import type { IntentName } from '../../lambda/core/intents';
import type { ActiveFlow } from '../../lambda/core/session-state';
import { AVA_PIN, ETHIOPIA, placedOrders, setStock } from '../reorder/reorder-fixtures';

/**
 * Request verification is off here, as on a webhook without GOOGLE_PROJECT_ID or with
 * ALEXA_VERIFY_SIGNATURE=false (createTestApp does both): anyone can send any request. The forger
 * here even holds the deployment's SESSION_STATE_SECRET and seals what they like. Every write must
 * still check its preconditions against the store at the moment it is made.
 */

let testApp: TestApp;
afterEach(() => testApp.close());

interface TicketRow {
  readonly shopper_id: string;
  readonly order_number: string | null;
  readonly summary: string;
  readonly context: string;
}

const returns = () => testApp.db.prepare('SELECT * FROM returns').all() as Record<string, unknown>[];
const tickets = () => testApp.db.prepare('SELECT shopper_id, order_number, summary, context FROM handoffs ORDER BY id').all() as TicketRow[];

describe.each(PLATFORMS)('state forged with the secret, on %s', (platform, start) => {
  const converse = async (shopperId: string): Promise<Conversation> => start(testApp.app, { token: await testApp.token(shopperId) });
  const heard = (reply: Heard): Heard => {
    expect(reply.status).toBe(200);
    expectValidSsml(reply.ssml, platform);
    return reply;
  };
  /** Puts `active` into the conversation's next request, sealed with the test app's own secret. */
  const forge = (conversation: Conversation, active: ActiveFlow) =>
    conversation.carry(sealedWith(testApp.config, platform, conversation.sessionId, sessionState({ active })));
  const say = async (conversation: Conversation, intent: IntentName, slots?: Record<string, SlotInput>) => heard(await conversation.say(intent, slots));

  describe('a return confirmed from forged state', () => {
    /** Every return the flow asks the store for: none may be asked for that the policy forbids, whatever the store would do. */
    let asked: ReturnRequest[];
    beforeEach(() => {
      asked = [];
      testApp = createTestApp({}, {
        store: (embedded) => {
          const { store, close } = storeUnderTest(embedded);
          const returns: Returns = { ...store.returns, create: (request) => (asked.push(request), store.returns.create(request)) };
          return { store: { ...store, returns }, close };
        },
      });
    });

    /** "Shall I take back …?" for a line of the forger's choosing. */
    const confirmReturn = (order: string, line: string, quantity: number): ActiveFlow => ({
      flow: 'returns',
      step: 'confirm-return',
      data: { chosen: { order, line, name: 'anything', sku: 'ANY-1', bought: 999 }, reason: 'size', quantity, candidates: [], failures: 0, tried: [] },
    });

    it.each([
      ['final sale', 'shopper-ava', confirmReturn('10665', '10665-1', 1), /^Final-sale items like your open-box Echofield headphones can't be returned\./],
      ['a gift card', 'shopper-ava', confirmReturn('10449', '10449-1', 1), /^Gift cards like your 50 dollar gift card can't be returned\./],
      ['a cancelled order', 'shopper-ben', confirmReturn('10377', '10377-1', 1), /^Your order with the .+ was cancelled, so there's nothing to send back\./],
      ['not delivered yet', 'shopper-ava', confirmReturn('10718', '10718-1', 1), /^Your order with the hydration vest hasn't arrived yet/],
      ['delivered 45 days ago', 'shopper-ava', confirmReturn('10149', '10149-1', 1), /^Your order with the Stormline rain jacket arrived on ?.+, and the return window was 30 days\./],
      ['more than were bought', 'shopper-ava', confirmReturn('10605', '10605-2', 5), /^You can return up to 3 of those\. How many are you sending back\?$/],
      ["another shopper's line", 'shopper-ava', confirmReturn('10545', '10545-1', 1), /^What would you like to return\?/],
    ])('%s: creates no return and says why', async (_case, shopperId, active, reason) => {
      const shopper = await converse(shopperId);
      forge(shopper, active);
      const answer = await say(shopper, 'YesIntent');
      expect(answer.text).toMatch(reason);
      expect(answer.text).not.toMatch(/Done!|return number/);
      expect(answer.listening).toBe(true);
      expect(returns()).toEqual([]);
      // Refused before the store was asked: a store that checks nothing would not have been asked either.
      expect(asked).toEqual([]);
    });

    it('a reason that needs a person goes to a person, not to a return', async () => {
      const ava = await converse('shopper-ava');
      forge(ava, { ...confirmReturn('10605', '10605-1', 1), data: { ...confirmReturn('10605', '10605-1', 1).data, reason: 'damaged' } });
      const answer = await say(ava, 'YesIntent');
      expect(answer.text).toMatch(/Our team will email you/);
      expect(returns()).toEqual([]);
    });

    it('an allowed return is created as the store has the line: its own name and refund, not the state\'s', async () => {
      const ava = await converse('shopper-ava');
      forge(ava, confirmReturn('10605', '10605-2', 2));
      const answer = await say(ava, 'YesIntent');
      expect(answer.text).toMatch(/^Your return number is \d{6}\./);
      expect(answer.card?.text).toMatch(/Once it reaches us, 36 dollars goes back/);
      expect(returns()).toEqual([expect.objectContaining({ shopper_id: 'shopper-ava', line_id: '10605-2', quantity: 2, refund_minor: 3_600 })]);
      expect(asked).toEqual([expect.objectContaining({ orderNumber: '10605', lineId: '10605-2', quantity: 2 })]);
    });
  });

  describe('wrong PINs replayed from one step', () => {
    beforeEach(() => {
      testApp = createTestApp({ PURCHASE_PIN_REQUIRED: 'true', PURCHASE_PIN_LOCKOUT_MINUTES: '15' });
    });

    const pinRow = () =>
      testApp.db.prepare<[], { wrong_tries: number; locked_until: number | null }>("SELECT wrong_tries, locked_until FROM purchase_pins WHERE shopper_id = 'shopper-ava'").get();

    it('300 PINs sent with the same PIN-step state: locked after 3, and the right PIN is then refused', async () => {
      const ava = await converse('shopper-ava');
      await say(ava, 'ReorderIntent', { item: 'coffee' });
      const askPin = await say(ava, 'YesIntent');
      expect(askPin.text).toBe('Before I place it, please say your four-digit voice PIN.');
      // The state exactly as Shopvoice sealed it for the PIN step: a replay needs no secret at all.
      const pinStep = platform === 'alexa' ? (askPin.body.sessionAttributes as Record<string, unknown>).shopvoice : (askPin.body.session as { params: Record<string, unknown> }).params.shopvoice;

      const answers: string[] = [];
      for (let guess = 0; guess < 300; guess += 1) {
        const pin = String(1000 + guess);
        if (pin === AVA_PIN) continue;
        ava.carry(pinStep);
        answers.push((await say(ava, 'PinIntent', { pin })).text);
      }
      expect(answers[0]).toMatch(/^That PIN doesn't match\. You have 2 more tries\./);
      expect(answers[1]).toMatch(/^That PIN doesn't match\. You have one more try\./);
      expect(answers.slice(2).every((text) => text.startsWith('Voice orders are locked for 15 minutes'))).toBe(true);

      ava.carry(pinStep);
      const right = await say(ava, 'PinIntent', { pin: AVA_PIN });
      expect(right.text).toMatch(/^Voice orders are locked for /);
      expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
      expect(pinRow()?.locked_until).not.toBeNull();
      // 300 turns through the real app: a generous limit, so a busy machine does not fail it.
    }, 180_000);

    it('three wrong PINs in three conversations lock purchasing, whatever state each carries', async () => {
      for (const [index, pin] of ['1111', '2222', '3333'].entries()) {
        const ava = await converse('shopper-ava');
        forge(ava, {
          flow: 'checkout',
          step: 'pin',
          secret: true,
          data: { basket: { productId: ETHIOPIA, quantity: 1, topic: 'reorder' }, heardUnitPrice: { minor: 1699, currency: 'USD' }, confirmation: randomUUID() },
        });
        const answer = await say(ava, 'PinIntent', { pin });
        expect(answer.text).toMatch(index < 2 ? /^That PIN doesn't match\./ : /^Voice orders are locked for /);
      }
      expect(pinRow()?.locked_until).not.toBeNull();
      expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
    });
  });

  describe('a ticket from forged state', () => {
    beforeEach(() => {
      testApp = createTestApp();
    });

    it("leaves out another shopper's order and item, and files no staff prose from the state", async () => {
      const ava = await converse('shopper-ava');
      forge(ava, {
        flow: 'assistance',
        step: 'offer-person',
        data: {
          reason: 'delivery-problem',
          // Ben's order and his skillet.
          orderNumber: '10701',
          item: { lineId: '10701-1', name: 'Cast iron skillet: REFUND 500 DOLLARS NOW', sku: 'KIT-1', quantity: 1 },
          topic: 'Staff: the manager approved a full refund',
          tried: ['Checked the order.\n\nSTAFF NOTE: manager approved, refund to the new card\u2028now'],
        },
      });
      const answer = await say(ava, 'YesIntent');
      expect(answer.text).toMatch(/^Our team will email you/);
      const [ticket] = tickets();
      expect(ticket).toMatchObject({ shopper_id: 'shopper-ava', order_number: null });
      expect(ticket!.summary).not.toMatch(/10701|REFUND|manager|Staff/);
      const context = JSON.parse(ticket!.context) as { item?: unknown; tried?: string[] };
      expect(context.item).toBeUndefined();
      expect(JSON.stringify(context)).not.toContain('10701');
      expect(context.tried).toHaveLength(1);
      expect(context.tried![0]).not.toMatch(/[\n\u2028]/);
    });

    it("names the shopper's own order, and the item as the store names that order's line", async () => {
      const ava = await converse('shopper-ava');
      forge(ava, {
        flow: 'assistance',
        step: 'offer-person',
        data: { reason: 'delivery-problem', orderNumber: '10605', item: { lineId: '10605-2', name: 'FREE upgrade, ship 40 pairs', sku: 'FAKE', quantity: 40 }, topic: 'return' },
      });
      await say(ava, 'YesIntent');
      const [ticket] = tickets();
      expect(ticket).toMatchObject({ shopper_id: 'shopper-ava', order_number: '10605' });
      expect(ticket!.summary).toContain('Item: Merino Wool Hiking Socks');
      expect(ticket!.summary).not.toContain('FREE');
      expect(JSON.parse(ticket!.context)).toMatchObject({ item: { lineId: '10605-2', name: 'Merino Wool Hiking Socks', quantity: 3 } });
    });
  });

  describe('an order confirmed from a forged basket', () => {
    beforeEach(() => {
      testApp = createTestApp();
    });

    const confirm = (basket: Record<string, unknown>, heardUnitPrice = { minor: 1699, currency: 'USD' }): ActiveFlow => ({
      flow: 'checkout',
      step: 'confirm',
      data: { basket: { topic: 'reorder', ...basket }, heardUnitPrice, confirmation: randomUUID() },
    });
    const price = () => testApp.db.prepare<[string], { price_minor: number }>('SELECT price_minor FROM products WHERE id = ?').get(ETHIOPIA)!.price_minor;

    it('is never placed at a price the store does not sell at', async () => {
      const ava = await converse('shopper-ava');
      forge(ava, confirm({ productId: ETHIOPIA, quantity: 2 }, { minor: 1, currency: 'USD' }));
      const answer = await say(ava, 'YesIntent');
      expect(answer.text).toMatch(/^The price has just changed\./);
      expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
      // Saying yes to what was just read back places it at the store's price.
      await say(ava, 'YesIntent');
      expect(placedOrders(testApp, 'shopper-ava')).toEqual([expect.objectContaining({ product_id: ETHIOPIA, quantity: 2, unit_price_minor: price() })]);
    });

    it('is never placed for more than the store has, nor for more than the voice limit', async () => {
      setStock(testApp, ETHIOPIA, 4);
      const ava = await converse('shopper-ava');
      forge(ava, confirm({ productId: ETHIOPIA, quantity: 20 }, { minor: price(), currency: 'USD' }));
      const answer = await say(ava, 'YesIntent');
      expect(answer.text).toMatch(/Only 4 are left\. Shall I order 4 bags /);
      expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);

      const greedy = await converse('shopper-ava');
      forge(greedy, confirm({ productId: ETHIOPIA, quantity: 500 }, { minor: price(), currency: 'USD' }));
      await say(greedy, 'YesIntent');
      expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
    });

    it('is never placed for a product the store does not have', async () => {
      const ava = await converse('shopper-ava');
      forge(ava, confirm({ productId: 'gold-bar-1kg', quantity: 1 }, { minor: 1, currency: 'USD' }));
      const answer = await say(ava, 'YesIntent');
      expect(answer.text).toMatch(/^Sorry, that item isn't in the store anymore\./);
      expect(placedOrders(testApp, 'shopper-ava')).toEqual([]);
    });
  });
});
