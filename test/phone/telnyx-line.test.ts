import { XMLParser } from 'fast-xml-parser';
import { WebSocket } from 'ws';
import { loadConfig } from '../../lambda/config';
import { signedByTelnyx, TELNYX_TIMESTAMP_TOLERANCE_SECONDS } from '../../lambda/platforms/phone/telnyx-signature';
import { readTwiml } from '../../tools/call/relay-caller';
import { TEST_NOW } from '../support/test-app';
import { AVA, type PhoneServer, startPhoneServer } from './phone-server';
import { incomingCall, RelayCall } from './relay-client';
import { telnyxKeys } from './telnyx-keys';

/**
 * A store line on Telnyx: its TeXML webhook and the relay's handshake carry Telnyx's Ed25519
 * signature over the timestamp and the raw body, checked against the account's public key.
 */

const keys = telnyxKeys();
const CALL_SID = 'v3:telnyx-call-0000000000000000000000000001';
let server: PhoneServer;

beforeAll(async () => {
  server = await startPhoneServer({ PHONE_PROVIDER: 'telnyx', PHONE_TELNYX_PUBLIC_KEY: keys.publicKey });
});

afterAll(async () => {
  await server.close();
});

function postTexml(body: string, headers: Record<string, string>, path = '/phone/texml'): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
}

const callBody = (callSid = CALL_SID, from: string = AVA.phone) => new URLSearchParams(incomingCall(callSid, from)).toString();

/** The status of a refused handshake, or 101 when it was accepted. */
function handshakeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', () => {});
  });
}

async function socketUrlFor(callSid: string, from: string): Promise<string> {
  const body = callBody(callSid, from);
  const response = await postTexml(body, keys.headers(body, TEST_NOW));
  expect(response.status).toBe(200);
  return readTwiml(await response.text()).socketUrl;
}

describe('POST /phone/texml on a Telnyx line', () => {
  it('answers a signed call with TeXML <Connect><ConversationRelay>: the bound socket, greeting, language and keypad digits', async () => {
    const body = callBody();
    const response = await postTexml(body, keys.headers(body, TEST_NOW));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const texml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await response.text()) as {
      Response: { Connect: { ConversationRelay: Record<string, string> & { Parameter: Record<string, string> } } };
    };
    const relay = texml.Response.Connect.ConversationRelay;
    expect(relay.url).toMatch(new RegExp(`^${server.baseUrl.replace(/^http/, 'ws')}/phone\\?call=${encodeURIComponent(CALL_SID)}&expires=\\d+&mac=[\\w-]+$`));
    expect(relay.welcomeGreeting).toContain(server.config.store.name);
    expect(relay.language).toBe('en-US');
    expect(relay.dtmfDetection).toBe('true');
    // Telnyx's ConversationRelay has no hints attribute.
    expect(relay).not.toHaveProperty('hints');
    expect(relay.Parameter).toEqual({ name: 'locale', value: 'en-US' });
  });

  it('refuses a request unsigned, signed with another key, signed too long ago or ahead, or whose body changed after signing', async () => {
    const body = callBody();
    const stale = new Date(TEST_NOW.getTime() - (TELNYX_TIMESTAMP_TOLERANCE_SECONDS + 1) * 1000);
    const ahead = new Date(TEST_NOW.getTime() + (TELNYX_TIMESTAMP_TOLERANCE_SECONDS + 1) * 1000);
    const refusals = await Promise.all([
      postTexml(body, {}),
      postTexml(body, telnyxKeys().headers(body, TEST_NOW)),
      postTexml(body, keys.headers(body, stale)),
      postTexml(body, keys.headers(body, ahead)),
      postTexml(callBody(CALL_SID, '+15125550187'), keys.headers(body, TEST_NOW)),
    ]);
    expect(refusals.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await refusals[0]!.text()).not.toMatch(/ConversationRelay|stack|Error:/);
  });

  it('does not answer on the Twilio path, signed or not', async () => {
    const body = callBody();
    expect((await postTexml(body, keys.headers(body, TEST_NOW), '/phone/twiml')).status).toBe(404);
  });
});

