import request from 'supertest';
import { webhookRequest } from '../support/google-requests';
import { createTestApp, type TestApp } from '../support/test-app';
import { LEAKS, MARKER, type WrongTypedBody, wrongTypedBodies } from '../support/wrong-types';

/**
 * Google's webhook body, every field at every level replaced in turn by each JSON type it is not:
 * a broken or hostile caller gets a 400 with a short reason, or a spoken answer, never a 5xx, a
 * stack trace or its own body back.
 */

const spoken = (body: unknown): string => String((body as { prompt?: { firstSimple?: { text?: unknown } } }).prompt?.firstSimple?.text ?? '');

let testApp: TestApp;
let valid: ReturnType<typeof webhookRequest>;
let corpus: WrongTypedBody[];
beforeAll(async () => {
  testApp = createTestApp();
  valid = webhookRequest(
    'OrderStatusIntent',
    { orderNumber: { original: 'ten six oh five', resolved: 10605 }, item: { original: 'running shoes', resolved: 'shoes' } },
    { bearerToken: await testApp.token('shopper-ava'), query: 'where are my running shoes', screen: true },
  );
  corpus = wrongTypedBodies(valid);
});
afterAll(() => testApp.close());

describe('wrong-typed Google webhook bodies', () => {
  it('covers every field of the body with every other type', () => {
    expect(corpus.length).toBeGreaterThan(150);
    for (const field of ['device.capabilities', 'session.params', 'intent.params.item', 'user.params.bearerToken', 'scene.slots', 'home.params']) {
      expect(corpus.filter((entry) => entry.field === field).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('answers when only a refinement is wrong: capabilities as a string read as a speaker without a screen', async () => {
    const body = { ...valid, device: { ...valid.device, capabilities: 'RICH_RESPONSE' } };
    const response = await request(testApp.app).post('/google').send(body);
    expect(response.status).toBe(200);
    expect(spoken(response.body)).toMatch(/^Order 10605 with your Trailblazer running shoes/);
    expect(response.body.prompt.content).toBeUndefined();
  });

  it('refuses a body whose session id is not a string, naming the field and nothing else', async () => {
    const response = await request(testApp.app)
      .post('/google')
      .send({ ...valid, session: { ...valid.session, id: { [MARKER]: 1 } } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'not an Actions Builder webhook request: session.id must be a string' });
  });

  it('never answers 5xx, never shows a stack trace, and never echoes the body in a refusal', async () => {
    const failures: string[] = [];
    for (const { field, type, body } of corpus) {
      const response = await request(testApp.app).post('/google').set('content-type', 'application/json').send(JSON.stringify(body));
      const where = `${field} as ${type} → ${response.status} ${response.text.slice(0, 160)}`;
      if (response.status >= 500) failures.push(where);
      else if (LEAKS.test(response.text)) failures.push(`leaks: ${where}`);
      else if (response.status >= 400 && response.text.includes(MARKER)) failures.push(`echoes: ${where}`);
      else if (response.status === 200 && !spoken(response.body)) failures.push(`200 without a spoken answer: ${where}`);
      // A TypeError caught on the way is a crash all the same, only politer.
      else if (response.status === 200 && /something went wrong/.test(spoken(response.body))) failures.push(`apology: ${where}`);
    }
    expect(failures).toEqual([]);
  });
});
