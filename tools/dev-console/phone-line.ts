import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Request } from 'express';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { WebSocket } from 'ws';
import { z } from 'zod';
import type { Shoppers } from '../../lambda/commerce/ports';
import type { Config } from '../../lambda/config';
import { readTwiml, typedLine } from '../call/relay-caller';

/**
 * The dev console's "Phone" platform: calls this server's own phone line the way Twilio's
 * ConversationRelay does (the signed TwiML webhook, the signed WebSocket handshake, `setup` with
 * the caller's number, a `prompt` for what is typed and `dtmf` for `#1234`), and hands the page
 * what the caller hears. A call stays open between the page's turns, like the real line.
 */

/** What the page sends for one thing the caller says or keys. */
export const CallTurnSchema = z.object({
  /** The call the page has open; null for a new one. */
  call: z.string().regex(/^[0-9a-f]{32}$/).nullish(),
  shopperId: z.string().min(1).max(100).nullish(),
  locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
  said: z.string().trim().min(1).max(500),
});

export const HangUpSchema = z.object({ call: z.string().regex(/^[0-9a-f]{32}$/) });

/** What the caller heard in answer to one input, and the relay messages that carried it. */
export interface CallExchange {
  readonly call: string;
  /** The relay's welcome greeting, on a call's first exchange. */
  readonly greeting?: string;
  /** Each talk the assistant sent (the progress line is one), as its tokens. */
  readonly talks: readonly (readonly string[])[];
  readonly sent: readonly object[];
  readonly received: readonly object[];
  /** The language the relay was switched to, if it was. */
  readonly language?: string;
  readonly ended: boolean;
  readonly handoffData?: string;
}

/** A call the page has not spoken on for this long is hung up. */
const IDLE_MS = 10 * 60_000;
/** Calls open at once; the console is one developer's tool. */
const MAX_CALLS = 20;
/** How long an answer may take: more than any turn budget. */
const ANSWER_TIMEOUT_MS = 15_000;
/** After a talk's last token, how long to wait for the next one (a reply after the progress line). */
const NEXT_TALK_MS = 150;

export class CallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface OpenCall {
  readonly socket: WebSocket;
  readonly inbox: object[];
  wake?: () => void;
  language: string;
  closed: boolean;
  idle: NodeJS.Timeout;
}

type RelayMessage = { readonly type?: string; readonly token?: string; readonly last?: boolean; readonly handoffData?: string; readonly transcriptionLanguage?: string };

/** Whether the console can call the line: Twilio's protocol, with a token to sign with (or signatures off). */
export function phoneLineAvailable(config: Config): boolean {
  return config.phone.provider === 'twilio' && (Boolean(config.phone.twilioAuthToken) || !config.phone.verifySignature) && !config.phone.socketUrl;
}

