import { XMLParser } from 'fast-xml-parser';
import { WebSocket } from 'ws';
import { loadConfig } from '../../lambda/config';
import { AVA, type PhoneServer, startPhoneServer, TEST_TWILIO_AUTH_TOKEN } from './phone-server';
import { RelayCall, relayUrl, twilioSignature } from './relay-client';

/** Twilio's voice webhook parameters for an incoming call (a subset; every one is signed). */
const INCOMING_CALL = {
  AccountSid: 'AC00000000000000000000000000000000',
  CallSid: 'CA11111111111111111111111111111111',
  From: AVA.phone,
  To: '+18005550199',
  CallStatus: 'ringing',
  Direction: 'inbound',
};

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
    expect(relay.url).toBe(relayUrl(server.baseUrl));
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
    const url = relayUrl(server.baseUrl);
    expect(await handshakeRefusal({})).toBe(403);
    expect(await handshakeRefusal({ 'X-Twilio-Signature': twilioSignature('not-the-account-token', url) })).toBe(403);
    expect(await handshakeRefusal({ 'X-Twilio-Signature': twilioSignature(TEST_TWILIO_AUTH_TOKEN, `${url}?caller=someone-else`) })).toBe(403);
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
