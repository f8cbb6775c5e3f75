import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { readTwiml } from '../../tools/call/relay-caller';
import { type LoopbackStoreApi, serveStoreApiOnLoopback } from '../../tools/store-server/loopback';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { AVA } from './phone-server';
import { type ManagementStandIn, startManagementStandIn } from './management-stand-in';
import { incomingCall, type SentMessage, twilioSignature } from './relay-client';

/**
 * lambda/phone-lambda.ts as Lambda runs it behind API Gateway: the TwiML webhook as an HTTP API
 * event, the relay's socket as WebSocket API events ($connect with the signed handshake's headers
 * and query, $default with each frame, $disconnect), over the store API and DynamoDB on loopback.
 * What the function sends the relay goes through a loopback stand-in for API Gateway's management
 * API, which records every message posted to each connection.
 */

const AUTH_TOKEN = 'lambda-test-twilio-auth-token-0123456789';
const HTTP_HOST = 'abc123.execute-api.us-east-1.amazonaws.com';
const SOCKET_HOST = 'ws456.execute-api.us-east-1.amazonaws.com';
const STAGE = 'ci';

type Handler = (event: unknown, context: object) => Promise<any>;

function webhookEvent(params: Record<string, string>, signature?: string) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: 'POST /phone/twiml',
    rawPath: '/phone/twiml',
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      host: HTTP_HOST,
      'user-agent': 'TwilioProxy/1.1',
      'x-forwarded-proto': 'https',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: HTTP_HOST,
      domainPrefix: 'abc123',
      http: { method: 'POST', path: '/phone/twiml', protocol: 'HTTP/1.1', sourceIp: '54.172.60.1', userAgent: 'TwilioProxy/1.1' },
      requestId: 'phone-webhook',
      routeKey: 'POST /phone/twiml',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: new URLSearchParams(params).toString(),
    isBase64Encoded: false,
  };
}

function socketEvent(eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', connectionId: string, extra: { headers?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {}) {
  const routeKey = { CONNECT: '$connect', MESSAGE: '$default', DISCONNECT: '$disconnect' }[eventType];
  return {
    requestContext: {
      routeKey,
      eventType,
      connectionId,
      domainName: SOCKET_HOST,
      stage: STAGE,
      apiId: 'ws456',
      requestId: `${routeKey}-${connectionId}`,
      connectedAt: Date.now(),
      requestTimeEpoch: Date.now(),
      messageDirection: 'IN',
    },
    ...(eventType === 'CONNECT' ? { headers: { Host: SOCKET_HOST, 'Sec-WebSocket-Version': '13', ...extra.headers }, queryStringParameters: extra.query ?? null } : {}),
    ...(extra.body === undefined ? {} : { body: JSON.stringify(extra.body) }),
    isBase64Encoded: false,
  };
}

let store: EmbeddedStore;
let storeApi: LoopbackStoreApi;
let dynamo: LocalDynamo;
let management: ManagementStandIn;
let handler: Handler;
const savedEnv = { ...process.env };

beforeAll(async () => {
  // The function reads the real clock, so the demo history is laid out for the real today too.
  store = openEmbeddedStore(':memory:', { now: new Date() });
  storeApi = serveStoreApiOnLoopback(store.store, { apiKey: 'phone-lambda-store-key' });
  [dynamo, management] = await Promise.all([startDynalite(), startManagementStandIn(STAGE)]);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDPHONELAMBDATEST',
    AWS_SECRET_ACCESS_KEY: 'phone-lambda-test-secret',
    STORE_ADAPTER: 'http',
    STORE_API_URL: await storeApi.baseUrl,
    STORE_API_KEY: 'phone-lambda-store-key',
    STATE_ADAPTER: 'dynamodb',
    DYNAMODB_TABLE_PREFIX: await dynamo.tables(),
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SESSION_STATE_SECRET: 'phone-lambda-session-state-secret-0123456789',
    PHONE_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    PHONE_SOCKET_URL: `wss://${SOCKET_HOST}/${STAGE}`,
    PHONE_CONNECTIONS_ENDPOINT: management.url,
  });
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = (require('../../lambda/phone-lambda') as { handler: Handler }).handler;
  });
}, 30_000);

afterAll(async () => {
  process.env = savedEnv;
  storeApi?.close();
  store?.close();
  await Promise.all([dynamo?.close(), management?.close()]);
});

