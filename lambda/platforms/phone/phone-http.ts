import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import { WebSocket, WebSocketServer } from 'ws';
import type { CallStates } from '../../commerce/ports';
import { describeError } from '../../logging';
import { type CallBinding, bindingOf } from './call-binding';
import { handshakeAdmitted, lowerCaseHeaders } from './provider-signature';
import { createRelaySession } from './relay-session';
import { requestedUrl } from './twilio-signature';
import { callDependenciesOf, mountPhoneWebhook, type PhoneChannelOptions, RELAY_PATH } from './phone-webhook';

export { RELAY_PATH, TEXML_PATH, TWIML_PATH, type PhoneChannelOptions } from './phone-webhook';

/** Relay messages are small JSON: a prompt is one utterance. */
const MAX_FRAME_BYTES = 64 * 1024;

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
  const { phone, logger, callStates } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const clock = options.clock ?? (() => new Date());

  function runCall(socket: WebSocket, states: CallStates, binding: CallBinding | undefined): void {
    const session = createRelaySession(
      { call: callDependenciesOf(options, states), logger, bindingSecret: options.bindingSecret, ...(binding ? { binding } : {}) },
      {
        send(message) {
          if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
        },
        close: (code, reason) => socket.close(code, reason),
      },
    );
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        logger.warn({}, 'a relay message that is not part of the protocol was ignored');
        return;
      }
      void session.receive(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    });
    socket.on('close', () => void session.closed());
    socket.on('error', (error) => logger.warn({ error: describeError(error) }, 'phone call socket failed'));
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://upgrade.invalid').pathname;
    if (path !== RELAY_PATH) return refuseUpgrade(socket, '404 Not Found');
    const handshake = { headers: lowerCaseHeaders(request.headers), url: requestedUrl(request, 'websocket', phone.publicUrl) };
    if (!handshakeAdmitted(phone, handshake, clock())) return refuseUpgrade(socket, '403 Forbidden');
    const binding = phone.verifySignature ? bindingOf(request.url ?? '/') : undefined;
    if (phone.verifySignature && !binding) return refuseUpgrade(socket, '403 Forbidden');
    if (!callStates) return refuseUpgrade(socket, '503 Service Unavailable');
    sockets.handleUpgrade(request, socket, head, (upgraded) => runCall(upgraded, callStates, binding));
  }

  return {
    mount(app) {
      mountPhoneWebhook(app, options);
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
