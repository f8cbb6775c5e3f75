import { DEMO_SHOPPERS } from '../../lambda/commerce/sqlite/demo-shoppers';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { SEED_NOW, TIME_ZONE } from './demo-store-fixtures';

let store: EmbeddedStore;
beforeAll(() => {
  store = openEmbeddedStore(':memory:', { now: SEED_NOW, timeZone: TIME_ZONE });
});
afterAll(() => store.close());

describe('DEMO_SHOPPERS', () => {
  it('lists shoppers that exist in a seeded store, by their seeded names, each with a story and orders', async () => {
    expect(DEMO_SHOPPERS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(DEMO_SHOPPERS.map((shopper) => shopper.id)).size).toBe(DEMO_SHOPPERS.length);
    for (const listed of DEMO_SHOPPERS) {
      expect(listed.id).toMatch(/^shopper-[a-z]+$/);
      const shopper = await store.commerce.shoppers.findById(listed.id);
      expect(shopper).toBeDefined();
      expect(listed.name).toBe(`${shopper!.givenName} ${shopper!.familyName}`);
      expect(listed.story.length).toBeGreaterThan(10);
      expect(listed.story).not.toMatch(/\n/);
      expect((await store.commerce.orders.listForShopper(listed.id)).length).toBeGreaterThan(0);
    }
    const seeded = store.db.prepare<[], { id: string }>('SELECT id FROM shoppers ORDER BY id').all().map((row) => row.id);
    expect(seeded).toEqual(DEMO_SHOPPERS.map((shopper) => shopper.id).sort());
  });

  it('returns undefined for a shopper the store does not know', async () => {
    expect(await store.commerce.shoppers.findById('shopper-zed')).toBeUndefined();
  });
});

describe('special characters in product names', () => {
  it.each([
    ['salt-pepper-grinder-set', 'Salt & Pepper Grinder Set'],
    ['cast-iron-skillet-12', 'Cast Iron Skillet 12"'],
    ['hearts-graphic-tee', 'Hearts <3 Graphic Tee'],
  ])('%s survives the round trip through the catalog and order lines', async (id, name) => {
    const product = await store.commerce.catalog.findById(id);
    expect(product?.name).toBe(name);
    const row = store.db.prepare<[string], { order_number: string; shopper_id: string }>(
      'SELECT l.order_number, o.shopper_id FROM order_lines l JOIN orders o ON o.number = l.order_number WHERE l.product_id = ?',
    ).get(id);
    expect(row).toBeDefined();
    const order = await store.commerce.orders.findForShopper(row!.shopper_id, row!.order_number);
    expect(order!.lines.find((line) => line.productId === id)?.name).toBe(name);
  });

  it('keeps non-ASCII and apostrophes intact', async () => {
    const shopper = await store.commerce.shoppers.findById('shopper-finn');
    expect(shopper!.familyName).toBe("O'Brien");
    const tarrazu = store.db.prepare<[], { name: string }>("SELECT name FROM products WHERE name LIKE 'Costa Rica%'").get();
    expect(tarrazu!.name).toContain('Tarrazú');
  });

  it('maps a product fully, with attributes as lists', async () => {
    const product = await store.commerce.catalog.findById('open-box-studio-headphones');
    expect(product).toEqual(
      expect.objectContaining({
        category: 'audio',
        brand: 'Echofield',
        finalSale: true,
        price: { minor: 18900, currency: 'USD' },
        attributes: expect.objectContaining({ feature: expect.arrayContaining(['wireless']) }),
      }),
    );
    expect(await store.commerce.catalog.findById('no-such-product')).toBeUndefined();
  });
});
