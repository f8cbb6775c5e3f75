import { AsyncLocalStorage } from 'node:async_hooks';
import type { TurnEvent, TurnEvents } from '../commerce/ports';
import type { Router } from '../core/router';

/**
 * Seeing every turn as the router recorded it. The router classifies each turn once (outcome,
 * flow and step, goal) and records it as a TurnEvent; observers subscribe to that record instead of
 * classifying turns a second way. What the event does not carry, the platform's request id, comes
 * from the turn being routed, through an async context set around the router.
 */

/** About the request a turn event belongs to; never anything about the shopper. */
export interface TurnRequest {
  readonly requestId: string;
}

/** Told about every recorded turn. Must be quick; whatever it throws is swallowed. */
export type TurnObserver = (event: TurnEvent, request: TurnRequest | undefined) => void;

const currentRequest = new AsyncLocalStorage<TurnRequest>();

/** The router, with each turn's request id available to observers of what it records. */
export function routerWithTurnRequest(router: Router): Router {
  return (turn) => currentRequest.run({ requestId: turn.requestId }, () => router(turn));
}

/**
 * The same sink, with every event also shown to `observers` before it is stored. Observers see the
 * event even when storing it fails: a turn happened either way.
 */
export function observedTurnEvents(sink: TurnEvents, observers: readonly TurnObserver[]): TurnEvents {
  return {
    record(event) {
      const request = currentRequest.getStore();
      for (const observe of observers) {
        try {
          observe(event, request);
        } catch {
          // An observer is never a reason to lose the event or delay the turn.
        }
      }
      return sink.record(event);
    },
    list: (query) => sink.list(query),
    purgeBefore: (before) => sink.purgeBefore(before),
    forgetShopper: (shopperHash) => sink.forgetShopper(shopperHash),
  };
}
