import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { intentRequest, launchRequest } from '../support/alexa-envelopes';
import { mainInvocation, webhookRequest } from '../support/google-requests';
import { TEST_NOW } from '../support/test-app';

/** Google's session ids (the only id its webhook requests carry) look like this one. */
const GOOGLE_SESSION_ID = 'ABwppHFrP5DIKzykGIfK5mNS42yVzuunzOfFUhUPy3QeVoTAtl3H4HmBTxDMW4_c4Yv6TNOOMQsMBPj5';

/**
 * The real server, logging through the real redacting logger: each turn's log line must name the
 * request it answered, so that one request can be followed through the logs.
 */
describe('the turn log line names its request', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-request-ids-'));
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false' });
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const { app, shopvoice } = createServer(config, createLogger('info', { destination }), {
    adapters: { store: store.store, state: store.state },
    clock: () => TEST_NOW,
  });
  const turnLines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'turn');

  afterAll(() => {
    shopvoice.close();
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('on Alexa: the request id, exactly as Alexa sent it', async () => {
    const accessToken = await signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId: 'shopper-ava' });
    const sessionId = 'amzn1.echo-api.session.3f2c9a61-4b7e-4c0d-9a55-0e7d1b2c4f80';
    const launch = launchRequest({ sessionId, accessToken });
    const status = intentRequest('OrderStatusIntent', {}, { sessionId, accessToken });
    for (const envelope of [launch, status]) expect((await request(app).post('/alexa').send(envelope)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const ids = turnLines().filter((line) => line.platform === 'alexa').map((line) => line.requestId);
    expect(ids).toEqual([launch.request.requestId, status.request.requestId]);
    expect(ids.every((id) => /^amzn1\.echo-api\.request\.[0-9a-f-]{36}$/.test(String(id)))).toBe(true);
  });

  it('on Google: the session id, its only id', async () => {
    const options = { sessionId: GOOGLE_SESSION_ID };
    expect((await request(app).post('/google').send(mainInvocation(options))).status).toBe(200);
    expect((await request(app).post('/google').send(webhookRequest('HelpIntent', {}, { ...options, scene: 'Conversation' }))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(turnLines().filter((line) => line.platform === 'google').map((line) => line.requestId)).toEqual([GOOGLE_SESSION_ID, GOOGLE_SESSION_ID]);
  });
});
