import { buildCatalogVocabulary, factsOf } from '../../lambda/commerce/catalog-vocabulary';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import type { ProductQuery } from '../../lambda/commerce/product-query';
import { readNumbers } from '../../lambda/flows/discovery/spoken-numbers';
import { grammarFor } from '../../lambda/flows/discovery/grammar';
import { understandQuery } from '../../lambda/flows/discovery/understand-query';
import { vocabularyIndex } from '../../lambda/flows/discovery/vocabulary-index';
import { wordsOf } from '../../lambda/flows/discovery/words';

const english = vocabularyIndex(buildCatalogVocabulary(factsOf(DEMO_PRODUCTS), DEMO_CATALOG_TERMS['en-US']!, 'USD'), 'en-US');
const german = vocabularyIndex(buildCatalogVocabulary(factsOf(DEMO_PRODUCTS), DEMO_CATALOG_TERMS['de-DE']!, 'USD'), 'de-DE');
const spanish = vocabularyIndex(buildCatalogVocabulary(factsOf(DEMO_PRODUCTS), DEMO_CATALOG_TERMS['es-ES']!, 'USD'), 'es-ES');

type Expected = Partial<Omit<ProductQuery, 'price'>> & { readonly min?: number; readonly max?: number };

function expectQuery(actual: ProductQuery, expected: Expected): void {
  expect({
    category: actual.category,
    brand: actual.brand,
    attributes: actual.attributes,
    words: actual.words,
    hints: expected.hints === undefined ? undefined : actual.hints,
    min: actual.price.minMinor,
    max: actual.price.maxMinor,
    cheapestFirst: actual.cheapestFirst,
  }).toEqual({
    category: expected.category,
    brand: expected.brand,
    attributes: expected.attributes ?? {},
    words: expected.words ?? [],
    hints: expected.hints,
    min: expected.min,
    max: expected.max,
    cheapestFirst: expected.cheapestFirst ?? false,
  });
}

const ENGLISH: readonly [string, Expected][] = [
  ['a waterproof jacket for hiking under $150', { category: 'jackets', attributes: { feature: ['waterproof'], use: ['hiking'] }, max: 15000 }],
  ['I need a waterproof jacket for hiking under 150 dollars', { category: 'jackets', attributes: { feature: ['waterproof'], use: ['hiking'] }, max: 15000 }],
  ['waterproof jacket for hiking under a hundred and fifty dollars', { category: 'jackets', attributes: { feature: ['waterproof'], use: ['hiking'] }, max: 15000 }],
  ['rain coat less than one hundred fifty bucks', { category: 'jackets', attributes: {}, words: ['rain'], max: 15000 }],
  ['a raincoat no more than 80 dollars', { category: 'jackets', max: 8000 }],
  ['parka below 300', { category: 'jackets', hints: ['parka'], max: 30000 }],
  ['a shell for mountaineering', { category: 'jackets', attributes: { use: ['mountaineering'] } }],
  ['running shoes over 100 dollars', { category: 'shoes', attributes: { use: ['running'] }, min: 10000 }],
  ['sneakers at least fifty dollars', { category: 'shoes', min: 5000 }],
  ['headphones between 50 and 100 dollars', { category: 'audio', hints: ['headphones'], min: 5000, max: 10000 }],
  ['headphones between fifty and one hundred', { category: 'audio', min: 5000, max: 10000 }],
  ['a speaker from $20 to $40', { category: 'audio', min: 2000, max: 4000 }],
  ['wireless earbuds around 80 dollars', { category: 'audio', attributes: { feature: ['wireless'] }, min: 6400, max: 9600 }],
  ['bluetooth headphones about eighty bucks', { category: 'audio', attributes: { feature: ['wireless'] }, min: 6400, max: 9600 }],
  ['cheap running shoes', { category: 'shoes', attributes: { use: ['running'] }, cheapestFirst: true }],
  ['something affordable for travel', { attributes: { use: ['travel'] }, cheapestFirst: true }],
  ['vegan sneakers', { category: 'shoes', attributes: { feature: ['vegan'] } }],
  ['a wool sweater', { category: 'apparel', attributes: { material: ['wool'] } }],
  ['merino wool socks for hiking', { category: 'apparel', attributes: { material: ['merino wool'], use: ['hiking'] } }],
  ['a blue rain jacket', { category: 'jackets', attributes: { color: ['blue'] } }],
  ["women's hiking boots", { category: 'shoes', attributes: { gender: ['women'], use: ['hiking'] } }],
  ['Northpeak jackets', { brand: 'Northpeak', category: 'jackets' }],
  ['something from Rainier Outfitters under 200 dollars', { brand: 'Rainier Outfitters', max: 20000 }],
  ['a backpack for travel under 120', { category: 'bags', attributes: { use: ['travel'] }, max: 12000 }],
  ['dog food', { category: 'pet-supplies', hints: ['dog food'] }],
  ['organic coffee beans', { category: 'coffee', attributes: { feature: ['organic'] } }],
  ['decaf coffee', { category: 'coffee', attributes: { feature: ['decaf'] } }],
  ['a cast iron skillet', { category: 'kitchen', attributes: { material: ['cast iron'] } }],
  ['a jacket in size medium', { category: 'jackets', attributes: { size: ['M'] } }],
  ['running shoes size 10', { category: 'shoes', attributes: { use: ['running'], size: ['10'] } }],
  ['a jacket for hiking under 1,000 dollars', { category: 'jackets', attributes: { use: ['hiking'] }, max: 100000 }],
  ['a jacket under $149.99', { category: 'jackets', max: 14999 }],
  ['a sparkly unicorn jacket', { category: 'jackets', words: ['sparkly', 'unicorn'] }],
  ['a gift card', { category: 'gift-cards', hints: [] }],
  ['show me board games', { category: 'toys' }],
  // An attribute's name said with its value is read with it: "roast" adds nothing to "dark", and
  // names which attribute a value several share ("light", "medium") belongs to, before a size.
  ['dark roast coffee beans', { category: 'coffee', attributes: { roast: ['dark'] }, hints: ['coffee beans'] }],
  ['a light roast', { attributes: { roast: ['light'] } }],
  ['medium roast coffee', { category: 'coffee', attributes: { roast: ['medium'] } }],
  ['medium dark roast coffee', { category: 'coffee', attributes: { roast: ['medium-dark'] } }],
  ['high caffeine tea', { category: 'tea', attributes: { caffeine: ['high'] } }],
  ['a jacket in the color black', { category: 'jackets', attributes: { color: ['black'] } }],
  ['roast coffee', { category: 'coffee', words: ['roast'] }],
  ['a medium jacket', { category: 'jackets', attributes: { size: ['M'] } }],
];