describe('the relay WebSocket on a Telnyx line', () => {
  it('refuses a handshake whose Telnyx signature is forged or stale, and any handshake without the per-call socket URL', async () => {
    const url = await socketUrlFor('v3:telnyx-call-handshake', AVA.phone);
    const stale = new Date(TEST_NOW.getTime() - (TELNYX_TIMESTAMP_TOLERANCE_SECONDS + 1) * 1000);
    expect(await handshakeStatus(url, telnyxKeys().headers('', TEST_NOW))).toBe(403);
    expect(await handshakeStatus(url, keys.headers('', stale))).toBe(403);
    const bare = url.replace(/\?.*$/, '');
    expect(await handshakeStatus(bare, {})).toBe(403);
    expect(await handshakeStatus(bare, keys.headers('', TEST_NOW))).toBe(403);
  });

  // Telnyx documents its signature for webhooks, not for the relay's connection: the socket URL the
  // signed webhook's answer handed out is what admits it, and the call's setup must match it.
  it('admits an unsigned handshake on the per-call socket URL, and closes it when the setup names another call', async () => {
    const callSid = 'v3:telnyx-call-0000000000000000000000000003';
    const url = await socketUrlFor(callSid, AVA.phone);
    expect(await handshakeStatus(url, {})).toBe(101);
    const impostor = await RelayCall.open(url, {});
    impostor.send({ type: 'setup', callSid: 'v3:telnyx-call-someone-else', from: AVA.phone, to: '+18005550199' });
    impostor.send({ type: 'prompt', voicePrompt: 'where is my order', last: true });
    expect(await impostor.closedByServer()).toBe(1008);
    const call = await RelayCall.open(url, {});
    call.send({ type: 'setup', callSid, from: AVA.phone, to: '+18005550199', direction: 'inbound' });
    expect((await call.say('where is my order')).text).toMatch(/last four digits of the card/);
    await call.hangUp();
  });

  it('runs a whole call on a signed handshake: the caller’s number and the card’s last four digits, then their orders', async () => {
    const callSid = 'v3:telnyx-call-0000000000000000000000000002';
    const url = await socketUrlFor(callSid, AVA.phone);
    const call = await RelayCall.open(url, keys.headers('', TEST_NOW));
    // Telnyx's setup frame, with its own identifiers beside the Twilio-compatible ones.
    call.send({ type: 'setup', sessionId: 'telnyx-session-1', callSid, callControlId: callSid, from: AVA.phone, to: '+18005550199', direction: 'inbound', customParameters: { locale: 'en-US' } });
    const asked = await call.say('where is my order');
    expect(asked.text).toMatch(/last four digits of the card/);
    const orders = await call.key(AVA.cardLast4);
    expect(orders.text).toMatch(/order/i);
    expect(orders.text).not.toContain(AVA.cardLast4);
    await call.hangUp();
  });
});

describe('Telnyx signatures', () => {
  it('pass only over the exact timestamp and payload, within the tolerance either way', () => {
    const check = { publicKey: keys.publicKey, verify: true };
    const headers = keys.headers('CallSid=1', TEST_NOW);
    const request = { signature: headers['telnyx-signature-ed25519'], timestamp: headers['telnyx-timestamp'], payload: 'CallSid=1' };
    expect(signedByTelnyx(check, request, TEST_NOW)).toBe(true);
    expect(signedByTelnyx(check, request, new Date(TEST_NOW.getTime() + TELNYX_TIMESTAMP_TOLERANCE_SECONDS * 1000))).toBe(true);
    expect(signedByTelnyx(check, request, new Date(TEST_NOW.getTime() + (TELNYX_TIMESTAMP_TOLERANCE_SECONDS + 1) * 1000))).toBe(false);
    expect(signedByTelnyx(check, { ...request, payload: 'CallSid=2' }, TEST_NOW)).toBe(false);
    expect(signedByTelnyx(check, { ...request, timestamp: String(Number(request.timestamp) + 1) }, TEST_NOW)).toBe(false);
    expect(signedByTelnyx(check, { ...request, signature: [request.signature!, request.signature!] }, TEST_NOW)).toBe(false);
    expect(signedByTelnyx(check, { ...request, signature: 'bm90IGEgc2lnbmF0dXJl' }, TEST_NOW)).toBe(false);
    expect(signedByTelnyx({ verify: true }, request, TEST_NOW)).toBe(false);
  });

  it('need a well-formed public key in the configuration', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PHONE_PROVIDER: 'telnyx', PHONE_TELNYX_PUBLIC_KEY: 'not-a-key' })).toThrow(/PHONE_TELNYX_PUBLIC_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'test', PHONE_PROVIDER: 'plivo' })).toThrow(/PHONE_PROVIDER/);
    expect(loadConfig({ NODE_ENV: 'test', PHONE_PROVIDER: 'telnyx', PHONE_TELNYX_PUBLIC_KEY: keys.publicKey }).phone).toMatchObject({
      provider: 'telnyx',
      telnyxPublicKey: keys.publicKey,
    });
  });
});
