import type { CallStateData, CallStates } from '../../lambda/commerce/ports';
import type { Reply } from '../../lambda/core/reply';
import type { Router } from '../../lambda/core/router';
import { readSessionState } from '../../lambda/core/session-state';
import { heardInFull, type Turn } from '../../lambda/core/turn';
import { languageChange } from '../../lambda/platforms/phone/call-language';
import { loadCall, newCall, saveCall } from '../../lambda/platforms/phone/call-state';
import { heardOfReply, heardParts } from '../../lambda/platforms/phone/heard-speech';
import { createCallConnection } from '../../lambda/platforms/phone/phone-call';
import type { AppMessage } from '../../lambda/platforms/phone/relay-messages';
import { Talk } from '../../lambda/platforms/phone/talk';
import { date, digits, pause, text } from '../../lambda/speech/speech';
import { TEST_NOW } from '../support/test-app';

const LIST = [text('I found 12 matches.'), pause(300), text('Stormline rain jacket, 139 dollars.'), pause(300), text('Order '), digits('1042'), text(' arrives '), date('2026-12-03'), text('.')];

describe('what a caller heard before speaking over the assistant', () => {
  it('is the parts of the reply the voice got through in full, digits and dates read as the phone reads them', () => {
    expect(heardParts(LIST, 'I found 12 matches. Stormline rain', 'en-US')).toEqual(LIST.slice(0, 2));
    expect(heardParts(LIST, 'I found 12 matches. Stormline rain jacket, 139 dollars. Order 1 0 4', 'en-US')).toEqual(LIST.slice(0, 5));
    expect(heardParts(LIST, 'i found 12 matches stormline rain jacket 139 dollars order 1 0 4 2 arrives December 3', 'en-US')).toEqual(LIST);
    expect(heardOfReply(LIST, 'I found 12 matches. Stormline rain jacket, 139 dollars. Or', 'en-US')).toBe('I found 12 matches. Stormline rain jacket, 139 dollars.');
  });

  it('is nothing new when the whole reply was heard, and nothing at all when the words are of another talk', () => {
    expect(heardOfReply(LIST, 'I found 12 matches. Stormline rain jacket, 139 dollars. Order 1 0 4 2 arrives December 3.', 'en-US')).toBeUndefined();
    // The caller spoke over "Let me check on that." before this reply was said.
    expect(heardOfReply(LIST, 'Let me check', 'en-US')).toBeUndefined();
    // Cut off within the first word: heard nothing of it.
    expect(heardOfReply(LIST, 'I fo', 'en-US')).toBe('');
  });

  it('tells a flow which of its sentences the shopper heard in full', () => {
    const turn = { heardOfLastReply: 'I found 12 matches.  stormline RAIN jacket, 139 dollars.' } as Turn;
    expect(heardInFull(turn, [text('Stormline rain jacket, 139 dollars.')])).toBe(true);
    expect(heardInFull(turn, [text('Cascade shell jacket, 249 dollars.')])).toBe(false);
    expect(heardInFull({} as Turn, [text('Cascade shell jacket, 249 dollars.')])).toBe(true);
  });
});

