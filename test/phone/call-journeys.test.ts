import { LOCALES } from '../../lambda/languages/packs';
import { XMLParser } from 'fast-xml-parser';
import { CALL_STATE_TTL_MS, loadCall } from '../../lambda/platforms/phone/call-state';
import { TEST_NOW } from '../support/test-app';
import { AVA, type PhoneServer, startPhoneServer, TEST_TWILIO_AUTH_TOKEN } from './phone-server';
import { RelayCall, relayConnectionFor, twilioSignature } from './relay-client';

/**
 * Whole calls over a real WebSocket with a valid signature, as ConversationRelay carries them:
 * a return, a dropped socket that loses nothing confirmed, a caller who speaks over a list, and
 * one who speaks German to an English line.
 */

let server: PhoneServer;
let calls = 0;

beforeAll(async () => {
  server = await startPhoneServer();
});

afterAll(async () => {
  await server.close();
});

const newCallSid = () => `CA${String(++calls).padStart(30, '0')}j1`;

function dial(from: string, callSid = newCallSid()): Promise<RelayCall> {
  return RelayCall.dial(server.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid, from });
}

interface ReturnRow {
  readonly number: string;
  readonly line_id: string;
  readonly reason: string;
}

const returnsOf = (orderNumber: string) => server.store.db.prepare('SELECT number, line_id, reason FROM returns WHERE order_number = ?').all(orderNumber) as ReturnRow[];