const CONTEXT = { functionName: 'shopvoice-ci-phone', awsRequestId: 'phone-test', getRemainingTimeInMillis: () => 15_000 };
const invoke = (event: unknown) => handler(event, CONTEXT);

/** Places a call as Twilio would through API Gateway: the signed webhook, then the signed $connect of the socket its TwiML names. */
async function connect(callSid: string, from: string, connectionId: string): Promise<{ socketUrl: string; status: number }> {
  const params = incomingCall(callSid, from);
  const answer = await invoke(webhookEvent(params, twilioSignature(AUTH_TOKEN, `https://${HTTP_HOST}/phone/twiml`, params)));
  expect(answer.statusCode).toBe(200);
  const { socketUrl, parameters } = readTwiml(answer.body as string);
  const query = Object.fromEntries(new URL(socketUrl).searchParams);
  const connected = await invoke(socketEvent('CONNECT', connectionId, { headers: { 'X-Twilio-Signature': twilioSignature(AUTH_TOKEN, socketUrl) }, query }));
  if (connected.statusCode === 200) {
    await invoke(socketEvent('MESSAGE', connectionId, { body: { type: 'setup', callSid, from, to: '+18005550199', direction: 'inbound', customParameters: parameters } }));
  }
  return { socketUrl, status: connected.statusCode as number };
}

/** What was posted to the connection since the last look, as the caller hears it. */
function heard(connectionId: string): { text: string; messages: SentMessage[] } {
  const messages = management.posted.get(connectionId) ?? [];
  management.posted.set(connectionId, []);
  const text = messages.map((message) => (message.type === 'text' ? String((message as { token: unknown }).token) : '')).join('');
  return { text, messages };
}

async function say(connectionId: string, words: string): Promise<string> {
  await invoke(socketEvent('MESSAGE', connectionId, { body: { type: 'prompt', voicePrompt: words, lang: 'en-US', last: true } }));
  const { text, messages } = heard(connectionId);
  expect(messages.at(-1)).toMatchObject({ type: 'text', last: true });
  return text;
}

async function key(connectionId: string, digits: string): Promise<string> {
  // One frame per digit, each its own invocation, as API Gateway delivers them.
  for (const digit of `${digits}#`) await invoke(socketEvent('MESSAGE', connectionId, { body: { type: 'dtmf', digit } }));
  return heard(connectionId).text;
}

