import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { v1 } from 'ask-smapi-model';
import { generate } from '../../interaction-models/generate';
import { type CatalogSnapshot, demoCatalog, parseCatalog, readCatalogThroughPort } from '../../interaction-models/lib/catalog-source';
import { attributeValues, itemValues, productTypes, sizeValues, spokenPhrase, withCatalog } from '../../interaction-models/lib/catalog-types';
import { SOURCE_DIR, SourceError, loadSource } from '../../interaction-models/lib/load';
import { sourceProblems } from '../../interaction-models/lib/source-checks';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { copy, locale, removeDir, source, temporaryDir } from './support';

type InteractionModelData = v1.skill.interactionModel.InteractionModelData;

/** The value id a phrase resolves to in a locale's filled type, if any. */
function idOf(code: string, type: string, phrase: string): string | undefined {
  const values = locale(code).types[type]?.values ?? {};
  return Object.entries(values).find(([, phrases]) => phrases.includes(phrase))?.[0];
}

const TINY: CatalogSnapshot = {
  language: 'en',
  products: [
    { category: 'cookware', spokenName: 'Ironclad cast iron skillet', attributes: { feature: ['preseasoned'], color: ['black'] } },
    { category: 'cookware', spokenName: 'Copper stock pot', attributes: { color: ['copper'] } },
    { category: 'garden', spokenName: 'Bramble garden gloves', attributes: { color: ['green'] } },
    { category: 'garden', spokenName: 'cast iron pot', attributes: { color: ['black'] } },
  ],
  terms: {
    'en-US': { categories: { cookware: ['pots and pans'], garden: ['gardening'] }, attributeValues: { 'color:black': ['jet black'] } },
    'de-DE': { categories: { cookware: ['kochgeschirr'], garden: ['gartenbedarf'] }, attributeValues: { 'color:black': ['schwarz'] } },
  },
};

