import type { FlowContext, FlowName } from '../core/flow';
import type { Reply } from '../core/reply';
import { listen } from '../core/replies';

/** Flows that read the linked account's orders aloud: what an unrecognised speaker on a shared account does not hear. */
export const ORDER_DETAIL_FLOWS: ReadonlySet<FlowName> = new Set<FlowName>(['order-status', 'returns', 'reorder']);

/**
 * Says, politely, why the orders are not read out and what the speaker can still do; any step in
 * progress is dropped, so the next words start afresh.
 */
export function orderDetailsWithheld(context: FlowContext): Reply {
  const { turn, voice, store } = context;
  return listen(turn, voice.say('household.orderDetailsWithheld', { store: store.name }), voice.say('household.whatElseReprompt'));
}
