import type { OrderLine } from '../../lambda/commerce/ports';
import { resolveReorder } from '../../lambda/flows/reorder/resolve';
import { HALF_LIFE_DAYS, type PastPurchase, pickUsual, rankUsual, TIE_SHARE } from '../../lambda/flows/reorder/usual';

const NOW = new Date('2026-11-26T12:00:00Z');
const DAY_MS = 86_400_000;

interface Bought {
  readonly product: string;
  readonly daysAgo: number;
  /** Purchases sharing an order name were bought together. */
  readonly order?: string;
  readonly quantity?: number;
  readonly priceMinor?: number;
  readonly category?: string;
  readonly name?: string;
}

function purchase({ product, daysAgo, order, quantity = 1, priceMinor = 1000, category = 'coffee', name = `${product} coffee` }: Bought): PastPurchase {
  const line: OrderLine = {
    id: `${order ?? `${product}-${daysAgo}`}-${product}`,
    productId: product,
    sku: product.toUpperCase(),
    name,
    spokenName: name,
    category,
    quantity,
    unitPrice: { minor: priceMinor, currency: 'USD' },
  };
  return { orderNumber: order ?? `${product}-${daysAgo}`, orderedAt: new Date(NOW.getTime() - daysAgo * DAY_MS), line };
}

const history = (...bought: Bought[]) => bought.map(purchase);

describe('the "usual" rule', () => {
  it(`halves a purchase's weight every ${HALF_LIFE_DAYS} days and calls a runner-up within ${TIE_SHARE * 100}% a tie`, () => {
    const [only] = rankUsual(history({ product: 'a', daysAgo: 2 * HALF_LIFE_DAYS }), NOW);
    expect(only?.score).toBeCloseTo(0.25, 6);
  });

  it.each<[string, readonly Bought[], { kind: 'one'; usual: string } | { kind: 'tie'; options: string[] } | { kind: 'none' }]>([
    ['nothing bought: no usual', [], { kind: 'none' }],
    ['one product: that one', [{ product: 'a', daysAgo: 40 }], { kind: 'one', usual: 'a' }],
    [
      'bought every month beats bought once last week',
      [
        { product: 'a', daysAgo: 8 },
        { product: 'a', daysAgo: 36 },
        { product: 'a', daysAgo: 66 },
        { product: 'a', daysAgo: 97 },
        { product: 'b', daysAgo: 3 },
      ],
      { kind: 'one', usual: 'a' },
    ],
    [
      'as often, but lately, beats long ago',
      [
        { product: 'old', daysAgo: 200 },
        { product: 'old', daysAgo: 230 },
        { product: 'new', daysAgo: 20 },
        { product: 'new', daysAgo: 50 },
      ],
      { kind: 'one', usual: 'new' },
    ],
    [
      'two bags in one order count as one purchase',
      [
        { product: 'a', daysAgo: 10, order: 'x', quantity: 2 },
        { product: 'a', daysAgo: 10, order: 'x', quantity: 1 },
        { product: 'b', daysAgo: 10, order: 'y' },
        { product: 'b', daysAgo: 12, order: 'z' },
      ],
      { kind: 'one', usual: 'b' },
    ],
    [
      'bought together once: a tie, best first',
      [
        { product: 'sencha', daysAgo: 52, order: 'x' },
        { product: 'matcha', daysAgo: 52, order: 'x' },
      ],
      { kind: 'tie', options: ['sencha', 'matcha'] },
    ],
    [
      'a runner-up just inside the tie share is a tie',
      [
        { product: 'a', daysAgo: 0 },
        { product: 'b', daysAgo: 28 },
      ],
      { kind: 'tie', options: ['a', 'b'] },
    ],
    [
      'a runner-up just outside it is not',
      [
        { product: 'a', daysAgo: 0 },
        { product: 'b', daysAgo: 30 },
      ],
      { kind: 'one', usual: 'a' },
    ],
    [
      'a tie offers at most three',
      [
        { product: 'a', daysAgo: 1 },
        { product: 'b', daysAgo: 2 },
        { product: 'c', daysAgo: 3 },
        { product: 'd', daysAgo: 4 },
      ],
      { kind: 'tie', options: ['a', 'b', 'c'] },
    ],
  ])('%s', (_name, bought, expected) => {
    const pick = pickUsual(rankUsual(history(...bought), NOW));
    const simplified =
      pick.kind === 'one' ? { kind: 'one', usual: pick.usual.productId } : pick.kind === 'tie' ? { kind: 'tie', options: pick.options.map((usual) => usual.productId) } : pick;
    expect(simplified).toEqual(expected);
  });

  it('remembers the quantity and price of the latest purchase as "last time"', () => {
    const [usual] = rankUsual(
      history({ product: 'a', daysAgo: 60, quantity: 1, priceMinor: 1599 }, { product: 'a', daysAgo: 5, quantity: 3, priceMinor: 1699 }),
      NOW,
    );
    expect(usual).toMatchObject({ productId: 'a', orders: 2, last: { line: { quantity: 3, unitPrice: { minor: 1699 } } } });
  });
});

