import { slowPorts, type PortControl } from '../support/slow-ports';
import { createTestApp, type TestApp } from '../support/test-app';
import { connectClient, listenOnLoopback, type McpServerUnderTest } from './mcp-support';

const BUDGET_MS = 1000;

let testApp: TestApp;
let server: McpServerUnderTest;
let control: PortControl;

beforeEach(async () => {
  testApp = createTestApp(
    { TURN_BUDGET_MS: String(BUDGET_MS) },
    {
      store: (embedded) => {
        const slow = slowPorts(embedded.store);
        control = slow.control;
        return { store: slow.ports, close: () => {} };
      },
    },
  );
  server = await listenOnLoopback(testApp);
});

afterEach(async () => {
  control.recover();
  await control.drained();
  await server.close();
  testApp.close();
});

it("answers a tool call with a plain error within the store call budget when the store hangs, and leaks nothing", async () => {
  const guest = await connectClient(server.url);
  control.hang('catalog.search');
  const result = await guest.callTool({ name: 'search_products', arguments: { words: 'coffee' } });
  expect(result.isError).toBe(true);
  expect(JSON.stringify(result.content)).toMatch(/not answering right now/);
  expect(JSON.stringify(result.content)).not.toMatch(/catalog\.search|Error:|at /);
  await guest.close();
});

it('answers 503, not 401, when the store cannot say who the token names', async () => {
  control.hang('shoppers.findById');
  const response = await fetch(`${server.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${await testApp.token('shopper-ava')}` },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_orders', arguments: {} } }),
  });
  expect(response.status).toBe(503);
});
