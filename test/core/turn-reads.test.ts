import type { Commerce, Order, ReturnRequest } from '../../lambda/commerce/ports';
import { commerceRememberedForTurn } from '../../lambda/core/turn-reads';

/** Within one turn, a read asked for again goes to the store once; a write, or a failure, forgets. */

function countingCommerce() {
  const calls: string[] = [];
  let failNext = false;
  const order = { number: '10605', shopperId: 'shopper-ava' } as Order;
  const commerce = {
    shoppers: { findById: async (id: string) => (calls.push(`shopper ${id}`), { id }) },
    orders: {
      listForShopper: async (id: string, query?: { placedSince?: Date }) => (calls.push(`orders ${id} ${query?.placedSince?.toISOString() ?? ''}`), [order]),
      findForShopper: async (id: string, number: string) => {
        calls.push(`order ${number}`);
        if (failNext) {
          failNext = false;
          throw new Error('store down');
        }
        return order;
      },
    },
    catalog: { findById: async (id: string) => (calls.push(`product ${id}`), undefined), search: async () => ({ total: 0, products: [] }), vocabulary: async () => ({}) },
    returns: {
      policy: async () => (calls.push('policy'), {}),
      returnedUnits: async (number: string) => (calls.push(`returned ${number}`), new Map()),
      create: async () => (calls.push('create'), { kind: 'refused', why: 'not-found' }),
    },
    checkout: { place: async () => ({ kind: 'refused', why: 'unknown-product' }) },
    conversations: { append: async () => {}, turns: async () => [] },
  } as unknown as Commerce;
  return { commerce, calls, failNextFind: () => (failNext = true) };
}

describe('reads remembered for a turn', () => {
  it('asks the store once for the same read, and again for another', async () => {
    const { commerce, calls } = countingCommerce();
    const turn = commerceRememberedForTurn(commerce);
    const since = new Date('2026-06-01T00:00:00Z');
    const [first, second] = await Promise.all([turn.orders.findForShopper('shopper-ava', '10605'), turn.orders.findForShopper('shopper-ava', '10605')]);
    expect(second).toBe(first);
    await turn.orders.listForShopper('shopper-ava', { placedSince: since });
    await turn.orders.listForShopper('shopper-ava', { placedSince: new Date(since) });
    await turn.orders.listForShopper('shopper-ava', { placedSince: new Date('2026-07-01T00:00:00Z') });
    await turn.shoppers.findById('shopper-ava');
    await turn.shoppers.findById('shopper-ava');
    await turn.returns.policy();
    await turn.returns.policy();
    expect(calls).toEqual([
      'order 10605',
      'orders shopper-ava 2026-06-01T00:00:00.000Z',
      'orders shopper-ava 2026-07-01T00:00:00.000Z',
      'shopper shopper-ava',
      'policy',
    ]);
  });

  it('does not keep a failed read, and forgets everything once something is written', async () => {
    const { commerce, calls, failNextFind } = countingCommerce();
    const turn = commerceRememberedForTurn(commerce);
    failNextFind();
    await expect(turn.orders.findForShopper('shopper-ava', '10605')).rejects.toThrow('store down');
    await turn.orders.findForShopper('shopper-ava', '10605');
    await turn.returns.returnedUnits('10605');
    await turn.returns.create({} as ReturnRequest);
    await turn.returns.returnedUnits('10605');
    expect(calls).toEqual(['order 10605', 'order 10605', 'returned 10605', 'create', 'returned 10605']);
  });

  it('keeps nothing from one turn to the next', async () => {
    const { commerce, calls } = countingCommerce();
    await commerceRememberedForTurn(commerce).catalog.findById('p-1');
    await commerceRememberedForTurn(commerce).catalog.findById('p-1');
    expect(calls).toEqual(['product p-1', 'product p-1']);
  });
});

describe('reads remembered for a turn, with what a port adds', () => {
  it('passes on what a port carries besides its methods, and treats a method it does not know as a write', async () => {
    const { commerce, calls } = countingCommerce();
    const carts: string[] = [];
    const withExtras = {
      ...commerce,
      checkout: { paysAtCheckoutPage: true, place: commerce.checkout.place, prepareCart: async (id: string) => void carts.push(id) },
    } as unknown as Commerce;
    const turn = commerceRememberedForTurn(withExtras);
    expect(turn.checkout.paysAtCheckoutPage).toBe(true);
    await turn.returns.policy();
    await (turn.checkout as unknown as { prepareCart(id: string): Promise<void> }).prepareCart('cart-1');
    await turn.returns.policy();
    expect(carts).toEqual(['cart-1']);
    expect(calls).toEqual(['policy', 'policy']);
  });
});
