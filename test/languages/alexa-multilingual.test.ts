import { LOCALES, type SupportedLocale } from '../../lambda/languages/packs';
import type { MessageKey } from '../../lambda/speech/i18n';
import { alexaConversation, type Heard } from '../support/conversation';
import { otherLanguagesSaying, saysMessage } from '../support/said-in';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Alexa's multilingual mode: one device, two languages, and each request arrives in the locale it
 * was spoken in (`request.locale`), within one session. The conversation's state is the same
 * whatever the language; every reply is in the language of the request it answers.
 *
 * The pairs are Alexa's multilingual modes among the locales the packs speak.
 */
const ALEXA_MULTILINGUAL_MODES: readonly (readonly [SupportedLocale | string, SupportedLocale | string])[] = [
  ['en-US', 'es-US'],
  ['es-US', 'en-US'],
  ['en-CA', 'fr-CA'],
  ['en-IN', 'hi-IN'],
];
const PAIRS = ALEXA_MULTILINGUAL_MODES.filter((pair): pair is readonly [SupportedLocale, SupportedLocale] =>
  pair.every((locale) => (LOCALES as readonly string[]).includes(locale)),
);

let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp();
});
afterEach(() => testApp.close());

const returnRows = () => testApp.db.prepare('SELECT order_number, line_id, quantity, reason FROM returns').all();

it('has at least one multilingual mode to test', () => {
  expect(PAIRS.length).toBeGreaterThan(0);
});

describe.each(PAIRS)('a device in %s and %s', (first, second) => {
  const says = (reply: Heard, locale: SupportedLocale, key: MessageKey): Heard => {
    expect(reply.status).toBe(200);
    expectValidSsml(reply.ssml, 'alexa');
    expect({ locale, key, said: reply.text, inLocale: saysMessage(reply.text, locale, key), others: otherLanguagesSaying(reply.text, locale, key) }).toEqual({
      locale,
      key,
      said: reply.text,
      inLocale: true,
      others: [],
    });
    return reply;
  };

  it('completes a return begun in one language and confirmed in the other, each turn answered in its own', async () => {
    const ava = alexaConversation(testApp.app, { token: await testApp.token('shopper-ava'), locale: first });
    says(await ava.say('ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' } }), first, 'returns.confirmItem');

    ava.speakIn(second);
    says(await ava.say('YesIntent'), second, 'returns.askReason');

    ava.speakIn(first);
    says(await ava.say('ReturnReasonIntent', { reason: { value: 'too small', id: 'size' } }), first, 'returns.confirmReturn');

    ava.speakIn(second);
    const done = says(await ava.say('YesIntent'), second, 'returns.created');
    expect(done.listening).toBe(false);
    expect(returnRows()).toEqual([{ order_number: '10605', line_id: '10605-1', quantity: 1, reason: 'size' }]);
  });

  it('answers "where is my order" in the language of the request, whichever came before', async () => {
    const ava = alexaConversation(testApp.app, { token: await testApp.token('shopper-ava'), locale: second });
    says(await ava.say('OrderStatusIntent'), second, 'orderStatus.onTheWayCount');
    ava.speakIn(first);
    says(await ava.say('YesIntent'), first, 'orderStatus.theOrder');
  });
});
