import type { TurnEvent } from '../commerce/ports';
import type { Logger } from '../logging';
import type { TurnObserver, TurnRequest } from './turn-observer';

/**
 * One JSON log line per turn, for CloudWatch on Lambda (pino writes to stdout) and any log shipper
 * elsewhere. Only what describes the turn: no shopper hash, no utterance, no session id, no order
 * value. The message is always "turn", so `{ $.msg = "turn" }` selects these lines.
 */
export interface TurnLogFields {
  readonly requestId?: string;
  readonly platform: TurnEvent['platform'];
  readonly locale: string;
  readonly intent: string;
  readonly flow?: string;
  readonly step?: string;
  readonly outcome: TurnEvent['outcome'];
  readonly goal?: TurnEvent['goal'];
  readonly latencyMs: number;
}

export const TURN_LOG_MESSAGE = 'turn';

export function turnLogFields(event: TurnEvent, request: TurnRequest | undefined): TurnLogFields {
  return {
    ...(request ? { requestId: request.requestId } : {}),
    platform: event.platform,
    locale: event.locale,
    intent: event.intent,
    ...(event.flow ? { flow: event.flow } : {}),
    ...(event.step ? { step: event.step } : {}),
    outcome: event.outcome,
    ...(event.goal ? { goal: event.goal } : {}),
    latencyMs: event.latencyMs,
  };
}

/** Logs every turn at info level. */
export function turnLogger(logger: Pick<Logger, 'info'>): TurnObserver {
  return (event, request) => logger.info(turnLogFields(event, request), TURN_LOG_MESSAGE);
}
