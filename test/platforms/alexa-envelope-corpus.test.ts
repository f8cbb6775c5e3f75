import request from 'supertest';
import { intentRequest } from '../support/alexa-envelopes';
import { createTestApp, type TestApp } from '../support/test-app';
import { LEAKS, MARKER, type WrongTypedBody, wrongTypedBodies } from '../support/wrong-types';

/**
 * The Alexa envelope, every field at every level replaced in turn by each JSON type it is not
 * (the corpus the Google webhook gets in google-body-corpus.test.ts): never a 5xx, a stack trace
 * or the envelope echoed in a refusal.
 */

const spoken = (body: unknown): string =>
  String((body as { response?: { outputSpeech?: { ssml?: unknown } } }).response?.outputSpeech?.ssml ?? '');

let testApp: TestApp;
let corpus: WrongTypedBody[];
beforeAll(async () => {
  testApp = createTestApp();
  const valid = intentRequest(
    'OrderStatusIntent',
    { orderNumber: '10605', item: { value: 'running shoes', id: 'shoes' } },
    { accessToken: await testApp.token('shopper-ava'), attributes: {}, screen: true },
  );
  corpus = wrongTypedBodies(valid);
});
afterAll(() => testApp.close());

describe('wrong-typed Alexa envelopes', () => {
  it('covers every field of the envelope with every other type', () => {
    expect(corpus.length).toBeGreaterThan(200);
    for (const field of ['request.intent.slots', 'session.attributes', 'context.System.device.supportedInterfaces', 'request.locale']) {
      expect(corpus.filter((entry) => entry.field === field).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('never answers 5xx, never shows a stack trace, and never echoes the envelope in a refusal', async () => {
    const failures: string[] = [];
    for (const { field, type, body } of corpus) {
      const response = await request(testApp.app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(body));
      const where = `${field} as ${type} → ${response.status} ${response.text.slice(0, 160)}`;
      if (response.status >= 500) failures.push(where);
      else if (LEAKS.test(response.text)) failures.push(`leaks: ${where}`);
      else if (response.status >= 400 && response.text.includes(MARKER)) failures.push(`echoes: ${where}`);
      else if (response.status === 200 && /something went wrong/.test(spoken(response.body))) failures.push(`apology: ${where}`);
    }
    expect(failures).toEqual([]);
  });
});
