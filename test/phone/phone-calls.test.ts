import { AVA, BEN, type PhoneServer, startPhoneServer, TEST_TWILIO_AUTH_TOKEN } from './phone-server';
import { RelayCall, type Talk } from './relay-client';

/** Whole calls over a real WebSocket, as ConversationRelay carries them, against the real server. */

let server: PhoneServer;
let calls = 0;

beforeAll(async () => {
  server = await startPhoneServer();
});

afterAll(async () => {
  await server.close();
});

function dial(from: string, callSid = `CA${String(++calls).padStart(32, '0')}`): Promise<RelayCall> {
  return RelayCall.dial(server.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid, from });
}

const spaced = (digits: string) => [...digits].join(' ');

/** What the shopper's account would give away: order numbers as read out, item names, the card's and ZIP's digits. */
async function accountDetails(shopperId: string): Promise<string[]> {
  const orders = await server.store.commerce.orders.listForShopper(shopperId);
  const shopper = await server.store.commerce.shoppers.findById(shopperId);
  return [
    ...orders.map((order) => spaced(order.number)),
    ...orders.flatMap((order) => order.lines.map((line) => line.spokenName.toLowerCase())),
    spaced(shopper!.defaultPayment!.last4),
    spaced(shopper!.defaultAddress!.postalCode),
  ];
}

function expectNothingOf(details: readonly string[], talks: readonly Talk[]): void {
  for (const talk of talks) {
    for (const detail of details) expect(talk.text.toLowerCase()).not.toContain(detail);
  }
}

function ticketRow(reference: string) {
  return server.store.db
    .prepare('SELECT shopper_id AS shopperId, reason, platform FROM handoffs WHERE reference = ?')
    .get(reference) as { shopperId: string | null; reason: string; platform: string } | undefined;
}

