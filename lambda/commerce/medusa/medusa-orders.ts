import { MAX_ORDERS_PER_LIST } from '../http/wire-limits';
import type { Order, Orders } from '../ports';
import type { MedusaApis } from './medusa-api';
import { orderOf } from './medusa-mapping';
import { AdminOrderDetailSchema, type MedusaOrderDetail, type MedusaStoreOrder, StoreOrderListSchema } from './medusa-wire';

/** What a spoken order needs of the Store API's order: its lines, packages and state. */
export const STORE_ORDER_FIELDS = [
  'id', 'display_id', 'customer_id', 'status', 'created_at', 'canceled_at', 'fulfillment_status', 'currency_code', 'total',
  '*items', 'items.detail.*', '*fulfillments',
].join(',');

/**
 * What only the Admin API gives: fulfillment labels (tracking numbers) and items, each item's
 * variant options, and its product's categories and metadata (the spoken names): the Store API
 * gives a customer's order items with their whole product or none of it, and the whole product
 * made every order read several times slower.
 */
const ADMIN_DETAIL_FIELDS = [
  'id', 'customer_id', 'items.id', 'items.variant.options.value', 'items.variant.options.option.title', 'items.product.metadata', 'items.product.categories.handle',
  'fulfillments.id', 'fulfillments.labels.tracking_number', 'fulfillments.labels.tracking_url', 'fulfillments.items.line_item_id', 'fulfillments.items.quantity',
].join(',');

const ORDER_NUMBER = /^\d{1,15}$/;

export interface MedusaOrderReads {
  /** The token holder's orders, newest first, read as them; undefined when the token is not this shopper's. */
  storeOrders(shopperId: string, limit: number): Promise<readonly MedusaStoreOrder[] | undefined>;
  /** The Admin API's detail of orders the Store API already said are this shopper's. */
  details(shopperId: string, orders: readonly MedusaStoreOrder[]): Promise<Map<string, MedusaOrderDetail>>;
}

export function medusaOrderReads(apis: MedusaApis): MedusaOrderReads {
  return {
    async storeOrders(shopperId, limit) {
      const { orders } = await apis.asCustomer({
        operation: 'listCustomerOrders',
        path: '/store/orders',
        // The Store API filters a customer's orders by id and status only: the rest is done here.
        query: { fields: STORE_ORDER_FIELDS, limit, order: '-created_at' },
        answer: StoreOrderListSchema,
      });
      // The Store API lists the token holder's orders only: if they are not the shopper asked about, that shopper has none here.
      if (orders.some((order) => order.customer_id !== shopperId)) return undefined;
      return orders;
    },
    async details(shopperId, orders) {
      const details = new Map<string, MedusaOrderDetail>();
      if (!apis.admin || orders.length === 0) return details;
      const { orders: found } = await apis.admin({
        operation: 'retrieveOrderFulfillments',
        path: '/admin/orders',
        query: { id: orders.map((order) => order.id), fields: ADMIN_DETAIL_FIELDS, limit: orders.length },
        answer: AdminOrderDetailSchema,
      });
      // Only what the customer's own call returned is read, and only if Medusa agrees it is theirs.
      for (const order of found) if (order.customer_id === shopperId) details.set(order.id, order);
      return details;
    },
  };
}

/**
 * The shopper's orders from the Store API as the linked customer (Medusa answers with the token
 * holder's own orders only), completed with one Admin API read per answer for what the Store API
 * does not expose: which items each package holds and its tracking number (fulfillment labels).
 */
export function medusaOrders(apis: MedusaApis): Orders {
  const reads = medusaOrderReads(apis);
  async function spoken(shopperId: string, orders: readonly MedusaStoreOrder[]): Promise<Order[]> {
    const details = await reads.details(shopperId, orders);
    return orders.map((order) => orderOf('listCustomerOrders', shopperId, order, details.get(order.id)));
  }
  return {
    async listForShopper(shopperId, query = {}) {
      if (query.limit !== undefined && !(query.limit >= 1)) return [];
      if (query.placedSince && Number.isNaN(query.placedSince.getTime())) return [];
      const limit = Math.min(Math.floor(query.limit ?? MAX_ORDERS_PER_LIST), MAX_ORDERS_PER_LIST);
      const found = await reads.storeOrders(shopperId, limit);
      if (!found) return [];
      const since = query.placedSince?.getTime() ?? Number.NEGATIVE_INFINITY;
      return (await spoken(shopperId, found))
        .filter((order) => order.placedAt.getTime() >= since)
        .sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime())
        .slice(0, limit);
    },
    async findForShopper(shopperId, orderNumber) {
      if (!ORDER_NUMBER.test(orderNumber)) return undefined;
      const found = await reads.storeOrders(shopperId, MAX_ORDERS_PER_LIST);
      const order = found?.find((candidate) => String(candidate.display_id) === orderNumber);
      if (!order) return undefined;
      return (await spoken(shopperId, [order]))[0];
    },
  };
}
