import { commerceInLocale, namedFor } from '../../lambda/commerce/spoken-names';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { PACKS } from '../../lambda/languages/packs';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { MAX_SPOKEN_NAME_CHARS } from '../../lambda/commerce/http/wire-limits';
import { ProductSchema } from '../../lambda/commerce/http/wire-schemas';
import { TEST_NOW } from '../support/test-app';

describe('spoken names per locale', () => {
  const shoes = { spokenName: 'Trailblazer running shoes', spokenNames: { 'de-DE': 'Trailblazer Laufschuhe' } };

  it('gives the shopper the name in their locale, or in another locale of their language', () => {
    expect(namedFor(shoes, 'de-DE', 'en-US')).toEqual({ ...shoes, spokenName: 'Trailblazer Laufschuhe' });
    expect(namedFor(shoes, 'de-AT', 'en-US').spokenName).toBe('Trailblazer Laufschuhe');
  });

  it('falls back to the catalog name, marked with its language only for a shopper who speaks another', () => {
    const plain = { spokenName: 'boom speaker' };
    expect(namedFor(plain, 'de-DE', 'en-US')).toEqual({ spokenName: 'boom speaker', spokenNameLang: 'en-US' });
    expect(namedFor(plain, 'en-GB', 'en-US')).toEqual(plain);
    expect(namedFor(shoes, 'en-US', 'en-US')).toEqual(shoes);
  });

  it.each(Object.values(PACKS).map((pack) => [pack.locale, pack] as const))('the %s pack names demo products that exist, each short enough for the wire', (_, pack) => {
    const ids = new Set(DEMO_PRODUCTS.map((product) => product.id));
    for (const [id, name] of Object.entries(pack.demoCatalog.spokenNames)) {
      expect({ id, known: ids.has(id), fits: name.length <= MAX_SPOKEN_NAME_CHARS }).toEqual({ id, known: true, fits: true });
    }
  });

  it('the embedded store returns products and order lines with their names per locale, in the store currency', async () => {
    const store = openEmbeddedStore(':memory:', { now: TEST_NOW, currency: 'EUR' });
    try {
      const product = await store.store.catalog.findById('trailblazer-running-shoes');
      expect(product).toMatchObject({ spokenName: 'Trailblazer running shoes', spokenNames: { 'de-DE': 'Trailblazer Laufschuhe' }, price: { currency: 'EUR' } });
      const [order] = await store.store.orders.listForShopper('shopper-ava', { limit: 1 });
      expect(order?.total.currency).toBe('EUR');
      expect(order?.lines.every((line) => line.spokenNames?.['de-DE'] !== undefined)).toBe(true);
      expect((await store.store.catalog.vocabulary('de-DE')).currency).toBe('EUR');
    } finally {
      store.close();
    }
  });

  it('travel over HTTP as an optional map; an entry under a key that is not a locale is left out', () => {
    const wire = {
      id: 'p1', sku: 'S1', name: 'Shoes', spokenName: 'shoes', brand: 'B', category: 'shoes', description: 'd', attributes: {},
      price: { minor: 100, currency: 'EUR' }, stock: 1,
      spokenNames: { 'de-DE': 'Schuhe', german: 'Schuhe', 'fr-FR': 42 },
    };
    expect(ProductSchema.parse(wire).spokenNames).toEqual({ 'de-DE': 'Schuhe' });
    const { spokenNames: _names, ...without } = wire;
    expect(ProductSchema.parse(without).spokenNames).toBeUndefined();
  });
});

describe('commerceInLocale', () => {
  it('leaves the ports as they are for a shopper in the catalog’s own locale, and names products for anyone else', async () => {
    const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
    try {
      expect(commerceInLocale(store.commerce, 'en-US', 'en-US')).toBe(store.commerce);
      const german = commerceInLocale(store.commerce, 'de-DE', 'en-US');
      expect((await german.catalog.findById('trailblazer-running-shoes'))?.spokenName).toBe('Trailblazer Laufschuhe');
      const page = await german.catalog.search(
        { category: 'audio', attributes: {}, words: [], hints: [], price: {}, cheapestFirst: false },
        { offset: 0, limit: 50 },
      );
      expect(page.products.find((product) => product.id === 'boom-speaker')?.spokenName).toBe('Boom Lautsprecher');
      const [order] = await german.orders.listForShopper('shopper-ava', { limit: 1 });
      expect(order?.lines.every((line) => line.spokenName === line.spokenNames?.['de-DE'])).toBe(true);
    } finally {
      store.close();
    }
  });
});