describe('a return on the phone', () => {
  it('is created once the caller is checked and says yes to the summary; a dropped socket and a repeated yes make no second one', async () => {
    const callSid = newCallSid();
    const call = await dial(AVA.phone, callSid);
    await call.say("I want to send back the shoes I got last week, they don't fit");
    const found = await call.key(AVA.cardLast4);
    expect(found.text).toMatch(/^Thanks, that's you\. Sure\. Is that the Trailblazer running shoes from your order on .+\?$/);
    const summary = await call.say('yes');
    expect(summary.text).toMatch(/^Shall I take back the Trailblazer running shoes, for a poor fit, and refund 129 dollars 99 to your Visa ending 4 2 4 2\?$/);
    // The line drops before the caller answers: nothing is created yet, and the question is still open on the next socket.
    await call.hangUp();
    expect(returnsOf('10605')).toEqual([]);

    const again = await dial(AVA.phone, callSid);
    const done = await again.say('yes');
    const created = returnsOf('10605');
    expect(created).toEqual([{ number: expect.any(String), line_id: '10605-1', reason: 'size' }]);
    expect(done.text).toMatch(new RegExp(`^Your return number is ${[...created[0]!.number].join(' ')}\\. `));

    // Dropped again after the confirmation; the same call comes back and says yes once more.
    await again.hangUp();
    const third = await dial(AVA.phone, callSid);
    await third.say('yes');
    expect(returnsOf('10605')).toHaveLength(1);
    // Still the caller it checked: no second factor is asked for.
    expect((await third.say('where is my order')).text).not.toMatch(/check it's you/);
    await third.hangUp();

    // The call's state is kept for a dropped socket to come back to, and forgotten once it expires.
    const states = server.store.state.callStates!;
    expect(await loadCall(states, callSid, TEST_NOW)).toMatchObject({ caller: { kind: 'verified', shopperId: AVA.shopperId } });
    expect(await loadCall(states, callSid, new Date(TEST_NOW.getTime() + CALL_STATE_TTL_MS + 60_000))).toBeUndefined();
  });
});

describe('a caller who speaks over a list', () => {
  /** A search read as tokens: the count, one sentence per product, the offer. */
  async function searched(call: RelayCall): Promise<readonly string[]> {
    const { tokens } = await call.say('I need a rain jacket');
    expect(tokens).toHaveLength(4);
    expect(tokens[3]).toBe('Want more, or details on one?');
    return tokens;
  }

  it('hears the product they cut off first when they ask for the next ones, not the page after it', async () => {
    const callSid = newCallSid();
    const call = await dial(AVA.phone, callSid);
    const [count, first, second] = await searched(call);
    // The voice got through the first product and into the first word of the second.
    call.interrupt(`${count}${first}${second!.slice(0, 4)}`);
    const next = await call.say('next');
    expect(next.text).toMatch(/^The next ones: /);
    expect(next.text).toContain(second!.trim());
    expect(next.text).not.toContain(first!.trim());
    // The call's state kept what was heard, for that one turn only.
    expect((await loadCall(server.store.state.callStates!, callSid, TEST_NOW))?.heard).toBeUndefined();

    // Told in full, the list goes on after the page that was read.
    const control = await dial(AVA.phone);
    const [, , secondAgain] = await searched(control);
    expect((await control.say('next')).text).not.toContain(secondAgain!.trim());
    await control.hangUp();
    await call.hangUp();
  });

  it('keeps what the caller heard in the call state until their next words, and re-offers a list cut off before its first product', async () => {
    const callSid = newCallSid();
    const call = await dial(AVA.phone, callSid);
    const [count, first] = await searched(call);
    call.interrupt(count!.slice(0, 9));
    // The interrupt is handled in order, before any next prompt: wait for it by asking the state.
    let kept: string | undefined;
    for (let tries = 0; tries < 50 && kept === undefined; tries += 1) {
      kept = (await loadCall(server.store.state.callStates!, callSid, TEST_NOW))?.heard;
      if (kept === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(kept).toBe('');
    const again = await call.say('yes');
    expect(again.text).toContain(first!.trim());
    await call.hangUp();
  });

  it('is told nothing new when the voice had finished the list', async () => {
    const callSid = newCallSid();
    const call = await dial(AVA.phone, callSid);
    const tokens = await searched(call);
    call.interrupt(tokens.join(''));
    const next = await call.say('next');
    expect(next.text).not.toContain(tokens[2]!.trim());
    await call.hangUp();
  });
});

describe('a caller who speaks German to an English line', () => {
  it('declares the languages a call may switch to in the TwiML', async () => {
    const webhook = `${server.baseUrl}/phone/twiml`;
    const params = { AccountSid: `AC${'0'.repeat(32)}`, CallSid: newCallSid(), From: AVA.phone, To: '+18005550199' };
    const response = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(TEST_TWILIO_AUTH_TOKEN, webhook, params) },
      body: new URLSearchParams(params).toString(),
    });
    const twiml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'Language' }).parse(await response.text()) as {
      Response: { Connect: { ConversationRelay: { language: string; Language: { code: string }[] } } };
    };
    const relay = twiml.Response.Connect.ConversationRelay;
    expect(relay.language).toBe('en-US');
    expect(relay.Language.map((language) => language.code)).toEqual([...LOCALES]);
  });

  it('is switched to German with a language message, and the call goes on in German with everything it knew', async () => {
    const call = await dial(AVA.phone);
    const asked = await call.say('wo ist meine Bestellung');
    expect(call.languageMessages).toEqual([{ type: 'language', ttsLanguage: 'de-DE', transcriptionLanguage: 'de-DE' }]);
    expect(asked.tokens[0]).toBe('Gerne, dann machen wir auf Deutsch weiter. ');
    expect(asked.text).toMatch(/Bevor ich in Ihr Konto schaue, muss ich kurz prüfen, ob Sie es sind\./);

    const answered = await call.say('vier zwei vier zwei', 'de-DE');
    expect(answered.tokens[0]).toBe('Danke, das passt. ');
    expect(answered.text).toMatch(/Bestellung/);
    expect(call.languageMessages).toHaveLength(1);

    // Asked back to English by name: switched, and still the caller the check passed.
    const english = await call.say('Englisch bitte', 'de-DE');
    expect(call.languageMessages.at(-1)).toEqual({ type: 'language', ttsLanguage: 'en-US', transcriptionLanguage: 'en-US' });
    expect(english.tokens[0]).toBe("Sure, let's go on in English. ");
    const status = await call.say('where is my order');
    expect(status.text).not.toMatch(/check it's you/);
    expect(status.text).toMatch(/order/);
    await call.hangUp();
  });

  it('asks the open question again in the language the caller asked for by name', async () => {
    const call = await dial(AVA.phone);
    await call.say('I need a rain jacket');
    const help = await call.say('can we speak German please');
    expect(call.languageMessages).toEqual([{ type: 'language', ttsLanguage: 'de-DE', transcriptionLanguage: 'de-DE' }]);
    expect(help.tokens[0]).toBe('Gerne, dann machen wir auf Deutsch weiter. ');
    expect(help.text).toMatch(/Sagen Sie weiter, erzähl mir mehr über den zweiten/);
    // The search's step is still open: "mehr" goes on with its results.
    expect((await call.say('mehr', 'de-DE')).text).toMatch(/^Die nächsten: /);
    await call.hangUp();
  });

  it('follows the language the relay detected, and stays in English for English words', async () => {
    const detected = await dial(AVA.phone);
    await detected.say('hallo', 'de');
    expect(detected.languageMessages).toEqual([{ type: 'language', ttsLanguage: 'de-DE', transcriptionLanguage: 'de-DE' }]);
    await detected.hangUp();

    const english = await dial(AVA.phone);
    for (const words of ['I need a rain jacket', 'okay', 'next', 'stop']) await english.say(words);
    expect(english.languageMessages).toEqual([]);
    await english.hangUp();
  });

  it('is answered without a switch when the relay is told the call is English (a full language tag is not a detection)', async () => {
    const { parameters } = await relayConnectionFor(server.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: newCallSid(), from: AVA.phone });
    expect(parameters.locale).toBe('en-US');
    const call = await dial(AVA.phone);
    await call.say('where is my order', 'en-US');
    expect(call.languageMessages).toEqual([]);
    await call.hangUp();
  });
});

describe('a slow store', () => {
  it('has the caller hear the progress line while it is awaited, then the answer', async () => {
    let slow = false;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowServer = await startPhoneServer({}, {
      store: (store) => ({
        ...store,
        orders: new Proxy(store.orders, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver) as unknown;
            if (typeof value !== 'function') return value;
            return async (...args: unknown[]) => {
              if (slow) await released;
              return (value as (...given: unknown[]) => unknown).apply(target, args);
            };
          },
        }),
      }),
    });
    try {
      const call = await RelayCall.dial(slowServer.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: newCallSid(), from: AVA.phone });
      await call.say('where is my order');
      await call.key(AVA.cardLast4);
      slow = true;
      // The store does not answer until the caller has heard the progress line.
      const progress = await call.say('where is my order');
      expect(['Let me check on that.', "One moment, I'm checking.", "Just a second, I'm looking that up."]).toContain(progress.text);
      release();
      const answer = await call.talk();
      expect(answer.text).toMatch(/order/);
      await call.hangUp();
    } finally {
      release();
      await slowServer.close();
    }
  });
});
