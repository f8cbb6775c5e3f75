import type { Order, Shipment } from '../../commerce/ports';

/**
 * How much an order matters to a shopper asking "where is my order", most urgent first.
 * Lower rank is said first; `settled` orders are not "on the way" at all.
 */
export type OrderProgress =
  | 'out-for-delivery'
  | 'needs-attention'
  | 'ready-for-pickup'
  | 'on-the-way'
  | 'being-prepared'
  | 'just-delivered'
  | 'settled';

const RANK: Record<OrderProgress, number> = {
  'out-for-delivery': 0,
  'needs-attention': 1,
  'ready-for-pickup': 2,
  'on-the-way': 3,
  'being-prepared': 4,
  'just-delivered': 5,
  settled: 6,
};

/** A delivered order still counts as news for this many days. */
export const JUST_DELIVERED_DAYS = 2;

/** Days from today to a day (negative in the past), in the store's calendar. */
export type DaysFromToday = (instant: Date) => number;

export function isDelayed(shipment: Shipment, daysFromToday: DaysFromToday): boolean {
  const stillMoving = shipment.status === 'InTransit' || shipment.status === 'InfoReceived' || shipment.status === 'Pending';
  return stillMoving && shipment.expectedOn !== undefined && daysFromToday(shipment.expectedOn) < 0;
}

export function needsAttention(shipment: Shipment, daysFromToday: DaysFromToday): boolean {
  return (
    shipment.status === 'Exception' ||
    shipment.status === 'AttemptFail' ||
    shipment.status === 'Expired' ||
    isDelayed(shipment, daysFromToday)
  );
}

function shipmentProgress(shipment: Shipment, daysFromToday: DaysFromToday): OrderProgress {
  if (needsAttention(shipment, daysFromToday)) return 'needs-attention';
  switch (shipment.status) {
    case 'OutForDelivery':
      return 'out-for-delivery';
    case 'AvailableForPickup':
      return 'ready-for-pickup';
    case 'Delivered':
      return shipment.deliveredAt && daysFromToday(shipment.deliveredAt) >= -JUST_DELIVERED_DAYS
        ? 'just-delivered'
        : 'settled';
    default:
      return 'on-the-way';
  }
}

/**
 * How urgent a package of one order is for the shopper, lower first: a problem (what they may need
 * to act on), then out for delivery, ready for pickup, on the way, delivered.
 */
export function shipmentUrgency(shipment: Shipment, daysFromToday: DaysFromToday): number {
  return needsAttention(shipment, daysFromToday) ? -1 : RANK[shipmentProgress(shipment, daysFromToday)];
}

/** Line ids of an order that are in no shipment yet. */
export function unshippedLineIds(order: Order): string[] {
  const shipped = new Set(order.shipments.flatMap((shipment) => shipment.lineIds));
  return order.lines.filter((line) => !shipped.has(line.id)).map((line) => line.id);
}

export function progressOf(order: Order, daysFromToday: DaysFromToday): OrderProgress {
  if (order.state === 'cancelled') return 'settled';
  const candidates = order.shipments.map((shipment) => shipmentProgress(shipment, daysFromToday));
  if (unshippedLineIds(order).length > 0) candidates.push('being-prepared');
  return candidates.reduce<OrderProgress>((best, next) => (RANK[next] < RANK[best] ? next : best), 'settled');
}

export function hasProblem(order: Order, daysFromToday: DaysFromToday): boolean {
  return order.state !== 'cancelled' && order.shipments.some((shipment) => needsAttention(shipment, daysFromToday));
}

function soonestExpected(order: Order): number {
  const days = order.shipments.flatMap((shipment) => (shipment.expectedOn ? [shipment.expectedOn.getTime()] : []));
  return days.length > 0 ? Math.min(...days) : Number.POSITIVE_INFINITY;
}

/** Orders still on the way (or just delivered), most relevant first. */
export function ordersOnTheWay(orders: readonly Order[], daysFromToday: DaysFromToday): Order[] {
  return orders
    .map((order) => ({ order, rank: RANK[progressOf(order, daysFromToday)] }))
    .filter(({ rank }) => rank < RANK.settled)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        soonestExpected(a.order) - soonestExpected(b.order) ||
        b.order.placedAt.getTime() - a.order.placedAt.getTime(),
    )
    .map(({ order }) => order);
}

/** The most recently delivered order, for "nothing on the way; your last order arrived on …". */
export function lastDelivered(orders: readonly Order[]): { order: Order; deliveredAt: Date } | undefined {
  let latest: { order: Order; deliveredAt: Date } | undefined;
  for (const order of orders) {
    for (const shipment of order.shipments) {
      if (shipment.deliveredAt && (!latest || shipment.deliveredAt > latest.deliveredAt)) {
        latest = { order, deliveredAt: shipment.deliveredAt };
      }
    }
  }
  return latest;
}
