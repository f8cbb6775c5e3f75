import type { services } from 'ask-sdk-model';
import type { OrderStatusChangeKind, QueuedOrderNotification } from '../../commerce/ports';

/** Alexa's proactive event schema for an order's progress. */
export const ORDER_STATUS_EVENT = 'AMAZON.OrderStatus.Updated';

/** The locales Amazon offers AMAZON.OrderStatus.Updated in (its schema catalog lists en-US only). */
export const ORDER_STATUS_LOCALES: readonly string[] = ['en-US'];

/** The schema's states. A delay has none of its own: the order is shipped, arriving on the new day. */
const STATUS: Record<OrderStatusChangeKind, 'ORDER_SHIPPED' | 'ORDER_OUT_FOR_DELIVERY' | 'ORDER_DELIVERED'> = {
  shipped: 'ORDER_SHIPPED',
  delayed: 'ORDER_SHIPPED',
  'out-for-delivery': 'ORDER_OUT_FOR_DELIVERY',
  delivered: 'ORDER_DELIVERED',
};

const MINUTE_MS = 60_000;
/** Alexa accepts an expiry from five minutes to 24 hours ahead. */
const LONGEST_EXPIRY_MS = 24 * 60 * MINUTE_MS;
const SHORTEST_EXPIRY_MS = 5 * MINUTE_MS;

/** referenceId allows letters, digits and "~", 1-100 characters: the change key, spelled that way. */
export function referenceIdOf(notification: QueuedOrderNotification): string {
  return Buffer.from(`${notification.changeKey}\u0000${notification.recipient}`, 'utf8').toString('hex').slice(0, 100);
}

/**
 * One shopper's notification that their order moved, to the account Alexa named as the
 * recipient (Unicast), with the store's name as the seller in the shopper's locale. Expires a day
 * after the change, or sooner if Alexa would not accept that; undefined when too little time is left.
 */
export function orderStatusEvent(notification: QueuedOrderNotification, sellerName: string, now: Date): services.proactiveEvents.CreateProactiveEventRequest | undefined {
  const { change } = notification;
  const expiry = Math.min(change.occurredAt.getTime() + LONGEST_EXPIRY_MS, now.getTime() + LONGEST_EXPIRY_MS);
  if (expiry < now.getTime() + SHORTEST_EXPIRY_MS) return undefined;
  const arrival = change.status === 'shipped' || change.status === 'delayed' ? change.expectedArrival : undefined;
  return {
    timestamp: now.toISOString(),
    referenceId: referenceIdOf(notification),
    expiryTime: new Date(expiry).toISOString(),
    event: {
      name: ORDER_STATUS_EVENT,
      payload: {
        state: {
          status: STATUS[change.status],
          enterTimeStamp: change.occurredAt.toISOString(),
          ...(arrival ? { deliveryDetails: { expectedArrival: arrival.toISOString() } } : {}),
        },
        order: { seller: { name: 'localizedattribute:sellerName' } },
      },
    },
    localizedAttributes: [{ locale: notification.locale, sellerName }],
    relevantAudience: { type: 'Unicast', payload: { user: notification.recipient } },
  };
}
