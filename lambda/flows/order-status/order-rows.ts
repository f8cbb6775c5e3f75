import type { Order, Shipment } from '../../commerce/ports';
import type { OrdersDisplay, OrderRow } from '../../core/display';
import type { Voice } from '../../speech/voice';
import { type DaysFromToday, isDelayed, shipmentUrgency } from './relevance';

/** A screen lists at most this many orders; the voice offers the rest one by one. */
const ROWS_SHOWN = 5;

/** Where one package is, in a few words for a list row. */
function packageState(voice: Voice, shipment: Shipment, daysFromToday: DaysFromToday): string {
  if (shipment.expectedOn && isDelayed(shipment, daysFromToday)) return voice.line('screen.orderState.late', { day: voice.shortDay(shipment.expectedOn) });
  switch (shipment.status) {
    case 'Pending':
      return voice.line('screen.orderState.pending', { carrier: shipment.carrier });
    case 'InfoReceived':
      return voice.line('screen.orderState.labelCreated');
    case 'InTransit':
      return shipment.expectedOn ? voice.line('screen.orderState.arrives', { day: voice.shortDay(shipment.expectedOn) }) : voice.line('screen.orderState.onTheWay');
    case 'OutForDelivery':
      return voice.line('screen.orderState.outForDelivery');
    case 'AttemptFail':
      return voice.line('screen.orderState.attemptFail');
    case 'AvailableForPickup':
      return voice.line('screen.orderState.pickup');
    case 'Delivered':
      return shipment.deliveredAt ? voice.line('screen.orderState.delivered', { day: voice.shortDay(shipment.deliveredAt) }) : voice.line('screen.orderState.delivered', { day: '' }).trim();
    case 'Exception':
      return voice.line('screen.orderState.problem');
    case 'Expired':
      return voice.line('screen.orderState.stale');
  }
}

/** An order's state: cancelled, not shipped at all, or where its most urgent package is. */
function orderState(voice: Voice, order: Order, daysFromToday: DaysFromToday): string {
  if (order.state === 'cancelled') return voice.line('screen.orderState.cancelled');
  const [urgent] = [...order.shipments].sort((a, b) => shipmentUrgency(a, daysFromToday) - shipmentUrgency(b, daysFromToday));
  if (!urgent) return voice.line('screen.orderState.processing');
  return packageState(voice, urgent, daysFromToday);
}

function itemsOf(voice: Voice, order: Order): string {
  const [first, ...rest] = order.lines;
  if (!first) return '';
  return rest.length === 0 ? first.spokenName : voice.line('screen.itemsMore', { first: first.spokenName, count: rest.length });
}

export function orderRow(voice: Voice, order: Order, daysFromToday: DaysFromToday): OrderRow {
  return {
    orderNumber: order.number,
    label: voice.line('screen.orderLabel', { number: order.number }),
    items: itemsOf(voice, order),
    state: orderState(voice, order, daysFromToday),
  };
}

/** The orders an answer is about, as a compact list for a screen, most relevant first. */
export function ordersDisplay(voice: Voice, orders: readonly Order[], daysFromToday: DaysFromToday): OrdersDisplay {
  return { kind: 'orders', title: voice.line('orderStatus.cardTitle'), hint: voice.line('screen.touchHint'), orders: orders.slice(0, ROWS_SHOWN).map((order) => orderRow(voice, order, daysFromToday)) };
}
