import type { Logger } from '../../logging';
import { type CallBinding, bindingAdmits } from './call-binding';
import { type CallConnectionState, createCallConnection, type PhoneCallDependencies } from './phone-call';
import { type AppMessage, readRelayMessage } from './relay-messages';

/**
 * One relay socket, whatever carries it: the frames the relay sent, read against the protocol,
 * held to the call the socket was opened for, and handed to the call. The local server's `ws`
 * socket and an API Gateway WebSocket connection are two ways to deliver frames and send
 * messages back (RelayTransport); everything else happens here, the same for both.
 */

/** How messages go back to the relay. */
export interface RelayTransport {
  /** Sends one message; messages reach the relay in the order they were sent. */
  send(message: AppMessage): void;
  /** Closes the socket with a WebSocket close code (1008: policy violation). */
  close(code: number, reason: string): void;
}

/** What a socket holds between frames: whether its setup was admitted, and the call's own connection state. */
export interface RelaySocketState {
  readonly admitted: boolean;
  readonly call: CallConnectionState;
}

export interface RelaySessionOptions {
  readonly call: PhoneCallDependencies;
  readonly logger: Logger;
  readonly bindingSecret: string;
  /** The call the signed handshake named; without one (signature checks off, local testing only) any setup is taken. */
  readonly binding?: CallBinding;
}

export interface RelaySession {
  /** One text frame from the relay, as received; frames are handled one after the other, in order. */
  receive(frame: string): Promise<void>;
  /** The socket closed. */
  closed(): Promise<void>;
  /** What to keep for the next frame, when the transport does not keep this session alive between them. */
  state(): RelaySocketState;
}

export function createRelaySession(options: RelaySessionOptions, transport: RelayTransport, resumed?: RelaySocketState): RelaySession {
  const { logger, binding } = options;
  const clock = options.call.clock ?? (() => new Date());
  let admitted = resumed?.admitted ?? binding === undefined;
  let refused = false;
  const connection = createCallConnection(options.call, (message) => transport.send(message), resumed?.call);

  return {
    async receive(frame) {
      if (refused) return;
      const message = readRelayMessage(frame);
      if (!message) {
        logger.warn({}, 'a relay message that is not part of the protocol was ignored');
        return;
      }
      if (!admitted) {
        if (message.type !== 'setup') return;
        if (!bindingAdmits(options.bindingSecret, binding!, message, clock())) {
          refused = true;
          logger.warn({}, 'a relay socket named another call than the one it was opened for; closed');
          transport.close(1008, 'call not bound to this socket');
          return;
        }
        admitted = true;
      }
      await connection.receive(message);
    },
    closed: () => connection.closed(),
    state: () => ({ admitted: admitted && !refused, call: connection.state() }),
  };
}
