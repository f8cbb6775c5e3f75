import type { Order, Shipment } from './ports';

/**
 * Which orders `OrderQuery.openOrDeliveredSince` keeps, for a store that reads the whole range and
 * narrows it afterwards (the embedded store says the same in SQL). Kept: an order not cancelled with
 * a line in no package or a package not delivered, or one delivered at or after `deliveredSince`;
 * and, whatever their state, the newest order (so "no orders" stays true only when there are none)
 * and the order holding the latest delivery (so "your last order arrived on …" names the same one).
 */

const isOpen = (shipment: Shipment, deliveredSince: number) =>
  shipment.status !== 'Delivered' || (shipment.deliveredAt !== undefined && shipment.deliveredAt.getTime() >= deliveredSince);

function mattersForStatus(order: Order, deliveredSince: number): boolean {
  if (order.state === 'cancelled') return false;
  const shipped = new Set(order.shipments.flatMap((shipment) => shipment.lineIds));
  return order.lines.some((line) => !shipped.has(line.id)) || order.shipments.some((shipment) => isOpen(shipment, deliveredSince));
}

/** Newest first in, newest first out: the newest is the first, and ties of the latest delivery go to the newer order. */
export function ordersThatMatterForStatus(newestFirst: readonly Order[], deliveredSince: Date): Order[] {
  const since = deliveredSince.getTime();
  let deliveredLast: { readonly order: Order; readonly at: number } | undefined;
  for (const order of newestFirst) {
    for (const shipment of order.shipments) {
      const at = shipment.deliveredAt?.getTime();
      if (at !== undefined && (!deliveredLast || at > deliveredLast.at)) deliveredLast = { order, at };
    }
  }
  return newestFirst.filter((order, index) => index === 0 || order === deliveredLast?.order || mattersForStatus(order, since));
}
