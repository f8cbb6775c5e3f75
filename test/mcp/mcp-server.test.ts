import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createConfirmationSigner, CONFIRMATION_LIFETIME_MS } from '../../lambda/platforms/mcp/confirmation-token';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';
import { AVA_PIN, placedOrders, setPrice } from '../reorder/reorder-fixtures';
import { call, connectClient, listenOnLoopback, type McpServerUnderTest } from './mcp-support';

interface OrderSummary {
  orderNumber: string;
  progress: string;
}
interface Eligibility {
  lineId: string;
  eligible: boolean;
  why?: string;
  returnableUnits?: number;
}
interface Refusal {
  status: string;
  why?: string;
  explanation?: string;
}

let testApp: TestApp;
let server: McpServerUnderTest;
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server.close();
  testApp.close();
});

async function clientFor(shopperId?: string): Promise<Client> {
  const client = await connectClient(server.url, shopperId ? await testApp.token(shopperId) : undefined);
  clients.push(client);
  return client;
}

function returnCount(shopperId: string): number {
  return testApp.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM returns WHERE shopper_id = ?').get(shopperId)!.n;
}

/** An order of this shopper with a line that can be returned today, found through the tools themselves. */
async function returnableLine(client: Client): Promise<{ orderNumber: string; lineId: string; unitMinor: number }> {
  const { orders } = await call<{ orders: OrderSummary[] }>(client, 'list_orders', { limit: 10 });
  for (const { orderNumber } of orders) {
    const { items } = await call<{ items: Eligibility[] }>(client, 'check_return_eligibility', { orderNumber });
    const eligible = items.find((item) => item.eligible);
    if (eligible) {
      const status = await call<{ order: { lines: { lineId: string; unitPrice: { minor: number } }[] } }>(client, 'get_order_status', { orderNumber });
      const line = status.order.lines.find((candidate) => candidate.lineId === eligible.lineId)!;
      return { orderNumber, lineId: eligible.lineId, unitMinor: line.unitPrice.minor };
    }
  }
  throw new Error('no returnable line');
}

