import { type Conversation, type Heard, PLATFORMS, type SlotInput } from '../support/conversation';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';
import { spokenReturnReference } from '../support/return-expectations';

// Each test gets its own store: returns created by one must not make another's item "already returned".
let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp();
});
afterEach(() => testApp.close());

interface TicketRow {
  reference: string;
  reason: string;
  shopper_id: string;
  order_number: string | null;
  summary: string;
  context: string;
}

/** The returns the store under test holds; its own ids name order lines (testApp.ids). */
const returns = () => testApp.records.returns();
const tickets = () => testApp.db.prepare('SELECT * FROM handoffs ORDER BY id').all() as TicketRow[];

const shoes: SlotInput = { value: 'shoes', id: 'shoes' };
const doesNotFit: SlotInput = { value: "don't fit", id: 'size' };

describe.each(PLATFORMS)('returns on %s', (platform, start) => {
  const converse = async (shopperId: string, locale?: string): Promise<Conversation> =>
    start(testApp.app, { token: await testApp.token(shopperId), ...(locale ? { locale } : {}) });
  /** Alexa sends AMAZON.DATE's value ("last week" → 2026-W47); Google sends the words. */
  const lastWeek: SlotInput = platform === 'alexa' ? '2026-W47' : 'last week';
  const heard = (reply: Heard): Heard => {
    expect(reply.status).toBe(200);
    expectValidSsml(reply.ssml, platform);
    return reply;
  };
  /** Where Ava's refund goes: her saved card where the store tells it, else (Shopify) her original payment method. */
  const refundTo = () => (testApp.traits.savedCards ? 'to your Visa ending 4242' : 'to your original payment method');
  /** What to do with the shoes: with the store's rules for what comes back, where its policy has any (Medusa's has none). */
  const sendBack = () => (testApp.traits.returnConditions ? 'Send it within 14 days, unworn and in its original packaging.' : 'Send the item within 14 days.');
  /** Where the label is: sent with the return, or (Medusa) emailed by the store once its fulfillment provider made it. */
  const label = () => (testApp.traits.labelFromStore ? 'The store will email you the return label.' : 'Your prepaid label is in your email and on a card.');

  it('"I want to send back the shoes I got last week, they don\'t fit" ends in a created return', async () => {
    const ava = await converse('shopper-ava');
    const found = heard(await ava.say('ReturnItemIntent', { item: shoes, date: lastWeek, reason: doesNotFit }));
    // The day is a say-as date; in the plain text "on" runs into it.
    expect(found.text).toMatch(/^Sure\. Is that the Trailblazer running shoes from your order on ?.+\?$/);
    expect(found.listening).toBe(true);

    const summary = heard(await ava.say('YesIntent'));
    // The reason came in the first sentence, so it is not asked for.
    // One question with all the yes agrees to: the item, the reason, the refund and where it goes.
    expect(summary.text).toBe(`Shall I take back the Trailblazer running shoes, for a poor fit, and refund 129 dollars 99 ${refundTo()}?`);
    // The item names the order: its number is not read again.
    expect(summary.ssml).not.toContain('10605');

    const done = heard(await ava.say('YesIntent'));
    const [created] = await returns();
    expect(created).toMatchObject({ order_number: '10605', line_id: testApp.ids.line('10605-1'), quantity: 1, reason: 'size', refund_minor: 12_999 });
    // A return the store approves later (Shopify's return requests) is said as requested; its label follows the approval.
    const reference = spokenReturnReference(testApp, created!);
    expect(done.text).toBe(
      testApp.traits.returnRequests
        ? `I've requested the return. Its number is ${reference.text}. Once the store approves it, your prepaid label comes by email.`
        : `Your return number is ${reference.text}. ${label()} ${sendBack()}`,
    );
    expect(done.ssml).toContain(`${reference.ssml}.`);
    expect(done.listening).toBe(false);
    expect(done.card).toEqual({ title: 'Your return', text: expect.stringContaining(reference.text) });
    // The refund was said before the yes; the card keeps it.
    expect(done.card?.text).toBe(`${done.text} Once it reaches us, 129 dollars 99 goes back ${refundTo()}.`);
  });

  it('offers several items by what tells them apart, and takes "the first one"', async () => {
    const dan = await converse('shopper-dan');
    const choice = heard(await dan.say('ReturnItemIntent', { orderNumber: '10581' }));
    expect(choice.text).toBe('Which one do you mean: the Ridgeline hiking boots or the Summit hiking daypack?');
    const asked = heard(await dan.say('SelectItemIntent', { ordinal: { value: 'first', id: 'first' } }));
    expect(asked.text).toMatch(/^Why are you sending it back\?/);
    heard(await dan.say('ReturnReasonIntent', { reason: { value: 'changed my mind', id: 'unwanted' } }));
    heard(await dan.say('YesIntent'));
    expect(await returns()).toEqual([expect.objectContaining({ line_id: testApp.ids.line('10581-1'), reason: 'unwanted' })]);
  });

  it('takes an item chosen by name ("the daypack"), and "neither" goes back to asking', async () => {
    const dan = await converse('shopper-dan');
    heard(await dan.say('ReturnItemIntent', { orderNumber: '10581' }));
    const byName = heard(await dan.say('SelectItemIntent', { item: { value: 'daypack', id: 'bags' } }));
    expect(byName.text).toMatch(/^Why are you sending it back\?/);
    expect(byName.state).toMatchObject({ active: { flow: 'returns', step: 'ask-reason', data: { chosen: { line: testApp.ids.line('10581-2') } } } });

    const again = await converse('shopper-dan');
    heard(await again.say('ReturnItemIntent', { orderNumber: '10581' }));
    const neither = heard(await again.say('NoIntent'));
    expect(neither.text).toMatch(/^Okay, neither of those\. What would you like to return\?/);
    expect(neither.listening).toBe(true);
  });

  it('asks for the reason when it was not given, and the quantity on a multi-unit line', async () => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('ReturnItemIntent', { item: { value: 'socks', id: 'apparel' } }));
    const reason = heard(await ava.say('YesIntent'));
    expect(reason.text).toBe("Why are you sending it back? For example, it doesn't fit, or you changed your mind.");
    expect(reason.listening).toBe(true);

    const quantity = heard(await ava.say('ReturnReasonIntent', { reason: { value: 'too small', id: 'size-too-small' } }));
    expect(quantity.text).toBe('You got 3 merino hiking socks. How many are you sending back?');
    const summary = heard(await ava.say('QuantityIntent', { quantity: '2' }));
    expect(summary.text).toMatch(/^Shall I take back 2 of the merino hiking socks, for being too small, and refund 36 dollars to /);

    // Changing their mind about how many re-reads the summary.
    const allOfThem = heard(await ava.say('QuantityIntent'));
    expect(allOfThem.text).toMatch(/^Shall I take back 3 of the merino hiking socks, .+ and refund 54 dollars to /);
    heard(await ava.say('YesIntent'));
    expect(await returns()).toEqual([expect.objectContaining({ line_id: testApp.ids.line('10605-2'), quantity: 3, reason: 'size-too-small', refund_minor: 5_400 })]);
  });

  it.each([
    ['outside the window, with the delivery date', { value: 'rain jacket', id: 'jackets' }, /^Your order with the Stormline rain jacket arrived on ?.+, and the return window was 30 days\./],
    ['final sale', { value: 'headphones', id: 'audio' }, /^Final-sale items like your open-box Echofield headphones can't be returned\./],
    ['a gift card', { value: 'gift card', id: 'gift-cards' }, /^Gift cards like your 50 dollar gift card can't be returned\./],
    ['not delivered yet', { value: 'hydration vest', id: 'bags' }, /^Your order with the hydration vest hasn't arrived yet; you'll have 30 days to return it once it does\./],
  ])('explains an item that cannot be returned (%s) in one sentence, and offers a person', async (_name, item, sentence) => {
    const ava = await converse('shopper-ava');
    const refused = heard(await ava.say('ReturnItemIntent', { item }));
    expect(refused.text).toMatch(sentence);
    expect(refused.text).toMatch(/Want to talk to a person about it\?$/);
    expect(refused.listening).toBe(true);
    expect(await returns()).toHaveLength(0);
  });

  it('says the date a closed window counts from, and files an exception request with what was found', async () => {
    const ava = await converse('shopper-ava');
    const refused = heard(await ava.say('ReturnItemIntent', { item: { value: 'rain jacket', id: 'jackets' } }));
    // Delivered 45 days before 2026-11-26.
    expect(refused.ssml).toContain(platform === 'alexa' ? '????1012' : '10-12');
    const filed = heard(await ava.say('PolicyExceptionIntent'));
    expect(filed.text).toMatch(/Our team will email you within one business day\. Your reference number is \d{6}\./);
    const [ticket] = tickets();
    expect(ticket).toMatchObject({ reason: 'policy-exception', order_number: '10149' });
    expect(JSON.parse(ticket!.context)).toMatchObject({
      item: { lineId: testApp.ids.line('10149-1'), sku: expect.any(String) },
      // Notes are redacted like all the ticket keeps of the conversation: the year goes with every other run of four digits.
      tried: expect.arrayContaining(['Not returnable: window-closed (last day was [number]-11-11).']),
    });
  });

  it('drops the return when the shopper cancels midway, and creates nothing', async () => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('ReturnItemIntent', { item: shoes, date: lastWeek, reason: doesNotFit }));
    const summary = heard(await ava.say('YesIntent'));
    expect(summary.text).toMatch(/^Shall I take back .+\?$/);
    const cancelled = heard(await ava.say('CancelIntent'));
    expect(cancelled.text).toBe("Okay, I've dropped that. What else can I help with?");
    expect(cancelled.listening).toBe(true);
    expect((cancelled.state as { active?: unknown }).active).toBeUndefined();
    const yes = heard(await ava.say('YesIntent'));
    expect(yes.text).toMatch(/^Sorry, I didn't catch that/);
    expect(await returns()).toHaveLength(0);
  });

  it('hands a damaged item to a person with a ticket holding the whole context', async () => {
    const ben = await converse('shopper-ben');
    const found = heard(await ben.say('ReturnItemIntent', { item: { value: 'earbuds', id: 'audio' }, reason: { value: 'arrived damaged', id: 'damaged' } }));
    expect(found.text).toMatch(/^Sure\. Is that the Pulse wireless earbuds from your order on \w+\?$/);
    const handedOver = heard(await ben.say('YesIntent'));
    expect(handedOver.text).toMatch(
      /^I'm sorry your Pulse wireless earbuds arrived damaged; a person should look at that\. Our team will email you within one business day\. Your reference number is (\d{6})\.$/,
    );
    expect(handedOver.listening).toBe(false);
    expect(await returns()).toHaveLength(0);

    const [ticket] = tickets();
    expect(handedOver.text).toContain(ticket!.reference);
    expect(ticket).toMatchObject({ reason: 'damaged-item', shopper_id: testApp.ids.shopper('shopper-ben'), order_number: '10689' });
    expect(ticket!.summary).toMatch(/Order: 10689\. Item: .*Earbuds/);
    const context = JSON.parse(ticket!.context);
    expect(context.shopper).toEqual({ id: testApp.ids.shopper('shopper-ben'), name: 'Ben Carter', email: 'ben@example.com' });
    expect(context.item).toEqual({ lineId: testApp.ids.line('10689-1'), name: expect.stringContaining('Earbuds'), sku: expect.any(String), quantity: 1 });
    expect(context.tried).toEqual(expect.arrayContaining([expect.stringContaining('Matched'), 'Shopper confirmed the item.', 'Reason: damaged.']));
    // The conversation so far: each turn's intent, slot values and what was said back.
    expect(context.transcript).toEqual([
      {
        at: expect.any(String),
        heard: 'ReturnItemIntent',
        slots: { item: { spoken: 'earbuds', id: 'audio' }, reason: { spoken: 'arrived damaged', id: 'damaged' } },
        said: expect.stringMatching(/^Sure\. Is that the Pulse wireless earbuds from your order on /),
      },
      { at: expect.any(String), heard: 'YesIntent', slots: {} },
    ]);
  });

  it('creates exactly one return however often the confirmation is repeated or retried', async () => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('ReturnItemIntent', { item: shoes, date: lastWeek, reason: doesNotFit }));
    heard(await ava.say('YesIntent'));
    const done = heard(await ava.say('YesIntent'));
    // The platform did not get the answer and sends the same "yes" again.
    const retried = heard(await ava.resend());
    expect(retried.text).toBe(done.text);
    // The shopper says "yes" once more, in the same conversation.
    const again = heard(await ava.say('YesIntent'));
    expect(again.text).not.toMatch(/return number/);
    expect(await returns()).toHaveLength(1);

    // A new conversation about the same shoes hears that the return exists.
    const later = await converse('shopper-ava');
    const exists = heard(await later.say('ReturnItemIntent', { item: shoes }));
    expect(exists.text).toMatch(/^There's already a return for your Trailblazer running shoes\./);
    expect(await returns()).toHaveLength(1);
  });

  it('explains the step in progress on "help", and keeps it', async () => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('ReturnItemIntent', { item: { value: 'socks', id: 'apparel' } }));
    const reason = heard(await ava.say('YesIntent'));
    const help = heard(await ava.say('HelpIntent'));
    expect(help.text).toMatch(/^Why are you returning it\? For example: /);
    expect(help.state).toMatchObject({ active: (reason.state as { active: unknown }).active });
    const quantity = heard(await ava.say('ReturnReasonIntent', { reason: { value: 'wrong color', id: 'color' } }));
    expect(quantity.text).toMatch(/How many are you sending back\?$/);
  });

  it('asks again once after an answer that does not fit, and hands over to a person after the second', async () => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('ReturnItemIntent', { item: { value: 'socks', id: 'apparel' } }));
    heard(await ava.say('YesIntent'));
    const first = heard(await ava.say('FallbackIntent'));
    expect(first.text).toBe("Sorry, I didn't get that. Why are you sending it back? For example, it doesn't fit, or you changed your mind.");
    expect(first.listening).toBe(true);
    const second = heard(await ava.say('FallbackIntent'));
    expect(second.text).toMatch(/^Sorry, I'm not getting this right, so let me bring in a person\. Our team will email you/);
    expect(second.listening).toBe(false);
    expect(tickets()).toEqual([expect.objectContaining({ reason: 'repeated-failure', order_number: '10605' })]);
  });

  it('says what it found instead when nothing matches, and offers a person', async () => {
    const ava = await converse('shopper-ava');
    const nothing = heard(await ava.say('ReturnItemIntent', { item: { value: 'blender', id: 'kitchen' } }));
    expect(nothing.text).toMatch(/^I couldn't find any blender in your recent orders\. Lately you got the .+, the .+, or the .+\. Say which, or shall I get you a person\?$/);
    const person = heard(await ava.say('YesIntent'));
    expect(person.text).toMatch(/Your reference number is \d{6}\./);

    // A long description, or one with its own article, is not said back ("any the one …").
    const described = heard(await (await converse('shopper-ava')).say('ReturnItemIntent', { item: 'the one I got for my sister' }));
    expect(described.text).toMatch(/^I couldn't find that in your recent orders\. Lately you got /);
    expect(tickets()).toEqual([expect.objectContaining({ reason: 'item-not-found' })]);
  });

  it('lets the shopper change their mind and ask something else mid-way', async () => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('ReturnItemIntent', { item: shoes }));
    const status = heard(await ava.say('OrderStatusIntent'));
    expect(status.text).toMatch(/on the way/);
    expect(await returns()).toHaveLength(0);
  });

  it.each([
    ['an explicit request for a person', 'TalkToAgentIntent', 'shopper-asked'],
    ['a dispute', 'DisputeIntent', 'dispute'],
    ['an angry shopper', 'FrustrationIntent', 'shopper-upset'],
  ] as const)('escalates %s mid-return, with the item in the ticket', async (_name, intent, reason) => {
    const ava = await converse('shopper-ava');
    heard(await ava.say('ReturnItemIntent', { item: shoes }));
    heard(await ava.say('YesIntent'));
    const filed = heard(await ava.say(intent));
    expect(filed.text).toMatch(/Your reference number is \d{6}\.$/);
    const [ticket] = tickets();
    expect(ticket).toMatchObject({ reason, order_number: '10605' });
    expect(JSON.parse(ticket!.context).item).toMatchObject({ lineId: testApp.ids.line('10605-1') });
  });

  it('does the whole return in German', async () => {
    const ava = await converse('shopper-ava', 'de-DE');
    const found = heard(await ava.say('ReturnItemIntent', { item: { value: 'schuhe', id: 'shoes' }, date: platform === 'alexa' ? '2026-W47' : 'letzte Woche', reason: { value: 'passen nicht', id: 'size' } }));
    expect(found.text).toMatch(/^Gern\. Meinen Sie Trailblazer Laufschuhe aus Ihrer Bestellung am ?.+\?$/);
    const summary = heard(await ava.say('YesIntent'));
    const destination = testApp.traits.savedCards ? 'auf Ihre Visa-Karte mit Endung 4242' : 'über Ihre ursprüngliche Zahlungsart';
    expect(summary.text).toBe(`Rücksendung für Trailblazer Laufschuhe wegen schlechter Passform, 129 Dollar 99 zurück ${destination}. Soll ich sie anlegen?`);
    const done = heard(await ava.say('YesIntent'));
    const held = await returns();
    expect(held).toHaveLength(1);
    const number = spokenReturnReference(testApp, held[0]!).text;
    if (testApp.traits.returnRequests) {
      expect(done.text).toBe(`Ich habe die Rücksendung beantragt. Ihre Nummer ist ${number}. Sobald der Shop sie genehmigt, kommt das Gratis-Etikett per E-Mail.`);
    } else {
      // Where the store makes its labels itself (Medusa), it emails the label: "the shop sends it to you".
      const label = testApp.traits.labelFromStore ? 'Das Rücksendeetikett schickt Ihnen der Shop per E-Mail' : 'Das Gratis-Etikett kommt per E-Mail';
      expect(done.text).toMatch(new RegExp(`^Ihre Rücksendenummer ist ${number}\\. ${label}\\. `));
    }
  });

  it('asks a shopper who has not linked an account to link it first', async () => {
    const guest = start(testApp.app);
    const reply = heard(await guest.say('ReturnItemIntent', { item: shoes }));
    expect(reply.linkAccount).toBe(true);
  });
});