describe('slot types filled from the store’s catalog', () => {
  describe.each(['en-US', 'de-DE'])('%s, from the embedded demo catalog', (code) => {
    it('names every category by its id and fills it with the category’s words, spoken names and product types', () => {
      expect(idOf(code, 'ShoppingItem', 'stormline rain jacket')).toBe('jackets');
      expect(idOf(code, 'ShoppingItem', 'hiking boots')).toBe('shoes');
      expect(idOf(code, 'ShoppingItem', 'earbuds')).toBe('audio');
      expect(idOf(code, 'ShoppingItem', 'skillet')).toBe('kitchen');
      expect(idOf(code, 'ShoppingItem', 'light-up kids sneakers')).toBe('shoes');
    });

    it('leaves out what cannot be said as words, and words two categories claim', () => {
      const phrases = Object.values(locale(code).types.ShoppingItem?.values ?? {}).flat();
      expect(phrases.filter((phrase) => /\d/.test(phrase))).toEqual([]);
      // "set" ends names in kitchen, home, toys and apparel alike.
      expect(idOf(code, 'ShoppingItem', 'set')).toBeUndefined();
    });

    it('fills the search attributes with the catalog’s values and the hand-written price words', () => {
      expect(idOf(code, 'ProductAttribute', 'waterproof')).toBe('feature-waterproof');
      expect(idOf(code, 'ProductAttribute', 'hiking')).toBe('use-hiking');
      expect(idOf(code, 'ProductAttribute', code === 'en-US' ? 'affordable' : 'günstig')).toBe('cheap');
    });
  });

  it('fills the size type with the catalog’s sizes: lettered ones by the ids checkout reads, with their words and spelled forms', () => {
    const catalog: CatalogSnapshot = {
      products: [
        { category: 'apparel', spokenName: 'tee', attributes: { size: ['S', 'M', 'XL'] } },
        { category: 'apparel', spokenName: 'vest', attributes: { size: ['S/M', 'L/XL'] } },
        { category: 'home', spokenName: 'duvet', attributes: { size: ['one size', 'King'] } },
        { category: 'shoes', spokenName: 'boot', attributes: { size: ['10.5', 'XL'] } },
      ],
      terms: {},
    };
    const words = { small: ['small'], medium: ['medium', 'med'], large: ['large'], 'extra-large': ['extra large', 'x large'] };
    expect(sizeValues(catalog, 'en-US', words)).toEqual({
      'extra-large': ['extra large', 'x large', 'xl', 'x. l.', 'x l'],
      'l-xl': ['large extra large', 'l. x. l.', 'l xl'],
      'one-size': ['one size'],
      king: ['king'],
      medium: ['medium', 'med', 'm.'],
      's-m': ['small medium', 's. m.', 's m'],
      small: ['small', 's.'],
    });
    // From the demo catalog, in the generated models: the hand-written words stay, the catalog's sizes join them.
    expect(idOf('en-US', 'SizeChoice', 'extra large')).toBe('extra-large');
    expect(idOf('en-US', 'SizeChoice', 'x. l.')).toBe('extra-large');
    expect(idOf('en-US', 'SizeChoice', 'large extra large')).toBe('l-xl');
    expect(idOf('de-DE', 'SizeChoice', 'l. x. l.')).toBe('l-xl');
    expect(idOf('en-US', 'SizeChoice', 'one size')).toBe('one-size');
    expect(idOf('en-US', 'SizeChoice', 'bigger')).toBe('bigger');
  });

  it('names values in each locale’s own words', () => {
    expect(locale('en-US').types.ShoppingItem?.values.shoes?.[0]).toBe('shoes');
    expect(locale('de-DE').types.ShoppingItem?.values.shoes?.[0]).toBe('schuhe');
    expect(locale('de-DE').types.ProductAttribute?.values['feature-waterproof']?.slice(0, 2)).toEqual(['wasserdicht', 'wasserfest']);
    expect(idOf('de-DE', 'ProductAttribute', 'wandern')).toBe('use-hiking');
  });

  it('turns catalog names into words both platforms take', () => {
    expect(spokenPhrase("Light-up Kids' Sneakers", 'en-US')).toBe('light-up kids sneakers');
    expect(spokenPhrase('Earl Grey Crème', 'en-US')).toBe('earl grey crème');
    expect(spokenPhrase('25 dollar gift card', 'en-US')).toBeUndefined();
    expect(spokenPhrase('Hearts <3 Graphic Tee', 'en-US')).toBeUndefined();
    expect(productTypes('Trailblazer waterproof running shoes')).toEqual(['running shoes', 'shoes']);
    expect(productTypes('decaf Colombian')).toEqual([]);
    expect(productTypes('Alpine parka')).toEqual(['parka']);
  });

  it('gives a phrase two categories claim to neither, and a category word to its category only', () => {
    // "pot" ends a cookware name and a garden name: it says nothing about which.
    expect(itemValues(TINY, 'en-US')).toEqual({
      cookware: ['pots and pans', 'cookware', 'copper stock pot', 'iron skillet', 'ironclad cast iron skillet', 'skillet', 'stock pot'],
      garden: ['gardening', 'garden', 'bramble garden gloves', 'cast iron pot', 'garden gloves', 'gloves', 'iron pot'],
    });
  });

  it('keeps a shared attribute word with the value most products carry', () => {
    const values = attributeValues(TINY, 'en-US', ['color', 'feature'], true);
    expect(Object.keys(values)).toEqual(['color-black', 'color-copper', 'color-green', 'feature-preseasoned']);
    expect(values['color-black']).toEqual(['black', 'jet black']);
    expect(attributeValues(TINY, 'de-DE', ['color'], false)['color-black']).toEqual(['schwarz', 'black']);
  });

  it('adds a locale’s own words to a catalog value, and its own word wins over the catalog’s', () => {
    const base = copy(source());
    const english = base.locales.find((model) => model.locale === 'en-US')!;
    english.types.ShoppingItem = { catalog: 'items', open: true, values: { garden: ['flower beds'], cookware: ['iron pot'] } };
    const filled = withCatalog(base, TINY).locales.find((model) => model.locale === 'en-US')!;
    expect(filled.types.ShoppingItem?.values.garden).toContain('flower beds');
    expect(filled.types.ShoppingItem?.values.garden).not.toContain('iron pot');
    expect(filled.types.ShoppingItem?.values.cookware).toContain('iron pot');
  });

  it('keeps only the values every locale can say, so the locales keep the same ids', () => {
    const catalog: CatalogSnapshot = { ...TINY, products: [...TINY.products, { category: 'gifts', spokenName: '50 dollar gift box', attributes: {} }] };
    const terms = { ...catalog.terms, 'de-DE': { ...catalog.terms['de-DE']!, categories: { ...catalog.terms['de-DE']!.categories, gifts: ['geschenke'] } } };
    const filled = withCatalog(copy(source()), { ...catalog, terms });
    const ids = (code: string) => Object.keys(filled.locales.find((model) => model.locale === code)?.types.ShoppingItem?.values ?? {});
    expect(ids('de-DE')).toEqual(ids('en-US'));
    expect(ids('en-US')).toContain('gifts');
  });

  it('regenerates valid models from a store’s exported catalog', () => {
    const dir = temporaryDir('catalog');
    try {
      const file = path.join(dir, 'catalog.json');
      fs.writeFileSync(file, JSON.stringify(TINY));
      const catalog = parseCatalog(file, fs.readFileSync(file, 'utf8'));
      expect(sourceProblems(loadSource(SOURCE_DIR, { catalog }))).toEqual([]);
      generate(dir, SOURCE_DIR, { catalog });
      const alexa = JSON.parse(fs.readFileSync(path.join(dir, 'skill-package/interactionModels/custom/en-US.json'), 'utf8')) as InteractionModelData;
      const item = alexa.interactionModel.languageModel.types?.find((type) => type.name === 'ShoppingItem');
      expect(item?.values?.map((value) => value.id)).toEqual(['cookware', 'garden']);
      const google = parse(fs.readFileSync(path.join(dir, 'actions/custom/types/de/ShoppingItem.yaml'), 'utf8')) as { synonym: { entities: Record<string, { synonyms: string[] }> } };
      expect(google.synonym.entities.garden?.synonyms[0]).toBe('gartenbedarf');
    } finally {
      removeDir(dir);
    }
  });

  it('reads a bare array of products, as catalog:audit does, and names every mistake in a catalog file', () => {
    expect(parseCatalog('catalog.json', JSON.stringify(TINY.products)).products).toHaveLength(4);
    const problems = (text: string) => {
      try {
        parseCatalog('catalog.json', text);
        return [];
      } catch (error) {
        return error instanceof SourceError ? error.problems : [String(error)];
      }
    };
    expect(problems('{"products": [{"category": "garden"}], "terms": {"german": {}}}')).toEqual([
      'catalog.json: products.0.spokenName: Invalid input: expected string, received undefined',
      'catalog.json: terms.german: Invalid key in record',
    ]);
    expect(problems('{ not json')[0]).toMatch(/^catalog\.json: /);
  });

  it('reads the same words through the Catalog port as from the embedded catalog itself', async () => {
    const dir = temporaryDir('catalog-port');
    const store = openEmbeddedStore(path.join(dir, 'store.sqlite'));
    try {
      const throughPort = await readCatalogThroughPort(store.store.catalog, ['en-US', 'de-DE']);
      expect(throughPort.products).toHaveLength(demoCatalog().products.length);
      const sorted = (values: Record<string, string[]>) => Object.fromEntries(Object.entries(values).map(([id, phrases]) => [id, [...phrases].sort()]));
      for (const code of ['en-US', 'de-DE']) {
        expect(sorted(itemValues(throughPort, code))).toEqual(sorted(itemValues(demoCatalog(), code)));
      }
    } finally {
      store.close();
      removeDir(dir);
    }
  });
});
