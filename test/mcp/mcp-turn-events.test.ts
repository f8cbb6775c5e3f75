import { createSqliteTurnEvents } from '../../lambda/commerce/sqlite/sqlite-turn-events';
import { shopperHash } from '../../lambda/core/shopper-hash';
import { computeContainmentReport } from '../../tools/report/containment';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';
import { call, connectClient, listenOnLoopback, type McpServerUnderTest } from './mcp-support';

let testApp: TestApp;
let server: McpServerUnderTest;

beforeEach(async () => {
  testApp = createTestApp();
  server = await listenOnLoopback(testApp);
});

afterEach(async () => {
  await server.close();
  testApp.close();
});

/** Recording is off the answer's path: wait until the sink has what was sent. */
async function eventsOnceThere(count: number) {
  const events = createSqliteTurnEvents(testApp.db);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const listed = await events.list({ since: new Date(TEST_NOW.getTime() - 60_000) });
    if (listed.length >= count) return listed;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} turn events recorded`);
}

it('records one turn event per tool call, as the containment report counts them, with the shopper only hashed', async () => {
  const ava = await connectClient(server.url, await testApp.token('shopper-ava'));
  const { orders } = await call<{ orders: { orderNumber: string }[] }>(ava, 'list_orders');
  await call(ava, 'get_order_status', { orderNumber: orders[0]!.orderNumber });
  await ava.close();
  const guest = await connectClient(server.url);
  await call(guest, 'search_products', { words: 'coffee' });
  await guest.close();

  const events = await eventsOnceThere(3);
  expect(events.map((event) => [event.platform, event.intent, event.outcome, event.goal])).toEqual([
    ['mcp', 'list_orders', 'answered', undefined],
    ['mcp', 'get_order_status', 'resolved', 'order-status-given'],
    ['mcp', 'search_products', 'answered', undefined],
  ]);
  const hash = shopperHash(testApp.config.analytics.shopperHashSecret, 'shopper-ava');
  expect(events.map((event) => event.shopperHash)).toEqual([hash, hash, undefined]);
  expect(JSON.stringify(events)).not.toContain('shopper-ava');
  const report = computeContainmentReport(events);
  expect(report.events).toBe(3);
  expect(report.totals.conversations).toBe(3);
});
