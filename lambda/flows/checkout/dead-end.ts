import type { FlowContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import type { Speech } from '../../speech/speech';
import { offerPerson } from '../assistance';
import type { Basket } from './checkout-state';

/** Checkout cannot go on: say why and offer a person, who learns where it stopped. */
export function deadEnd(context: FlowContext, basket: Basket, speech: Speech, note: string): Reply {
  return offerPerson(context, speech, { reason: 'flow-dead-end', topic: basket.topic, tried: [note] });
}
