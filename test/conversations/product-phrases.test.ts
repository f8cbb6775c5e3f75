import type { Product } from '../../lambda/commerce/ports';
import { confirmation } from '../support/checkout-expectations';
import { answered, type Heard, PLATFORMS } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Product requests said without a lead-in. Alexa takes a free search query only after one ("I'm
 * looking for …"), so "a waterproof jacket for hiking under 150 dollars" arrives as the
 * FindProductIntent's parts: category, attribute and a price. Google sends the same parts when its
 * own understanding matched them and no text came along.
 */

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());

async function offered(heard: Heard): Promise<Product[]> {
  const shown = (heard.state as { active?: { data?: { shown?: string[] } } }).active?.data?.shown ?? [];
  const products = await Promise.all(shown.map((id) => testApp.commerce.catalog.findById(id)));
  return products.filter((product): product is Product => product !== undefined);
}

describe.each(PLATFORMS)('a product said without a lead-in on %s', (platform, start) => {
  it('finds "a waterproof jacket for hiking under 150 dollars" from its parts', async () => {
    const heard = answered(
      await start(testApp.app).say('FindProductIntent', {
        category: { value: 'waterproof jacket', id: 'jackets' },
        attribute: { value: 'hiking', id: 'use-hiking' },
        maxPrice: '150',
      }),
      platform,
    );
    expect(heard.text).toMatch(/^I found 3 matches\./);
    // The count, then two of them: name and price each.
    const products = await offered(heard);
    expect(products).toHaveLength(2);
    for (const each of products) {
      expect(each.category).toBe('jackets');
      expect(each.attributes.feature).toContain('waterproof');
      expect(each.attributes.use).toContain('hiking');
      expect(each.price.minor).toBeLessThanOrEqual(15000);
    }
  });

  it('finds "wireless earbuds around 80 bucks" within a fifth of 80 dollars', async () => {
    const heard = answered(
      await start(testApp.app).say('FindProductIntent', { category: { value: 'wireless earbuds', id: 'audio' }, price: '80' }),
      platform,
    );
    const products = await offered(heard);
    expect(products.length).toBeGreaterThan(0);
    for (const each of products) {
      expect(each.category).toBe('audio');
      expect(each.attributes.feature).toContain('wireless');
      expect(each.price.minor).toBeGreaterThanOrEqual(6400);
      expect(each.price.minor).toBeLessThanOrEqual(9600);
    }
  });

  it('reads "something affordable" as cheapest first', async () => {
    const heard = answered(
      await start(testApp.app).say('FindProductIntent', { category: { value: 'rain jackets', id: 'jackets' }, attribute: { value: 'affordable', id: 'cheap' } }),
      platform,
    );
    const prices = (await offered(heard)).map((each) => each.price.minor);
    expect(prices.length).toBeGreaterThan(1);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('finds "eine wasserdichte Jacke zum Wandern unter 150 Euro" in German', async () => {
    const heard = answered(
      await start(testApp.app, { locale: 'de-DE' }).say('FindProductIntent', {
        category: { value: 'wasserdichte jacke', id: 'jackets' },
        attribute: { value: 'wandern', id: 'use-hiking' },
        maxPrice: '150',
      }),
      platform,
    );
    expect(heard.text).toMatch(/^Ich habe 3 Treffer gefunden\./);
    const products = await offered(heard);
    expect(products).toHaveLength(2);
    for (const each of products) {
      expect(each.category).toBe('jackets');
      expect(each.attributes.feature).toContain('waterproof');
      expect(each.attributes.use).toContain('hiking');
      expect(each.price.minor).toBeLessThanOrEqual(15000);
    }
  });

  it('tells about "the other one" of two products after the first', async () => {
    const conversation = start(testApp.app);
    const results = await conversation.say('FindProductIntent', { query: 'stormline rain jacket' });
    const [first, second] = await offered(results);
    expect(second).toBeDefined();
    await conversation.say('ProductDetailIntent', { ordinal: { value: 'first', id: 'first' } });
    const other = answered(await conversation.say('ProductDetailIntent', { ordinal: { value: 'other', id: 'other' } }), platform);
    expect(other.text).toContain(`The ${second!.spokenName} by ${second!.brand}. `);
    expect(other.text).not.toContain(`The ${first!.spokenName} by`);
  });

  it('takes a lettered size heard without a match ("x. l.") as the answer to "which size?"', async () => {
    const conversation = start(testApp.app, { token: await testApp.token('shopper-ava') });
    const results = await conversation.say('FindProductIntent', { query: 'a waterproof jacket for hiking under $150' });
    const first = (await offered(results))[0]!;
    const which = answered(await conversation.say('BuyIntent', { ordinal: { value: 'first', id: 'first' } }), platform);
    expect(which.text).toMatch(/^Which size of /);
    const confirm = answered(await conversation.say('ChangeSizeIntent', { size: 'x. l.' }), platform);
    // A whole-dollar price, said as "139 dollars"; with tax and free delivery, 150 dollars 47.
    expect(first.price).toEqual({ minor: 13900, currency: 'USD' });
    expect(confirm.text).toBe(
      confirmation(testApp.traits.checkout, {
        items: `the ${first.spokenName} in size XL`,
        total: '139 dollars',
        charge: { total: '150 dollars 47', tax: '11 dollars 47', delivery: 'free' },
        city: 'Denver',
      }),
    );
  });
});