describe('the MCP server over Streamable HTTP', () => {
  beforeEach(async () => {
    testApp = createTestApp();
    server = await listenOnLoopback(testApp);
  });

  it('lists its tools with typed schemas and read-only or destructive annotations', async () => {
    const client = await clientFor();
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect([...byName.keys()].sort()).toEqual(
      [
        'check_return_eligibility',
        'confirm_reorder',
        'confirm_return',
        'get_order_status',
        'get_product',
        'hand_off_to_person',
        'list_orders',
        'list_usual_items',
        'prepare_reorder',
        'prepare_return',
        'search_products',
      ].sort(),
    );
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(80);
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.inputSchema.type).toBe('object');
    }
    expect(byName.get('confirm_return')!.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(byName.get('confirm_reorder')!.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(byName.get('prepare_return')!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName.get('search_products')!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('hand_off_to_person')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
  });

  it("tells a linked shopper where their orders are, packages and all", async () => {
    const ben = await clientFor('shopper-ben');
    const onTheWay = await call<{ orders: OrderSummary[]; total: number }>(ben, 'list_orders', { onTheWay: true });
    expect(onTheWay.orders.length).toBeGreaterThan(0);
    // Most urgent first: Ben's skillet is out for delivery today.
    expect(onTheWay.orders[0]!.progress).toBe('out-for-delivery');
    const status = await call<{ found: boolean; order: { orderNumber: string; packages: { carrier: string; status: string }[] } }>(ben, 'get_order_status', {
      orderNumber: onTheWay.orders[0]!.orderNumber,
    });
    expect(status.found).toBe(true);
    expect(status.order.packages.some((pkg) => pkg.status === 'OutForDelivery' && pkg.carrier.length > 0)).toBe(true);
  });

  it("reveals nothing of another shopper's order", async () => {
    const ava = await clientFor('shopper-ava');
    const target = await returnableLine(ava);
    const ben = await clientFor('shopper-ben');
    const foreign = await call(ben, 'get_order_status', { orderNumber: target.orderNumber });
    const missing = await call(ben, 'get_order_status', { orderNumber: '999999999' });
    expect(foreign).toEqual({ found: false });
    expect(foreign).toEqual(missing);
    expect(await call(ben, 'check_return_eligibility', { orderNumber: target.orderNumber })).toEqual({ found: false, items: [] });
    expect(await call<Refusal>(ben, 'prepare_return', { orderNumber: target.orderNumber, lineId: target.lineId, reason: 'unwanted' })).toMatchObject({
      status: 'refused',
      why: 'not-found',
    });
  });

  it('searches the catalog without a shopper, with price and attribute filters, one bounded page at a time', async () => {
    const guest = await clientFor();
    const found = await call<{ products: { productId: string; price: { minor: number } }[]; total: number }>(guest, 'search_products', {
      attributes: { feature: ['waterproof'] },
      maxPrice: 150,
      limit: 5000,
    });
    expect(found.products.length).toBeGreaterThan(0);
    expect(found.products.length).toBeLessThanOrEqual(10);
    for (const product of found.products) {
      expect(product.price.minor).toBeLessThanOrEqual(15_000);
      const details = await call<{ found: boolean; product: { attributes: Record<string, string[]> } }>(guest, 'get_product', { productId: product.productId });
      expect(details.product.attributes.feature).toContain('waterproof');
    }
    expect(await call(guest, 'get_product', { productId: 'no-such-product' })).toEqual({ found: false });
  });

  it('starts a return in two steps, creating exactly one however often the confirmation is sent', async () => {
    const ava = await clientFor('shopper-ava');
    const target = await returnableLine(ava);
    const before = returnCount('shopper-ava');
    const prepared = await call<{ status: string; confirmation: string; prepared: { refund: { minor: number } } }>(ava, 'prepare_return', {
      orderNumber: target.orderNumber,
      lineId: target.lineId,
      reason: 'size-too-small',
    });
    expect(prepared.status).toBe('ready');
    expect(prepared.prepared.refund.minor).toBe(target.unitMinor);
    // Preparing changed nothing.
    expect(returnCount('shopper-ava')).toBe(before);
    const confirmations = await Promise.all([1, 2, 3].map(() => call<{ status: string; returnNumber: string }>(ava, 'confirm_return', { confirmation: prepared.confirmation })));
    const again = await call<{ status: string; returnNumber: string }>(ava, 'confirm_return', { confirmation: prepared.confirmation });
    expect(new Set([...confirmations, again].map((outcome) => `${outcome.status}:${outcome.returnNumber}`)).size).toBe(1);
    expect(again.status).toBe('created');
    expect(again.returnNumber).toMatch(/^\d{6}$/);
    expect(returnCount('shopper-ava')).toBe(before + 1);
  });

  it('reorders in two steps, placing exactly one order however often the confirmation is sent', async () => {
    const ava = await clientFor('shopper-ava');
    const { items } = await call<{ items: { productId: string; inStock: boolean }[] }>(ava, 'list_usual_items');
    const usual = items.find((item) => item.inStock)!;
    const prepared = await call<{ status: string; confirmation: string; prepared: { payment: string; shipToCity: string; seller: string; total: { minor: number }; tax?: { minor: number }; delivery?: { minor: number } } }>(
      ava,
      'prepare_reorder',
      { productId: usual.productId },
    );
    expect(prepared.status).toBe('ready');
    expect(prepared.prepared.payment).toMatch(/ending \d{4}$/);
    // What Amazon asks a purchase to say: the seller, and the tax and delivery in the total (the store's quote).
    expect(prepared.prepared.seller).toBe('Northwind Outfitters');
    expect(prepared.prepared.tax?.minor).toBeGreaterThan(0);
    expect(prepared.prepared.delivery).toBeDefined();
    expect(placedOrders(testApp, 'shopper-ava')).toHaveLength(0);
    const outcomes = await Promise.all([1, 2, 3].map(() => call<{ status: string; order: { orderNumber: string; total: { minor: number } } }>(ava, 'confirm_reorder', { confirmation: prepared.confirmation })));
    expect(new Set(outcomes.map((outcome) => outcome.order.orderNumber)).size).toBe(1);
    expect(outcomes[0]!.status).toBe('placed');
    expect(outcomes[0]!.order.total.minor).toBe(prepared.prepared.total.minor);
    expect(placedOrders(testApp, 'shopper-ava').map((line) => line.product_id)).toEqual([usual.productId]);
  });

  describe('refuses a confirmation that is not good for this shopper now', () => {
    it('forged', async () => {
      const ava = await clientFor('shopper-ava');
      const target = await returnableLine(ava);
      const { confirmation } = await call<{ confirmation: string }>(ava, 'prepare_return', { orderNumber: target.orderNumber, lineId: target.lineId, reason: 'unwanted' });
      const [payload, mac] = confirmation.split('.');
      const altered = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { details: { quantity: number } };
      altered.details.quantity = 3;
      const forged = `${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${mac}`;
      for (const token of [forged, 'not-a-token', `${payload}.${'A'.repeat(43)}`]) {
        expect(await call<Refusal>(ava, 'confirm_return', { confirmation: token })).toMatchObject({ status: 'refused', why: 'forged' });
      }
      expect(await call<Refusal>(ava, 'confirm_reorder', { confirmation: 'x.y' })).toMatchObject({ status: 'refused', why: 'forged' });
      expect(returnCount('shopper-ava')).toBe(0);
    });

    it('expired', async () => {
      const ava = await clientFor('shopper-ava');
      const target = await returnableLine(ava);
      const signer = createConfirmationSigner(testApp.config.sessionStateSecret);
      const issuedLongAgo = new Date(TEST_NOW.getTime() - CONFIRMATION_LIFETIME_MS - 1_000);
      const expired = signer.sign(
        'return',
        'shopper-ava',
        { orderNumber: target.orderNumber, lineId: target.lineId, quantity: 1, reason: 'unwanted', refundMinor: target.unitMinor, currency: 'USD', refundTo: { kind: 'original-payment' } },
        issuedLongAgo,
      );
      const refusal = await call<Refusal>(ava, 'confirm_return', { confirmation: expired });
      expect(refusal).toMatchObject({ status: 'refused', why: 'expired' });
      expect(refusal.explanation).toMatch(/prepare/);
      expect(returnCount('shopper-ava')).toBe(0);
    });

    it("another shopper's", async () => {
      const ava = await clientFor('shopper-ava');
      const target = await returnableLine(ava);
      const { confirmation } = await call<{ confirmation: string }>(ava, 'prepare_return', { orderNumber: target.orderNumber, lineId: target.lineId, reason: 'unwanted' });
      const ben = await clientFor('shopper-ben');
      expect(await call<Refusal>(ben, 'confirm_return', { confirmation })).toMatchObject({ status: 'refused', why: 'foreign' });
      // A return's confirmation does not place an order either.
      expect(await call<Refusal>(ava, 'confirm_reorder', { confirmation })).toMatchObject({ status: 'refused', why: 'foreign' });
      expect(returnCount('shopper-ava')).toBe(0);
      expect(placedOrders(testApp, 'shopper-ava')).toHaveLength(0);
    });

    it('stale: the price changed after the shopper agreed', async () => {
      const ava = await clientFor('shopper-ava');
      const { items } = await call<{ items: { productId: string; inStock: boolean; price: { minor: number } }[] }>(ava, 'list_usual_items');
      const usual = items.find((item) => item.inStock)!;
      const { confirmation } = await call<{ confirmation: string }>(ava, 'prepare_reorder', { productId: usual.productId });
      setPrice(testApp, usual.productId, usual.price.minor + 500);
      const refusal = await call<Refusal>(ava, 'confirm_reorder', { confirmation });
      expect(refusal).toMatchObject({ status: 'refused', why: 'stale' });
      expect(placedOrders(testApp, 'shopper-ava')).toHaveLength(0);
    });

    it("stale: the order line's price is not what the refund was prepared with", async () => {
      const ava = await clientFor('shopper-ava');
      const target = await returnableLine(ava);
      const { confirmation } = await call<{ confirmation: string }>(ava, 'prepare_return', { orderNumber: target.orderNumber, lineId: target.lineId, reason: 'unwanted' });
      testApp.db.prepare('UPDATE order_lines SET unit_price_minor = unit_price_minor + 100 WHERE id = ?').run(target.lineId);
      expect(await call<Refusal>(ava, 'confirm_return', { confirmation })).toMatchObject({ status: 'refused', why: 'stale' });
      expect(returnCount('shopper-ava')).toBe(0);
    });
  });

  describe('identity', () => {
    async function rawCall(body: unknown, headers: Record<string, string> = {}) {
      return fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: JSON.stringify(body),
      });
    }
    const orderStatusCall = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_order_status', arguments: { orderNumber: '1001' } } };

    it('answers a shopper tool called without a token with 401 and where to sign in', async () => {
      const response = await rawCall(orderStatusCall);
      expect(response.status).toBe(401);
      const challenge = response.headers.get('www-authenticate')!;
      expect(challenge).toMatch(/^Bearer /);
      const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)![1]!;
      expect(metadataUrl).toBe(`${server.url}/.well-known/oauth-protected-resource/mcp`);
      const metadata = (await (await fetch(metadataUrl)).json()) as Record<string, unknown>;
      expect(metadata).toMatchObject({ resource: `${server.url}/mcp`, authorization_servers: [testApp.config.auth.issuer] });
    });

    it('publishes the metadata at the bare well-known path too, and has no stream to open or session to end', async () => {
      const metadata = (await (await fetch(`${server.url}/.well-known/oauth-protected-resource`)).json()) as Record<string, unknown>;
      expect(metadata).toMatchObject({ resource: `${server.url}/mcp`, authorization_servers: [testApp.config.auth.issuer] });
      for (const method of ['GET', 'DELETE']) {
        const response = await fetch(`${server.url}/mcp`, { method, headers: { accept: 'text/event-stream' } });
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('POST');
      }
    });

    it('answers any call with a token that does not hold with 401 invalid_token', async () => {
      const search = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'search_products', arguments: {} } };
      const expired = await testApp.token('shopper-ava', -60);
      for (const token of ['garbage', expired, `${await testApp.token('shopper-ava')}x`]) {
        const response = await rawCall(search, { authorization: `Bearer ${token}` });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      }
    });

    it('treats a valid token that names no shopper (a service-level token) as a guest', async () => {
      const service = await connectClient(server.url, await testApp.token('shopvoice-alexa-plus-client'));
      clients.push(service);
      expect((await call<{ total: number }>(service, 'search_products', { words: 'boots' })).total).toBeGreaterThan(0);
      await expect(service.callTool({ name: 'list_orders', arguments: {} })).rejects.toThrow(/Sign in to the store/);
    });

    it('lets the SDK client see the refusal as an error, and runs product tools without a token', async () => {
      const guest = await clientFor();
      await expect(guest.callTool({ name: 'list_orders', arguments: {} })).rejects.toThrow(/Sign in to the store/);
      expect((await call<{ total: number }>(guest, 'search_products', { words: 'boots' })).total).toBeGreaterThan(0);
    });
  });
});

