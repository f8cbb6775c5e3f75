import type { Order } from '../../lambda/commerce/ports';
import { OrderListSchema, OrderSchema, ShopperSchema } from '../../lambda/commerce/http/wire-schemas';
import { type CheckContext, checkAnswer, checkNotFound } from './check-context';

/** findShopper, listShopperOrders and findShopperOrder: the shopper's own data, and nobody else's. */

const SHOPPER = { status: [200], schema: ShopperSchema, schemaName: 'Shopper' } as const;
const ORDER_LIST = { status: [200], schema: OrderListSchema, schemaName: 'OrderList' } as const;
const ORDER = { status: [200], schema: OrderSchema, schemaName: 'Order' } as const;

export async function checkShopper(context: CheckContext): Promise<void> {
  const { caller, shopperId } = context;
  checkAnswer(context, 'findShopper', "answers the shopper's profile", await caller.call('findShopper', { path: { shopperId } }), SHOPPER, (value) =>
    value.id === shopperId ? undefined : `answered the profile of "${value.id}" when asked for "${shopperId}": answer the shopper in the path`,
  );
  checkNotFound(
    context,
    'findShopper',
    'an unknown shopper is 404 not-found',
    await caller.call('findShopper', { path: { shopperId: context.unknownShopperId } }),
    'answer 404 with {"code": "not-found"} for a shopper id you do not know',
  );
}

function newestFirstProblem(orders: readonly Order[]): string | undefined {
  for (let index = 1; index < orders.length; index += 1) {
    const [newer, older] = [orders[index - 1]!, orders[index]!];
    if (newer.placedAt.getTime() < older.placedAt.getTime()) {
      return `order ${older.number} (placed ${older.placedAt.toISOString()}) comes after the older order ${newer.number}: list orders newest first`;
    }
  }
  return undefined;
}

function othersProblem(orders: readonly Order[], shopperId: string): string | undefined {
  const foreign = orders.find((order) => order.shopperId !== shopperId);
  return foreign ? `order ${foreign.number} belongs to "${foreign.shopperId}": answer only the orders of the shopper in the path` : undefined;
}

/** The shopper's orders, newest first, as the store lists them; undefined when they could not be read. */
export async function checkOrderList(context: CheckContext): Promise<readonly Order[] | undefined> {
  const { caller, shopperId, log } = context;
  const orders = checkAnswer(context, 'listShopperOrders', "lists the shopper's orders, newest first, all theirs", await caller.call('listShopperOrders', { path: { shopperId } }), ORDER_LIST, ({ orders: listed }) =>
    othersProblem(listed, shopperId) ?? newestFirstProblem(listed),
  )?.orders;

  checkAnswer(
    context,
    'listShopperOrders',
    'an unknown shopper has no orders (200, empty list)',
    await caller.call('listShopperOrders', { path: { shopperId: context.unknownShopperId } }),
    ORDER_LIST,
    ({ orders: listed }) => (listed.length === 0 ? undefined : `answered ${listed.length} orders for a shopper nobody is: answer {"orders": []}`),
  );

  if (!orders || orders.length === 0) {
    log.skip('listShopperOrders', 'limit and since narrow the list', orders ? 'the shopper has no orders: use a test shopper with a few orders' : 'the list could not be read');
    return orders;
  }
  checkAnswer(context, 'listShopperOrders', 'limit=1 answers only the newest order', await caller.call('listShopperOrders', { path: { shopperId }, query: [['limit', '1']] }), ORDER_LIST, ({ orders: limited }) => {
    if (limited.length !== 1) return `answered ${limited.length} orders for limit=1: answer at most \`limit\` orders`;
    return limited[0]!.number === orders[0]!.number ? undefined : `answered order ${limited[0]!.number}, not the newest (${orders[0]!.number}): keep the newest ones`;
  });

  const since = orders[Math.floor((orders.length - 1) / 2)]!.placedAt;
  const expected = orders.filter((order) => order.placedAt.getTime() >= since.getTime()).map((order) => order.number);
  checkAnswer(
    context,
    'listShopperOrders',
    'since=<instant> answers only orders placed then or later',
    await caller.call('listShopperOrders', { path: { shopperId }, query: [['since', since.toISOString()]] }),
    ORDER_LIST,
    ({ orders: recent }) => {
      const early = recent.find((order) => order.placedAt.getTime() < since.getTime());
      if (early) return `answered order ${early.number}, placed before ${since.toISOString()}: leave out orders placed before \`since\``;
      const missing = expected.filter((number) => !recent.some((order) => order.number === number));
      return missing.length === 0 ? undefined : `left out order ${missing[0]}, placed at or after ${since.toISOString()}`;
    },
  );
  return orders;
}

/** One order of the shopper's, asked by number: theirs is answered, nobody else's. */
export async function checkOrderLookup(context: CheckContext, orders: readonly Order[] | undefined): Promise<void> {
  const { caller, shopperId, log } = context;
  const order = orders?.[0];
  const missing = orders ? 'the shopper has no orders: use a test shopper with a few orders' : 'the list of orders could not be read';
  if (!order) {
    log.skip('findShopperOrder', "answers the shopper's order", missing);
    log.skip('findShopperOrder', "another shopper asking for this shopper's order gets 404 not-found", missing);
  } else {
    checkAnswer(context, 'findShopperOrder', "answers the shopper's order", await caller.call('findShopperOrder', { path: { shopperId, orderNumber: order.number } }), ORDER, (found) => {
      if (found.number !== order.number) return `answered order ${found.number} when asked for ${order.number}`;
      if (found.shopperId !== shopperId) return `the order says it belongs to "${found.shopperId}": Shopvoice refuses an order of anyone but the shopper asked about`;
      return found.lines.length === order.lines.length ? undefined : `has ${found.lines.length} lines, but ${order.lines.length} in the shopper's list of orders`;
    });
    const who = context.otherShopperIsReal ? `shopper "${context.otherShopperId}"` : 'a made-up shopper';
    checkNotFound(
      context,
      'findShopperOrder',
      `${who} asking for this shopper's order gets 404 not-found`,
      await caller.call('findShopperOrder', { path: { shopperId: context.otherShopperId, orderNumber: order.number } }),
      `order ${order.number} was answered to someone it does not belong to. Look the order up by shopper AND number, and answer an order of someone else exactly like one that does not exist`,
    );
  }
  checkNotFound(
    context,
    'findShopperOrder',
    'an order number nobody has is 404 not-found',
    await caller.call('findShopperOrder', { path: { shopperId, orderNumber: `store-check-${context.runId}` } }),
    'answer 404 with {"code": "not-found"} for an order number the shopper does not have',
  );
  if (context.otherShopperIsReal) {
    checkAnswer(
      context,
      'listShopperOrders',
      "the other shopper's orders hold none of this shopper's",
      await caller.call('listShopperOrders', { path: { shopperId: context.otherShopperId } }),
      ORDER_LIST,
      ({ orders: theirs }) => {
        const leaked = theirs.find((other) => other.shopperId !== context.otherShopperId || orders?.some((own) => own.number === other.number));
        return leaked ? `order ${leaked.number} was listed for "${context.otherShopperId}": list only the orders of the shopper in the path` : undefined;
      },
    );
  }
}
