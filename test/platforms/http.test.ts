import request from 'supertest';
import { intentRequest, launchRequest } from '../support/alexa-envelopes';
import { webhookRequest } from '../support/google-requests';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
let verifyingApp: TestApp;
beforeAll(() => {
  testApp = createTestApp();
  verifyingApp = createTestApp({ ALEXA_VERIFY_SIGNATURE: 'true' });
});
afterAll(() => {
  testApp.close();
  verifyingApp.close();
});

/** No response may reveal how the server is built. */
function expectNoInternals(body: unknown) {
  const serialized = JSON.stringify(body);
  expect(serialized).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(serialized).not.toMatch(/node_modules|Error:|SyntaxError|stack/);
}

describe('HTTP server', () => {
  it('answers the health check', async () => {
    const response = await request(testApp.app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers POST /alexa with a LaunchRequest envelope', async () => {
    const response = await request(testApp.app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(launchRequest()));
    expect(response.status).toBe(200);
    expect(response.body.version).toBe('1.0');
    expect(response.body.response.outputSpeech.ssml).toContain('Welcome to Northwind Outfitters!');
  });

  it.each([
    ['malformed JSON', '{"version": "1.0", "request": '],
    ['an empty body', ''],
    ['JSON that is not an envelope', JSON.stringify({ hello: 'world' })],
    ['an envelope without a request id', JSON.stringify({ version: '1.0', context: {}, request: { type: 'LaunchRequest' } })],
  ])('rejects %s on /alexa with 400 and no internals', async (_name, body) => {
    const response = await request(testApp.app).post('/alexa').set('content-type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expectNoInternals(response.body);
  });

  it('rejects an oversized body with 413', async () => {
    const huge = JSON.stringify({ ...launchRequest(), padding: 'x'.repeat(300_000) });
    const alexa = await request(testApp.app).post('/alexa').set('content-type', 'application/json').send(huge);
    expect(alexa.status).toBe(413);
    const google = await request(testApp.app).post('/google').set('content-type', 'application/json').send(huge);
    expect(google.status).toBe(413);
    expectNoInternals(alexa.body);
    expectNoInternals(google.body);
  });

  it('rejects unsigned Alexa requests when signature verification is on', async () => {
    const response = await request(verifyingApp.app)
      .post('/alexa')
      .set('content-type', 'application/json')
      .send(JSON.stringify(intentRequest('OrderStatusIntent')));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'request signature or timestamp could not be verified' });
  });

  it.each([
    ['malformed JSON', '{"handler": '],
    ['a body without a handler', JSON.stringify({ intent: { name: 'OrderStatusIntent' } })],
    ['an unknown handler', JSON.stringify({ ...webhookRequest('OrderStatusIntent'), handler: { name: 'someone_else' } })],
  ])('rejects %s on /google with 400 and no internals', async (_name, body) => {
    const response = await request(testApp.app).post('/google').set('content-type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expectNoInternals(response.body);
  });

  it('answers unknown paths with 404', async () => {
    const response = await request(testApp.app).get('/admin');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'not found' });
  });
});
