import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { generatedRecords } from '../commerce/search-fixtures';
import { answered, PLATFORMS } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A large catalog's search stops counting past 100 matches (issue 23). What the shopper hears
 * stays true: the exact number up to 100, "more than 100" beyond, in both locales and, in the
 * over-HTTP run, through the store API too. Shopify counts every match, so over it the number
 * itself is said.
 */

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());

const DEMO_IDS = new Set(DEMO_PRODUCTS.map((product) => product.id));
const DEMO_JACKETS = DEMO_PRODUCTS.filter((product) => product.category === 'jackets').length;
/** Generated jackets this file has added to the store under test. */
let added = 0;

/** Generated jackets, each a new model of a demo jacket with a short name, until the catalog holds `count` jackets. */
async function stockJacketsUpTo(count: number): Promise<void> {
  const jackets = generatedRecords(4_000)
    .filter((product) => product.category === 'jackets')
    .map((product, index) => ({ ...product, spokenName: `shell ${index + 1}` }))
    .filter((product) => !DEMO_IDS.has(product.id));
  const missing = jackets.slice(added, count - DEMO_JACKETS);
  await testApp.records.addProducts(missing);
  added += missing.length;
}

describe('a catalog with exactly 100 jackets', () => {
  beforeAll(() => stockJacketsUpTo(100));

  it.each(PLATFORMS)('says the exact count on %s', async (platform, start) => {
    const heard = answered(await start(testApp.app).say('FindProductIntent', { query: 'jackets' }), platform);
    expect(heard.text).toMatch(/^I found 100 matches\. /);
  });
});

describe('a catalog with more than 100 jackets', () => {
  beforeAll(() => stockJacketsUpTo(101));
  /** A store that counts every match (Shopify) says the number; one that stops counting past 100, "more than 100". */
  const count = (words: string) => (testApp.traits.countsEveryMatch ? '101' : words);

  it.each(PLATFORMS)('says "more than 100" on %s, and still offers more', async (platform, start) => {
    const heard = answered(await start(testApp.app).say('FindProductIntent', { query: 'jackets' }), platform);
    expect(heard.text).toMatch(new RegExp(`^I found ${count('more than 100')} matches\\. .+ Want more, or details on one\\?$`));
  });

  it.each(PLATFORMS)('says it in German on %s', async (platform, start) => {
    const heard = answered(await start(testApp.app, { locale: 'de-DE' }).say('FindProductIntent', { query: 'jacken' }), platform);
    expect(heard.text).toMatch(new RegExp(`^Ich habe ${count('mehr als 100')} Treffer gefunden\\. `));
  });

  it.each(PLATFORMS)('offers "more than 100" when only the shopper\'s unknown words found nothing, on %s', async (platform, start) => {
    const heard = answered(await start(testApp.app).say('FindProductIntent', { query: 'zyxxy jackets' }), platform);
    expect(heard.text).toBe(`I found nothing matching zyxxy, but ${count('more than 100')} close matches. Want to hear them?`);
  });
});
