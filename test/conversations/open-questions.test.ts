import { confirmation } from '../support/checkout-expectations';
import { type Conversation, type Heard, PLATFORMS, type SlotInput } from '../support/conversation';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A question in progress keeps its place: a miss asks that question again (never the generic
 * menu), the second miss offers a person, and an answer the shopper volunteers early is kept.
 */

let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp();
});
afterEach(() => testApp.close());

/** The returns the store under test holds: which line (by the store's own id) and why. */
const returns = async () => (await testApp.records.returns()).map(({ line_id, reason }) => ({ line_id, reason }));
const tickets = () => testApp.db.prepare('SELECT reason FROM handoffs ORDER BY id').all() as { reason: string }[];
const stepOf = (reply: Heard) => (reply.state as { active?: { flow?: string; step?: string } } | undefined)?.active;

describe.each(PLATFORMS)('open questions on %s', (platform, start) => {
  const converse = async (shopperId: string): Promise<Conversation> => start(testApp.app, { token: await testApp.token(shopperId) });
  const heard = (reply: Heard): Heard => {
    expect(reply.status).toBe(200);
    expectValidSsml(reply.ssml, platform);
    return reply;
  };

  it('asks "which size?" again after a miss, offers a person after the second, and takes a bare size', async () => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('FindProductIntent', { query: 'merino hiking socks' }));
    const which = heard(await ava.say('BuyIntent', { ordinal: { value: 'first', id: 'first' } }));
    expect(which.text).toMatch(/^Which size of merino hiking socks would you like\?/);
    expect(stepOf(which)).toMatchObject({ flow: 'checkout', step: 'size' });

    const missed = heard(await ava.say('FallbackIntent'));
    expect(missed.text).toMatch(/^Sorry, I didn't catch that\. /);
    expect(missed.text).not.toMatch(/You can ask about an order/);
    expect(missed.listening).toBe(true);
    expect(stepOf(missed)).toMatchObject({ flow: 'checkout', step: 'size' });

    const medium = heard(await ava.say('ChangeSizeIntent', { size: { value: 'medium', id: 'medium' } }));
    expect(medium.text).toBe(
      confirmation(testApp.traits.checkout, { items: 'the merino hiking socks in size M', total: '18 dollars', charge: { total: '24 dollars 48', tax: '1 dollar 49', delivery: '4 dollars 99' }, city: 'Denver' }),
    );
    expect(stepOf(medium)).toMatchObject({ flow: 'checkout', step: 'confirm' });
  });

  it('offers a person on the second miss at the same question, and files nothing unless asked', async () => {
    const ben = await converse('shopper-ben');
    const first = heard(await ben.say('OrderStatusIntent'));
    expect(stepOf(first)).toMatchObject({ flow: 'order-status', step: 'offered-more' });
    const again = heard(await ben.say('FallbackIntent'));
    expect(again.text).toMatch(/^Sorry, I didn't catch that\. I'm reading you your orders\./);
    expect(stepOf(again)).toMatchObject({ flow: 'order-status', step: 'offered-more' });
    const offer = heard(await ben.say('FallbackIntent'));
    expect(offer.text).toMatch(/Want to talk to a person\?$/);
    expect(tickets()).toEqual([]);
    heard(await ben.say('NoIntent'));
    expect(tickets()).toEqual([]);
  });

  it('after a miss, "yes" still answers the open question', async () => {
    const ben = await converse('shopper-ben');
    const first = heard(await ben.say('OrderStatusIntent'));
    heard(await ben.say('FallbackIntent'));
    const next = heard(await ben.say('YesIntent'));
    expect(next.text).not.toMatch(/still not getting it/);
    expect(next.ssml).not.toBe(first.ssml);
    expect(next.text).toMatch(/^The order with your /);
  });

  it('keeps a reason given while the item is being confirmed, and never asks for it', async () => {
    const ava = await converse('shopper-ava');
    const confirm = heard(await ava.say('ReturnItemIntent', { item: { value: 'socks', id: 'apparel' } }));
    expect(stepOf(confirm)).toMatchObject({ flow: 'returns', step: 'confirm-item' });
    const next = heard(await ava.say('ReturnReasonIntent', { reason: { value: 'too small', id: 'size-too-small' } }));
    expect(next.text).not.toMatch(/Why are you sending it back/);
    expect(next.text).toBe('You got 3 merino hiking socks. How many are you sending back?');
    heard(await ava.say('QuantityIntent', { quantity: '1' }));
    heard(await ava.say('YesIntent'));
    expect(await returns()).toEqual([{ line_id: testApp.ids.line('10605-2'), reason: 'size-too-small' }]);
  });

  it('"speaker" never means the earbuds or headphones the shopper has: the store sells speakers', async () => {
    const ava = await converse('shopper-ava');
    const reply = heard(await ava.say('ReturnItemIntent', { item: { value: 'speaker', id: 'audio' } }));
    expect(reply.text).toMatch(/^I couldn't find any speaker in your recent orders\./);
    expect(reply.text).not.toMatch(/final sale/);
    expect(stepOf(reply)?.step).not.toBe('confirm-item');
  });

  it('a word the item type does not know ("the blender arrived broken") is matched against the shopper\'s own items', async () => {
    const ava = await converse('shopper-ava');
    // A plain string: the words as heard, with no value id from the item type.
    const blender: SlotInput = 'blender';
    const reply = heard(await ava.say('ReturnItemIntent', { item: blender, reason: { value: 'broken', id: 'damaged' } }));
    expect(reply.text).toMatch(/^I couldn't find any blender in your recent orders\./);
    expect(reply.text).not.toMatch(/Which one do you mean/);
    const person = heard(await ava.say('YesIntent'));
    expect(person.text).toMatch(/Your reference number is \d{6}\./);
    expect(tickets()).toHaveLength(1);
  });
});