const GERMAN: readonly [string, Expected][] = [
  ['eine wasserdichte Jacke zum Wandern unter 150 Euro', { category: 'jackets', attributes: { feature: ['waterproof'], use: ['hiking'] }, max: 15000 }],
  ['eine wasserdichte Jacke zum Wandern unter hundertfünfzig Euro', { category: 'jackets', attributes: { feature: ['waterproof'], use: ['hiking'] }, max: 15000 }],
  ['Laufschuhe über hundert Euro', { category: 'shoes', min: 10000 }],
  ['Kopfhörer zwischen fünfzig und hundert Euro', { category: 'audio', min: 5000, max: 10000 }],
  ['kabellose Kopfhörer um die achtzig Euro', { category: 'audio', attributes: { feature: ['wireless'] }, min: 6400, max: 9600 }],
  ['günstige Schuhe zum Laufen', { category: 'shoes', attributes: { use: ['running'] }, cheapestFirst: true }],
  ['ein blauer Rucksack für Reisen', { category: 'bags', attributes: { color: ['blue'], use: ['travel'] } }],
  ['Socken aus Merinowolle', { category: 'apparel', attributes: { material: ['merino wool'] }, words: ['aus'] }],
  ['Damen Wanderschuhe höchstens 180 Euro', { category: 'shoes', attributes: { gender: ['women'] }, max: 18000 }],
  ['eine Regenjacke bis fünfundneunzig Euro', { category: 'jackets', max: 9500 }],
];

describe('understanding a spoken product query', () => {
  it.each(ENGLISH)('en-US: %s', (text, expected) => expectQuery(understandQuery(text, english), expected));
  it.each(GERMAN)('de-DE: %s', (text, expected) => expectQuery(understandQuery(text, german), expected));

  it('es-ES: reads the catalog\'s attribute name where the shopper says it too ("de color negro")', () => {
    expectQuery(understandQuery('una chaqueta de color negro', spanish), { category: 'jackets', attributes: { color: ['black'] } });
  });

  it('has at least 40 cases across the locales', () => {
    expect(ENGLISH.length + GERMAN.length).toBeGreaterThanOrEqual(40);
  });
});

describe('spoken numbers', () => {
  const numbers = (text: string, locale: string) =>
    readNumbers(wordsOf(text), grammarFor(locale)).flatMap((token) => (token.kind === 'number' ? [token.value] : []));

  it.each([
    ['one hundred fifty', 150],
    ['a hundred and fifty', 150],
    ['ninety nine', 99],
    ['two thousand five hundred', 2500],
    ['149.99', 149.99],
    ['1,200', 1200],
  ])('en-US reads "%s" as %d', (text, value) => expect(numbers(text, 'en-US')).toEqual([value]));

  it.each([
    ['hundertfünfzig', 150],
    ['einhundertfünfundzwanzig', 125],
    ['achtzig', 80],
    ['zweitausend', 2000],
    ['149,99', 149.99],
  ])('de-DE reads "%s" as %d', (text, value) => expect(numbers(text, 'de-DE')).toEqual([value]));

  it('keeps a range as two numbers', () => {
    expect(numbers('between fifty and eighty', 'en-US')).toEqual([50, 80]);
  });
});
