import { answered, type Conversation, PLATFORMS } from '../support/conversation';
import { createSlowStoreApp, type SlowStoreApp, timed } from './slow-store-app';

/**
 * Every turn answers within its time budget: a store call that hangs ends in the store-down
 * apology well inside the platform's limit, with the conversation kept where it was, so the same
 * request works once the store is back.
 */

const STORE_DOWN = "Sorry, the store isn't answering. Try again in a minute, or call 1-800-555-0199.";
const STORE_DOWN_DE =
  'Der Shop antwortet leider gerade nicht. Versuchen Sie es gleich noch einmal, oder rufen Sie 1-800-555-0199 an.';
/** Alexa gives up on a skill after 8 seconds (Google after 10). */
const PLATFORM_LIMIT_MS = 8_000;
const BUDGET_MS = 1_000;

let testApp: SlowStoreApp;
afterEach(() => testApp.close());

describe.each(PLATFORMS)('a store that hangs, on %s', (platform, start) => {
  beforeEach(() => {
    testApp = createSlowStoreApp({ TURN_BUDGET_MS: String(BUDGET_MS) });
  });

  const converse = async (shopperId: string, locale?: string): Promise<Conversation> =>
    start(testApp.app, { token: await testApp.token(shopperId), ...(locale ? { locale } : {}) });

  it('answers with the store-down apology inside the platform limit, and answers as usual once the store is back', async () => {
    const ben = await converse('shopper-ben');
    testApp.store.hang('orders.listForShopper');

    const { value: down, ms } = await timed(() => ben.say('OrderStatusIntent'));

    answered(down, platform);
    expect(down.text).toBe(STORE_DOWN);
    expect(down.listening).toBe(true);
    // The budget ran out and the shopper heard why, long before the platform would have given up.
    expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 100);
    expect(ms).toBeLessThan(PLATFORM_LIMIT_MS);

    testApp.store.recover();
    const back = answered(await ben.say('OrderStatusIntent'), platform);
    expect(back.text).toMatch(/on the way/);
  });

  it('keeps the step in progress, so the same answer works again once the store is back', async () => {
    const ben = await converse('shopper-ben');
    const first = answered(await ben.say('OrderStatusIntent'), platform);
    expect(first.text).toMatch(/Want to hear the (other one|others)\?$/);

    testApp.store.hang('orders.listForShopper');
    testApp.store.hang('orders.findForShopper');
    const down = answered(await ben.say('YesIntent'), platform);
    expect(down.text).toBe(STORE_DOWN);
    expect(down.state).toEqual(first.state);

    testApp.store.recover();
    const more = answered(await ben.say('YesIntent'), platform);
    expect(more.text).toMatch(/^The order with your /);
    expect(more.text).not.toBe(STORE_DOWN);
  });

  it('bounds the lookup of the linked shopper where a turn reads it, and order status never waits on it', async () => {
    const ava = await converse('shopper-ava');
    testApp.store.hang('shoppers.findById');
    // Order status needs only the id the token carries, not the shopper's record.
    const status = answered(await ava.say('OrderStatusIntent'), platform);
    expect(status.text).toMatch(/on the way/);
    // The launch greets the shopper by name, so it reads the record: a hung store is bounded there.
    const { value: down, ms } = await timed(() => ava.launch());
    expect(answered(down, platform).text).toBe(STORE_DOWN);
    expect(ms).toBeLessThan(PLATFORM_LIMIT_MS);
  });

  it('apologises in the shopper\'s language', async () => {
    const ben = await converse('shopper-ben', 'de-DE');
    testApp.store.hang('orders.listForShopper');
    const down = answered(await ben.say('OrderStatusIntent'), platform);
    expect(down.text).toBe(STORE_DOWN_DE);
  });

  it('bounds the skill\'s own state as well: a transcript read that hangs gets the same apology, not silence', async () => {
    const ben = await converse('shopper-ben');
    testApp.state.hang('conversations.turns');
    const { value: down, ms } = await timed(() => ben.say('TalkToAgentIntent'));
    expect(answered(down, platform).text).toBe(STORE_DOWN);
    expect(down.listening).toBe(true);
    expect(ms).toBeLessThan(PLATFORM_LIMIT_MS);

    testApp.state.recover();
    const filed = answered(await ben.say('TalkToAgentIntent'), platform);
    expect(filed.text).toMatch(/^Our team will email you/);
  });
});

describe.each(PLATFORMS)('a conversation log that hangs, on %s', (platform, start) => {
  beforeEach(() => {
    // The default budget: the log must not hold the reply anywhere near it.
    testApp = createSlowStoreApp();
  });

  it('does not hold the reply: the answer comes at once and the turn is not an apology', async () => {
    const ben = start(testApp.app, { token: await testApp.token('shopper-ben') });
    answered(await ben.say('OrderStatusIntent'), platform);
    testApp.state.hang('conversations.append');

    const { value: reply, ms } = await timed(() => ben.say('OrderStatusIntent'));

    expect(answered(reply, platform).text).toMatch(/^The order (with|comes in) /);
    expect(testApp.state.calls.filter((call) => call === 'conversations.append')).toHaveLength(2);
    expect(ms).toBeLessThan(testApp.config.turn.budgetMs / 2);
  });
});
