import { AVA, type PhoneServer, startPhoneServer } from '../phone/phone-server';

/** The dev console's "Phone" platform: a call to the server's own line over the relay's protocol, signed as Twilio signs it. */

let server: PhoneServer;

beforeAll(async () => {
  server = await startPhoneServer();
});

afterAll(async () => {
  await server.close();
});

interface CallExchange {
  readonly call: string;
  readonly greeting?: string;
  readonly talks: readonly (readonly string[])[];
  readonly sent: readonly Record<string, unknown>[];
  readonly received: readonly Record<string, unknown>[];
  readonly language?: string;
  readonly ended: boolean;
  readonly handoffData?: string;
}

async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>) };
}

async function callTurn(said: string, call: string | null, shopperId: string | null = AVA.shopperId, locale = 'en-US'): Promise<CallExchange> {
  const { status, body } = await post('/dev-console/api/call', { call, shopperId, locale, said });
  expect(status).toBe(200);
  return body.exchange as CallExchange;
}

const heard = (exchange: CallExchange) => exchange.talks.map((talk) => talk.join('')).join(' ');

describe('the dev console on the phone', () => {
  it('offers the phone as a platform', async () => {
    const setup = (await (await fetch(`${server.baseUrl}/dev-console/api/setup`)).json()) as { platforms: { id: string }[] };
    expect(setup.platforms.map((platform) => platform.id)).toEqual(['alexa', 'google', 'phone']);
  });

  it("calls from the shopper's number, says what is typed, keys #1234 as digits, and shows what the caller hears", async () => {
    const first = await callTurn('where is my order', null);
    expect(first.greeting).toMatch(/^Thanks for calling /);
    expect(first.sent[0]).toMatchObject({ type: 'setup', from: AVA.phone });
    expect(first.sent[1]).toEqual({ type: 'prompt', voicePrompt: 'where is my order', lang: 'en-US', last: true });
    expect(heard(first)).toMatch(/check it's you/);
    expect(first.ended).toBe(false);

    const keyed = await callTurn(`#${AVA.cardLast4}`, first.call);
    expect(keyed.greeting).toBeUndefined();
    expect(keyed.sent).toEqual([...AVA.cardLast4, '#'].map((digit) => ({ type: 'dtmf', digit })));
    expect(heard(keyed)).toMatch(/^Thanks, that's you\. /);

    const german = await callTurn('Deutsch bitte', first.call);
    expect(german.language).toBe('de-DE');
    expect(heard(german)).toMatch(/^Gerne, dann machen wir auf Deutsch weiter\./);
    // What the caller says next is heard in German.
    const next = await callTurn('mit einem Menschen sprechen', first.call);
    expect(next.sent).toEqual([{ type: 'prompt', voicePrompt: 'mit einem Menschen sprechen', lang: 'de-DE', last: true }]);
    expect(next.ended).toBe(true);
    expect(JSON.parse(next.handoffData!)).toMatchObject({ reason: 'shopper-asked' });

    // The call is over: the page has to start a new one.
    expect((await post('/dev-console/api/call', { call: first.call, shopperId: AVA.shopperId, locale: 'en-US', said: 'hello' })).status).toBe(410);
  });

  it('calls with a withheld number for a guest, and hangs up when asked', async () => {
    const guest = await callTurn('where is my order', null, null);
    expect(guest.sent[0]).toMatchObject({ type: 'setup', from: 'anonymous' });
    expect(heard(guest)).toMatch(/can't find an account for the number you're calling from/);
    expect((await post('/dev-console/api/call/hang-up', { call: guest.call })).status).toBe(204);
    expect((await post('/dev-console/api/call', { call: guest.call, locale: 'en-US', said: 'hello' })).status).toBe(410);
  });

  it('refuses what is not a call turn', async () => {
    expect((await post('/dev-console/api/call', { call: null, locale: 'en-US', said: ' ' })).status).toBe(400);
    expect((await post('/dev-console/api/call', { call: 'not-a-call', locale: 'en-US', said: 'hi' })).status).toBe(400);
    expect((await post('/dev-console/api/call', { call: null, locale: 'nl-NL', said: 'goedendag' })).body.error).toBe('no interaction model for nl-NL');
    expect((await post('/dev-console/api/call', { call: null, shopperId: 'shopper-zed', locale: 'en-US', said: 'hi' })).body.error).toBe('the store has no shopper "shopper-zed"');
    expect((await post('/dev-console/api/call/hang-up', { call: 42 })).status).toBe(400);
  });
});
