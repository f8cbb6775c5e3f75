import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import express, { type Express, type RequestHandler } from 'express';
import { WebSocket, WebSocketServer } from 'ws';
import type { CallStates, Commerce } from '../../commerce/ports';
import type { Config } from '../../config';
import type { StoreProfile } from '../../core/flow';
import type { TextReader } from '../../core/own-reading';
import type { Router } from '../../core/router';
import { describeError, type Logger } from '../../logging';
import { supportedLocale } from '../../speech/i18n';
import { voiceFor } from '../../speech/voice';
import { bindCall, type CallBinding, bindingAdmits, bindingOf } from './call-binding';
import { createCallConnection } from './phone-call';
import { readRelayMessage } from './relay-messages';
import { speechHints } from './speech-hints';
import { conversationRelayTwiml } from './twiml';
import { requestedUrl, signedByTwilio, TWILIO_SIGNATURE_HEADER, type TwilioSignatureCheck } from './twilio-signature';

/** Where Twilio asks how to answer a call (the number's voice webhook). */
export const TWIML_PATH = '/phone/twiml';
/** Where the relay opens its WebSocket. */
export const RELAY_PATH = '/phone';
/** Relay messages are small JSON: a prompt is one utterance. */
const MAX_FRAME_BYTES = 64 * 1024;

export interface PhoneChannelOptions {
  readonly phone: Config['phone'];
  readonly store: Pick<StoreProfile, 'name' | 'timeZone'>;
  readonly router: Router;
  /** The store's shoppers and orders (who is calling) and catalog (speech hints). */
  readonly commerce: Pick<Commerce, 'shoppers' | 'orders' | 'catalog'>;
  /** Where calls keep their state; without it the phone line answers nothing. */
  readonly callStates?: CallStates;
  readonly readText: TextReader;
  readonly logger: Logger;
  readonly bodyLimit: string;
  readonly clock?: () => Date;
  /** The server's own key for binding a call's socket to the call the TwiML answered (call-binding.ts). */
  readonly bindingSecret: string;
}

/** The phone line: the TwiML webhook on the express app, and the relay's WebSocket on the HTTP server under it. */
export interface PhoneChannel {
  /** Mounts `POST /phone/twiml`. */
  mount(app: Express): void;
  /** Takes the WebSocket upgrades of `server`: `/phone` is the relay's, any other path is refused. */
  attach(server: Server): void;
  /** Closes every call's socket. */
  close(): void;
}

function refuseUpgrade(socket: Duplex, status: '403 Forbidden' | '404 Not Found' | '503 Service Unavailable'): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function createPhoneChannel(options: PhoneChannelOptions): PhoneChannel {
  const { phone, store, logger, callStates } = options;
  const signature: TwilioSignatureCheck = { authToken: phone.twilioAuthToken, verify: phone.verifySignature };
  const locale = supportedLocale(phone.locale);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const clock = options.clock ?? (() => new Date());

  /** The words of the catalog, as speech hints; a call is answered without them when the store cannot say. */
  async function hintsFor(callLocale: string): Promise<string[]> {
    try {
      return speechHints(await options.commerce.catalog.vocabulary(callLocale));
    } catch (error) {
      logger.warn({ error: describeError(error) }, 'catalog words unavailable; the call is answered without speech hints');
      return [];
    }
  }

  const answerCall: RequestHandler = async (request, response) => {
    const params = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, string>;
    if (!signedByTwilio(signature, request.get(TWILIO_SIGNATURE_HEADER), requestedUrl(request, 'http', phone.publicUrl), params)) {
      response.status(403).json({ error: 'request signature could not be verified' });
      return;
    }
    if (!callStates) {
      response.status(503).json({ error: 'this state store cannot keep phone calls' });
      return;
    }
    const socket = new URL(RELAY_PATH, requestedUrl(request, 'websocket', phone.publicUrl));
    const callSid = typeof params.CallSid === 'string' ? params.CallSid : '';
    if (phone.verifySignature && callSid === '') {
      response.status(400).json({ error: 'not a Twilio voice webhook: CallSid is missing' });
      return;
    }
    if (phone.verifySignature) socket.search = bindCall(options.bindingSecret, callSid, String(params.From ?? ''), clock()).toString();
    const socketUrl = socket.href;
    const twiml = conversationRelayTwiml({
      socketUrl,
      welcomeGreeting: voiceFor(locale, store.timeZone).line('phone.welcome', { store: store.name }),
      language: locale,
      hints: await hintsFor(locale),
      ...(phone.handoffUrl ? { handoffUrl: phone.handoffUrl } : {}),
    });
    response.type('text/xml').send(twiml);
  };

  function runCall(socket: WebSocket, states: CallStates, binding: CallBinding | undefined): void {
    // Without signature checks (local testing only) there is no binding to hold the setup to.
    let admitted = binding === undefined;
    const connection = createCallConnection(
      {
        router: options.router,
        ports: options.commerce,
        callStates: states,
        readText: options.readText,
        store,
        defaultLocale: locale,
        clock: options.clock,
        onError: (error) => logger.error({ error: describeError(error) }, 'phone call turn failed'),
        onRelayError: (description) => logger.warn({ description }, 'the relay reported an error'),
      },
      (message) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      },
    );
    socket.on('message', (data, isBinary) => {
      const message = isBinary ? undefined : readRelayMessage(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
      if (!message) {
        logger.warn({}, 'a relay message that is not part of the protocol was ignored');
        return;
      }
      if (!admitted) {
        if (message.type !== 'setup') return;
        if (!bindingAdmits(options.bindingSecret, binding!, message, clock())) {
          logger.warn({}, 'a relay socket named another call than the one it was opened for; closed');
          socket.close(1008, 'call not bound to this socket');
          return;
        }
        admitted = true;
      }
      void connection.receive(message);
    });
    socket.on('close', () => void connection.closed());
    socket.on('error', (error) => logger.warn({ error: describeError(error) }, 'phone call socket failed'));
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://upgrade.invalid').pathname;
    if (path !== RELAY_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!signedByTwilio(signature, request.headers[TWILIO_SIGNATURE_HEADER], requestedUrl(request, 'websocket', phone.publicUrl))) {
      return refuseUpgrade(socket, '403 Forbidden');
    }
    const binding = phone.verifySignature ? bindingOf(request.url ?? '/') : undefined;
    if (phone.verifySignature && !binding) return refuseUpgrade(socket, '403 Forbidden');
    if (!callStates) return refuseUpgrade(socket, '503 Service Unavailable');
    sockets.handleUpgrade(request, socket, head, (upgraded) => runCall(upgraded, callStates, binding));
  }

  return {
    mount(app) {
      app.post(TWIML_PATH, express.urlencoded({ extended: false, limit: options.bodyLimit }), answerCall);
    },
    attach(server) {
      server.on('upgrade', onUpgrade);
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