describe('the phone function behind API Gateway', () => {
  it('answers the signed webhook with the WebSocket API’s URL, bound to the call, and refuses an unsigned one', async () => {
    const params = incomingCall('CA10000000000000000000000000000001', AVA.phone);
    const answer = await invoke(webhookEvent(params, twilioSignature(AUTH_TOKEN, `https://${HTTP_HOST}/phone/twiml`, params)));
    expect(answer.statusCode).toBe(200);
    expect(readTwiml(answer.body as string).socketUrl).toMatch(new RegExp(`^wss://${SOCKET_HOST}/${STAGE}\\?call=${params.CallSid}&expires=\\d+&mac=[\\w-]+$`));
    expect((await invoke(webhookEvent(params))).statusCode).toBe(403);
    expect((await invoke(webhookEvent(params, twilioSignature('not-the-token', `https://${HTTP_HOST}/phone/twiml`, params)))).statusCode).toBe(403);
  });

  it('refuses a $connect unsigned, forged, or for a socket URL the TwiML did not name', async () => {
    const params = incomingCall('CA10000000000000000000000000000002', AVA.phone);
    const answer = await invoke(webhookEvent(params, twilioSignature(AUTH_TOKEN, `https://${HTTP_HOST}/phone/twiml`, params)));
    const { socketUrl } = readTwiml(answer.body as string);
    const query = Object.fromEntries(new URL(socketUrl).searchParams);
    expect((await invoke(socketEvent('CONNECT', 'refused-1', { query }))).statusCode).toBe(403);
    expect((await invoke(socketEvent('CONNECT', 'refused-2', { query, headers: { 'X-Twilio-Signature': twilioSignature('not-the-token', socketUrl) } }))).statusCode).toBe(403);
    const bare = `wss://${SOCKET_HOST}/${STAGE}`;
    expect((await invoke(socketEvent('CONNECT', 'refused-3', { headers: { 'X-Twilio-Signature': twilioSignature(AUTH_TOKEN, bare) } }))).statusCode).toBe(403);
    // A frame on a socket that was never admitted gets nothing back.
    await invoke(socketEvent('MESSAGE', 'refused-1', { body: { type: 'prompt', voicePrompt: 'where is my order', last: true } }));
    expect(management.posted.get('refused-1')).toBeUndefined();
  });

  it('runs a whole call: the caller’s number over the store API, the card’s last four keyed digit by digit, then their orders', async () => {
    const connectionId = 'Zx1cLdAAIAMCJYQ=';
    expect((await connect('CA10000000000000000000000000000003', AVA.phone, connectionId)).status).toBe(200);
    expect(await say(connectionId, 'where is my order')).toMatch(/last four digits of the card/);
    const orders = await key(connectionId, AVA.cardLast4);
    expect(orders).toMatch(/order/i);
    expect(orders).not.toMatch(/last four digits/);
    expect(orders).not.toContain(AVA.cardLast4);
    expect((await invoke(socketEvent('DISCONNECT', connectionId))).statusCode).toBe(200);
    expect(management.unsigned).toEqual([]);
  });

  it('closes a socket whose setup names another call than the one it was opened for', async () => {
    const connectionId = 'Zx1cLdAAIAMCJYR=';
    const params = incomingCall('CA10000000000000000000000000000004', AVA.phone);
    const answer = await invoke(webhookEvent(params, twilioSignature(AUTH_TOKEN, `https://${HTTP_HOST}/phone/twiml`, params)));
    const { socketUrl } = readTwiml(answer.body as string);
    const query = Object.fromEntries(new URL(socketUrl).searchParams);
    expect((await invoke(socketEvent('CONNECT', connectionId, { headers: { 'X-Twilio-Signature': twilioSignature(AUTH_TOKEN, socketUrl) }, query }))).statusCode).toBe(200);
    await invoke(socketEvent('MESSAGE', connectionId, { body: { type: 'setup', callSid: 'CA99999999999999999999999999999999', from: AVA.phone } }));
    await invoke(socketEvent('MESSAGE', connectionId, { body: { type: 'prompt', voicePrompt: 'where is my order', last: true } }));
    expect(management.closed).toContain(connectionId);
    expect(management.posted.get(connectionId) ?? []).toEqual([]);
  });

  it('keeps what the caller heard when they speak over a list: an interrupt in its own invocation, then "next" reads the product they missed', async () => {
    const connectionId = 'Zx1cLdAAIAMCJYU=';
    expect((await connect('CA10000000000000000000000000000006', AVA.phone, connectionId)).status).toBe(200);
    await invoke(socketEvent('MESSAGE', connectionId, { body: { type: 'prompt', voicePrompt: 'I need a rain jacket', lang: 'en-US', last: true } }));
    const tokens = heard(connectionId).messages.map((message) => String((message as { token?: unknown }).token));
    expect(tokens).toHaveLength(4);
    const [count, first, second] = tokens;
    // The voice got through the first product and into the first word of the second; API Gateway delivers the interrupt as a frame of its own.
    await invoke(socketEvent('MESSAGE', connectionId, { body: { type: 'interrupt', utteranceUntilInterrupt: `${count}${first}${second!.slice(0, 4)}`, durationUntilInterruptMs: 4200 } }));
    expect(heard(connectionId).messages).toEqual([]);
    const next = await say(connectionId, 'next');
    expect(next).toMatch(/^The next ones: /);
    expect(next).toContain(second!.trim());
    expect(next).not.toContain(first!.trim());
  });

  it('goes on where the call was when the caller is back on a new socket, and sends nothing to a connection that is gone', async () => {
    const callSid = 'CA10000000000000000000000000000005';
    const first = 'Zx1cLdAAIAMCJYS=';
    await connect(callSid, AVA.phone, first);
    expect(await say(first, 'where is my order')).toMatch(/last four digits of the card/);
    management.gone.add(first);
    await invoke(socketEvent('MESSAGE', first, { body: { type: 'prompt', voicePrompt: 'what can you do', last: true } }));
    expect(management.posted.get(first)).toEqual([]);
    await invoke(socketEvent('DISCONNECT', first));

    const second = 'Zx1cLdAAIAMCJYT=';
    await connect(callSid, AVA.phone, second);
    // Still the question the first socket asked: the second factor is the answer.
    expect(await key(second, AVA.cardLast4)).toMatch(/order/i);
  });
});
