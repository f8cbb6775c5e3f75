import { StoreDataError } from '../commerce-errors';
import { ordersThatMatterForStatus } from '../order-status-query';
import type { Order, Orders } from '../ports';
import { orderQueryParams } from './query-params';
import type { StoreApiClient } from './store-api-client';
import { isPathSegment } from './store-api-operations';
import { OrderListSchema, OrderSchema } from './wire-schemas';

const newestFirst = <T>(items: readonly T[], at: (item: T) => Date): T[] =>
  [...items].sort((a, b) => at(b).getTime() - at(a).getTime());

/** Tracking events newest first, as the ports promise, whatever order the store sent them in. */
function withEventsNewestFirst(order: Order): Order {
  return { ...order, shipments: order.shipments.map((shipment) => ({ ...shipment, events: newestFirst(shipment.events, (event) => event.at) })) };
}

/** A shopper only ever hears about their own orders, even when the store answers with someone else's. */
function ensureOwnedBy(operation: string, shopperId: string, order: Order): Order {
  if (order.shopperId !== shopperId) throw new StoreDataError(operation, "shopperId: an order of another shopper");
  return withEventsNewestFirst(order);
}

export function ordersOverHttp(client: StoreApiClient): Orders {
  return {
    async listForShopper(shopperId, query = {}) {
      if (query.limit !== undefined && !(query.limit >= 1)) return [];
      if (query.placedSince && Number.isNaN(query.placedSince.getTime())) return [];
      if (query.openOrDeliveredSince && Number.isNaN(query.openOrDeliveredSince.getTime())) return [];
      if (!isPathSegment(shopperId)) return [];
      const { orders } = await client.call(
        { operation: 'listShopperOrders', path: { shopperId }, query: orderQueryParams(query) },
        OrderListSchema,
      );
      const since = query.placedSince?.getTime() ?? Number.NEGATIVE_INFINITY;
      const owned = orders.map((order) => ensureOwnedBy('listShopperOrders', shopperId, order));
      // Newest first and within the query, even from a store that ignores part of it.
      const inRange = newestFirst(owned, (order) => order.placedAt).filter((order) => order.placedAt.getTime() >= since);
      const wanted = query.openOrDeliveredSince ? ordersThatMatterForStatus(inRange, query.openOrDeliveredSince) : inRange;
      return wanted.slice(0, query.limit === undefined ? undefined : Math.floor(query.limit));
    },
    async findForShopper(shopperId, orderNumber) {
      if (!isPathSegment(shopperId) || !isPathSegment(orderNumber)) return undefined;
      const order = await client.find({ operation: 'findShopperOrder', path: { shopperId, orderNumber } }, OrderSchema);
      if (!order) return undefined;
      if (order.number !== orderNumber) throw new StoreDataError('findShopperOrder', 'number: not the order asked for');
      return ensureOwnedBy('findShopperOrder', shopperId, order);
    },
  };
}
