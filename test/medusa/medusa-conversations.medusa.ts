import type { Order } from '../../lambda/commerce/ports';
import { runAsShopper } from '../../lambda/commerce/shopper-credential';
import { bought, confirmation, done } from '../support/checkout-expectations';
import { answered, PLATFORMS } from '../support/conversation';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';
import { medusaAdmin, medusaCustomer, medusaStore, medusaStoreUnderTest, TEST_CHECKOUT_URL } from './medusa-store-under-test';

/**
 * The conversations Shopvoice was built for, over a real Medusa v2 (started for the run by
 * medusa.global-setup.ts, seeded with the demo store through Medusa's workflows): what the shopper
 * hears is what the embedded demo store makes them hear, and what the shopper does, Medusa records.
 */
let medusa: TestApp;
let embedded: TestApp;

// A turn over a real Medusa on a busy 2-core machine takes longer than over SQLite in process: the most the budget allows.
const SLOW_STORE = { TURN_BUDGET_MS: '7000', PROGRESS_AFTER_MS: '400' };

beforeAll(() => {
  medusa = createTestApp(SLOW_STORE);
  embedded = createTestApp({}, { store: (store) => ({ store: store.store, close: () => {} }) });
});
afterAll(() => {
  medusa.close();
  embedded.close();
});

const [, alexa] = PLATFORMS[0];

/** The shopper's orders as the Medusa adapter reads them, with their own token as a turn would. */
function medusaOrdersOf(demoId: string): Promise<readonly Order[]> {
  const customer = medusaCustomer(demoId);
  const { store } = medusaStoreUnderTest(() => TEST_NOW);
  return runAsShopper(customer.token, () => store.orders.listForShopper(customer.id, { limit: 100 }));
}

