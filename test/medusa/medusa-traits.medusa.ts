import { MEDUSA_TRAITS } from '../support/store-traits';
import { createTestApp } from '../support/test-app';
import { medusaAdmin, medusaConnection, medusaCustomer, medusaStore } from './medusa-connection';

/**
 * The traits the conversation tests assert Medusa's sentences by (test/support/store-traits.ts),
 * checked against what the running Medusa holds, asked through its own APIs rather than the adapter.
 */
describe("Medusa's traits", () => {
  it('prepares a cart rather than placing an order: the checkout port says so', () => {
    const app = createTestApp();
    try {
      expect(app.traits).toEqual({ checkout: 'prepares-cart', ...MEDUSA_TRAITS });
    } finally {
      app.close();
    }
  });

  it('keeps no saved card: the region pays only through the manual provider, which holds no card', async () => {
    const { regionId } = medusaConnection();
    const { payment_providers: providers } = await medusaStore<{ payment_providers: { id: string }[] }>(`/store/payment-providers?region_id=${regionId}`, {
      token: medusaCustomer('shopper-ava').token,
    });
    expect(providers.map((provider) => provider.id)).toEqual(['pp_system_default']);
    expect(MEDUSA_TRAITS.savedCards).toBe(false);
  });

  it("has the carrier's words: the fulfillment of a package in trouble carries them in its metadata", async () => {
    const { orders } = await medusaAdmin<{ orders: { fulfillments: { metadata: Record<string, string> | null }[] }[] }>(
      '/admin/orders?fields=fulfillments.metadata&limit=100',
    );
    const troubled = orders.flatMap((order) => order.fulfillments).filter((fulfillment) => fulfillment.metadata?.tracking_status === 'Exception');
    expect(troubled.length).toBeGreaterThan(0);
    for (const fulfillment of troubled) expect(fulfillment.metadata?.tracking_description).toMatch(/\w/);
    expect(MEDUSA_TRAITS.carrierWords).toBe(true);
  });

  it('counts every match: the product list counts past 100', async () => {
    const { count, products } = await medusaStore<{ count: number; products: unknown[] }>('/store/products?limit=1&fields=id');
    expect(products).toHaveLength(1);
    expect(count).toBeGreaterThan(100);
    expect(MEDUSA_TRAITS.countsEveryMatch).toBe(true);
  });
});