describe('a call from a shopper\'s own number', () => {
  it('asks for a second factor before any order detail, then answers with the order status once the last four digits are keyed', async () => {
    const details = await accountDetails(AVA.shopperId);
    const call = await dial(AVA.phone);
    const asked = await call.say('where is my order');
    expect(asked.text).toMatch(/check it's you/);
    expect(asked.text).toMatch(/last four digits of the card on file/);
    expectNothingOf(details, [asked]);

    const answered = await call.key(AVA.cardLast4);
    // The first sentence goes out on its own, the rest follow, and only the last token closes the talk.
    expect(answered.tokens[0]).toBe("Thanks, that's you. ");
    expect(answered.tokens.length).toBeGreaterThan(2);
    const items = (await server.store.commerce.orders.listForShopper(AVA.shopperId)).flatMap((order) => order.lines.map((line) => line.spokenName.toLowerCase()));
    expect(items.some((item) => answered.text.toLowerCase().includes(item))).toBe(true);
    await call.hangUp();
  });

  it('takes the delivery ZIP code said in words as the second factor', async () => {
    const call = await dial(AVA.phone);
    await call.say('where is my order');
    const answered = await call.say("sure, it's eight oh two oh five");
    expect(answered.text).toMatch(/^Thanks, that's you\. /);
    expect(answered.text).toMatch(/order/);
    await call.hangUp();
  });

  it('offers a person after three wrong second factors, says nothing of the account, and passes the call on with a ticket naming no shopper', async () => {
    const details = await accountDetails(AVA.shopperId);
    const call = await dial(AVA.phone);
    const talks: Talk[] = [await call.say('where is my order')];
    talks.push(await call.key('1111'));
    expect(talks[1]!.text).toMatch(/doesn't match/);
    talks.push(await call.say('one two three four'));
    expect(talks[2]!.text).toMatch(/doesn't match/);
    talks.push(await call.key(BEN.zip));
    expect(talks[3]!.text).toMatch(/couldn't confirm it's you.*put you through to a person\?$/);
    // No fourth try: asking again about orders gets the same offer.
    talks.push(await call.say('where is my order'));
    expect(talks[4]!.text).toMatch(/put you through to a person\?$/);
    expectNothingOf(details, talks);

    const transferred = await call.say('yes');
    expect(transferred.text).toMatch(/putting you through to a colleague/);
    const { handoffData } = await call.ended();
    const handoff = JSON.parse(handoffData!) as { reference: string; reason: string; summary: string };
    expect(handoff.reason).toBe('repeated-failure');
    expect(transferred.text).toContain(spaced(handoff.reference));
    expect(ticketRow(handoff.reference)).toEqual({ shopperId: null, reason: 'repeated-failure', platform: 'phone' });
    expectNothingOf(details, [transferred, { tokens: [], text: handoff.summary.toLowerCase() }]);
    await call.hangUp();
  });

  it('asks again, and counts no failure, when the caller says something that is no try at the second factor', async () => {
    const details = await accountDetails(AVA.shopperId);
    const call = await dial(AVA.phone);
    const talks: Talk[] = [await call.say('where is my order')];
    for (const words of ['where is my order', 'the one from Monday', 'what do you need']) {
      const again = await call.say(words);
      expect(again.text).toBe("Before I can help with that, I need to check it's you. Please say or key in the last four digits of the card on file, your delivery ZIP code, or a recent order number. If you key it in, finish with the pound key.");
      talks.push(again);
    }
    // Three real tries still get a person offered, the third and no sooner.
    talks.push(await call.key('1111'), await call.say('one two three four'));
    expect(talks.at(-1)!.text).toMatch(/^That doesn't match what we have on file\. /);
    talks.push(await call.key(BEN.zip));
    expect(talks.at(-1)!.text).toMatch(/couldn't confirm it's you.*put you through to a person\?$/);
    expectNothingOf(details, talks);
    await call.hangUp();
  });

  it('asks again in German, explaining why, when a German caller repeats the request instead of answering', async () => {
    const call = await dial(AVA.phone);
    await call.say('wo ist meine Bestellung');
    const again = await call.say('wo ist meine Bestellung', 'de-DE');
    expect(again.text).toMatch(/^Bevor ich Ihnen dabei helfen kann, muss ich kurz prüfen, ob Sie es sind\. Bitte sagen oder tippen Sie die letzten vier Ziffern/);
    expect((await call.say('vier zwei vier zwei', 'de-DE')).tokens[0]).toBe('Danke, das passt. ');
    await call.hangUp();
  });

  it('still puts a caller who asks for a person through while the check waits for a second factor', async () => {
    const call = await dial(BEN.phone);
    await call.say('where is my order');
    const transferred = await call.say('let me talk to a person');
    expect(transferred.text).toMatch(/putting you through to a colleague/);
    const handoff = JSON.parse((await call.ended()).handoffData!) as { reference: string; reason: string };
    expect(handoff.reason).toBe('shopper-asked');
    expect(ticketRow(handoff.reference)?.shopperId).toBeNull();
    await call.hangUp();
  });
});

describe('a verified caller who asks for a person', () => {
  it('files the same handoff ticket as the other channels and ends the relay with its reference, reason and summary', async () => {
    const call = await dial(BEN.phone);
    await call.say('where is my order');
    await call.key(BEN.cardLast4);
    const transferred = await call.say('talk to a person');
    const { handoffData } = await call.ended();
    const handoff = JSON.parse(handoffData!) as { reference: string; reason: string; summary: string };
    expect(handoff).toEqual({ reference: expect.stringMatching(/^\d{6}$/), reason: 'shopper-asked', summary: expect.stringContaining('via phone') });
    expect(transferred.tokens.at(-1)).toContain(spaced(handoff.reference));
    expect(ticketRow(handoff.reference)).toEqual({ shopperId: BEN.shopperId, reason: 'shopper-asked', platform: 'phone' });
    await call.hangUp();
  });
});

describe('a number the store does not know', () => {
  it.each([
    ['an unknown number', '+14155550100'],
    ['a withheld number', 'anonymous'],
  ])('from %s, the caller proves who they are with a recent order number and the ZIP code it went to', async (_case, from) => {
    const details = await accountDetails(AVA.shopperId);
    const [recent] = await server.store.commerce.orders.listForShopper(AVA.shopperId);
    const call = await dial(from);
    const asked = await call.say('where is my order');
    expect(asked.text).toMatch(/can't find an account for the number you're calling from\. Please say or key in a recent order number/);
    const zipAsked = await call.key(recent!.number);
    expect(zipAsked.text).toBe('And the ZIP code it was delivered to?');
    expectNothingOf(details, [asked, zipAsked]);
    const answered = await call.say('eight zero two zero five');
    expect(answered.tokens[0]).toBe("Thanks, that's you. ");
    expect(answered.text).toMatch(/order/);
    await call.hangUp();
  });

  it('never says whether an order number exists, and offers a person after three numbers and ZIP codes that do not match', async () => {
    const details = await accountDetails(AVA.shopperId);
    const [recent] = await server.store.commerce.orders.listForShopper(AVA.shopperId);
    const call = await dial('+14155550100');
    const talks: Talk[] = [await call.say('where is my order')];
    talks.push(await call.key(recent!.number), await call.key(BEN.zip));
    expect(talks[2]!.text).toMatch(/doesn't match an order of ours/);
    talks.push(await call.key('999999'));
    // An order number that does not exist is asked about like one that does.
    expect(talks[3]!.text).toBe(talks[1]!.text);
    talks.push(await call.key(AVA.zip), await call.key(recent!.number), await call.key('12345'));
    expect(talks.at(-1)!.text).toMatch(/couldn't confirm it's you.*put you through to a person\?$/);
    expectNothingOf(details, talks);
    await call.hangUp();
  });

  it('asks again for the order number or the ZIP code, counting no failure, when the caller answers with no number', async () => {
    const [recent] = await server.store.commerce.orders.listForShopper(AVA.shopperId);
    const call = await dial('+14155550100');
    await call.say('where is my order');
    for (let tries = 0; tries < 3; tries += 1) {
      expect((await call.say('where is my order')).text).toMatch(/^Before I can help with that, I need to check it's you\. I can't find an account for the number you're calling from\. Please say or key in a recent order number\./);
    }
    expect((await call.key(recent!.number)).text).toBe('And the ZIP code it was delivered to?');
    expect((await call.say('which one do you mean')).text).toBe("Before I can help with that, I need to check it's you. And the ZIP code it was delivered to?");
    const answered = await call.say('eight zero two zero five');
    expect(answered.tokens[0]).toBe("Thanks, that's you. ");
    expect(answered.text).toMatch(/order/);
    await call.hangUp();
  });

  it('is offered a person when the store cannot find shoppers by order and ZIP code', async () => {
    const limited = await startPhoneServer({}, {
      store: (store) => ({ ...store, shoppers: { findById: (id) => store.shoppers.findById(id), findByPhone: (phone) => store.shoppers.findByPhone!(phone) } }),
    });
    try {
      const call = await RelayCall.dial(limited.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: `CA${'a'.repeat(32)}`, from: '+14155550100' });
      const offered = await call.say('where is my order');
      expect(offered.text).toMatch(/can't find an account for the number you're calling from\. Shall I put you through to a person\?$/);
      await call.hangUp();
    } finally {
      await limited.close();
    }
  });
});

describe('a reorder on the phone', () => {
  it('is placed once the voice PIN is keyed, and the PIN is never said back or written down', async () => {
    const withPins = await startPhoneServer({ PURCHASE_PIN_REQUIRED: 'true', STORE_UTTERANCES: 'true' });
    const callSid = `CA${'b'.repeat(32)}`;
    try {
      const call = await RelayCall.dial(withPins.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid, from: AVA.phone });
      await call.say('reorder my usual coffee');
      expect((await call.key(AVA.cardLast4)).text).toMatch(/^Thanks, that's you\. Shall I order .*coffee/);
      expect((await call.say('yes')).text).toMatch(/PIN/);
      const placed = await call.key(AVA.purchasePin);
      expect(placed.text).toMatch(/order number is/);
      await call.hangUp();
      const written = withPins.store.db
        .prepare("SELECT slots || said AS text FROM conversation_turns WHERE conversation_id = ? UNION ALL SELECT coalesce(utterance, '') FROM turn_events WHERE conversation_id = ?")
        .all(`phone:${callSid}`, `phone:${callSid}`) as { text: string }[];
      expect(written.length).toBeGreaterThan(0);
      for (const { text } of [...written, placed]) expect(text).not.toMatch(new RegExp(`${AVA.purchasePin}|${spaced(AVA.purchasePin)}`));
    } finally {
      await withPins.close();
    }
  });
});

describe('a German line', () => {
  it('greets, checks and answers in German', async () => {
    const german = await startPhoneServer({ PHONE_LOCALE: 'de-DE' });
    try {
      const call = await RelayCall.dial(german.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: `CA${'c'.repeat(32)}`, from: AVA.phone });
      expect((await call.say('wo ist meine Bestellung')).text).toMatch(/^Bevor ich in Ihr Konto schaue, muss ich kurz prüfen, ob Sie es sind\. /);
      expect((await call.say('acht null zwei null fünf')).tokens[0]).toBe('Danke, das passt. ');
      await call.hangUp();
    } finally {
      await german.close();
    }
  });
});

describe('a dropped socket', () => {
  it('loses nothing confirmed: the same call on a new socket goes on as the caller it verified', async () => {
    const callSid = `CA${'d'.repeat(32)}`;
    const first = await dial(AVA.phone, callSid);
    await first.say('where is my order');
    await first.key(AVA.cardLast4);
    await first.hangUp();

    const again = await dial(AVA.phone, callSid);
    const answered = await again.say('where is my order');
    expect(answered.text).not.toMatch(/check it's you/);
    expect(answered.text).toMatch(/order/);
    await again.hangUp();
  });
});

describe('a call whose state cannot be kept', () => {
  it('hears an apology, never silence or a dropped line, and goes on once the store is back', async () => {
    let failing = false;
    const flaky = await startPhoneServer({}, {
      callStates: (states) => ({
        load: (callId, now) => states.load(callId, now),
        save: async (callId, state, expiresAt) => {
          if (failing) throw new Error('disk full');
          return states.save(callId, state, expiresAt);
        },
      }),
    });
    try {
      const call = await RelayCall.dial(flaky.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: `CA${'f'.repeat(32)}`, from: AVA.phone });
      failing = true;
      expect((await call.say('where is my order')).text).toBe('Sorry, something went wrong on my side. Please try again, or ask for a person.');
      failing = false;
      expect((await call.say('where is my order')).text).toMatch(/check it's you/);
      await call.hangUp();
    } finally {
      await flaky.close();
    }
  });
});
