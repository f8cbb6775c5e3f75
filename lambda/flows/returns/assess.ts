import { evaluateReturn, type ReturnPolicy, type ReturnVerdict } from '../../commerce/return-policy';
import type { ShopperContext } from '../../core/flow';
import { type Candidate, deliveredAt } from './find-item';
import type { LineRef } from './state';

export interface Assessment {
  readonly policy: ReturnPolicy;
  readonly verdict: ReturnVerdict;
}

/** The store's policy applied to one line today, given the units of its order already in a return. */
function judge(context: Pick<ShopperContext, 'voice' | 'now'>, candidate: Candidate, policy: ReturnPolicy, returned: ReadonlyMap<string, number>): Assessment {
  const { voice, now } = context;
  const { order, line } = candidate;
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

/** The store's policy applied to one line today, with what the store knows about it right now. */
export async function assess(context: Pick<ShopperContext, 'commerce' | 'voice' | 'now'>, candidate: Candidate): Promise<Assessment> {
  const { commerce } = context;
  const [policy, returned] = await Promise.all([commerce.returns.policy(), commerce.returns.returnedUnits(candidate.order.number)]);
  return judge(context, candidate, policy, returned);
}

/**
 * A line read back from the shopper's own orders, fresh, and the policy applied to it today. The
 * order's number is known, so the order, its returns and the policy are asked for at once: one
 * round trip. Undefined when the line is not on an order of this shopper (whatever its returns).
 */
export async function loadAssessed(
  context: Pick<ShopperContext, 'commerce' | 'voice' | 'now' | 'shopper'>,
  ref: LineRef,
): Promise<(Assessment & { readonly candidate: Candidate }) | undefined> {
  const { commerce, shopper } = context;
  const [order, policy, returned] = await Promise.all([
    commerce.orders.findForShopper(shopper.id, ref.order),
    commerce.returns.policy(),
    commerce.returns.returnedUnits(ref.order),
  ]);
  const line = order?.lines.find((candidate) => candidate.id === ref.line);
  if (!order || !line) return undefined;
  const candidate = { order, line };
  return { candidate, ...judge(context, candidate, policy, returned) };
}
