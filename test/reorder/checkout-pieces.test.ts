import type { Product } from '../../lambda/commerce/ports';
import { freshSessionState } from '../../lambda/core/session-state';
import type { Slots, Turn } from '../../lambda/core/turn';
import { closestInStock, similarity } from '../../lambda/flows/checkout/alternatives';
import { packSizeOf, packSizesOf } from '../../lambda/flows/checkout/pack-sizes';
import { changeSize, sizeRequestOf } from '../../lambda/flows/checkout/size-change';
import { spokenPin } from '../../lambda/flows/checkout/spoken-pin';

function product(id: string, overrides: Partial<Product> = {}): Product {
  return {
    id,
    sku: id.toUpperCase(),
    name: id,
    spokenName: id,
    brand: 'Blue Ridge Roasters',
    category: 'coffee',
    description: '',
    attributes: {},
    price: { minor: 1500, currency: 'USD' },
    stock: 10,
    ...overrides,
  };
}

const twelveOunce = product('ethiopia-12', { name: 'Ethiopia Yirgacheffe Whole Bean Coffee, 12 oz', price: { minor: 1699, currency: 'USD' } });
const twoPound = product('ethiopia-2lb', { name: 'Ethiopia Yirgacheffe Whole Bean Coffee, 2 lb', price: { minor: 3999, currency: 'USD' } });
const fivePound = product('ethiopia-5lb', { name: 'Ethiopia Yirgacheffe Whole Bean Coffee, 5 lb', price: { minor: 8999, currency: 'USD' } });
const otherBrand = product('other-ethiopia', { name: 'Ethiopia Yirgacheffe Whole Bean Coffee, 2 lb', brand: 'Cascade Coffee Co.' });
const socks = product('socks', { category: 'apparel', name: 'Merino Wool Hiking Socks', attributes: { size: ['S', 'M', 'L', 'XL'] } });

function turn(slots: Slots, intent: 'PinIntent' | 'QuantityIntent' | 'ChangeSizeIntent' = 'PinIntent'): Turn {
  return {
    platform: 'alexa',
    locale: 'en-US',
    event: { kind: 'intent', intent, slots },
    state: freshSessionState(),
    device: { screen: false },
    requestId: 'request',
    sessionId: 'session',
  };
}

describe('pack sizes', () => {
  it('reads the size at the end of a name, in comparable amounts', () => {
    expect(packSizeOf(twelveOunce)).toEqual({ base: 'ethiopia yirgacheffe whole bean coffee', size: { label: '12 oz', dimension: 'weight', amount: 12 * 28.35 } });
    expect(packSizeOf(product('pods', { name: 'Medium Roast Single-Serve Pods, 24 Count' }))?.size).toEqual({ label: '24 Count', dimension: 'count', amount: 24 });
    expect(packSizeOf(socks)).toBeUndefined();
  });

  it('finds the other sizes of the same product from the same brand, smallest first', () => {
    expect(packSizesOf(twoPound, [fivePound, otherBrand, twelveOunce, socks]).map((found) => found.id)).toEqual(['ethiopia-12', 'ethiopia-2lb', 'ethiopia-5lb']);
    expect(packSizesOf(socks, [twelveOunce])).toEqual([socks]);
  });
});

describe('the closest thing in stock', () => {
  const kenya = product('kenya', { attributes: { roast: ['light'], form: ['whole bean'], use: ['pour-over'] }, price: { minor: 1999, currency: 'USD' } });
  const decaf = product('decaf', { brand: 'Morning Ritual', attributes: { roast: ['medium'], form: ['ground'] }, price: { minor: 1249, currency: 'USD' } });
  const wanted = { ...twelveOunce, stock: 0, attributes: { roast: ['light'], form: ['whole bean'], use: ['pour-over', 'drip'] } };

  it('is the same product in the nearest other size when one is in stock', () => {
    expect(closestInStock(wanted, [fivePound, twoPound, kenya])).toEqual({ kind: 'other-size', product: twoPound });
    expect(closestInStock(wanted, [{ ...twoPound, stock: 0 }, fivePound, kenya])).toEqual({ kind: 'other-size', product: fivePound });
  });

  it('is otherwise the in-stock product of the category that shares the most, and nothing when none is in stock', () => {
    expect(similarity(wanted, kenya)).toBeGreaterThan(similarity(wanted, decaf));
    expect(closestInStock(wanted, [decaf, kenya, socks])).toEqual({ kind: 'similar', product: kenya });
    expect(closestInStock(wanted, [{ ...kenya, stock: 0 }, { ...decaf, stock: 0 }])).toBeUndefined();
  });
});

describe('changing the size', () => {
  it('hears a named size, a bigger or smaller one, or a size number', () => {
    expect(sizeRequestOf(turn({ size: { spoken: 'medium', id: 'medium' } }, 'ChangeSizeIntent'))).toEqual({ kind: 'named', size: 'M' });
    expect(sizeRequestOf(turn({ size: { spoken: 'the bigger bag', id: 'bigger' } }, 'ChangeSizeIntent'))).toEqual({ kind: 'bigger' });
    expect(sizeRequestOf(turn({ sizeNumber: { spoken: '10' } }, 'ChangeSizeIntent'))).toEqual({ kind: 'named', size: '10' });
    expect(sizeRequestOf(turn({}, 'ChangeSizeIntent'))).toBeUndefined();
  });

  it('moves between the sizes of one product', () => {
    expect(changeSize(socks, 'L', [], { kind: 'named', size: 'm' })).toEqual({ kind: 'variant', size: 'M' });
    expect(changeSize(socks, 'L', [], { kind: 'bigger' })).toEqual({ kind: 'variant', size: 'XL' });
    expect(changeSize(socks, 'XL', [], { kind: 'bigger' })).toEqual({ kind: 'none', why: 'no-bigger' });
    expect(changeSize(socks, 'S', [], { kind: 'smaller' })).toEqual({ kind: 'none', why: 'no-smaller' });
    expect(changeSize(socks, 'L', [], { kind: 'named', size: '4' })).toEqual({ kind: 'not-offered', size: '4', options: ['M', 'L', 'XL'] });
  });

  it('moves between pack sizes, which are products of their own', () => {
    const family = [twelveOunce, twoPound, fivePound];
    expect(changeSize(twelveOunce, undefined, family, { kind: 'bigger' })).toEqual({ kind: 'product', product: twoPound });
    expect(changeSize(twoPound, undefined, family, { kind: 'smaller' })).toEqual({ kind: 'product', product: twelveOunce });
    expect(changeSize(fivePound, undefined, family, { kind: 'bigger' })).toEqual({ kind: 'none', why: 'no-bigger' });
    expect(changeSize(twelveOunce, undefined, [], { kind: 'bigger' })).toEqual({ kind: 'none', why: 'one-size' });
  });
});

describe('a spoken PIN', () => {
  it.each<[string, Slots, string | undefined]>([
    ['four digits in its own slot', { pin: { spoken: '7391' } }, '7391'],
    ['a leading zero Alexa kept', { pin: { spoken: '0528' } }, '0528'],
    ['a leading zero a number slot dropped', { quantity: { spoken: '528' } }, '0528'],
    ["Google's words with the resolved number", { pin: { spoken: 'zero five two eight', id: '528' } }, '0528'],
    ['digits said with spaces', { pin: { spoken: '7 3 9 1' } }, '7391'],
    ['too many digits', { pin: { spoken: '73910' } }, undefined],
    ['no number at all', { item: { spoken: 'coffee' } }, undefined],
  ])('%s', (_name, slots, expected) => {
    expect(spokenPin(turn(slots))).toBe(expected);
  });
});
