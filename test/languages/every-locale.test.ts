import { LOCALES, PACKS, type SupportedLocale } from '../../lambda/languages/packs';
import type { MessageKey } from '../../lambda/speech/i18n';
import { BUNDLED_MODELS } from '../../lambda/understanding/bundled-models';
import { ordersPlaced } from '../support/checkout-expectations';
import { type Conversation, type Heard, PLATFORMS, type SlotInput } from '../support/conversation';
import { otherLanguagesSaying, saysMessage } from '../support/said-in';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The four journeys every locale must carry, on both platforms: order status, a return, a reorder and
 * a search, each reply said in the turn's language (its pack's wording of the message, and no other
 * pack's), and the store changed exactly as in English.
 */

interface ModelValue {
  readonly id: string;
  readonly name: { readonly value: string };
}
interface AlexaModel {
  readonly interactionModel: { readonly languageModel: { readonly types: readonly { readonly name: string; readonly values: readonly ModelValue[] }[] } };
}

/** A slot as a shopper in `locale` says it: the model's own name for the value id. */
function spoken(locale: SupportedLocale, type: string, id: string): SlotInput {
  const model = BUNDLED_MODELS[locale] as AlexaModel;
  const value = model.interactionModel.languageModel.types.find((each) => each.name === type)?.values.find((each) => each.id === id);
  if (!value) throw new Error(`${locale} has no ${type} value ${id}`);
  return { value: value.name.value, id };
}

let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp();
});
afterEach(() => testApp.close());

const returnRows = () => testApp.db.prepare('SELECT order_number, line_id, reason FROM returns').all();

describe.each(LOCALES.flatMap((locale) => PLATFORMS.map(([platform, start]) => [locale, platform, start] as const)))('in %s on %s', (locale, platform, start) => {
  const converse = async (shopperId?: string): Promise<Conversation> =>
    start(testApp.app, { ...(shopperId ? { token: await testApp.token(shopperId) } : {}), locale });

  /** The reply, answered, well-formed, and saying each message in this locale's words and in no other's. */
  const says = (reply: Heard, ...keys: MessageKey[]): Heard => {
    expect(reply.status).toBe(200);
    expectValidSsml(reply.ssml, platform);
    for (const key of keys) {
      expect({ key, said: reply.text, inLocale: saysMessage(reply.text, locale, key) }).toEqual({ key, said: reply.text, inLocale: true });
      expect({ key, said: reply.text, otherLanguages: otherLanguagesSaying(reply.text, locale, key) }).toEqual({ key, said: reply.text, otherLanguages: [] });
    }
    return reply;
  };

  it('tells where the order is', async () => {
    const ava = await converse('shopper-ava');
    says(await ava.say('OrderStatusIntent'), 'orderStatus.onTheWayCount', 'orderStatus.moreOffer');
  });

  it('takes back shoes that do not fit, creating one return', async () => {
    const ava = await converse('shopper-ava');
    says(await ava.say('ReturnItemIntent', { item: spoken(locale, 'ShoppingItem', 'shoes'), reason: spoken(locale, 'ReturnReason', 'size') }), 'returns.confirmItem');
    says(await ava.say('YesIntent'), 'returns.confirmReturn');
    const done = says(await ava.say('YesIntent'), 'returns.created');
    expect(done.listening).toBe(false);
    expect(returnRows()).toEqual([{ order_number: '10605', line_id: '10605-1', reason: 'size' }]);
  });

  it('reorders the usual coffee, placing one order', async () => {
    const ava = await converse('shopper-ava');
    says(await ava.say('ReorderIntent', { item: spoken(locale, 'ShoppingItem', 'coffee') }), 'checkout.confirm');
    expect(ordersPlaced(testApp, 'shopper-ava')).toEqual([]);
    says(await ava.say('YesIntent'), 'checkout.placed');
    expect(ordersPlaced(testApp, 'shopper-ava').map((order) => order.line.productId)).toEqual(['ethiopia-yirgacheffe-coffee']);
  });

  it('finds rain jackets said in its own words', async () => {
    const guest = await converse();
    const jacket = PACKS[locale].demoCatalog.terms.categories.jackets?.[0];
    says(await guest.say('FindProductIntent', { query: jacket! }), 'discovery.found', 'discovery.moreOffer');
  });
});

describe('the language check', () => {
  it('tells a reply in another language from one in the locale', () => {
    const english = 'Shall I take back the Trailblazer running shoes, for a poor fit, and refund 129 dollars 99 to your Visa ending 4242?';
    expect(saysMessage(english, 'en-US', 'returns.confirmReturn')).toBe(true);
    for (const locale of LOCALES.filter((each) => !each.startsWith('en-'))) {
      expect({ locale, inLocale: saysMessage(english, locale, 'returns.confirmReturn') }).toEqual({ locale, inLocale: false });
      expect(otherLanguagesSaying(english, locale, 'returns.confirmReturn')).toContain('en-US');
    }
  });
});