describe('a talk the caller speaks over', () => {
  it('sends no token after the interrupt, and says whether it went whole', async () => {
    const sent: AppMessage[] = [];
    const talk = new Talk();
    const whole = await talk.send(['One. ', 'Two. ', 'Three.'], (message) => {
      sent.push(message);
      talk.interrupt();
    });
    expect(whole).toBe(false);
    expect(sent).toEqual([{ type: 'text', token: 'One. ', last: false }]);
    const untouched = new Talk();
    expect(await untouched.send(['One. ', 'Two.'], (message) => sent.push(message))).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'text', token: 'Two.', last: true });
  });

  it('stops on the call: an interrupt that arrives while a reply is sent cuts the rest, and what was heard waits for the next turn', async () => {
    const saved = new Map<string, CallStateData>();
    const callStates: CallStates = {
      load: async (callId) => saved.get(callId),
      save: async (callId, state) => void saved.set(callId, state),
    };
    const turns: Turn[] = [];
    const router: Router = async (turn) => {
      turns.push(turn);
      const speech = [text('First sentence. Second sentence. Third sentence.')];
      return { next: 'listen', speech, reprompt: speech, state: readSessionState(undefined) } satisfies Reply;
    };
    const sent: AppMessage[] = [];
    let interrupting: Promise<void> | undefined;
    const connection = createCallConnection(
      {
        router,
        ports: { shoppers: { findById: async () => undefined }, orders: {} as never },
        callStates,
        readText: () => ({ intent: 'FallbackIntent', slots: {} }),
        store: { timeZone: 'America/Denver' },
        defaultLocale: 'en-US',
        clock: () => TEST_NOW,
      },
      (message) => {
        sent.push(message);
        // The caller speaks as soon as the first sentence is heard.
        if (sent.length === 1) interrupting = connection.receive({ type: 'interrupt', utteranceUntilInterrupt: 'First sentence.', durationUntilInterruptMs: 900 });
      },
    );
    await connection.receive({ type: 'setup', callSid: 'CA-barge-in', from: '+14155550100' });
    await connection.receive({ type: 'prompt', voicePrompt: 'hello', last: true });
    expect(sent).toEqual([{ type: 'text', token: 'First sentence. ', last: false }]);
    await interrupting;
    // The reply was one part, and the caller did not hear all of it.
    expect((await loadCall(callStates, 'CA-barge-in', TEST_NOW))?.heard).toBe('');

    await connection.receive({ type: 'prompt', voicePrompt: 'what', last: true });
    expect(turns.at(-1)?.heardOfLastReply).toBe('');
    expect(turns[0]?.heardOfLastReply).toBeUndefined();
  });

  it('keeps nothing when a call has said nothing yet', async () => {
    const saved = new Map<string, CallStateData>();
    const callStates: CallStates = { load: async (callId) => saved.get(callId), save: async (callId, state) => void saved.set(callId, state) };
    await saveCall(callStates, 'CA-quiet', newCall('en-US', { kind: 'unknown', failures: 0 }), TEST_NOW);
    const connection = createCallConnection(
      {
        router: async () => {
          throw new Error('no turn expected');
        },
        ports: { shoppers: { findById: async () => undefined }, orders: {} as never },
        callStates,
        readText: () => ({ intent: 'FallbackIntent', slots: {} }),
        store: { timeZone: 'America/Denver' },
        defaultLocale: 'en-US',
        clock: () => TEST_NOW,
      },
      () => undefined,
    );
    await connection.receive({ type: 'setup', callSid: 'CA-quiet', from: '+14155550100' });
    await connection.receive({ type: 'interrupt', utteranceUntilInterrupt: 'Thanks for calling' });
    expect((await loadCall(callStates, 'CA-quiet', TEST_NOW))?.heard).toBeUndefined();
  });
});

describe('the language a caller speaks', () => {
  it.each([
    ['wo ist meine Bestellung', 'en-US', { locale: 'de-DE', onlyAsked: false }],
    ['Deutsch bitte', 'en-US', { locale: 'de-DE', onlyAsked: true }],
    ['can we speak German please', 'en-US', { locale: 'de-DE', onlyAsked: true }],
    ['sprechen Sie Deutsch', 'en-US', { locale: 'de-DE', onlyAsked: true }],
    ['Englisch bitte', 'de-DE', { locale: 'en-US', onlyAsked: true }],
    ['where is my order', 'de-DE', { locale: 'en-US', onlyAsked: false }],
  ])('"%s" on a %s line switches to %j', (said, line, expected) => {
    expect(languageChange(line, { text: said })).toEqual(expected);
  });

  it.each([
    ['where is my order', 'en-US'],
    ['okay', 'en-US'],
    ['stop', 'en-US'],
    ['Stormline', 'en-US'],
    ['I need a German cookbook', 'en-US'],
    ['English please', 'en-US'],
    ['wo ist meine Bestellung', 'de-DE'],
  ])('"%s" on a %s line stays', (said, line) => {
    expect(languageChange(line, { text: said })).toBeUndefined();
  });

  it('follows the relay where it detected the language (a bare language), not where it was told one (a full tag)', () => {
    expect(languageChange('en-US', { text: 'hallo', lang: 'de' })).toEqual({ locale: 'de-DE', onlyAsked: false });
    expect(languageChange('en-US', { text: 'hallo', lang: 'de-DE' })).toBeUndefined();
    expect(languageChange('en-US', { text: 'hello', lang: 'en' })).toBeUndefined();
    expect(languageChange('en-US', { text: 'bonjour', lang: 'fr' })).toEqual({ locale: 'fr-FR', onlyAsked: false });
    expect(languageChange('en-US', { text: 'goedendag', lang: 'nl' })).toBeUndefined();
  });

  it('goes on in the locale of the call’s country where the language has one there', () => {
    expect(languageChange('en-US', { text: 'hola', lang: 'es' })).toEqual({ locale: 'es-US', onlyAsked: false });
    expect(languageChange('en-GB', { text: 'hola', lang: 'es' })).toEqual({ locale: 'es-ES', onlyAsked: false });
    expect(languageChange('es-US', { text: 'English please' })).toEqual({ locale: 'en-US', onlyAsked: true });
    expect(languageChange('de-DE', { text: 'English please' })).toEqual({ locale: 'en-US', onlyAsked: true });
    expect(languageChange('fr-FR', { text: 'espagnol s’il vous plaît' })).toEqual({ locale: 'es-ES', onlyAsked: true });
  });
});