describe('resolving a reorder', () => {
  const ava = history(
    { product: 'ethiopia', daysAgo: 8, order: '10641', quantity: 2, name: 'Ethiopia Yirgacheffe coffee' },
    { product: 'ethiopia', daysAgo: 36, order: '10305', quantity: 2, name: 'Ethiopia Yirgacheffe coffee' },
    { product: 'colombia', daysAgo: 97, order: '9573', quantity: 2, name: 'Colombia Supremo coffee' },
    { product: 'salmon', daysAgo: 66, order: '9945', category: 'pet-supplies', name: 'salmon dog food' },
    { product: 'harness', daysAgo: 70, order: '9900', category: 'pet-supplies', name: 'reflective dog harness' },
    { product: 'vest', daysAgo: 2, order: '10718', category: 'apparel', name: 'hydration vest' },
    { product: 'socks', daysAgo: 2, order: '10718', category: 'apparel', name: 'merino hiking socks' },
  );
  const ids = (usuals: readonly { productId: string }[]) => usuals.map((usual) => usual.productId);

  it('"my usual coffee" by the category, "the dog food" by its words before its category', () => {
    expect(resolveReorder(ava, { item: { spoken: 'coffee', id: 'coffee' }, lastOrder: false }, NOW)).toMatchObject({ kind: 'found', usual: { productId: 'ethiopia' } });
    expect(resolveReorder(ava, { item: { spoken: 'dog food', id: 'pet-supplies' }, lastOrder: false }, NOW)).toMatchObject({ kind: 'found', usual: { productId: 'salmon' } });
  });

  it('"my usual" without an item is the usual across everything', () => {
    expect(resolveReorder(ava, { lastOrder: false }, NOW)).toMatchObject({ kind: 'found', usual: { productId: 'ethiopia' } });
  });

  it('"my last order" is its one item, or a choice of its items', () => {
    const onlyCoffee = ava.filter((bought) => bought.orderNumber !== '10718');
    expect(resolveReorder(onlyCoffee, { lastOrder: true }, NOW)).toMatchObject({ kind: 'found', usual: { productId: 'ethiopia' } });
    const last = resolveReorder(ava, { lastOrder: true }, NOW);
    expect(last.kind === 'choose' && { why: last.why, options: ids(last.options) }).toEqual({ why: 'last-order', options: ['vest', 'socks'] });
  });

  it('an item never bought gets the three most usual products instead', () => {
    const instead = resolveReorder(ava, { item: { spoken: 'tea', id: 'tea' }, lastOrder: false }, NOW);
    expect(instead.kind === 'instead' && ids(instead.options)).toEqual(['ethiopia', 'vest', 'socks']);
  });

  it('no purchases at all is no history, whatever was asked', () => {
    expect(resolveReorder([], { item: { spoken: 'coffee' }, lastOrder: false }, NOW)).toEqual({ kind: 'no-history' });
    expect(resolveReorder([], { lastOrder: true }, NOW)).toEqual({ kind: 'no-history' });
  });
});
