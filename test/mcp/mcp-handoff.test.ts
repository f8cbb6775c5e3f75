import { createTestApp, type TestApp } from '../support/test-app';
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

function tickets() {
  return testApp.db
    .prepare<[], { reference: string; shopper_id: string; reason: string; order_number: string | null; platform: string }>(
      'SELECT reference, shopper_id, reason, order_number, platform FROM handoffs ORDER BY id',
    )
    .all();
}

it("files one ticket for a signed-in shopper, naming the order only when it is theirs", async () => {
  const ava = await connectClient(server.url, await testApp.token('shopper-ava'));
  const { orders } = await call<{ orders: { orderNumber: string }[] }>(ava, 'list_orders');
  const orderNumber = orders[0]!.orderNumber;
  const args = { reason: 'damaged-item', summary: 'The mug arrived cracked; she wants a replacement.', orderNumber };
  const first = await call<{ filed: boolean; reference: string }>(ava, 'hand_off_to_person', args);
  const again = await call<{ filed: boolean; reference: string }>(ava, 'hand_off_to_person', args);
  expect(first.filed).toBe(true);
  expect(again.reference).toBe(first.reference);
  expect(tickets()).toEqual([{ reference: first.reference, shopper_id: 'shopper-ava', reason: 'damaged-item', order_number: orderNumber, platform: 'mcp' }]);
  await ava.close();

  const ben = await connectClient(server.url, await testApp.token('shopper-ben'));
  const bens = await call<{ reference: string }>(ben, 'hand_off_to_person', { reason: 'dispute', summary: 'Asks about an order.', orderNumber });
  expect(tickets().find((ticket) => ticket.reference === bens.reference)).toMatchObject({ shopper_id: 'shopper-ben', order_number: null });
  await ben.close();
});

it('files nothing for a guest and gives the number to call', async () => {
  const guest = await connectClient(server.url);
  expect(await call(guest, 'hand_off_to_person', { reason: 'shopper-asked', summary: 'Wants a person.' })).toEqual({
    filed: false,
    supportPhone: testApp.config.store.supportPhone,
  });
  expect(tickets()).toEqual([]);
  await guest.close();
});
