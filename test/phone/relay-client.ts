import { once } from 'node:events';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { WebSocket } from 'ws';
import { readTwiml } from '../../tools/call/relay-caller';

/** A message the application sent back over the relay's socket. */
export type SentMessage =
  | { readonly type: 'text'; readonly token: string; readonly last: boolean }
  | { readonly type: 'end'; readonly handoffData?: string }
  | { readonly type: string; readonly [field: string]: unknown };

/** One talk cycle of the assistant: its tokens, as the caller hears them, up to the one marked last. */
export interface Talk {
  readonly tokens: readonly string[];
  readonly text: string;
}

/** The socket URL of a server's relay endpoint, as the TwiML names it. */
export function relayUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/phone`;
}

/** Twilio's voice webhook parameters for an incoming call (a subset; every one is signed). */
export function incomingCall(callSid: string, from: string): Record<string, string> {
  return { AccountSid: `AC${'0'.repeat(32)}`, CallSid: callSid, From: from, To: '+18005550199', CallStatus: 'ringing', Direction: 'inbound' };
}

/** The socket URL the server's TwiML names for this call, asked for with a signed webhook as Twilio asks. */
export async function relaySocketFor(baseUrl: string, authToken: string, call: { readonly callSid: string; readonly from: string }): Promise<string> {
  return (await relayConnectionFor(baseUrl, authToken, call)).socketUrl;
}

/** What the server's TwiML tells the relay for this call: the socket and the `<Parameter>`s the setup carries back. */
export async function relayConnectionFor(baseUrl: string, authToken: string, call: { readonly callSid: string; readonly from: string }): Promise<ReturnType<typeof readTwiml>> {
  const webhook = `${baseUrl}/phone/twiml`;
  const params = incomingCall(call.callSid, call.from);
  const response = await fetch(webhook, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(authToken, webhook, params) },
    body: new URLSearchParams(params).toString(),
  });
  if (!response.ok) throw new Error(`the TwiML webhook answered ${response.status}`);
  return readTwiml(await response.text());
}

/** What Twilio sends as X-Twilio-Signature for this URL and these parameters. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string> = {}): string {
  return getExpectedTwilioSignature(authToken, url, params);
}

/**
 * A caller on the line, as ConversationRelay would carry them: a signed handshake, the setup
 * message with the caller's number, then prompts for what they say and dtmf for what they key.
 */
export class RelayCall {
  private readonly received: SentMessage[] = [];
  /** The `language` messages the application sent, in order: the relay speaks and listens in the last one's languages. */
  readonly languageMessages: { readonly ttsLanguage: string; readonly transcriptionLanguage: string }[] = [];
  private waiting: (() => void) | undefined;
  private closed = false;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as SentMessage);
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
  }

  /** Opens the socket with `headers` as the handshake's (a valid signature, or none, or a forged one). */
  static async open(url: string, headers: Record<string, string>): Promise<RelayCall> {
    const socket = new WebSocket(url, { headers });
    const call = new RelayCall(socket);
    await once(socket, 'open');
    return call;
  }

  /**
   * Calls as Twilio does: asks the number's webhook (signed with `authToken`) for its TwiML, opens
   * the socket it names (handshake signed), and sends the setup of call `callSid` from `from`.
   */
  static async dial(baseUrl: string, authToken: string, setup: { readonly callSid: string; readonly from: string }): Promise<RelayCall> {
    const { socketUrl: url, parameters } = await relayConnectionFor(baseUrl, authToken, setup);
    const call = await RelayCall.open(url, { 'X-Twilio-Signature': twilioSignature(authToken, url) });
    call.send({
      type: 'setup',
      sessionId: `VX${setup.callSid.slice(2)}`,
      accountSid: 'AC00000000000000000000000000000000',
      callSid: setup.callSid,
      from: setup.from,
      to: '+18005550199',
      direction: 'inbound',
      callType: 'PSTN',
      callStatus: 'RINGING',
      customParameters: parameters,
    });
    return call;
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Says `words` (heard by the relay as `lang`) and waits for the assistant's answer. */
  say(words: string, lang = 'en-US'): Promise<Talk> {
    this.send({ type: 'prompt', voicePrompt: words, lang, last: true });
    return this.talk();
  }

  /** Speaks over the assistant, who had said `heard` when the voice stopped. */
  interrupt(heard: string, durationMs = 1_200): void {
    this.send({ type: 'interrupt', utteranceUntilInterrupt: heard, durationUntilInterruptMs: durationMs });
  }

  /** Keys `digits` followed by #, and waits for the answer. */
  key(digits: string): Promise<Talk> {
    for (const digit of `${digits}#`) this.send({ type: 'dtmf', digit });
    return this.talk();
  }

  private async next(): Promise<SentMessage> {
    while (this.received.length === 0) {
      if (this.closed) throw new Error('the socket closed while a message was awaited');
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
      this.waiting = undefined;
    }
    return this.received.shift()!;
  }

  /** The next talk cycle: text tokens up to the one with `last: true`. */
  async talk(): Promise<Talk> {
    const tokens: string[] = [];
    for (;;) {
      const message = await this.next();
      if (message.type === 'language') {
        this.languageMessages.push(message as unknown as (typeof this.languageMessages)[number]);
        continue;
      }
      if (message.type !== 'text') throw new Error(`expected a text token, got ${JSON.stringify(message)}`);
      tokens.push(String(message.token));
      if (message.last === true) return { tokens, text: tokens.join('') };
    }
  }

  /** The `end` message that closes the relay. */
  async ended(): Promise<{ readonly handoffData?: string }> {
    const message = await this.next();
    if (message.type !== 'end') throw new Error(`expected end, got ${JSON.stringify(message)}`);
    return message as { handoffData?: string };
  }

  /** Waits until the server closes the socket; its close code. */
  async closedByServer(): Promise<number> {
    const [code] = (await once(this.socket, 'close')) as [number];
    return code;
  }

  /** Hangs up (the relay closes the socket) and waits until it is closed. */
  async hangUp(): Promise<void> {
    if (this.closed) return;
    this.socket.close();
    await once(this.socket, 'close');
  }
}
