import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ordersPlaced } from '../support/checkout-expectations';
import { serveShopifyOnLoopback, SHOPIFY_TRAITS, type ShopifyStoreServer } from '../support/shopify-store-server';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';
import { call, connectClient, listenOnLoopback, type McpServerUnderTest } from './mcp-support';

/**
 * prepare_reorder on a store that takes payment only at its own checkout page (Shopify): no card,
 * no address, no order; the cart is made at once and its checkout link is the answer.
 */
let testApp: TestApp;
let shopify: ShopifyStoreServer;
let server: McpServerUnderTest;
let ava: Client;

beforeAll(async () => {
  testApp = createTestApp({}, {
    store: (embedded) => {
      shopify = serveShopifyOnLoopback(embedded, { now: () => TEST_NOW });
      return { store: shopify.store, accessTokens: shopify.accessTokens, token: (id, expiresIn) => shopify.token(id, expiresIn), carts: () => shopify.carts, traits: SHOPIFY_TRAITS, close: () => shopify.close() };
    },
  });
  server = await listenOnLoopback(testApp);
  ava = await connectClient(server.url, await testApp.token('shopper-ava'));
});
afterAll(async () => {
  await ava.close();
  await server.close();
  testApp.close();
});

interface UsualItem {
  productId: string;
  lastQuantity: number;
  inStock: boolean;
  price: { minor: number };
}

describe('prepare_reorder over Shopify', () => {
  it('prepares a cart with the usual item and answers its checkout link; nothing is ordered, and asking again gives the same cart', async () => {
    const { items } = await call<{ items: UsualItem[] }>(ava, 'list_usual_items');
    const usual = items.find((item) => item.inStock)!;
    // Ava's usual: her coffee, which comes in one variant only.
    expect(usual.productId).toBe('ethiopia-yirgacheffe-coffee');
    const first = await call(ava, 'prepare_reorder', { productId: usual.productId });
    const cart = shopify.carts.at(-1)!;
    expect(first).toEqual({
      status: 'cart-prepared',
      prepared: {
        productId: usual.productId,
        item: expect.any(String),
        quantity: usual.lastQuantity,
        unitPrice: expect.objectContaining({ minor: usual.price.minor }),
        total: expect.objectContaining({ minor: usual.price.minor * usual.lastQuantity }),
        seller: 'Northwind Outfitters',
        pinRequired: false,
      },
      checkoutUrl: cart.checkoutUrl,
      explanation: expect.stringMatching(/^Nothing was ordered/),
    });
    expect(shopify.carts).toHaveLength(1);
    expect(cart).toMatchObject({ shopperId: 'shopper-ava', lines: [expect.objectContaining({ productId: usual.productId, quantity: usual.lastQuantity })] });
    expect(ordersPlaced(testApp, 'shopper-ava')).toEqual([]);

    // The host asks again for the same basket: the same cart, not a second one.
    const again = await call<{ checkoutUrl: string }>(ava, 'prepare_reorder', { productId: usual.productId });
    expect(again.checkoutUrl).toBe(cart.checkoutUrl);
    expect(shopify.carts).toHaveLength(1);
  });
});
