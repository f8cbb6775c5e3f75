import { ordersThatMatterForStatus } from '../order-status-query';
import type { Order, Orders } from '../ports';
import { MAX_ORDERS_PER_LIST } from '../http/wire-limits';
import type { ShopifyApis } from './shopify-apis';
import { CUSTOMER_ORDERS, PRODUCT_NAMES } from './shopify-documents';
import { orderOf, ownId, type ProductNames, spokenNameOf, spokenNamesOf } from './shopify-mapping';
import { CustomerOrdersSchema, ProductNamesSchema, type ShopifyOrder } from './shopify-wire';

/** Orders asked for per page: each carries its lines and packages, and Shopify prices a query by what it holds. */
const ORDERS_PER_PAGE = 25;

/** Order numbers are whole numbers on Shopify; anything else names no order and is never put in a search. */
const ORDER_NUMBER = /^\d{1,15}$/;

export function shopifyOrders(apis: ShopifyApis): Orders {
  /** The spoken names of the products on these orders, from the catalog's metafields; one call for all of them. */
  async function namesFor(orders: readonly ShopifyOrder[]): Promise<Map<string, ProductNames>> {
    const ids = [...new Set(orders.flatMap((order) => order.lineItems.nodes.flatMap((line) => (line.productId ? [line.productId] : []))))];
    const names = new Map<string, ProductNames>();
    if (ids.length === 0) return names;
    const { nodes } = await apis.storefront(PRODUCT_NAMES, { ids }, ProductNamesSchema);
    for (const node of nodes) {
      if (!node) continue;
      const spokenNames = spokenNamesOf(node);
      const own = node.metafields.some((field) => field?.key === 'spoken_name');
      if (!own && !spokenNames) continue;
      const productId = ownId(PRODUCT_NAMES.name, node.id, 'Product');
      names.set(productId, { spokenName: own ? spokenNameOf(node, '') : '', ...(spokenNames ? { spokenNames } : {}) });
    }
    // A product with names in other locales but no short name of its own keeps its line's title.
    for (const [id, named] of names) if (named.spokenName === '') names.delete(id);
    return names;
  }

  /** Pages of the token holder's orders, newest first, while they are the shopper asked about and more are wanted. */
  async function read(shopperId: string, search: string | undefined, wanted: number): Promise<ShopifyOrder[] | undefined> {
    const orders: ShopifyOrder[] = [];
    let after: string | null = null;
    do {
      const { customer }: { customer: { id: string; orders: { nodes: ShopifyOrder[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } =
        await apis.customer(
          CUSTOMER_ORDERS,
          { first: Math.min(ORDERS_PER_PAGE, wanted - orders.length), after, ...(search ? { query: search } : {}) },
          CustomerOrdersSchema,
        );
      // The token speaks for one customer; any other shopper id has no orders here.
      if (ownId(CUSTOMER_ORDERS.name, customer.id, 'Customer') !== shopperId) return undefined;
      orders.push(...customer.orders.nodes);
      after = customer.orders.pageInfo.hasNextPage ? customer.orders.pageInfo.endCursor : null;
    } while (after && orders.length < wanted);
    return orders;
  }

  return {
    async listForShopper(shopperId, query = {}) {
      if (query.limit !== undefined && !(query.limit >= 1)) return [];
      if (query.placedSince && Number.isNaN(query.placedSince.getTime())) return [];
      const wanted = Math.min(Math.floor(query.limit ?? MAX_ORDERS_PER_LIST), MAX_ORDERS_PER_LIST);
      const search = query.placedSince ? `processed_at:>='${query.placedSince.toISOString()}'` : undefined;
      const found = await read(shopperId, search, wanted);
      if (!found) return [];
      const names = await namesFor(found);
      const since = query.placedSince?.getTime() ?? Number.NEGATIVE_INFINITY;
      const inRange = found
        .map((order): Order => orderOf(CUSTOMER_ORDERS.name, shopperId, order, names))
        .filter((order) => order.placedAt.getTime() >= since)
        .sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
      return (query.openOrDeliveredSince ? ordersThatMatterForStatus(inRange, query.openOrDeliveredSince) : inRange).slice(0, wanted);
    },
    async findForShopper(shopperId, orderNumber) {
      if (!ORDER_NUMBER.test(orderNumber)) return undefined;
      const found = await read(shopperId, `order_number:${orderNumber}`, 5);
      const order = found?.find((candidate) => String(candidate.number) === orderNumber);
      if (!order) return undefined;
      return orderOf(CUSTOMER_ORDERS.name, shopperId, order, await namesFor([order]));
    },
  };
}
