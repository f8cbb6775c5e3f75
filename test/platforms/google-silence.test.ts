import request from 'supertest';
import { speechText } from '../support/conversation';
import { mainInvocation, webhookRequest } from '../support/google-requests';
import { expectValidSsml } from '../support/ssml-checks';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A shopper who says nothing: the Actions project hands Google's no-input events to the webhook
 * (actions/custom/scenes/Conversation.yaml), which reprompts twice and says goodbye on the last,
 * after which the project ends the conversation.
 */

let testApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
});
afterAll(() => testApp.close());

describe('silence on Google', () => {
  it('reprompts on the first no-input events and says goodbye on the final one', async () => {
    const sessionId = 'ABwppHFsilence0123456789abcdef0123456789';
    let sessionParams: Record<string, unknown> = {};
    const send = async (body: ReturnType<typeof webhookRequest>) => {
      const response = await request(testApp.app).post('/google').send(body);
      expect(response.status).toBe(200);
      sessionParams = response.body.session?.params ?? sessionParams;
      const ssml = String(response.body.prompt?.firstSimple?.speech ?? '');
      expectValidSsml(ssml, 'google');
      return { text: speechText(ssml), next: response.body.scene?.next?.name as string | undefined };
    };
    const silence = (event: string) => webhookRequest(event, {}, { sessionId, sessionParams, query: '' });

    expect((await send(mainInvocation({ sessionId }))).text).toMatch(/^Welcome to Northwind Outfitters!/);
    const first = await send(silence('actions.intent.NO_INPUT_1'));
    expect(first.text).toMatch(/^Sorry, I didn't catch that\./);
    expect(first.next).not.toBe('actions.scene.END_CONVERSATION');
    await send(silence('actions.intent.NO_INPUT_2'));
    const last = await send(silence('actions.intent.NO_INPUT_FINAL'));
    expect(last.text).toBe('Goodbye, and thanks for shopping with Northwind Outfitters.');
    expect(last.next).toBe('actions.scene.END_CONVERSATION');
  });
});
