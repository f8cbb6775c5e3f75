import type { CheckoutRequest } from '../../lambda/commerce/ports';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { DELIVERY_DAYS } from '../../lambda/commerce/sqlite/sqlite-checkout';

const NOW = new Date('2026-11-26T15:00:00Z');
const COFFEE = 'ethiopia-yirgacheffe-coffee';

const request = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  shopperId: 'shopper-ava',
  lines: [{ productId: COFFEE, quantity: 2, unitPrice: { minor: 1699, currency: 'USD' } }],
  placedAt: NOW,
  idempotencyKey: 'alexa:session-1:checkout:confirmation-1',
  ...overrides,
});

let store: EmbeddedStore;
beforeEach(() => {
  store = openEmbeddedStore(':memory:', { now: NOW });
});
afterEach(() => store.close());

const stock = (productId: string) => store.db.prepare<[string], { stock: number }>('SELECT stock FROM products WHERE id = ?').get(productId)?.stock;
const count = (table: 'orders' | 'order_lines' | 'checkouts') => store.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n;

describe('Checkout.quote (the demo store\'s tax and delivery)', () => {
  const quote = (lines: CheckoutRequest['lines'], shopperId = 'shopper-ava') => store.commerce.checkout.quote!({ shopperId, lines });

  it('adds US sales tax, rounded to the cent, and delivery below 30 dollars of goods', async () => {
    expect(await quote([{ productId: COFFEE, quantity: 1, unitPrice: { minor: 1699, currency: 'USD' } }])).toEqual({
      total: { minor: 2338, currency: 'USD' },
      tax: { minor: 140, currency: 'USD' },
      delivery: { minor: 499, currency: 'USD' },
    });
  });

  it('delivers free from 30 dollars of goods, and charges exactly what it quoted', async () => {
    const lines = [{ productId: COFFEE, quantity: 2, unitPrice: { minor: 1699, currency: 'USD' as const } }];
    const quoted = await quote(lines);
    expect(quoted).toEqual({ total: { minor: 3678, currency: 'USD' }, tax: { minor: 280, currency: 'USD' }, delivery: { minor: 0, currency: 'USD' } });
    const placed = await store.commerce.checkout.place(request({ lines }));
    expect(placed.kind === 'placed' && placed.order.total).toEqual(quoted?.total);
  });

  it('names no tax for an address outside the US, where the demo store collects none', async () => {
    store.db.prepare("UPDATE shoppers SET address_country = 'DE' WHERE id = 'shopper-ava'").run();
    expect(await quote([{ productId: COFFEE, quantity: 2, unitPrice: { minor: 1699, currency: 'EUR' } }])).toEqual({
      total: { minor: 3398, currency: 'EUR' },
      delivery: { minor: 0, currency: 'EUR' },
    });
  });

  it('quotes nothing for a shopper the store does not know', async () => {
    expect(await quote([{ productId: COFFEE, quantity: 1, unitPrice: { minor: 1699, currency: 'USD' } }], 'shopper-nobody')).toBeUndefined();
  });
});

describe('Checkout.place', () => {
  it('places the order, its lines and the checkout record, and takes the units out of stock, together', async () => {
    const before = { stock: stock(COFFEE), orders: count('orders'), lines: count('order_lines') };
    const outcome = await store.commerce.checkout.place(request({ lines: [{ productId: COFFEE, quantity: 2, unitPrice: { minor: 1699, currency: 'USD' }, variant: { size: '12 oz' } }] }));
    expect(outcome).toEqual({
      kind: 'placed',
      order: {
        number: '10743',
        // 33.98 of coffee, 8.25% sales tax (2.80), free delivery from 30 dollars: what the quote said.
        total: { minor: 3678, currency: 'USD' },
        placedAt: NOW,
        expectedOn: new Date(NOW.getTime() + DELIVERY_DAYS * 86_400_000),
        payment: { brand: 'Visa', last4: '4242' },
        shipToCity: 'Denver',
      },
    });
    expect(stock(COFFEE)).toBe(before.stock! - 2);
    expect(count('orders')).toBe(before.orders! + 1);
    expect(count('order_lines')).toBe(before.lines! + 1);
    const order = await store.commerce.orders.findForShopper('shopper-ava', '10743');
    expect(order).toMatchObject({ state: 'processing', total: { minor: 3678 }, lines: [{ productId: COFFEE, quantity: 2, variant: { size: '12 oz' } }] });
  });

  it('returns the first order for a key already used, and places nothing more', async () => {
    const first = await store.commerce.checkout.place(request());
    const stockAfterFirst = stock(COFFEE);
    const again = await Promise.all([store.commerce.checkout.place(request()), store.commerce.checkout.place(request({ placedAt: new Date(NOW.getTime() + 60_000) }))]);
    expect(again).toEqual([first, first]);
    expect(stock(COFFEE)).toBe(stockAfterFirst);
    expect(count('checkouts')).toBe(1);
  });

  it('refuses what is not in stock, and a price other than the one agreed, without writing anything', async () => {
    store.db.prepare('UPDATE products SET stock = 1 WHERE id = ?').run(COFFEE);
    const orders = count('orders');
    expect(await store.commerce.checkout.place(request())).toEqual({ kind: 'out-of-stock', productId: COFFEE, available: 1 });
    expect(
      await store.commerce.checkout.place(request({ lines: [{ productId: COFFEE, quantity: 1, unitPrice: { minor: 1599, currency: 'USD' } }] })),
    ).toEqual({ kind: 'price-changed', productId: COFFEE, unitPrice: { minor: 1699, currency: 'USD' } });
    // One unit left, asked for on two lines: the stock is checked for the product as a whole.
    const twice = { productId: COFFEE, quantity: 1, unitPrice: { minor: 1699, currency: 'USD' as const } };
    expect(await store.commerce.checkout.place(request({ lines: [twice, twice] }))).toEqual({ kind: 'out-of-stock', productId: COFFEE, available: 1 });
    expect(count('orders')).toBe(orders);
    expect(stock(COFFEE)).toBe(1);
  });

  it('refuses a shopper without a default card or address, and a product that is gone', async () => {
    store.db.prepare('UPDATE shoppers SET payment_brand = NULL, payment_last4 = NULL WHERE id = ?').run('shopper-ben');
    expect(await store.commerce.checkout.place(request({ shopperId: 'shopper-ben' }))).toEqual({ kind: 'refused', why: 'no-payment-or-address' });
    expect(
      await store.commerce.checkout.place(request({ lines: [{ productId: 'no-such-product', quantity: 1, unitPrice: { minor: 100, currency: 'USD' } }] })),
    ).toEqual({ kind: 'refused', why: 'unknown-product' });
  });

  it('rejects a request without a key or without units, and a key reused by another shopper', async () => {
    await expect(store.commerce.checkout.place(request({ idempotencyKey: ' ' }))).rejects.toThrow(/idempotency key/);
    await expect(store.commerce.checkout.place(request({ lines: [] }))).rejects.toThrow(/at least one unit/);
    await store.commerce.checkout.place(request());
    await expect(store.commerce.checkout.place(request({ shopperId: 'shopper-ben' }))).rejects.toThrow(/another shopper/);
  });
});
