import { evaluateReturn, type ReturnPolicy, type ReturnVerdict } from '../../commerce/return-policy';
import type { ShopperContext } from '../../core/flow';
import { type Candidate, deliveredAt } from './find-item';

export interface Assessment {
  readonly policy: ReturnPolicy;
  readonly verdict: ReturnVerdict;
}

/** The store's policy applied to one line today, with what the store knows about it right now. */
export async function assess(context: Pick<ShopperContext, 'commerce' | 'voice' | 'now'>, candidate: Candidate): Promise<Assessment> {
  const { commerce, voice, now } = context;
  const { order, line } = candidate;
  const [policy, returned] = await Promise.all([commerce.returns.policy(), commerce.returns.returnedUnits(order.number)]);
  const delivered = deliveredAt(order, line);
  const verdict = evaluateReturn(
    policy,
    {
      category: line.category,
      finalSale: line.finalSale === true,
      orderCancelled: order.state === 'cancelled',
      quantity: line.quantity,
      returnedQuantity: returned.get(line.id) ?? 0,
      ...(delivered ? { deliveredOn: voice.calendarDay(delivered) } : {}),
    },
    voice.calendarDay(now),
  );
  return { policy, verdict };
}