describe('the MCP reorder when the store requires a voice PIN', () => {
  beforeEach(async () => {
    testApp = createTestApp({ PURCHASE_PIN_REQUIRED: 'true' });
    server = await listenOnLoopback(testApp);
  });

  it('places nothing without the right PIN, and the order once with it', async () => {
    const ava = await clientFor('shopper-ava');
    const { items } = await call<{ items: { productId: string; inStock: boolean }[] }>(ava, 'list_usual_items');
    const usual = items.find((item) => item.inStock)!;
    const prepared = await call<{ confirmation: string; prepared: { pinRequired: boolean } }>(ava, 'prepare_reorder', { productId: usual.productId });
    expect(prepared.prepared.pinRequired).toBe(true);
    expect(await call<Refusal>(ava, 'confirm_reorder', { confirmation: prepared.confirmation })).toMatchObject({ status: 'refused', why: 'pin-required' });
    expect(await call(ava, 'confirm_reorder', { confirmation: prepared.confirmation, pin: '0000' })).toMatchObject({ status: 'refused', why: 'wrong-pin', triesLeft: 2 });
    expect(placedOrders(testApp, 'shopper-ava')).toHaveLength(0);
    expect(await call(ava, 'confirm_reorder', { confirmation: prepared.confirmation, pin: AVA_PIN })).toMatchObject({ status: 'placed' });
    expect(placedOrders(testApp, 'shopper-ava')).toHaveLength(1);
  });
});
