import * as z from 'zod';
import type { CallStates } from '../../commerce/ports';
import { describeError } from '../../logging';
import { type CallBinding, bindingOf } from './call-binding';
import { CALL_STATE_TTL_MS } from './call-state';
import type { Connections } from './api-gateway-connections';
import { callDependenciesOf, type PhoneChannelOptions } from './phone-webhook';
import { handshakeAdmitted, lowerCaseHeaders } from './provider-signature';
import { createRelaySession, type RelaySocketState } from './relay-session';

/**
 * The relay's socket on API Gateway's WebSocket API: `$connect` carries the handshake (its
 * headers, and the query of the URL the TwiML named), `$default` one frame from the relay,
 * `$disconnect` the end. Each may reach any instance of the function, so what a socket holds
 * between frames (the call it was bound to, digits keyed so far) is kept with the call states,
 * and one socket's frames are handled one at a time (CallStates.exclusive). Messages go back
 * through the management API, one POST each, in order.
 */

/** The parts of an API Gateway WebSocket event the relay uses. */
export interface WebSocketEvent {
  readonly requestContext: {
    readonly eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
    readonly routeKey: string;
    readonly connectionId: string;
    readonly domainName: string;
    readonly stage: string;
  };
  readonly headers?: Readonly<Record<string, string | undefined>> | null;
  readonly queryStringParameters?: Readonly<Record<string, string | undefined>> | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
}

export interface WebSocketAnswer {
  readonly statusCode: number;
}

export function isWebSocketEvent(event: unknown): event is WebSocketEvent {
  const context = (event as { requestContext?: { eventType?: unknown; connectionId?: unknown } } | null)?.requestContext;
  return typeof context?.connectionId === 'string' && ['CONNECT', 'MESSAGE', 'DISCONNECT'].includes(String(context.eventType));
}

export interface RelayWebSocketOptions extends Omit<PhoneChannelOptions, 'bodyLimit'> {
  /** The management API of the API the event came through. */
  readonly connections: (event: WebSocketEvent) => Connections;
}

const SocketRecordSchema = z.object({
  v: z.literal(1),
  binding: z.object({ callSid: z.string().min(1).max(200), expires: z.number().int(), mac: z.string().max(100) }).optional(),
  admitted: z.boolean(),
  call: z.object({ callId: z.string().min(1).max(200).optional(), keyed: z.string().regex(/^\d{0,32}$/), ended: z.boolean() }),
});
type SocketRecord = z.infer<typeof SocketRecordSchema>;

/** Socket records sit beside the calls in the call states, under a key no call id has. */
const socketKey = (connectionId: string) => `relay-socket#${connectionId}`;

const OK: WebSocketAnswer = { statusCode: 200 };

export function createRelayWebSocketHandler(options: RelayWebSocketOptions): (event: WebSocketEvent) => Promise<WebSocketAnswer> {
  const { phone, logger, callStates } = options;
  const clock = options.clock ?? (() => new Date());

  /** The URL the TwiML named for this socket, as the provider requested (and Twilio signed) it. */
  function handshakeUrl(event: WebSocketEvent): string {
    const { domainName, stage } = event.requestContext;
    const url = new URL(phone.socketUrl ?? `wss://${domainName}/${stage}`);
    const query = event.queryStringParameters ?? {};
    // The query as call-binding.ts wrote it: API Gateway hands it over as an object, its order lost.
    const bound = ['call', 'expires', 'mac'].filter((name) => query[name] !== undefined);
    const rest = Object.keys(query).filter((name) => !bound.includes(name) && query[name] !== undefined);
    url.search = new URLSearchParams([...bound, ...rest].map((name): [string, string] => [name, query[name]!])).toString();
    return url.href;
  }

  async function loadRecord(states: CallStates, connectionId: string): Promise<SocketRecord | undefined> {
    const parsed = SocketRecordSchema.safeParse(await states.load(socketKey(connectionId), clock()));
    return parsed.success ? parsed.data : undefined;
  }

  function saveRecord(states: CallStates, connectionId: string, record: SocketRecord): Promise<void> {
    return states.save(socketKey(connectionId), record, new Date(clock().getTime() + CALL_STATE_TTL_MS));
  }

  async function connect(event: WebSocketEvent, states: CallStates): Promise<WebSocketAnswer> {
    const url = handshakeUrl(event);
    if (!handshakeAdmitted(phone, { headers: lowerCaseHeaders(event.headers), url }, clock())) return { statusCode: 403 };
    const binding: CallBinding | undefined = phone.verifySignature ? bindingOf(url) : undefined;
    if (phone.verifySignature && !binding) return { statusCode: 403 };
    await saveRecord(states, event.requestContext.connectionId, {
      v: 1,
      ...(binding ? { binding } : {}),
      admitted: binding === undefined,
      call: { keyed: '', ended: false },
    });
    return OK;
  }

  /** Runs one frame (or the end) of the socket against its saved state, and saves what it leaves. */
  async function onSocket(event: WebSocketEvent, states: CallStates, handle: (session: ReturnType<typeof createRelaySession>) => Promise<void>): Promise<void> {
    const { connectionId } = event.requestContext;
    await states.exclusive!(socketKey(connectionId), async () => {
      const record = await loadRecord(states, connectionId);
      if (!record) {
        logger.warn({}, 'a relay frame on a socket with no handshake on record was ignored');
        return;
      }
      const connections = options.connections(event);
      let outgoing: Promise<boolean> = Promise.resolve(true);
      let closing: { code: number; reason: string } | undefined;
      const session = createRelaySession(
        { call: callDependenciesOf(options, states), logger, bindingSecret: options.bindingSecret, ...(record.binding ? { binding: record.binding } : {}) },
        {
          send(message) {
            const data = JSON.stringify(message);
            // One after the other, so the relay speaks the tokens in order; none once the caller is gone.
            outgoing = outgoing.then((open) => (open ? connections.post(connectionId, data) : false));
          },
          close(code, reason) {
            closing = { code, reason };
          },
        },
        { admitted: record.admitted, call: record.call } satisfies RelaySocketState,
      );
      try {
        await handle(session);
      } finally {
        const state = session.state();
        await saveRecord(states, connectionId, { ...record, admitted: state.admitted, call: state.call });
        await outgoing.catch((error: unknown) => logger.warn({ error: describeError(error) }, 'a message to the relay could not be sent'));
        if (closing) await connections.close(connectionId);
      }
    });
  }

  return async (event) => {
    if (!callStates?.exclusive) {
      logger.error({}, 'the state store cannot keep phone calls across instances; every phone call is refused');
      return { statusCode: 503 };
    }
    try {
      switch (event.requestContext.eventType) {
        case 'CONNECT':
          return await connect(event, callStates);
        case 'MESSAGE':
          if (event.isBase64Encoded || typeof event.body !== 'string') {
            logger.warn({}, 'a relay message that is not part of the protocol was ignored');
            return OK;
          }
          await onSocket(event, callStates, (session) => session.receive(event.body!));
          return OK;
        case 'DISCONNECT':
          await onSocket(event, callStates, (session) => session.closed());
          return OK;
      }
    } catch (error) {
      logger.error({ error: describeError(error) }, 'phone socket event failed');
      return { statusCode: 500 };
    }
  };
}