describe('order status over Medusa', () => {
  it('reads orders, packages, carriers and tracking numbers from Medusa as the demo store has them', async () => {
    for (const demoId of ['shopper-ava', 'shopper-ben', 'shopper-cleo', 'shopper-dan']) {
      const fromMedusa = await medusaOrdersOf(demoId);
      const fromDemo = await embedded.commerce.orders.listForShopper(demoId, { limit: 100 });
      expect(fromMedusa.map((order) => order.number)).toEqual(fromDemo.map((order) => order.number));
      for (const [index, order] of fromMedusa.entries()) {
        const demo = fromDemo[index]!;
        expect({ placedAt: order.placedAt, state: order.state, total: order.total }).toEqual({ placedAt: demo.placedAt, state: demo.state, total: demo.total });
        // Medusa gives an order's items in its own order.
        const lines = (of: Order) => of.lines.map((line) => [line.productId, line.quantity, line.spokenName, line.variant]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        expect(lines(order)).toEqual(lines(demo));
        // Each package: its carrier and tracking number (Medusa's fulfillment label), where it is, and which lines it holds.
        expect(order.shipments.map((shipment) => [shipment.carrier, shipment.trackingNumber, shipment.status, shipment.deliveredAt, shipment.lineIds.length])).toEqual(
          demo.shipments.map((shipment) => [shipment.carrier, shipment.trackingNumber, shipment.status, shipment.deliveredAt, shipment.lineIds.length]),
        );
      }
    }
  });

  it.each(['shopper-ben', 'shopper-cleo', 'shopper-dan', 'shopper-eve'])('tells %s where their orders are in the same words as the demo store', async (demoId) => {
    const overMedusa = alexa(medusa.app, { token: await medusa.token(demoId) });
    const overDemo = alexa(embedded.app, { token: await embedded.token(demoId) });
    const heard = answered(await overMedusa.say('OrderStatusIntent'), 'alexa');
    expect(heard.linkAccount).toBe(false);
    expect(heard.text).toBe(answered(await overDemo.say('OrderStatusIntent'), 'alexa').text);
  });

  it("asks a shopper whose token Medusa refuses to link their account", async () => {
    const expired = answered(await alexa(medusa.app, { token: await medusa.token('shopper-ava', '-5m') }).say('OrderStatusIntent'), 'alexa');
    expect(expired.linkAccount).toBe(true);
    const forged = answered(await alexa(medusa.app, { token: 'eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6ImN1c18xIn0.c2lnbmF0dXJl' }).say('OrderStatusIntent'), 'alexa');
    expect(forged.linkAccount).toBe(true);
  });
});

describe('product search over Medusa', () => {
  it('finds what the demo store finds, with Medusa doing the category and tag filters', async () => {
    // A color is an option in Medusa, whose words a tag of the same name:value keeps: never a filter.
    for (const query of ['a waterproof jacket for hiking under $150', 'coffee', 'cheap running shoes', 'a green rain jacket']) {
      const overMedusa = answered(await alexa(medusa.app).say('FindProductIntent', { query }), 'alexa');
      const overDemo = answered(await alexa(embedded.app).say('FindProductIntent', { query }), 'alexa');
      expect(overDemo.text).toMatch(/^I found (one|\d+) match/);
      expect(overMedusa.text).toBe(overDemo.text);
    }
  });
});

interface AdminReturns {
  readonly returns: readonly { readonly display_id: number; readonly order_id: string; readonly canceled_at: string | null; readonly items: readonly { readonly item_id: string; readonly quantity: number; readonly reason_id: string | null }[] }[];
}

describe('returns over Medusa', () => {
  it('requests the return from Medusa, which records it with its reason', async () => {
    const ava = alexa(medusa.app, { token: await medusa.token('shopper-ava') });
    const found = answered(await ava.say('ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' }, date: '2026-W47', reason: { value: "don't fit", id: 'size' } }), 'alexa');
    expect(found.text).toMatch(/^Sure\. Is that the Trailblazer running shoes from your order/);
    const summary = answered(await ava.say('YesIntent'), 'alexa');
    expect(summary.text).toBe('Shall I take back the Trailblazer running shoes, for a poor fit, and refund 129 dollars 99 to your original payment method?');
    const done = answered(await ava.say('YesIntent'), 'alexa');
    const number = /^Your return number is (\d+)\./.exec(done.text)?.[1];
    expect(number).toBeDefined();
    // Medusa makes no label as the return is requested: the store's fulfillment provider does, and the store emails it.
    expect(done.text).toContain('The store will email you the return label.');
    expect(done.text).not.toContain('on a card');

    // Medusa has the return: on Ava's order 10605, one pair of the shoes, for the store's "doesn't fit" reason.
    const { orders } = await medusaAdmin<{ orders: { id: string; items: { id: string; product_handle: string }[] }[] }>('/admin/orders?q=10605&fields=id,display_id,items.id,items.product_handle');
    const order = orders[0]!;
    const shoes = order.items.find((item) => item.product_handle === 'trailblazer-running-shoes')!;
    // Returns earlier tests made were cancelled after them (put-back-medusa-changes.setup.ts).
    const returns = (await medusaAdmin<AdminReturns>(`/admin/returns?order_id=${order.id}&fields=id,display_id,order_id,canceled_at,*items`)).returns.filter((made) => !made.canceled_at);
    expect(returns).toHaveLength(1);
    // The number the shopper heard is the return's own (returnsNamedByOrder: false).
    expect(String(returns[0]!.display_id)).toBe(number);
    expect(returns[0]!.items).toEqual([expect.objectContaining({ item_id: shoes.id, quantity: 1 })]);
    const { return_reasons: reasons } = await medusaAdmin<{ return_reasons: { id: string; value: string }[] }>('/admin/return-reasons?fields=id,value');
    expect(reasons.find((reason) => reason.id === returns[0]!.items[0]!.reason_id)?.value).toBe('wrong-size');

    // Asked again, the shoes are in a return already: Medusa's count of requested units says so.
    const again = alexa(medusa.app, { token: await medusa.token('shopper-ava') });
    const second = answered(await again.say('ReturnItemIntent', { item: { value: 'shoes', id: 'shoes' }, date: '2026-W47', reason: { value: "don't fit", id: 'size' } }), 'alexa');
    expect(second.text).not.toMatch(/^Sure\./);
  });

  it('refuses what the store does not take back, before Medusa is asked', async () => {
    const ava = alexa(medusa.app, { token: await medusa.token('shopper-ava') });
    const heard = answered(await ava.say('ReturnItemIntent', { item: { value: 'headphones', id: 'headphones' } }), 'alexa');
    const demo = answered(await alexa(embedded.app, { token: await embedded.token('shopper-ava') }).say('ReturnItemIntent', { item: { value: 'headphones', id: 'headphones' } }), 'alexa');
    expect(heard.text).toBe(demo.text);
    expect(heard.text).toMatch(/final.sale/i);
  });

  it('keeps only a created return by its key: a refused "yes" asked again is asked of Medusa again', async () => {
    const ava = medusaCustomer('shopper-ava');
    const { store } = medusaStoreUnderTest(() => TEST_NOW);
    const [order] = (await medusaOrdersOf('shopper-ava')).filter((candidate) => candidate.number === '10605');
    const shoes = order!.lines.find((line) => line.productId === 'trailblazer-running-shoes')!;
    const request = { shopperId: ava.id, orderNumber: '10605', quantity: 1, reason: 'size' as const, refundMethod: { kind: 'original-payment' } as const, labelDelivery: 'email' as const, idempotencyKey: 'refused-then-granted' };
    const refused = await runAsShopper(ava.token, () => store.returns.create({ ...request, lineId: 'no-such-line' }));
    expect(refused).toEqual({ kind: 'refused', why: 'not-found' });
    const created = await runAsShopper(ava.token, () => store.returns.create({ ...request, lineId: shoes.id }));
    expect(created.kind).toBe('created');
    // The created one is kept: the same key again is the same return, not a second one.
    const again = await runAsShopper(ava.token, () => store.returns.create({ ...request, lineId: shoes.id }));
    expect(again).toEqual(created);
  });
});

