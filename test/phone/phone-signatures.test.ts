import { XMLParser } from 'fast-xml-parser';
import { WebSocket } from 'ws';
import { loadConfig } from '../../lambda/config';
import { AVA, type PhoneServer, startPhoneServer, TEST_TWILIO_AUTH_TOKEN } from './phone-server';
import { incomingCall, RelayCall, relaySocketFor, relayUrl, twilioSignature } from './relay-client';

const INCOMING_CALL = incomingCall('CA11111111111111111111111111111111', AVA.phone);

let server: PhoneServer;

beforeAll(async () => {
  server = await startPhoneServer();
});

afterAll(async () => {
  await server.close();
});

function postTwiml(params: Record<string, string>, signature?: string): Promise<Response> {
  return fetch(`${server.baseUrl}/phone/twiml`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === undefined ? {} : { 'X-Twilio-Signature': signature }) },
    body: new URLSearchParams(params).toString(),
  });
}

/** The status the server answers a WebSocket handshake with, when it refuses it. */
function handshakeRefusal(headers: Record<string, string>, url = relayUrl(server.baseUrl)): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      socket.close();
      reject(new Error('the handshake was accepted'));
    });
    socket.on('error', () => {});
  });
}

describe('POST /phone/twiml', () => {
  const url = () => `${server.baseUrl}/phone/twiml`;

  it('answers a signed call with <Connect><ConversationRelay> to the WebSocket, greeting, language and the catalog words as hints', async () => {
    const response = await postTwiml(INCOMING_CALL, twilioSignature(TEST_TWILIO_AUTH_TOKEN, url(), INCOMING_CALL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const twiml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await response.text()) as {
      Response: { Connect: { ConversationRelay: Record<string, string> & { Parameter: Record<string, string> } } };
    };
    const relay = twiml.Response.Connect.ConversationRelay;
    // The socket is named for this call: its id and a MAC over it and the caller's number, never the number itself.
    expect(relay.url).toMatch(new RegExp(`^${relayUrl(server.baseUrl)}\\?call=${INCOMING_CALL.CallSid}&expires=\\d+&mac=[\\w-]+$`));
    expect(relay.url).not.toContain('3035550142');
    expect(relay.welcomeGreeting).toBe(`Thanks for calling ${server.config.store.name}. How can I help? You can ask, for example: where is my order?`);
    expect(relay.language).toBe('en-US');
    expect(relay.dtmfDetection).toBe('true');
    const vocabulary = await server.store.commerce.catalog.vocabulary('en-US');
    const hints = relay.hints!.split(',');
    expect(hints).toEqual(expect.arrayContaining([...vocabulary.brands, ...vocabulary.categories.flatMap((category) => category.terms)]));
    expect(relay.Parameter).toEqual({ name: 'locale', value: 'en-US' });
  });

  it('refuses an unsigned request, one signed with another token, and one whose parameters were changed after signing', async () => {
    expect((await postTwiml(INCOMING_CALL)).status).toBe(403);
    expect((await postTwiml(INCOMING_CALL, twilioSignature('not-the-account-token', url(), INCOMING_CALL))).status).toBe(403);
    const signed = twilioSignature(TEST_TWILIO_AUTH_TOKEN, url(), INCOMING_CALL);
    const refused = await postTwiml({ ...INCOMING_CALL, From: '+15125550187' }, signed);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toMatch(/ConversationRelay|stack|Error:/);
  });
});

describe('the relay WebSocket', () => {
  it('refuses a handshake without a signature, with a forged one, or signed for another URL', async () => {
    const url = await relaySocketFor(server.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: `CA${'1'.repeat(32)}`, from: AVA.phone });
    expect(await handshakeRefusal({}, url)).toBe(403);
    expect(await handshakeRefusal({ 'X-Twilio-Signature': twilioSignature('not-the-account-token', url) }, url)).toBe(403);
    const otherCall = url.replace(/call=CA1+/, `call=CA${'2'.repeat(32)}`);
    expect(await handshakeRefusal({ 'X-Twilio-Signature': twilioSignature(TEST_TWILIO_AUTH_TOKEN, url) }, otherCall)).toBe(403);
    // A bare socket URL, signed or not, names no call.
    const bare = relayUrl(server.baseUrl);
    expect(await handshakeRefusal({ 'X-Twilio-Signature': twilioSignature(TEST_TWILIO_AUTH_TOKEN, bare) }, bare)).toBe(403);
  });

  it.each([
    ['another call', { callSid: `CA${'4'.repeat(32)}`, from: AVA.phone }],
    ['another number', { callSid: `CA${'3'.repeat(32)}`, from: '+15125550187' }],
  ])('closes a signed socket whose setup names %s than the TwiML answered', async (_case, setup) => {
    const url = await relaySocketFor(server.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: `CA${'3'.repeat(32)}`, from: AVA.phone });
    const call = await RelayCall.open(url, { 'X-Twilio-Signature': twilioSignature(TEST_TWILIO_AUTH_TOKEN, url) });
    call.send({ type: 'setup', ...setup });
    call.send({ type: 'prompt', voicePrompt: 'where is my order', last: true });
    expect(await call.closedByServer()).toBe(1008);
  });

  it('refuses upgrades on any other path', async () => {
    const elsewhere = `${server.baseUrl.replace(/^http/, 'ws')}/alexa`;
    expect(await handshakeRefusal({ 'X-Twilio-Signature': twilioSignature(TEST_TWILIO_AUTH_TOKEN, elsewhere) }, elsewhere)).toBe(404);
  });

  it('accepts a signed handshake and ignores messages that are not part of the protocol', async () => {
    const call = await RelayCall.dial(server.baseUrl, TEST_TWILIO_AUTH_TOKEN, { callSid: `CA${'e'.repeat(32)}`, from: AVA.phone });
    call.send({ type: 'prompt', voicePrompt: 42 });
    call.send({ type: 'something-else' });
    // A partial transcript is a preview: nothing answers it, the final one is answered.
    call.send({ type: 'prompt', voicePrompt: 'talk to', last: false });
    const talk = await call.say('what can you do');
    expect(talk.text).toMatch(/orders/);
    await call.hangUp();
  });
});

describe('with signature checks off for local testing', () => {
  it('takes unsigned requests, and only outside production', async () => {
    const unchecked = await startPhoneServer({ PHONE_VERIFY_SIGNATURE: 'false' });
    try {
      const response = await fetch(`${unchecked.baseUrl}/phone/twiml`, { method: 'POST', body: new URLSearchParams(INCOMING_CALL) });
      expect(response.status).toBe(200);
    } finally {
      await unchecked.close();
    }
    expect(() => loadConfig({ NODE_ENV: 'production', PHONE_VERIFY_SIGNATURE: 'false' })).toThrow(/PHONE_VERIFY_SIGNATURE: cannot be false in production/);
  });
});
