import type { Product } from '../../lambda/commerce/ports';
import { bought, confirmation, expectDone, ordersPlacedFor } from '../support/checkout-expectations';
import { answered, type Heard, PLATFORMS } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());


async function product(id: string): Promise<Product> {
  const found = await testApp.commerce.catalog.findById(id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

/** The products a reply offered, from the state the platform carries to the next turn. */
async function offered(heard: Heard): Promise<Product[]> {
  const shown = (heard.state as { active?: { data?: { shown?: string[] } } }).active?.data?.shown ?? [];
  return Promise.all(shown.map(product));
}

describe.each(PLATFORMS)('product discovery on %s', (platform, start) => {
  it.each([
    ['digits', 'a waterproof jacket for hiking under $150'],
    ['spoken words', 'a waterproof jacket for hiking under a hundred and fifty dollars'],
  ])('answers "a waterproof jacket for hiking under $150" (%s) with the count and two in-budget waterproof hiking jackets, by name and price', async (_form, query) => {
    const heard = answered(await start(testApp.app, { screen: true }).say('FindProductIntent', { query }), platform);
    expect(heard.text).toMatch(/^I found 3 matches\. /);
    const products = await offered(heard);
    expect(products).toHaveLength(2);
    const spokenPrice = (minor: number) => `${Math.trunc(minor / 100)} dollars${minor % 100 === 0 ? '' : ` ${minor % 100}`}`;
    const options = products.map((each) => {
      expect(each.category).toBe('jackets');
      expect(each.attributes.feature).toContain('waterproof');
      expect(each.attributes.use).toContain('hiking');
      expect(each.price.minor).toBeLessThanOrEqual(15000);
      // Each option in one short sentence: its name (starting the sentence) and its price.
      return `${each.spokenName.charAt(0).toUpperCase()}${each.spokenName.slice(1)}, ${spokenPrice(each.price.minor)}.`;
    });
    expect(heard.text).toBe(`I found 3 matches. ${options.join(' ')} Want more, or details on one?`);
    expect(heard.listening).toBe(true);
    expect(heard.card?.text).toMatch(/^1\. .+, \$139\.00, in stock\n2\. .+, \$\d+\.\d\d, in stock$/);
  });

  it('pages through a longer list without repeating itself', async () => {
    const conversation = start(testApp.app);
    const first = answered(await conversation.say('FindProductIntent', { query: 'jackets' }), platform);
    expect(first.text).toMatch(/^I found (\d+) matches\. [^.]+, \d+ dollars( \d+)?\. [^.]+, \d+ dollars( \d+)?\. Want more, or details on one\?$/);
    const second = answered(await conversation.say('NextIntent'), platform);
    expect(second.text).toMatch(/^The next ones: /);
    const firstIds = (await offered(first)).map((each) => each.id);
    const secondIds = (await offered(second)).map((each) => each.id);
    expect(secondIds).toHaveLength(2);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
  });

  it('tells more about the second one and offers to order it', async () => {
    const conversation = start(testApp.app);
    const results = await conversation.say('FindProductIntent', { query: 'a waterproof jacket for hiking under $150' });
    const second = (await offered(results))[1]!;
    const detail = answered(await conversation.say('ProductDetailIntent', { ordinal: { value: 'second', id: 'second' } }), platform);
    // The price was said in the list a moment ago: the detail tells what the list did not.
    expect(detail.text).toMatch(new RegExp(`^The ${second.spokenName} by ${second.brand}\\. `));
    expect(detail.text).not.toMatch(/dollars/);
    expect(detail.text).toContain(second.description.replace(/\.$/, ''));
    // One colon at most in a sentence: the catalog's description may bring its own.
    for (const sentence of detail.text.split(/(?<=[.?!])\s+/)) expect((sentence.match(/:/g) ?? []).length).toBeLessThanOrEqual(1);
    expect(detail.text).toMatch(/Want to order it\?$/);
  });

  it('refines "cheaper" below the cheapest product offered, keeping the rest of the query', async () => {
    const conversation = start(testApp.app);
    // With a budget the best within it comes first, so there is something cheaper to find.
    const results = await conversation.say('FindProductIntent', { query: 'jackets for hiking under 300 dollars' });
    const cheapest = Math.min(...(await offered(results)).map((each) => each.price.minor));
    const cheaper = answered(await conversation.say('CheaperIntent'), platform);
    const products = await offered(cheaper);
    expect(products.length).toBeGreaterThan(0);
    for (const each of products) {
      expect(each.price.minor).toBeLessThan(cheapest);
      expect(each.category).toBe('jackets');
      expect(each.attributes.use).toContain('hiking');
    }
  });

  it('says so when the products offered are already the cheapest', async () => {
    const conversation = start(testApp.app);
    await conversation.say('FindProductIntent', { query: 'cheap jackets for hiking' });
    const already = answered(await conversation.say('CheaperIntent'), platform);
    expect(already.text).toMatch(/^Those are already the cheapest matches\./);
    expect(already.listening).toBe(true);
  });

  it('refines "something for running instead" without starting over', async () => {
    const conversation = start(testApp.app);
    await conversation.say('FindProductIntent', { query: 'jackets for hiking' });
    const refined = answered(await conversation.say('RefineSearchIntent', { refinement: 'for running' }), platform);
    const products = await offered(refined);
    expect(products.length).toBeGreaterThan(0);
    for (const each of products) {
      expect(each.category).toBe('jackets');
      expect(each.attributes.use).toContain('running');
    }
  });

  it('says which constraint to relax when nothing matches, and reads the relaxed result on yes', async () => {
    const conversation = start(testApp.app);
    const none = answered(await conversation.say('FindProductIntent', { query: 'waterproof hiking boots under 100 dollars' }), platform);
    // What was asked is not read back; what to give up, and what that gives, is.
    expect(none.text).toMatch(/^I found nothing like that under 100 dollars; the cheapest is \d+ dollars( \d+)?\. Want to hear it\?$/);
    const relaxed = answered(await conversation.say('YesIntent'), platform);
    const products = await offered(relaxed);
    expect(products.length).toBeGreaterThan(0);
    expect(products[0]!.attributes.feature).toContain('waterproof');
    expect(products[0]!.price.minor).toBeGreaterThan(10000);
  });

  it('takes "order it" to checkout and buys exactly that product (an order, or a cart where the store takes payment at its checkout)', async () => {
    // The app is shared by both platforms: the same shopper ordering the same jacket again within
    // minutes would get the first order back (duplicate-order window), so each platform has its own.
    const shopperId = platform === 'alexa' ? 'shopper-ava' : 'shopper-ben';
    const billing = platform === 'alexa' ? { card: 'Visa ending 4242', city: 'Denver' } : { card: 'Mastercard ending 4444', city: 'Austin' };
    const conversation = start(testApp.app, { token: await testApp.token(shopperId) });
    const results = await conversation.say('FindProductIntent', { query: 'a waterproof jacket for hiking under $150' });
    const first = (await offered(results))[0]!;
    // A jacket comes in several sizes: checkout asks which one before it confirms.
    const sizes = first.attributes.size ?? [];
    const which = answered(await conversation.say('BuyIntent', { ordinal: { value: 'first', id: 'first' } }), platform);
    expect(which.text).toBe(`Which size of ${first.spokenName} would you like? Sizes go from ${sizes[0]} to ${sizes[sizes.length - 1]}.`);
    const confirm = answered(await conversation.say('ChangeSizeIntent', { size: { value: 'medium', id: 'medium' } }), platform);
    // One question with everything the yes agrees to: what, which size, the total, the card and where it ships.
    expect(confirm.text).toBe(confirmation(testApp.traits.checkout, { items: `the ${first.spokenName} in size M`, total: '139 dollars', charge: { total: '150 dollars 47', tax: '11 dollars 47', delivery: 'free' }, ...billing }));
    const before = (await bought(testApp, shopperId)).length;
    const placed = answered(await conversation.say('YesIntent'), platform);
    const [order] = (await ordersPlacedFor(testApp, shopperId)).slice(-1);
    expectDone(testApp, placed, { orderNumber: order?.number ?? '', day: 'on Sunday', total: '139 dollars', card: billing.card });
    const lines = await bought(testApp, shopperId);
    expect(lines).toHaveLength(before + 1);
    expect(lines.at(-1)).toEqual({ productId: first.id, quantity: 1, unitPriceMinor: 13_900, variant: expect.objectContaining({ size: 'M' }) });
  });

  it('asks an unlinked shopper to link before ordering', async () => {
    const conversation = start(testApp.app);
    await conversation.say('FindProductIntent', { query: 'a waterproof jacket for hiking under $150' });
    const link = answered(await conversation.say('BuyIntent', { ordinal: { value: 'second', id: 'second' } }), platform);
    expect(link.linkAccount).toBe(true);
  });

  it('asks what to look for when the request carried no words', async () => {
    const conversation = start(testApp.app);
    const asked = answered(await conversation.say('FindProductIntent'), platform);
    expect(asked.text).toMatch(/^What are you looking for\?/);
    const results = answered(await conversation.say('FindProductIntent', { query: 'wireless headphones' }), platform);
    expect((await offered(results))[0]!.category).toBe('audio');
  });
});
