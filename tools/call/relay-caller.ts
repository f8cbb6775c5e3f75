import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { XMLParser } from 'fast-xml-parser';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { WebSocket } from 'ws';

/**
 * A phone call in the terminal, made the way Twilio makes it: the number's voice webhook
 * (`POST /phone/twiml`, signed) says where the relay connects; the relay opens that WebSocket
 * (handshake signed), sends the setup with the caller's number, then a prompt for every line typed
 * and keypad digits for `#1234`. What the caller would hear is printed token by token.
 */

export interface CallOptions {
  /** The server, e.g. http://127.0.0.1:3000. */
  readonly baseUrl: string;
  /** The auth token the server checks signatures with (PHONE_TWILIO_AUTH_TOKEN). */
  readonly authToken: string;
  /** The caller's number, E.164, or "anonymous" for a withheld one. */
  readonly from: string;
  /** The number called. */
  readonly to: string;
  readonly input: Readable;
  readonly output: Writable;
}

/** What a typed line sends: the keys 1 2 3 4 # for `#1234` (closed with #, as the caller is asked to), else speech. */
export type TypedLine = { readonly kind: 'keys'; readonly digits: string } | { readonly kind: 'speech'; readonly text: string } | { readonly kind: 'nothing' };

export function typedLine(line: string): TypedLine {
  const typed = line.trim();
  if (typed === '') return { kind: 'nothing' };
  const keys = /^#([0-9\s]+)$/.exec(typed);
  if (keys) return { kind: 'keys', digits: `${keys[1]!.replace(/\s/g, '')}#` };
  return { kind: 'speech', text: typed };
}

interface Connection {
  readonly socketUrl: string;
  readonly greeting: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** What the server's TwiML tells the relay: the socket, the greeting, the custom parameters. */
export function readTwiml(twiml: string): Connection {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'Parameter' }).parse(twiml) as {
    Response?: { Connect?: { ConversationRelay?: { url?: string; welcomeGreeting?: string; Parameter?: { name: string; value: string }[] } } };
  };
  const relay = parsed.Response?.Connect?.ConversationRelay;
  if (!relay?.url) throw new Error('The server did not answer the call with <Connect><ConversationRelay url="…">');
  return {
    socketUrl: relay.url,
    greeting: relay.welcomeGreeting ?? '',
    parameters: Object.fromEntries((relay.Parameter ?? []).map((parameter) => [parameter.name, parameter.value])),
  };
}

/** Places the call and runs it until the assistant ends it, the input ends (hanging up) or the server closes the socket. */
export async function placeCall(options: CallOptions): Promise<void> {
  const { output } = options;
  const write = (text: string) => output.write(text);
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const webhook = new URL('/phone/twiml', options.baseUrl).href;
  const params = { AccountSid: `AC${'0'.repeat(32)}`, CallSid: callSid, From: options.from, To: options.to, CallStatus: 'ringing', Direction: 'inbound' };
  const response = await fetch(webhook, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': getExpectedTwilioSignature(options.authToken, webhook, params) },
    body: new URLSearchParams(params).toString(),
  });
  if (!response.ok) throw new Error(`POST ${webhook} answered ${response.status}: ${await response.text()}`);
  const connection = readTwiml(await response.text());

  write(`Calling from ${options.from}. Type what you say; #1234 keys digits; Ctrl-D hangs up.\n`);
  if (connection.greeting) write(`Assistant: ${connection.greeting}\n`);

  const socket = new WebSocket(connection.socketUrl, { headers: { 'X-Twilio-Signature': getExpectedTwilioSignature(options.authToken, connection.socketUrl, {}) } });
  const refused = new Promise<never>((_resolve, reject) => {
    socket.once('unexpected-response', (_request, answer) => reject(new Error(`The server refused the relay's socket: ${answer.statusCode}`)));
    socket.once('error', reject);
  });
  await Promise.race([once(socket, 'open'), refused]);
  const send = (message: object) => socket.send(JSON.stringify(message));
  send({ type: 'setup', sessionId: `VX${callSid.slice(2)}`, callSid, from: options.from, to: options.to, direction: 'inbound', customParameters: connection.parameters });

  let speaking = false;
  let talkDone: (() => void) | undefined;
  let ended = false;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type?: string; token?: string; last?: boolean; handoffData?: string };
    if (message.type === 'text') {
      if (!speaking) write('Assistant: ');
      speaking = true;
      write(message.token ?? '');
      if (message.last) {
        write('\n');
        speaking = false;
        talkDone?.();
      }
    } else if (message.type === 'end') {
      ended = true;
      write(message.handoffData ? `(The assistant passed the call on. HandoffData: ${message.handoffData})\n` : '(The assistant ended the call.)\n');
      socket.close();
    }
  });
  const closed = once(socket, 'close');
  closed.then(() => talkDone?.(), () => talkDone?.());

  const lines = readline.createInterface({ input: options.input, terminal: false });
  for await (const line of lines) {
    if (ended || socket.readyState !== WebSocket.OPEN) break;
    const typed = typedLine(line);
    if (typed.kind === 'nothing') continue;
    const answered = new Promise<void>((resolve) => {
      talkDone = resolve;
    });
    if (typed.kind === 'keys') for (const digit of typed.digits) send({ type: 'dtmf', digit });
    else send({ type: 'prompt', voicePrompt: typed.text, lang: connection.parameters.locale ?? 'en-US', last: true });
    // The next line is what the caller says after hearing the answer.
    await answered;
  }
  lines.close();
  if (socket.readyState === WebSocket.OPEN) socket.close();
  await closed;
  if (!ended) write('(You hung up.)\n');
}
