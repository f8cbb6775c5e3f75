import { PassThrough, Readable } from 'node:stream';
import { placeCall, readTwiml, typedLine } from '../../tools/call/relay-caller';
import { AVA, type PhoneServer, startPhoneServer, TEST_TWILIO_AUTH_TOKEN } from './phone-server';

/** `npm run call`: the terminal call speaks the protocol as Twilio would, against the real server. */

let server: PhoneServer;

beforeAll(async () => {
  server = await startPhoneServer();
});

afterAll(async () => {
  await server.close();
});

async function call(lines: readonly string[], from = AVA.phone): Promise<string> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += String(chunk)));
  await placeCall({ baseUrl: server.baseUrl, authToken: TEST_TWILIO_AUTH_TOKEN, from, to: '+18005550199', input: Readable.from(lines.map((line) => `${line}\n`)), output });
  return printed;
}

describe('npm run call', () => {
  it('places a signed call, keys #4242 as digits, and prints what the caller hears until the assistant passes the call on', async () => {
    const printed = await call(['where is my order', '#4242', 'talk to a person', 'this line is never sent']);
    const lines = printed.trim().split('\n');
    expect(lines[1]).toBe(`Assistant: Thanks for calling ${server.config.store.name}. How can I help? You can ask, for example: where is my order?`);
    expect(lines[2]).toMatch(/^Assistant: Before I go into your account, I need to check it's you\./);
    expect(lines[3]).toMatch(/^Assistant: Thanks, that's you\. /);
    expect(lines[4]).toMatch(/^Assistant: I'm putting you through to a colleague now\./);
    expect(lines[5]).toMatch(/^\(The assistant passed the call on\. HandoffData: \{"reference":"\d{6}","reason":"shopper-asked"/);
    expect(lines).toHaveLength(6);
  });

  it('hangs up when the input ends', async () => {
    const printed = await call(['what can you do']);
    expect(printed.trim().split('\n').at(-1)).toBe('(You hung up.)');
  });

  it('reads typed lines and the server\'s TwiML as the relay would', () => {
    expect(typedLine('#12 34')).toEqual({ kind: 'keys', digits: '1234#' });
    expect(typedLine('  where is my order ')).toEqual({ kind: 'speech', text: 'where is my order' });
    expect(typedLine('#')).toEqual({ kind: 'speech', text: '#' });
    expect(typedLine('   ')).toEqual({ kind: 'nothing' });
    expect(() => readTwiml('<Response><Say>Hello</Say></Response>')).toThrow(/ConversationRelay/);
  });
});
