import { answered, alexaConversation } from '../../support/conversation';
import { createTestApp } from '../../support/test-app';

/** The 'over-http' jest project's switch: createTestApp then really reaches the store through the store API. */

const original = process.env.SHOPVOICE_TEST_COMMERCE;
afterEach(() => {
  if (original === undefined) delete process.env.SHOPVOICE_TEST_COMMERCE;
  else process.env.SHOPVOICE_TEST_COMMERCE = original;
  jest.restoreAllMocks();
});

async function orderStatusFetches(): Promise<string[]> {
  const fetches = jest.spyOn(globalThis, 'fetch');
  const testApp = createTestApp();
  try {
    const conversation = alexaConversation(testApp.app, { token: await testApp.token('shopper-ava') });
    const heard = answered(await conversation.say('OrderStatusIntent'), 'alexa');
    expect(heard.text).toMatch(/Order|order/);
    return fetches.mock.calls.map(([input]) => new URL(String(input)).pathname);
  } finally {
    testApp.close();
  }
}

describe('createTestApp', () => {
  it('with SHOPVOICE_TEST_COMMERCE=http, answers through the store API served from its own store', async () => {
    process.env.SHOPVOICE_TEST_COMMERCE = 'http';
    const paths = await orderStatusFetches();
    expect(paths).toEqual(['/shoppers/shopper-ava/orders']);
  });

  it('without it, talks to the embedded store directly', async () => {
    delete process.env.SHOPVOICE_TEST_COMMERCE;
    expect(await orderStatusFetches()).toEqual([]);
  });
});
