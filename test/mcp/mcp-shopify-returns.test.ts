import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { serveShopifyOnLoopback, SHOPIFY_TRAITS, type ShopifyStoreServer } from '../support/shopify-store-server';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';
import { call, connectClient, listenOnLoopback, type McpServerUnderTest } from './mcp-support';

/**
 * confirm_return on a store where a return is a request the store approves later (Shopify's
 * orderRequestReturn): the tool says it was requested, never that it was created, and gives the
 * return's name as Shopify made it.
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

interface Confirmed {
  status: string;
  returnNumber?: string;
  refund?: { minor: number };
}

describe('confirm_return over Shopify', () => {
  it('answers status "requested" with Shopify\'s return name, and the same return again for the same confirmation', async () => {
    const prepared = await call<{ status: string; confirmation: string }>(ava, 'prepare_return', { orderNumber: '10605', lineId: '10605-1', reason: 'size-too-small' });
    expect(prepared.status).toBe('ready');
    const confirmed = await call<Confirmed>(ava, 'confirm_return', { confirmation: prepared.confirmation });
    expect(confirmed).toEqual({
      status: 'requested',
      returnNumber: '10605-R1',
      refund: expect.objectContaining({ minor: 12_999 }),
      refundTo: { kind: 'original-payment' },
      label: 'email',
    });
    expect(await call<Confirmed>(ava, 'confirm_return', { confirmation: prepared.confirmation })).toEqual(confirmed);
    const held = testApp.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM returns WHERE order_number = '10605'").get()!;
    expect(held.n).toBe(1);
  });

  it('lists "requested" among the statuses confirm_return may answer', async () => {
    const { tools } = await ava.listTools();
    const confirm = tools.find((tool) => tool.name === 'confirm_return')!;
    expect((confirm.outputSchema?.properties?.status as { enum: string[] }).enum).toEqual(['created', 'requested', 'refused']);
    expect(confirm.description).toMatch(/status=requested/);
  });
});