describe('reorder over Medusa', () => {
  it('puts the usual coffee in a Medusa cart for the customer; the storefront completes it into an order', async () => {
    const finn = medusaCustomer('shopper-finn');
    const conversation = alexa(medusa.app, { token: await medusa.token('shopper-finn') });
    const confirm = answered(await conversation.say('ReorderIntent', { item: 'tea' }), 'alexa');
    expect(confirm.text).toMatch(/in a cart, so you can pay at the store's checkout\?$/);
    const done = answered(await conversation.say('YesIntent'), 'alexa');
    expect(done.text).toMatch(/^It's in a cart, .+ before shipping\. Nothing is ordered yet/);
    expect(done.card?.text).toContain(`Pay at the store's checkout: ${TEST_CHECKOUT_URL.replace('{cart_id}', '')}cart_`);
    const cartId = /cart_id=(cart_[A-Za-z0-9]+)/.exec(done.card?.text ?? '')?.[1];
    expect(cartId).toBeDefined();

    // The cart is Finn's, with his usual tea.
    const { cart } = await medusaStore<{ cart: { customer_id: string; email: string; items: { product_handle: string; quantity: number }[] } }>(`/store/carts/${cartId}`, { token: finn.token });
    expect({ customer: cart.customer_id, email: cart.email }).toEqual({ customer: finn.id, email: finn.email });
    expect(cart.items).toEqual([expect.objectContaining({ product_handle: 'earl-grey-creme-tea', quantity: 1 })]);

    // What the storefront does at checkout: address, shipping, the payment provider, complete.
    const address = { first_name: 'Finn', last_name: "O'Brien", address_1: '212 Commonwealth Avenue', city: 'Boston', province: 'MA', postal_code: '02116', country_code: 'us' };
    await medusaStore(`/store/carts/${cartId}`, { token: finn.token, method: 'POST', body: { shipping_address: address, billing_address: address } });
    const { shipping_options: options } = await medusaStore<{ shipping_options: { id: string }[] }>(`/store/shipping-options?cart_id=${cartId}`, { token: finn.token });
    await medusaStore(`/store/carts/${cartId}/shipping-methods`, { token: finn.token, method: 'POST', body: { option_id: options[0]!.id } });
    const { payment_collection: collection } = await medusaStore<{ payment_collection: { id: string } }>('/store/payment-collections', { token: finn.token, method: 'POST', body: { cart_id: cartId } });
    await medusaStore(`/store/payment-collections/${collection.id}/payment-sessions`, { token: finn.token, method: 'POST', body: { provider_id: 'pp_system_default' } });
    const completed = await medusaStore<{ type: string; order?: { id: string; display_id: number } }>(`/store/carts/${cartId}/complete`, { token: finn.token, method: 'POST' });
    expect(completed.type).toBe('order');
    const { order } = await medusaAdmin<{ order: { customer_id: string } }>(`/admin/orders/${completed.order!.id}?fields=customer_id`);
    expect(order.customer_id).toBe(finn.id);

    // Finn's newest order, as the skill reads it, is that one.
    const newest = (await medusaOrdersOf('shopper-finn'))[0]!;
    expect(newest.number).toBe(String(completed.order!.display_id));
  });
});

describe('Medusa with PURCHASE_PIN_REQUIRED=true', () => {
  let pinApp: TestApp;
  beforeEach(() => {
    pinApp = createTestApp({ ...SLOW_STORE, PURCHASE_PIN_REQUIRED: 'true' });
  });
  afterEach(() => pinApp.close());

  const pinRows = () => pinApp.db.prepare('SELECT shopper_id, wrong_tries, locked_until FROM purchase_pins ORDER BY shopper_id').all();

  it.each(PLATFORMS)('on %s, a yes to "reorder my coffee" makes the Medusa cart without asking the PIN: a cart charges nothing', async (platform, start) => {
    const pinsBefore = pinRows();
    const ava = start(pinApp.app, { token: await pinApp.token('shopper-ava') });
    const asked = answered(await ava.say('ReorderIntent', { item: 'coffee' }), platform);
    expect(asked.text).toBe(confirmation('prepares-cart', { items: '2 bags of Ethiopia Yirgacheffe coffee', total: '33 dollars 98', charge: { total: '', tax: '', delivery: 'free' }, city: '' }));
    const yes = answered(await ava.say('YesIntent'), platform);
    expect(yes.text).toBe(done('prepares-cart', { orderNumber: '', day: '', total: '33 dollars 98' }));
    expect(yes.text).not.toMatch(/PIN/);
    // The cart Medusa holds is Ava's two bags; no order was placed.
    expect(await bought(pinApp, 'shopper-ava')).toEqual([{ productId: 'ethiopia-yirgacheffe-coffee', quantity: 2, unitPriceMinor: 1699, variant: {} }]);
    // No try was counted against the PIN: it was never asked.
    expect(pinRows()).toEqual(pinsBefore);
  });
});
