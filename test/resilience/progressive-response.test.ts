import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { intentRequest } from '../support/alexa-envelopes';
import { answered, googleConversation, speechText, type Heard } from '../support/conversation';
import { expectWithinListenBudget } from '../support/listen-time-budget';
import { expectValidSsml } from '../support/ssml-checks';
import type { IntentName } from '../../lambda/core/intents';
import { type AlexaApiStandIn, startAlexaApiStandIn } from './alexa-api-stand-in';
import { createSlowStoreApp, type SlowStoreApp, timed } from './slow-store-app';

/**
 * Alexa progressive responses: while a slow store is awaited, the shopper hears "let me check on
 * that" through Alexa's directive service, at most once a turn, and whatever that service does
 * never changes the answer that follows.
 */

/** The token alexa-envelopes.ts puts in context.System.apiAccessToken. */
const API_ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const CHECKING = /^(Let me check on that\.|One moment, I'm checking\.|Just a second, I'm looking that up\.)$/;
const SLOW_MS = 700;

let api: AlexaApiStandIn;
let testApp: SlowStoreApp;
let logLines: string[];

beforeEach(async () => {
  api = await startAlexaApiStandIn();
  logLines = [];
  const logger = pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString('utf8')), done()) }));
  testApp = createSlowStoreApp({ PROGRESS_AFTER_MS: '200' }, logger);
});

afterEach(async () => {
  await testApp.close();
  await api.close();
});

interface AlexaTurn {
  readonly heard: Heard;
  readonly requestId: string;
}

/** One Alexa request whose envelope points the skill at the stand-in for the Alexa API. */
async function askAlexa(
  intent: IntentName,
  options: { readonly withApiToken?: boolean; readonly shopperId?: string; readonly slots?: Record<string, string> } = {},
): Promise<AlexaTurn> {
  const token = await testApp.token(options.shopperId ?? 'shopper-ben');
  const envelope = intentRequest(intent, options.slots ?? {}, { accessToken: token, apiEndpoint: api.url, newSession: true });
  if (options.withApiToken === false) delete (envelope.context.System as { apiAccessToken?: string }).apiAccessToken;
  const response = await request(testApp.app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(envelope));
  const body = response.body as Record<string, any>;
  const ssml = String(body.response?.outputSpeech?.ssml ?? '');
  const heard: Heard = {
    ssml,
    text: speechText(ssml),
    listening: body.response?.shouldEndSession === false,
    linkAccount: false,
    state: body.sessionAttributes?.shopvoice,
    status: response.status,
    body,
  };
  expectWithinListenBudget('alexa', envelope, heard);
  return { heard: answered(heard, 'alexa'), requestId: envelope.request.requestId };
}

/** What Ben hears for "where is my order" when nothing is slow. */
async function promptAnswer(): Promise<string> {
  const { heard } = await askAlexa('OrderStatusIntent');
  expect(api.calls).toHaveLength(0);
  return heard.text;
}