export function createPhoneLine(config: Config, shoppers: Shoppers) {
  const calls = new Map<string, OpenCall>();
  const authToken = config.phone.twilioAuthToken ?? '';
  const sign = (url: string, params: Record<string, string> = {}) => getExpectedTwilioSignature(authToken, url, params);

  function hangUp(id: string): void {
    const call = calls.get(id);
    if (!call) return;
    calls.delete(id);
    clearTimeout(call.idle);
    if (call.socket.readyState === WebSocket.OPEN || call.socket.readyState === WebSocket.CONNECTING) call.socket.close();
  }

  function keepAlive(id: string, call: OpenCall): void {
    clearTimeout(call.idle);
    call.idle = setTimeout(() => hangUp(id), IDLE_MS);
    call.idle.unref();
  }

  /** This server, reached on the address the page's request came in on. */
  function ownOrigin(request: Request): string {
    const address = (request.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    return `http://${address.includes(':') ? `[${address}]` : address}:${request.socket.localPort}`;
  }

  async function callerNumber(shopperId: string | null | undefined): Promise<string> {
    if (!shopperId) return 'anonymous';
    const shopper = await shoppers.findById(shopperId);
    if (!shopper) throw new CallError(400, `the store has no shopper "${shopperId}"`);
    return shopper.phone ?? 'anonymous';
  }

  async function dial(request: Request, shopperId: string | null | undefined, locale: string): Promise<{ id: string; call: OpenCall; greeting: string; sent: object[] }> {
    if (calls.size >= MAX_CALLS) throw new CallError(429, 'too many calls are open; hang one up (New session) first');
    const origin = ownOrigin(request);
    const from = await callerNumber(shopperId);
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    // Twilio signs the URL it was given, which is the public one when the server has one.
    const webhook = new URL('/phone/twiml', config.phone.publicUrl ?? origin).href;
    const params = { AccountSid: `AC${'0'.repeat(32)}`, CallSid: callSid, From: from, To: config.store.supportPhone, CallStatus: 'ringing', Direction: 'inbound' };
    const answered = await fetch(new URL('/phone/twiml', origin), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sign(webhook, params) },
      body: new URLSearchParams(params).toString(),
    });
    if (!answered.ok) throw new CallError(502, `the phone line answered the call with ${answered.status}`);
    const connection = readTwiml(await answered.text());
    const declared = new URL(connection.socketUrl);
    const local = new URL(`${declared.pathname}${declared.search}`, origin.replace(/^http/, 'ws'));
    const socket = new WebSocket(local, { headers: { 'X-Twilio-Signature': sign(connection.socketUrl) } });
    const refused = new Promise<never>((_resolve, reject) => {
      socket.once('unexpected-response', (_request, response) => reject(new CallError(502, `the phone line refused the relay's socket: ${response.statusCode}`)));
      socket.once('error', (error) => reject(new CallError(502, `the phone line's socket failed: ${error.message}`)));
    });
    await Promise.race([once(socket, 'open'), refused]);
    const id = randomBytes(16).toString('hex');
    const call: OpenCall = { socket, inbox: [], language: locale, closed: false, idle: setTimeout(() => undefined, 0) };
    socket.on('message', (data) => {
      call.inbox.push(JSON.parse(String(data)) as object);
      call.wake?.();
    });
    socket.on('close', () => {
      call.closed = true;
      calls.delete(id);
      clearTimeout(call.idle);
      call.wake?.();
    });
    socket.on('error', () => undefined);
    calls.set(id, call);
    keepAlive(id, call);
    // The line's language is the one the console chose, as a TwiML `<Parameter name="locale">` would say.
    const setup = { type: 'setup', sessionId: `VX${callSid.slice(2)}`, callSid, from, to: config.store.supportPhone, direction: 'inbound', customParameters: { ...connection.parameters, locale } };
    socket.send(JSON.stringify(setup));
    return { id, call, greeting: connection.greeting, sent: [setup] };
  }

  function nextMessage(call: OpenCall, withinMs: number): Promise<object | undefined> {
    const waiting = call.inbox.shift();
    if (waiting || call.closed) return Promise.resolve(waiting);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        call.wake = undefined;
        resolve(undefined);
      }, withinMs);
      call.wake = () => {
        clearTimeout(timer);
        call.wake = undefined;
        resolve(call.inbox.shift());
      };
    });
  }

  /** The talks that answer an input: up to a last token with no other talk right behind it, or the end of the call. */
  async function answer(call: OpenCall): Promise<Pick<CallExchange, 'talks' | 'received' | 'ended' | 'handoffData' | 'language'>> {
    const talks: string[][] = [];
    const received: object[] = [];
    let talk: string[] = [];
    let language: string | undefined;
    let handoffData: string | undefined;
    let ended = false;
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const spoken = talks.length > 0 && talk.length === 0;
      const message = (await nextMessage(call, spoken ? NEXT_TALK_MS : Math.max(0, deadline - Date.now()))) as RelayMessage | undefined;
      if (!message) {
        if (spoken || call.closed) break;
        throw new CallError(504, 'the phone line did not answer in time');
      }
      received.push(message);
      if (message.type === 'text') {
        talk.push(message.token ?? '');
        if (message.last) {
          talks.push(talk);
          talk = [];
        }
      } else if (message.type === 'language' && message.transcriptionLanguage) {
        language = message.transcriptionLanguage;
        call.language = language;
      } else if (message.type === 'end') {
        ended = true;
        handoffData = message.handoffData;
        break;
      }
    }
    if (talk.length > 0) talks.push(talk);
    return { talks, received, ended: ended || call.closed, ...(handoffData ? { handoffData } : {}), ...(language ? { language } : {}) };
  }

  return {
    /** Says or keys what was typed on the call (opening one first when there is none) and returns what the caller hears. */
    async turn(request: Request, input: z.output<typeof CallTurnSchema>): Promise<CallExchange> {
      const typed = typedLine(input.said);
      if (typed.kind === 'nothing') throw new CallError(400, 'say or key something');
      let opened: Awaited<ReturnType<typeof dial>> | undefined;
      let id = input.call ?? undefined;
      let call = id ? calls.get(id) : undefined;
      if (id && !call) throw new CallError(410, 'that call has ended; start a new session');
      if (!call) {
        opened = await dial(request, input.shopperId, input.locale);
        ({ id, call } = opened);
      }
      keepAlive(id!, call);
      const sent: object[] = [...(opened?.sent ?? [])];
      const messages = typed.kind === 'keys' ? [...typed.digits].map((digit) => ({ type: 'dtmf', digit })) : [{ type: 'prompt', voicePrompt: typed.text, lang: call.language, last: true }];
      for (const message of messages) {
        call.socket.send(JSON.stringify(message));
        sent.push(message);
      }
      const heard = await answer(call);
      if (heard.ended) hangUp(id!);
      return { call: id!, ...(opened ? { greeting: opened.greeting } : {}), sent, ...heard };
    },
    hangUp,
    /** Hangs up every call (the server is closing). */
    close(): void {
      for (const id of [...calls.keys()]) hangUp(id);
    },
  };
}

export type PhoneLine = ReturnType<typeof createPhoneLine>;
