import type { StoreCommerce } from '../../lambda/commerce/ports';
import { DEFAULT_DEMO_TIME_ZONE } from '../../lambda/commerce/sqlite/embedded-store';
import { ordersOnTheWay } from '../../lambda/flows/order-status/relevance';
import { Voice } from '../../lambda/speech/voice';

/**
 * What "where is my order" leads with for this shopper on `now`: the spoken name of the first item
 * of the most urgent order on the way, computed with the flow's own ranking.
 */
export async function mostUrgentItemName(store: StoreCommerce, shopperId: string, now: Date): Promise<string> {
  const voice = new Voice('en-US', DEFAULT_DEMO_TIME_ZONE);
  const orders = await store.orders.listForShopper(shopperId, { limit: 100 });
  const [first] = ordersOnTheWay(orders, (instant) => voice.daysBetween(now, instant));
  const item = first?.lines[0]?.spokenName;
  if (!item) throw new Error(`${shopperId} has no order on the way`);
  return item;
}
