import type { Order, OrderLine, Shipment, TrackingStatus } from '../../commerce/ports';
import { type Speech, pause } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import { type DaysFromToday, isDelayed, shipmentUrgency, unshippedLineIds } from './relevance';

const PAUSE_BETWEEN_ORDERS_MS = 400;
/**
 * How many packages of a split order are described when the shopper asks about that order; the
 * rest are counted. In a list only the most urgent one is told, so the answer stays short and
 * "when will it arrive?" tells the rest.
 */
const PACKAGES_DESCRIBED = 3;

/**
 * How an order is named: by its number where the shopper asked by number, otherwise by what is in
 * it ("the order with your skillet"), which tells orders apart without reading digits each time.
 */
export type OrderNaming = 'by-number' | 'by-items';
/** How much of a split order is told: every package (up to three), or the most urgent one. */
export type OrderDetail = 'full' | 'summary';

export function orderLabel(voice: Voice, order: Order, naming: OrderNaming = 'by-number'): Speech {
  return naming === 'by-number' ? voice.say('orderStatus.orderLabel', { number: voice.digits(order.number) }) : voice.say('orderStatus.theOrder');
}

/** "your running shoes", "your running shoes and coffee", "your running shoes and 2 more items". */
export function itemsPhrase(voice: Voice, lines: readonly OrderLine[]): Speech {
  const [first, second] = lines;
  if (!first) return [];
  if (lines.length === 1) return voice.say('orderStatus.itemsOne', { item: voice.name(first) });
  if (lines.length === 2 && second) {
    return voice.say('orderStatus.itemsTwo', { first: voice.name(first), second: voice.name(second) });
  }
  return voice.say('orderStatus.itemsMany', { first: voice.name(first), count: lines.length - 1 });
}

function latestEvent(shipment: Shipment, status: TrackingStatus) {
  return shipment.events.find((event) => event.status === status);
}

/** Where a package is, in natural words, without a final period. */
export function shipmentStatus(voice: Voice, shipment: Shipment, now: Date, daysFromToday: DaysFromToday): Speech {
  const carrier = shipment.carrier;
  switch (shipment.status) {
    case 'Pending':
      return voice.say('orderStatus.status.pending', { carrier });
    case 'InfoReceived':
    case 'InTransit':
      if (shipment.expectedOn && isDelayed(shipment, daysFromToday)) {
        return voice.say('orderStatus.status.delayed', { carrier, day: voice.day(shipment.expectedOn, now) });
      }
      if (shipment.status === 'InfoReceived') return voice.say('orderStatus.status.infoReceived', { carrier });
      return shipment.expectedOn
        ? voice.say('orderStatus.status.inTransit', { carrier, day: voice.day(shipment.expectedOn, now) })
        : voice.say('orderStatus.status.inTransitNoDate', { carrier });
    case 'OutForDelivery':
      return voice.say('orderStatus.status.outForDelivery', { carrier });
    case 'AttemptFail': {
      const attempt = latestEvent(shipment, 'AttemptFail');
      return voice.say('orderStatus.status.attemptFail', { carrier, day: voice.day(attempt?.at ?? now, now) });
    }
    case 'AvailableForPickup': {
      const location = latestEvent(shipment, 'AvailableForPickup')?.location;
      return location
        ? voice.say('orderStatus.status.availableForPickup', { location })
        : voice.say('orderStatus.status.availableForPickupNoPlace', { carrier });
    }
    case 'Delivered':
      return voice.say('orderStatus.status.delivered', { day: voice.day(shipment.deliveredAt ?? now, now) });
    case 'Exception': {
      const reason = (latestEvent(shipment, 'Exception')?.description ?? shipment.events[0]?.description ?? '').replace(/[.!]+$/, '').trim();
      // Some stores' tracking carries no carrier's words (Shopify's events have none): the problem is still told.
      return reason === ''
        ? voice.say('orderStatus.status.exceptionNoReason', { carrier })
        : voice.say('orderStatus.status.exception', { carrier, reason });
    }
    case 'Expired':
      return voice.say('orderStatus.status.expired', { carrier });
  }
}

/** One order in one or two sentences: what is in it, and where each package is. */
export function describeOrder(
  voice: Voice,
  order: Order,
  now: Date,
  daysFromToday: DaysFromToday,
  naming: OrderNaming = 'by-number',
  detail: OrderDetail = 'full',
): Speech {
  const label = orderLabel(voice, order, naming);
  const linesById = new Map(order.lines.map((line) => [line.id, line]));
  const linesOf = (ids: readonly string[]) => ids.flatMap((id) => linesById.get(id) ?? []);
  if (order.state === 'cancelled') {
    return voice.say('orderStatus.cancelled', { order: label, items: itemsPhrase(voice, order.lines) });
  }
  const unshipped = unshippedLineIds(order);
  const [onlyShipment] = order.shipments;
  if (!onlyShipment) {
    return voice.say('orderStatus.processing', { order: label, items: itemsPhrase(voice, order.lines) });
  }
  if (order.shipments.length === 1 && unshipped.length === 0) {
    return voice.say('orderStatus.onePackage', {
      order: label,
      items: itemsPhrase(voice, order.lines),
      status: shipmentStatus(voice, onlyShipment, now, daysFromToday),
    });
  }
  const byUrgency = [...order.shipments].sort((a, b) => shipmentUrgency(a, daysFromToday) - shipmentUrgency(b, daysFromToday));
  const [urgent] = byUrgency;
  if (detail === 'summary' && urgent) {
    // In a list, the one fact that matters: where the most urgent package is. "A package" says there
    // are more; "when will it arrive?" tells every one.
    return voice.say('orderStatus.splitSummary', {
      items: itemsPhrase(voice, linesOf(urgent.lineIds)),
      status: shipmentStatus(voice, urgent, now, daysFromToday),
    });
  }
  const packages = byUrgency.map((shipment) =>
    voice.say('orderStatus.packageItems', {
      items: itemsPhrase(voice, linesOf(shipment.lineIds)),
      status: shipmentStatus(voice, shipment, now, daysFromToday),
    }),
  );
  if (unshipped.length > 0) {
    packages.push(voice.say('orderStatus.notShippedYet', { items: itemsPhrase(voice, linesOf(unshipped)) }));
  }
  const described =
    packages.length > PACKAGES_DESCRIBED
      ? [...packages.slice(0, PACKAGES_DESCRIBED), voice.say('orderStatus.morePackages', { count: packages.length - PACKAGES_DESCRIBED })]
      : packages;
  return voice.say('orderStatus.packages', { order: label, count: packages.length, packages: voice.list(described) });
}

/** Several orders, one after the other, with a short pause between them, each named by what is in it. */
export function describeOrders(voice: Voice, orders: readonly Order[], now: Date, daysFromToday: DaysFromToday): Speech {
  return orders.flatMap((order, index) => [
    ...(index > 0 ? [pause(PAUSE_BETWEEN_ORDERS_MS)] : []),
    ...describeOrder(voice, order, now, daysFromToday, 'by-items', 'summary'),
  ]);
}