describe('progressive responses on Alexa', () => {
  it('says "let me check" through the directive service while a slow store is awaited, then answers as usual', async () => {
    const expected = await promptAnswer();
    testApp.store.delay('orders.listForShopper', SLOW_MS);

    const { heard, requestId } = await askAlexa('OrderStatusIntent');

    expect(heard.text).toBe(expected);
    // Sent, and taken, before the answer went back.
    expect(api.calls).toHaveLength(1);
    const [call] = api.calls;
    expect(call).toMatchObject({ method: 'POST', path: '/v1/directives', authorization: `Bearer ${API_ACCESS_TOKEN}` });
    expect(call!.body).toEqual({ header: { requestId }, directive: { type: 'VoicePlayer.Speak', speech: expect.any(String) } });
    const speech = (call!.body as { directive: { speech: string } }).directive.speech;
    expectValidSsml(speech, 'alexa');
    expect(speechText(speech)).toMatch(CHECKING);
    expect(logLines).toEqual([]);
  });

  it('says nothing extra when the store answers in time', async () => {
    const { heard } = await askAlexa('OrderStatusIntent');
    expect(heard.text).toMatch(/on the way/);
    expect(api.calls).toHaveLength(0);
  });

  it('says it at most once in a turn, however many store calls are slow', async () => {
    // Ava's usual coffee: her orders first, then the product as the catalog has it today.
    const reorder = { shopperId: 'shopper-ava', slots: { item: 'coffee' } };
    const expected = (await askAlexa('ReorderIntent', reorder)).heard.text;
    expect(api.calls).toHaveLength(0);
    testApp.store.delay('orders.listForShopper', 400);
    testApp.store.delay('catalog.findById', 400);
    const callsBefore = testApp.store.calls.length;

    const { heard } = await askAlexa('ReorderIntent', reorder);

    expect(heard.text).toBe(expected);
    // Both slow, one after the other, each past the 200 ms threshold.
    expect(testApp.store.calls.slice(callsBefore)).toEqual(expect.arrayContaining(['orders.listForShopper', 'catalog.findById']));
    expect(api.calls).toHaveLength(1);
  });

  it('says it in the shopper\'s language', async () => {
    testApp.store.delay('orders.listForShopper', SLOW_MS);
    const token = await testApp.token('shopper-ben');
    const envelope = intentRequest('OrderStatusIntent', {}, { accessToken: token, apiEndpoint: api.url, newSession: true, locale: 'de-DE' });
    const response = await request(testApp.app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(envelope));
    expect(response.status).toBe(200);
    expect(api.calls).toHaveLength(1);
    expect(speechText((api.calls[0]!.body as { directive: { speech: string } }).directive.speech)).toMatch(
      /^(Einen Moment, ich sehe nach\.|Moment bitte, ich frage nach\.|Einen Augenblick, ich schaue kurz nach\.)$/,
    );
  });

  it('a directive service that answers 500 changes nothing the shopper hears, and the failure is logged without details', async () => {
    const expected = await promptAnswer();
    api.answer('fail');
    testApp.store.delay('orders.listForShopper', SLOW_MS);

    const { heard } = await askAlexa('OrderStatusIntent');

    expect(heard.text).toBe(expected);
    expect(api.calls).toHaveLength(1);
    expect(logLines).toHaveLength(1);
    const logged = JSON.parse(logLines[0]!) as Record<string, any>;
    expect(logged).toMatchObject({ msg: 'progressive response not delivered', platform: 'alexa', error: { name: 'ProgressiveResponseError' } });
    expect(logged.error.message).toMatch(/HTTP 500/);
    expect(logLines[0]).not.toContain(API_ACCESS_TOKEN);
    expect(logLines[0]).not.toContain('stand-in failure');
  });

  it('a directive service that never answers holds the reply only briefly', async () => {
    const expected = await promptAnswer();
    api.answer('hang');
    testApp.store.delay('orders.listForShopper', SLOW_MS);

    const { value, ms } = await timed(() => askAlexa('OrderStatusIntent'));

    expect(value.heard.text).toBe(expected);
    expect(api.calls).toHaveLength(1);
    // The store's delay, plus a short wait for the directive; far from Alexa's 8 seconds.
    expect(ms).toBeLessThan(SLOW_MS + 2_000);
  });

  it('is not tried when the request carries no token for the Alexa API', async () => {
    const expected = await promptAnswer();
    testApp.store.delay('orders.listForShopper', SLOW_MS);
    const { heard } = await askAlexa('OrderStatusIntent', { withApiToken: false });
    expect(heard.text).toBe(expected);
    expect(api.calls).toHaveLength(0);
  });

  it('is not said for the skill\'s own state being slow, only for the store', async () => {
    testApp.state.delay('handoffs.file', SLOW_MS);
    const { heard } = await askAlexa('TalkToAgentIntent');
    expect(heard.text).toMatch(/^Our team will email you/);
    expect(testApp.state.calls).toContain('handoffs.file');
    expect(api.calls).toHaveLength(0);
  });
});

describe('Google', () => {
  it('has no progressive responses: a slow store just answers a little later', async () => {
    testApp.store.delay('orders.listForShopper', SLOW_MS);
    const conversation = googleConversation(testApp.app, { token: await testApp.token('shopper-ben') });
    const heard = answered(await conversation.say('OrderStatusIntent'), 'google');
    expect(heard.text).toMatch(/on the way/);
    expect(api.calls).toHaveLength(0);
  });
});
