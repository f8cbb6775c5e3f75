import { XMLParser } from 'fast-xml-parser';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { bindCall, bindingAdmits, bindingOf, CALL_BINDING_TTL_MS } from '../../lambda/platforms/phone/call-binding';
import { digitsSaid } from '../../lambda/platforms/phone/caller-digits';
import { callerByNumber, callerNumber, secondFactorMatches, shopperByOrder } from '../../lambda/platforms/phone/caller-check';
import { loadCall, newCall, saveCall, CALL_STATE_TTL_MS } from '../../lambda/platforms/phone/call-state';
import { phoneText, sentenceTokens } from '../../lambda/platforms/phone/phone-speech';
import { MAX_HINTS, speechHints } from '../../lambda/platforms/phone/speech-hints';
import { conversationRelayTwiml } from '../../lambda/platforms/phone/twiml';
import { date, digits, pause, telephone, text } from '../../lambda/speech/speech';
import { TEST_NOW } from '../support/test-app';
import { AVA } from './phone-server';

describe('speech for the phone', () => {
  it('is plain text: digits one by one, dates in words, pauses as commas, telephone numbers in groups', () => {
    expect(phoneText([text('Order '), digits('1042'), text(' arrives '), date('2026-12-03'), text('.')], 'en-US')).toBe('Order 1 0 4 2 arrives December 3.');
    expect(phoneText([text('Bestellung '), digits('1042'), text(' kommt am '), date('2026-12-03'), text('.')], 'de-DE')).toBe('Bestellung 1 0 4 2 kommt am 3. Dezember.');
    expect(phoneText([text('Socks'), pause(300), text('shoes'), pause(300), text('and a jacket.')], 'en-US')).toBe('Socks, shoes, and a jacket.');
    expect(phoneText([text('Call '), telephone('18005550199'), text('.')], 'en-US')).toBe('Call 1, 8 0 0, 5 5 5, 0 1 9 9.');
  });

  it('never sends markup a voice could take for a tag or an entity', () => {
    const said = phoneText([text('Salt & Pepper <break time="9s"/> grinder')], 'en-US');
    expect(said).toBe('Salt and Pepper break time="9s"/ grinder');
    expect(phoneText([text('Salz & Pfeffer')], 'de-DE')).toBe('Salz und Pfeffer');
  });

  it('is cut into sentences, each but the last keeping its space, never after a day of the month', () => {
    expect(sentenceTokens('You have one order on the way. It arrives tomorrow! Want more?')).toEqual(['You have one order on the way. ', 'It arrives tomorrow! ', 'Want more?']);
    expect(sentenceTokens('Sie kommt am 3. Dezember. Noch etwas?')).toEqual(['Sie kommt am 3. Dezember. ', 'Noch etwas?']);
    expect(sentenceTokens('')).toEqual([]);
  });
});

describe('digits a caller says', () => {
  it.each([
    ["it's eight oh two oh five", 'en-US', '80205'],
    ['my card ends in 4242', 'en-US', '4242'],
    ['ten forty two', 'en-US', '1042'],
    ['acht null zwei null fünf', 'de-DE', '80205'],
    ['I do not know', 'en-US', undefined],
    ['one two three four', 'en-US', '1234'],
    ['four two', 'en-US', '42'],
    // A short number among other words belongs to a request, not to an answer.
    ['the one from Monday', 'en-US', undefined],
    ['I have two orders', 'en-US', undefined],
  ])('%s (%s) → %s', (said, locale, expected) => {
    expect(digitsSaid(said, locale)).toBe(expected);
  });
});

describe('who is calling', () => {
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  afterAll(() => store.close());

  it('knows a shopper by their number, and no one by a withheld or unknown one', async () => {
    expect(await callerByNumber(store.commerce.shoppers, AVA.phone)).toEqual({ kind: 'claimed', shopperId: AVA.shopperId, failures: 0 });
    expect(await callerByNumber(store.commerce.shoppers, '+14155550100')).toEqual({ kind: 'unknown', failures: 0 });
    expect(callerNumber('anonymous')).toBeUndefined();
    expect(callerNumber('client:alice')).toBeUndefined();
    expect(await callerByNumber({ findById: store.commerce.shoppers.findById }, AVA.phone)).toEqual({ kind: 'unknown', failures: 0 });
  });

  it('names nobody by a number two shoppers share', async () => {
    store.db.prepare("UPDATE shoppers SET phone = ? WHERE id = 'shopper-eve'").run(AVA.phone);
    try {
      expect(await callerByNumber(store.commerce.shoppers, AVA.phone)).toEqual({ kind: 'unknown', failures: 0 });
    } finally {
      store.db.prepare("UPDATE shoppers SET phone = '+15035550199' WHERE id = 'shopper-eve'").run();
    }
  });

  it('takes the card\'s last four, the ZIP code or a recent order number of that shopper, and nothing else', async () => {
    const [recent] = await store.commerce.orders.listForShopper(AVA.shopperId);
    const ports = store.commerce;
    expect(await secondFactorMatches(ports, AVA.shopperId, AVA.cardLast4, TEST_NOW)).toBe(true);
    expect(await secondFactorMatches(ports, AVA.shopperId, AVA.zip, TEST_NOW)).toBe(true);
    expect(await secondFactorMatches(ports, AVA.shopperId, recent!.number, TEST_NOW)).toBe(true);
    expect(await secondFactorMatches(ports, AVA.shopperId, '4444', TEST_NOW)).toBe(false);
    expect(await secondFactorMatches(ports, 'shopper-ben', AVA.cardLast4, TEST_NOW)).toBe(false);
    // Long ago is not recent: an old order number proves little about who holds the phone now.
    expect(await secondFactorMatches(ports, AVA.shopperId, recent!.number, new Date(TEST_NOW.getTime() + 400 * 86_400_000))).toBe(false);
  });

  it('finds the shopper of a recent order by its number and the ZIP code, and nobody by either alone', async () => {
    const [recent] = await store.commerce.orders.listForShopper(AVA.shopperId);
    const ports = store.commerce;
    expect(await shopperByOrder(ports, recent!.number, AVA.zip, TEST_NOW)).toBe(AVA.shopperId);
    expect(await shopperByOrder(ports, recent!.number, '78704', TEST_NOW)).toBeUndefined();
    expect(await shopperByOrder(ports, '999999', AVA.zip, TEST_NOW)).toBeUndefined();
    expect(await shopperByOrder(ports, recent!.number, AVA.zip, new Date(TEST_NOW.getTime() + 400 * 86_400_000))).toBeUndefined();
  });
});

