import type { ShopperContext } from '../../core/flow';
import type { PastPurchase } from './usual';

/** How far back a reorder looks. */
const HISTORY_DAYS = 365;
const HISTORY_LIMIT = 100;
const DAY_MS = 86_400_000;

/** Every line of the shopper's orders from the last year, cancelled orders left out. */
export async function pastPurchases(context: Pick<ShopperContext, 'commerce' | 'now'> & { readonly shopper: { readonly id: string } }): Promise<PastPurchase[]> {
  const { commerce, shopper, now } = context;
  const orders = await commerce.orders.listForShopper(shopper.id, {
    placedSince: new Date(now.getTime() - HISTORY_DAYS * DAY_MS),
    limit: HISTORY_LIMIT,
  });
  return orders
    .filter((order) => order.state !== 'cancelled')
    .flatMap((order) => order.lines.map((line) => ({ orderNumber: order.number, orderedAt: order.placedAt, line })));
}
