import enUS from '../../lambda/languages/en-US/messages.json';
import deDE from '../../lambda/languages/de-DE/messages.json';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { confirmation, done } from '../support/checkout-expectations';
import { type Conversation, type Heard, PLATFORMS, speechText } from '../support/conversation';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A German shopper hears German from order status to a placed reorder: product names from the
 * catalog in German, prices in the store's currency (STORE_CURRENCY=EUR), and a name that has no
 * German form marked as English on Alexa.
 */

/** Names that stay as they are in a German sentence: the card's brand, the carriers, the store, the shopper's city. */
const NAMES = ['Visa', 'UPS', 'FedEx', 'USPS', 'Northwind', 'Outfitters', 'Denver'];

function wordsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.replace(/\{\{[^}]*\}\}/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(wordsOf);
  return [];
}

/** Words of the English messages and the catalog's English names that German never uses. */
const ENGLISH_ONLY = (() => {
  // The catalog's German names are German by definition, product lines ("Supremo") included.
  const german = new Set([...wordsOf(deDE), ...DEMO_PRODUCTS.flatMap((product) => wordsOf(product.spokenNames['de-DE'] ?? ''))]);
  const english = [...wordsOf(enUS), ...DEMO_PRODUCTS.flatMap((product) => wordsOf(product.spokenName))];
  const allowed = new Set(NAMES.map((name) => name.toLowerCase()));
  return new Set(english.filter((word) => !german.has(word) && !allowed.has(word)));
})();

/** The English words a reply says outside `<lang>`; `names` are whole names allowed as they are. */
function englishIn(ssml: string, names: readonly string[] = []): string[] {
  let said = speechText(ssml.replace(/<lang\b[^>]*>[\s\S]*?<\/lang>/g, ' '));
  for (const name of names) said = said.split(name).join(' ');
  return (said.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => ENGLISH_ONLY.has(word));
}

let testApp: TestApp;
beforeEach(() => {
  testApp = createTestApp({ STORE_CURRENCY: 'EUR' });
});
afterEach(() => testApp.close());