describe('call state', () => {
  it('is kept per call until it expires, and anything not written by the phone reads as no call', async () => {
    const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
    try {
      const states = store.state.callStates!;
      const call = newCall('de-DE', { kind: 'verified', shopperId: AVA.shopperId });
      await saveCall(states, 'CA1', { ...call, pending: 'wo ist meine bestellung' }, TEST_NOW);
      expect(await loadCall(states, 'CA1', TEST_NOW)).toEqual({ ...call, pending: 'wo ist meine bestellung' });
      expect(await loadCall(states, 'CA2', TEST_NOW)).toBeUndefined();
      expect(await loadCall(states, 'CA1', new Date(TEST_NOW.getTime() + CALL_STATE_TTL_MS + 1))).toBeUndefined();
      await states.save('CA3', { caller: { kind: 'verified', shopperId: 'shopper-ben' } }, new Date(TEST_NOW.getTime() + 60_000));
      expect(await loadCall(states, 'CA3', TEST_NOW)).toBeUndefined();
    } finally {
      store.close();
    }
  });
});

describe('TwiML and hints', () => {
  it('escapes every attribute, so a store name or a hint cannot break the document', () => {
    const twiml = conversationRelayTwiml({
      socketUrl: 'wss://shop.example/phone',
      welcomeGreeting: 'Thanks for calling Salt & "Pepper" <Shop>.',
      language: 'en-US',
      hints: ['Trail & Co'],
      handoffUrl: 'https://studio.example/handoff?a=1&b=2',
    });
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(twiml) as {
      Response: { Connect: { action: string; ConversationRelay: Record<string, string> } };
    };
    expect(parsed.Response.Connect.action).toBe('https://studio.example/handoff?a=1&b=2');
    expect(parsed.Response.Connect.ConversationRelay.welcomeGreeting).toBe('Thanks for calling Salt & "Pepper" <Shop>.');
    expect(parsed.Response.Connect.ConversationRelay.hints).toBe('Trail & Co');
  });

  it('puts brands first, drops commas and duplicates, and stops at the limit', () => {
    const hints = speechHints({
      currency: 'USD',
      brands: ['Trailblazer', 'Acme, Inc.'],
      categories: [{ id: 'jackets', terms: ['jackets', 'Jackets', 'parka'] }],
      attributes: Array.from({ length: MAX_HINTS }, (_, index) => ({ name: 'color', value: `c${index}`, terms: [`color ${index}`] })),
    });
    expect(hints.slice(0, 4)).toEqual(['Trailblazer', 'Acme Inc.', 'jackets', 'parka']);
    expect(hints).toHaveLength(MAX_HINTS);
  });
});

describe('the binding of a socket to its call', () => {
  const secret = 'a-server-secret-of-some-length-0123456789';
  const bound = (url: string) => bindingOf(`wss://shop.example/phone?${url}`)!;

  it('admits the setup of the call it was made for, from its number, until it expires', () => {
    const binding = bound(bindCall(secret, 'CA1', AVA.phone, TEST_NOW).toString());
    expect(bindingAdmits(secret, binding, { callSid: 'CA1', from: AVA.phone }, TEST_NOW)).toBe(true);
    expect(bindingAdmits(secret, binding, { callSid: 'CA1', from: AVA.phone }, new Date(TEST_NOW.getTime() + CALL_BINDING_TTL_MS + 1))).toBe(false);
    expect(bindingAdmits(secret, binding, { callSid: 'CA2', from: AVA.phone }, TEST_NOW)).toBe(false);
    expect(bindingAdmits(secret, binding, { callSid: 'CA1', from: '+15125550187' }, TEST_NOW)).toBe(false);
    expect(bindingAdmits('another-secret-of-the-same-kind-0123456789', binding, { callSid: 'CA1', from: AVA.phone }, TEST_NOW)).toBe(false);
    expect(bindingAdmits(secret, { ...binding, expires: binding.expires + 60_000 }, { callSid: 'CA1', from: AVA.phone }, TEST_NOW)).toBe(false);
  });

  it('is no binding when any part is missing', () => {
    expect(bindingOf('wss://shop.example/phone')).toBeUndefined();
    expect(bindingOf('wss://shop.example/phone?call=CA1&expires=soon&mac=x')).toBeUndefined();
  });
});
