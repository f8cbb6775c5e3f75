import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import { SIGNATURE_HEADER, verifySignature } from '../../lambda/commerce/handoff-webhook/signature';
import type { DeliveryPass } from '../../lambda/commerce/handoff-webhook/webhook-relay';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { serveStoreApiOnLoopback } from '../../tools/store-server/loopback';
import { intentRequest, launchRequest, TEST_SKILL_ID } from '../support/alexa-envelopes';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { mostUrgentItemName } from '../support/most-urgent-order';
import { expectValidSsml } from '../support/ssml-checks';

type AlexaHandler = (event: RequestEnvelope, context: unknown) => Promise<ResponseEnvelope>;

const asEnvelope = (value: object) => value as unknown as RequestEnvelope;
const ssmlOf = (response: ResponseEnvelope) => (response.response.outputSpeech as { ssml: string }).ssml;

/** Loads an entry point as Lambda does: fresh, after its environment is set. */
function loadEntry<T>(file: string, env: Record<string, string>): T {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let entry: T | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      entry = require(file) as T;
    });
    return entry!;
  } finally {
    process.env = saved;
  }
}

describe('Alexa Lambda entry point, over the store API and DynamoDB', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-lambda-'));
  // The function reads the real clock, so the demo history is laid out for the real today too.
  const store = openEmbeddedStore(':memory:', { now: new Date() });
  const storeApi = serveStoreApiOnLoopback(store.store);
  let dynamo: LocalDynamo;
  let env: Record<string, string>;

  beforeAll(async () => {
    dynamo = await startDynalite();
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SHOPVOICE_DATA_DIR: dataDir,
      ALEXA_SKILL_ID: TEST_SKILL_ID,
      STORE_ADAPTER: 'http',
      STORE_API_URL: await storeApi.baseUrl,
      STATE_ADAPTER: 'dynamodb',
      DYNAMODB_TABLE_PREFIX: await dynamo.tables(),
      DYNAMODB_ENDPOINT: dynamo.endpoint,
    };
  });

  afterAll(async () => {
    storeApi.close();
    store.close();
    await dynamo.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is an async (event, context) handler that answers a LaunchRequest', async () => {
    const { handler } = loadEntry<{ handler: AlexaHandler }>('../../lambda/alexa-lambda', env);
    expect(handler.length).toBe(2);
    const response = await handler(asEnvelope(launchRequest()), {});
    expectValidSsml(ssmlOf(response), 'alexa');
    expect(ssmlOf(response)).toContain('Welcome to Northwind Outfitters!');
    // Stateless: no store file was written next to the function.
    expect(fs.existsSync(path.join(dataDir, 'shopvoice.sqlite'))).toBe(false);
  });

  it("reads the shopper's orders from the store API and keeps the conversation in DynamoDB", async () => {
    const { handler } = loadEntry<{ handler: AlexaHandler }>('../../lambda/alexa-lambda', env);
    const accessToken = await signDevAccessToken({ dataDir, issuer: 'https://auth.shopvoice.dev/', audience: 'shopvoice', shopperId: 'shopper-ava' });
    const envelope = intentRequest('OrderStatusIntent', {}, { accessToken, sessionId: 'amzn1.echo-api.session.lambda-entry' });
    const response = await handler(asEnvelope(envelope), {});
    // Her most urgent order, read from the store over HTTP, named by what is in it.
    expect(ssmlOf(response)).toContain(await mostUrgentItemName(store.store, 'shopper-ava', new Date()));
    expectValidSsml(ssmlOf(response), 'alexa');

    const state = createDynamoSkillState({ tablePrefix: env.DYNAMODB_TABLE_PREFIX!, endpoint: dynamo.endpoint });
    try {
      const turns = await state.conversations.turns('alexa:amzn1.echo-api.session.lambda-entry');
      expect(turns.map((turn) => turn.heard)).toEqual(['OrderStatusIntent']);
    } finally {
      state.close();
    }
  });

  it('refuses another skill', async () => {
    const { handler } = loadEntry<{ handler: AlexaHandler }>('../../lambda/alexa-lambda', env);
    await expect(handler(asEnvelope(launchRequest({ applicationId: 'amzn1.ask.skill.other' })), {})).rejects.toThrow();
  });

  it('will not start without a skill id, or on the embedded store', () => {
    expect(() => loadEntry('../../lambda/alexa-lambda', { ...env, ALEXA_SKILL_ID: '' })).toThrow(/ALEXA_SKILL_ID: required on Lambda/);
    expect(() => loadEntry('../../lambda/alexa-lambda', { ...env, STORE_ADAPTER: 'embedded' })).toThrow(/STORE_ADAPTER: must be http on Lambda/);
    expect(() => loadEntry('../../lambda/google-lambda', { ...env, STATE_ADAPTER: 'embedded' })).toThrow(/STATE_ADAPTER: must be dynamodb on Lambda/);
  });
});

describe('Handoff relay entry point, on a schedule over DynamoDB', () => {
  const SECRET = 'relay-test-secret-0123456789';
  let dynamo: LocalDynamo;
  let receiver: http.Server;
  const received: { body: string; signature: string | undefined }[] = [];

  beforeAll(async () => {
    dynamo = await startDynalite();
    receiver = http.createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received.push({ body, signature: request.headers[SIGNATURE_HEADER] as string | undefined });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    receiver.close();
    await dynamo.close();
  });

  it('delivers the tickets still queued, signed, and reports the pass', async () => {
    const prefix = await dynamo.tables();
    const state = createDynamoSkillState({ tablePrefix: prefix, endpoint: dynamo.endpoint });
    const ticket = await state.handoffs.file({
      shopperId: 'shopper-cleo',
      reason: 'delivery-problem',
      summary: 'The carrier needs address information.',
      orderNumber: '10694',
      locale: 'en-US',
      platform: 'alexa',
      idempotencyKey: 'alexa:relay-session:handoff',
    });
    state.close();

    const { handler } = loadEntry<{ handler: () => Promise<DeliveryPass> }>('../../lambda/handoff-relay-lambda', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      STATE_ADAPTER: 'dynamodb',
      DYNAMODB_TABLE_PREFIX: prefix,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      HANDOFF_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tickets`,
      HANDOFF_WEBHOOK_SECRET: SECRET,
    });
    expect(await handler()).toMatchObject({ delivered: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ reference: ticket.reference, reason: 'delivery-problem' });
    expect(verifySignature(received[0]!.body, received[0]!.signature, SECRET, new Date())).toBe(true);
    // Nothing is left to deliver: the next run sends nothing.
    expect(await handler()).toMatchObject({ delivered: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });
});

