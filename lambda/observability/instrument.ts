import type { SkillState, StoreCommerce } from '../commerce/ports';
import type { Router } from '../core/router';
import type { Logger } from '../logging';
import type { Metrics } from './metrics';
import { observedStore } from './observed-store';
import { turnLogger } from './turn-log';
import { observedTurnEvents, routerWithTurnRequest, type TurnObserver } from './turn-observer';

export interface Observed {
  readonly store: StoreCommerce;
  readonly state: SkillState;
}

export interface InstrumentOptions {
  /** Where the per-turn line goes (`msg: "turn"`, see turn-log.ts). */
  readonly logger: Logger;
  /** Turn counters, store call timings and the handoff queue; the Lambda functions go without. */
  readonly metrics?: Metrics;
}

/**
 * The adapters as the application should get them: every recorded turn event also logged (and
 * counted), every store call timed when there are metrics. Nothing else about them changes.
 */
export function instrumentAdapters(adapters: Observed, options: InstrumentOptions): Observed {
  const { metrics } = options;
  const observers: TurnObserver[] = [turnLogger(options.logger)];
  if (metrics) {
    observers.push(metrics.turnObserver);
    metrics.watchHandoffQueue(adapters.state.handoffOutbox);
  }
  return {
    store: metrics ? observedStore(adapters.store, metrics.storeCall) : adapters.store,
    state: { ...adapters.state, turnEvents: observedTurnEvents(adapters.state.turnEvents, observers) },
  };
}

/** The router as the platforms should call it: each turn's request id reaches the observers. */
export const instrumentRouter = (router: Router): Router => routerWithTurnRequest(router);