describe.each(PLATFORMS)('a German shopper on %s', (platform, start) => {
  const german = async (shopperId: string): Promise<Conversation> => start(testApp.app, { token: await testApp.token(shopperId), locale: 'de-DE' });
  const turn = async (conversation: Conversation, ...said: Parameters<Conversation['say']>): Promise<Heard> => {
    const heard = await conversation.say(...said);
    expect(heard.status).toBe(200);
    expectValidSsml(heard.ssml, platform);
    return heard;
  };

  it('hears German from order status to a placed reorder, with prices in euros', async () => {
    const ava = await german('shopper-ava');
    const replies: Heard[] = [];
    replies.push(await turn(ava, 'OrderStatusIntent'));
    expect(replies[0]!.text).toMatch(/^(Eine Bestellung ist|\d+ Bestellungen sind) zu Ihnen unterwegs\./);
    replies.push(await turn(ava, 'YesIntent'));
    const confirm = await turn(ava, 'ReorderIntent', { item: { value: 'Kaffee', id: 'coffee' } });
    replies.push(confirm);
    expect(confirm.text).toContain('Yirgacheffe-Kaffee aus Äthiopien');
    const purchase = testApp.traits.checkout;
    expect(confirm.text).toBe(
      confirmation(purchase, { items: '2 Beutel Yirgacheffe-Kaffee aus Äthiopien', total: '33 Euro 98', charge: { total: '36 Euro 78', tax: '2 Euro 80', delivery: 'free' }, city: 'Denver' }, 'de-DE'),
    );
    const placed = await turn(ava, 'YesIntent');
    replies.push(placed);
    expect(placed.text).toBe(done(purchase, { orderNumber: '10743', day: 'am Sonntag', total: '33 Euro 98', card: 'Visa-Karte mit Endung 4242' }, 'de-DE'));
    // The order number stays digit by digit; a cart has none.
    if (purchase === 'places-order') expect(placed.ssml).toContain("<say-as interpret-as='digits'>10743</say-as>");
    else expect(placed.ssml).not.toContain('digits');

    for (const reply of replies) {
      expect({ said: reply.text, english: englishIn(reply.ssml) }).toEqual({ said: reply.text, english: [] });
      expect(reply.text).not.toMatch(/Dollar|\$/);
    }
  });

  it('says a name with no German form as English: marked with <lang> on Alexa, plain on Google (which has no <lang>)', async () => {
    // The store has no German name for its coffees (the usual is found by category, not by name).
    await testApp.records.forgetTranslatedNames(DEMO_PRODUCTS.map((product) => product.id).filter((id) => id.endsWith('-coffee')));
    const ava = await german('shopper-ava');
    const confirm = await turn(ava, 'ReorderIntent', { item: { value: 'Kaffee', id: 'coffee' } });
    if (platform === 'alexa') {
      expect(confirm.ssml).toContain('<lang xml:lang="en-US">Ethiopia Yirgacheffe coffee</lang>');
      expect(englishIn(confirm.ssml)).toEqual([]);
    } else {
      expect(confirm.ssml).not.toContain('<lang');
      expect(englishIn(confirm.ssml, ['Ethiopia Yirgacheffe coffee'])).toEqual([]);
    }
    expect(confirm.text).toContain('Ethiopia Yirgacheffe coffee');
    // An order is confirmed with its tax and delivery; a cart (Shopify) with the goods' price.
    expect(confirm.text).toMatch(testApp.traits.checkout === 'places-order' ? /für 36 Euro 78 inklusive 2 Euro 80 Steuern/ : /für 33 Euro 98 /);
  });

  it('tells about a product in German: colours in the store’s German words, brand and description marked as English on Alexa', async () => {
    const guest = start(testApp.app, { locale: 'de-DE' });
    const results = await turn(guest, 'FindProductIntent', { query: 'Regenjacke' });
    expect(results.text).toMatch(/^Ich habe \d+ Treffer gefunden\. [^.]+, \d+ Euro( \d+)?\. [^.]+, \d+ Euro( \d+)?\. Möchten Sie mehr, oder Details zu einem\?$/);
    const shown = (results.state as { active: { data: { shown: string[] } } }).active.data.shown;
    const detail = await turn(guest, 'ProductDetailIntent', { ordinal: { value: 'erste', id: 'first' } });
    const product = DEMO_PRODUCTS.find((each) => each.id === shown[0])!;
    const colors = (product.attributes.color ?? []).slice(0, 3);
    expect(colors.length).toBeGreaterThan(1);
    const description = product.description.replace(/\.$/, '');
    const untranslated: string[] = [];
    for (const color of colors) {
      const german = DEMO_CATALOG_TERMS['de-DE']!.attributeValues[`color:${color}`]?.[0];
      if (german) {
        expect(detail.text).toContain(german);
        if (german !== color) expect(detail.text).not.toMatch(new RegExp(`\\b${color}\\b`));
      } else {
        untranslated.push(color);
      }
    }
    if (platform === 'alexa') {
      expect(detail.ssml).toContain(`von <lang xml:lang="en-US">${product.brand}</lang>.`);
      expect(detail.text).toContain(description);
      for (const color of untranslated) expect(detail.ssml).toContain(`<lang xml:lang="en-US">${color}</lang>`);
      expect(englishIn(detail.ssml)).toEqual([]);
    } else {
      // Google has no <lang>: the catalog's own words are said as they are, nothing else in English.
      const name = product.spokenNames['de-DE'] ?? product.spokenName;
      const sentenceStart = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      expect(englishIn(detail.ssml, [product.brand, description, sentenceStart, ...untranslated])).toEqual([]);
    }
  });

  it('the English-word check catches English in a German reply', () => {
    // The check itself must see English outside <lang>, or the assertions above would prove nothing.
    expect(englishIn('<speak>Ihre order ist unterwegs, shipped tomorrow.</speak>')).toEqual(['order', 'shipped', 'tomorrow']);
    expect(englishIn('<speak>Ihre <lang xml:lang="en-US">running shoes</lang> sind unterwegs.</speak>')).toEqual([]);
  });

  it('reads the support phone number as a telephone number, in German too', async () => {
    const guest = start(testApp.app, { locale: 'de-DE' });
    const heard = await turn(guest, 'TalkToAgentIntent');
    expect(heard.ssml).toContain(`<say-as interpret-as="telephone"${platform === 'google' ? ' format="1"' : ''}>1-800-555-0199</say-as>`);
    expect(heard.ssml).not.toContain("interpret-as='digits'>18005550199");
    expect(englishIn(heard.ssml)).toEqual([]);
  });
});

describe('the store currency', () => {
  it('is the configured one, not a guess from the shopper’s locale: an English shopper of a euro store hears euros', async () => {
    const [[, alexa]] = PLATFORMS;
    const ava = alexa(testApp.app, { token: await testApp.token('shopper-ava') });
    const confirm = await ava.say('ReorderIntent', { item: 'coffee' });
    expect(confirm.text).toMatch(testApp.traits.checkout === 'places-order' ? /, for 36 euros 78 including 2 euros 80 tax / : /for 33 euros 98 /);
  });
});
