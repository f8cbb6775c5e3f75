import type { Order, OrderLine, OrderQuery, OrderState, Orders, Shipment, TrackingEvent } from '../ports';
import type { SqliteDatabase } from './open-database';
import { prepareRows } from './row-statement';
import {
  spokenNamesOf,
  toCurrency,
  toDate,
  toOptionalDate,
  toOrderLine,
  toStringList,
  toTrackingEvent,
  toTrackingStatus,
  type OrderLineRow,
  type OrderRow,
  type ShipmentRow,
  type TrackingEventRow,
} from './rows';

/** SQLite reads LIMIT -1 as "no limit". */
const NO_LIMIT = -1;
const NO_LOWER_BOUND = Number.MIN_SAFE_INTEGER;

/**
 * An order's state follows from its data: cancelled wins; otherwise nothing shipped is processing,
 * every line in some package is fulfilled, anything in between is partially fulfilled.
 */
export function orderStateOf(
  cancelled: boolean,
  lines: readonly OrderLine[],
  shipments: readonly Shipment[],
): OrderState {
  if (cancelled) return 'cancelled';
  if (shipments.length === 0) return 'processing';
  const shipped = new Set(shipments.flatMap((shipment) => shipment.lineIds));
  return lines.every((line) => shipped.has(line.id)) ? 'fulfilled' : 'partially-fulfilled';
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = key(row);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

/**
 * ordersThatMatterForStatus (order-status-query.ts) said of rows, before any line or tracking event
 * is read: newest first in and out, each order's packages in the order they are assembled in.
 */
function rowsThatMatterForStatus<Row extends OrderRow & { readonly line_count: number }>(
  newestFirst: readonly Row[],
  shipmentsByOrder: ReadonlyMap<string, readonly ShipmentRow[]>,
  deliveredSince: number,
): Row[] {
  let deliveredLast: { readonly number: string; readonly at: number } | undefined;
  for (const row of newestFirst) {
    for (const shipment of shipmentsByOrder.get(row.number) ?? []) {
      const at = shipment.delivered_at;
      if (at !== null && (!deliveredLast || at > deliveredLast.at)) deliveredLast = { number: row.number, at };
    }
  }
  const matters = (row: Row) => {
    if (row.cancelled_at !== null) return false;
    const shipments = shipmentsByOrder.get(row.number) ?? [];
    const open = shipments.some((shipment) => toTrackingStatus(shipment.status) !== 'Delivered' || (shipment.delivered_at !== null && shipment.delivered_at >= deliveredSince));
    return open || new Set(shipments.flatMap((shipment) => toStringList(shipment.line_ids))).size < row.line_count;
  };
  return newestFirst.filter((row, index) => index === 0 || row.number === deliveredLast?.number || matters(row));
}

export function createSqliteOrders(db: SqliteDatabase): Orders {
  const orderColumns = 'number, shopper_id, placed_at, cancelled_at, currency, total_minor';
  const pageForShopper = prepareRows<[string, number, number], OrderRow>(
    db,
    `SELECT ${orderColumns} FROM orders
      WHERE shopper_id = ? AND placed_at >= ?
      ORDER BY placed_at DESC, number DESC
      LIMIT ?`,
  );
  // The range with each order's line count: which orders matter for a status answer follows from
  // these and the orders' packages (order-status-query.ts), so the lines and tracking events of the others are never read.
  const rangeWithLineCounts = prepareRows<[string, number], OrderRow & { readonly line_count: number }>(
    db,
    `SELECT ${orderColumns}, (SELECT count(*) FROM order_lines l WHERE l.order_number = o.number) AS line_count
       FROM orders o
      WHERE shopper_id = ? AND placed_at >= ?
      ORDER BY placed_at DESC, number DESC`,
  );
  const oneForShopper = prepareRows<[string, string], OrderRow>(
    db,
    `SELECT ${orderColumns} FROM orders WHERE shopper_id = ? AND number = ?`,
  );
  // The order numbers of a page travel as one JSON array, so each statement is prepared once
  // whatever the page size, and a page costs the same few queries however many orders it holds.
  const linesOf = prepareRows<[string], OrderLineRow>(
    db,
    `SELECT l.id, l.order_number, l.product_id, l.sku, l.name, p.spoken_name, ${spokenNamesOf('p.id')}, l.category, l.quantity,
            l.unit_price_minor, l.currency, l.final_sale, l.variant
       FROM order_lines l JOIN products p ON p.id = l.product_id
      WHERE l.order_number IN (SELECT value FROM json_each(?))
      ORDER BY l.order_number, l.position`,
  );
  const shipmentsOf = prepareRows<[string], ShipmentRow>(
    db,
    `SELECT s.id, s.order_number, s.carrier, s.tracking_number, s.status,
            s.shipped_at, s.expected_on, s.delivered_at,
            (SELECT json_group_array(sl.line_id ORDER BY l.position)
               FROM shipment_lines sl JOIN order_lines l ON l.id = sl.line_id
              WHERE sl.shipment_id = s.id) AS line_ids
       FROM shipments s
      WHERE s.order_number IN (SELECT value FROM json_each(?))
      ORDER BY s.order_number, s.shipped_at, s.id`,
  );
  const eventsOf = prepareRows<[string], TrackingEventRow>(
    db,
    `SELECT e.shipment_id, e.at, e.status, e.description, e.location
       FROM tracking_events e JOIN shipments s ON s.id = e.shipment_id
      WHERE s.order_number IN (SELECT value FROM json_each(?))
      ORDER BY e.shipment_id, e.at DESC, e.id DESC`,
  );

  const numbersOf = (orderRows: readonly OrderRow[]) => JSON.stringify(orderRows.map((row) => row.number));

  /** The orders of these rows; `shipmentRows`, when given, are already read: all of these orders' packages. */
  function assemble(orderRows: readonly OrderRow[], shipmentRows?: readonly ShipmentRow[]): Order[] {
    if (orderRows.length === 0) return [];
    const numbers = numbersOf(orderRows);
    const linesByOrder = groupBy(linesOf.all(numbers), (row) => row.order_number);
    const shipmentsByOrder = groupBy(shipmentRows ?? shipmentsOf.all(numbers), (row) => row.order_number);
    const eventsByShipment = groupBy(eventsOf.all(numbers), (row) => row.shipment_id);

    return orderRows.map((row): Order => {
      const lines = (linesByOrder.get(row.number) ?? []).map(toOrderLine);
      const shipments = (shipmentsByOrder.get(row.number) ?? []).map((shipment): Shipment => {
        const events: TrackingEvent[] = (eventsByShipment.get(shipment.id) ?? []).map(toTrackingEvent);
        const shippedAt = toOptionalDate(shipment.shipped_at);
        const expectedOn = toOptionalDate(shipment.expected_on);
        const deliveredAt = toOptionalDate(shipment.delivered_at);
        return {
          id: shipment.id,
          carrier: shipment.carrier,
          trackingNumber: shipment.tracking_number,
          status: toTrackingStatus(shipment.status),
          ...(shippedAt ? { shippedAt } : {}),
          ...(expectedOn ? { expectedOn } : {}),
          ...(deliveredAt ? { deliveredAt } : {}),
          lineIds: toStringList(shipment.line_ids),
          events,
        };
      });
      return {
        number: row.number,
        shopperId: row.shopper_id,
        placedAt: toDate(row.placed_at),
        state: orderStateOf(row.cancelled_at !== null, lines, shipments),
        total: { minor: row.total_minor, currency: toCurrency(row.currency) },
        lines,
        shipments,
      };
    });
  }

  /** The orders that matter for a status answer (order-status-query.ts), newest first, at most `limit`. */
  function forStatus(shopperId: string, since: number, limit: number, deliveredSince: number): Order[] {
    const range = rangeWithLineCounts.all(shopperId, since);
    const shipments = range.length > 0 ? shipmentsOf.all(numbersOf(range)) : [];
    const kept = rowsThatMatterForStatus(range, groupBy(shipments, (row) => row.order_number), deliveredSince);
    const page = limit === NO_LIMIT ? kept : kept.slice(0, limit);
    const numbers = new Set(page.map((row) => row.number));
    return assemble(page, shipments.filter((row) => numbers.has(row.order_number)));
  }

  // Each read runs its few statements in one transaction: they see one snapshot of the store, and
  // SQLite takes and lets go of its locks once for all of them rather than once for each.
  const readForStatus = db.transaction(forStatus);
  const readPage = db.transaction((shopperId: string, since: number, limit: number) => assemble(pageForShopper.all(shopperId, since, limit)));
  const readOne = db.transaction((shopperId: string, orderNumber: string) => {
    // One lookup keyed by both: a number that exists for someone else reads exactly like an unknown one.
    const row = oneForShopper.get(shopperId, orderNumber);
    return row ? assemble([row])[0] : undefined;
  });

  return {
    async listForShopper(shopperId: string, query: OrderQuery = {}) {
      if (query.limit !== undefined && !(query.limit >= 1)) return [];
      const limit = query.limit === undefined || !Number.isFinite(query.limit) ? NO_LIMIT : Math.floor(query.limit);
      const since = query.placedSince ? query.placedSince.getTime() : NO_LOWER_BOUND;
      if (Number.isNaN(since)) return [];
      if (query.openOrDeliveredSince !== undefined) {
        const deliveredSince = query.openOrDeliveredSince.getTime();
        if (Number.isNaN(deliveredSince)) return [];
        return readForStatus(shopperId, since, limit, deliveredSince);
      }
      return readPage(shopperId, since, limit);
    },
    async findForShopper(shopperId: string, orderNumber: string) {
      return readOne(shopperId, orderNumber);
    },
  };
}
