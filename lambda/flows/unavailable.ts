import type { Flow } from '../core/flow';
import type { IntentName } from '../core/intents';
import { intentOf } from '../core/turn';
import type { MessageKey } from '../speech/i18n';
import { offerPerson } from './assistance';

/** Requests this store cannot serve by voice yet: say so plainly and offer a person instead. */
const UNAVAILABLE: Partial<Record<IntentName, { readonly message: MessageKey; readonly topic: string }>> = {
  ReturnItemIntent: { message: 'assistance.unavailableReturns', topic: 'return' },
  ReorderIntent: { message: 'assistance.unavailableReorders', topic: 'reorder' },
  FindProductIntent: { message: 'assistance.unavailableDiscovery', topic: 'product search' },
};

export const unavailableFlow: Flow = {
  name: 'unavailable',
  needsShopper: false,
  startsOn: Object.keys(UNAVAILABLE) as IntentName[],
  async start(context) {
    const intent = intentOf(context.turn);
    const entry = intent ? UNAVAILABLE[intent] : undefined;
    if (!entry) throw new Error(`unavailable flow started on ${intent ?? 'no intent'}`);
    return offerPerson(context, context.voice.say(entry.message), { reason: 'flow-dead-end', topic: entry.topic });
  },
};
