import enUS from '../../lambda/languages/en-US/messages.json';
import { googleConversation, type Heard } from '../support/conversation';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Words Google's own model cannot place arrive as its no-match intent with the text it heard.
 * Shopvoice reads them with its own understanding (lambda/understanding), with the question in
 * progress, as the console, the chat and the phone do; what is out of scope there too gets the
 * short "that's not something I can do", never a ticket.
 */

let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp();
});
afterEach(() => testApp.close());

const count = (table: string) => (testApp.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const activeStep = (reply: Heard) => (reply.state as { active?: { flow?: string; step?: string } } | undefined)?.active;
const heard = (reply: Heard): Heard => {
  expect(reply.status).toBe(200);
  expectValidSsml(reply.ssml, 'google');
  return reply;
};
const ava = async () => googleConversation(testApp.app, { token: await testApp.token('shopper-ava') });

describe('words Google could not place', () => {
  it('"the blender arrived broken" is a return, matched against the shopper\'s own items', async () => {
    const reply = heard(await (await ava()).unmatched('the blender arrived broken'));
    expect(reply.text).toMatch(/^I couldn't find any blender in your recent orders\./);
    expect(reply.listening).toBe(true);
    expect(await testApp.records.returns()).toEqual([]);
  });

  it('"any news on my delivery" is order status', async () => {
    const reply = heard(await (await ava()).unmatched('um any news on my delivery'));
    expect(activeStep(reply)?.flow ?? 'order-status').toBe('order-status');
    expect(reply.text).toMatch(/arriv|on the way|delivered|ship/i);
  });

  it('"return my last order" starts a return, never an order', async () => {
    const shopper = await ava();
    const reply = heard(await shopper.unmatched('return my last order'));
    expect(activeStep(reply)?.flow).toBe('returns');
    const ordersBefore = await testApp.records.orderCount();
    const next = heard(await shopper.unmatched('yes'));
    expect(next.text).not.toMatch(/place the order|order placed/i);
    expect(await testApp.records.orderCount()).toBe(ordersBefore);
  });

  it('a joke or the weather is out of scope: a short answer, no ticket, the conversation stays open', async () => {
    for (const text of ['tell me a joke', "what's the weather like tomorrow"]) {
      const reply = heard(await (await ava()).unmatched(text));
      expect(reply.text).toBe(enUS.assistance.outOfScope);
      expect(reply.listening).toBe(true);
    }
    expect(count('handoffs')).toBe(0);
  });

  it('a bare "a medium" answers the size question in progress', async () => {
    const shopper = await ava();
    heard(await shopper.say('FindProductIntent', { query: 'merino hiking socks' }));
    const which = heard(await shopper.say('BuyIntent', { ordinal: { value: 'first', id: '1' } }));
    expect(which.text).toMatch(/Which size/);
    const confirm = heard(await shopper.unmatched('uh a medium please'));
    expect(confirm.text).toMatch(/size M\b/);
    expect(activeStep(confirm)?.flow).toBe('checkout');
  });
});
