import * as z from 'zod';
import type { Order, Shipment } from '../../commerce/ports';
import { type DaysFromToday, hasProblem, isDelayed, needsAttention, ordersOnTheWay, progressOf, unshippedLineIds } from '../../flows/order-status/relevance';
import { forShopper, moneyOut, MoneySchema, OrderNumberSchema, type ShopperToolContext } from './tool-kit';

/** As far back as the voice flow looks. */
const HISTORY_DAYS = 365;
const HISTORY_LIMIT = 100;
/** A page of orders; a model asking for more gets this many and an offset to go on from. */
export const MAX_ORDERS_PER_PAGE = 10;
const MAX_LINES = 50;
const MAX_EVENTS = 5;

const PROGRESS = ['out-for-delivery', 'needs-attention', 'ready-for-pickup', 'on-the-way', 'being-prepared', 'just-delivered', 'settled'] as const;

function daysFromToday(context: ShopperToolContext): DaysFromToday {
  return (instant) => context.voice.daysBetween(context.now, instant);
}

const OrderSummarySchema = z.object({
  orderNumber: z.string(),
  placedOn: z.string().describe('YYYY-MM-DD in the store calendar.'),
  state: z.enum(['processing', 'fulfilled', 'partially-fulfilled', 'cancelled']),
  progress: z.enum(PROGRESS),
  hasProblem: z.boolean().describe('A package is delayed, failed delivery, or has a carrier exception.'),
  total: MoneySchema,
  itemCount: z.number().int(),
  items: z.array(z.string()).describe('Names of up to three items.'),
  expectedOn: z.string().optional().describe('Soonest promised delivery day of a package still on the way (YYYY-MM-DD).'),
});

function summaryOf(order: Order, context: ShopperToolContext): z.output<typeof OrderSummarySchema> {
  const days = daysFromToday(context);
  const moving = order.shipments.filter((shipment) => shipment.status !== 'Delivered' && shipment.expectedOn);
  const soonest = moving.map((shipment) => shipment.expectedOn!).sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    orderNumber: order.number,
    placedOn: context.voice.calendarDay(order.placedAt),
    state: order.state,
    progress: progressOf(order, days),
    hasProblem: hasProblem(order, days),
    total: moneyOut(order.total),
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    items: order.lines.slice(0, 3).map((line) => line.name),
    ...(soonest ? { expectedOn: context.voice.calendarDay(soonest) } : {}),
  };
}

export const listOrders = forShopper({
  name: 'list_orders',
  title: 'List my orders',
  description:
    "Lists the signed-in shopper's orders from the last year, newest first, or, with onTheWay, only those still on their way (most urgent first: out for delivery, problems, ready for pickup, in transit). " +
    'Use it for "where is my order?" when the shopper names no order number, or to find the order an item came in. ' +
    `Returns at most ${MAX_ORDERS_PER_PAGE} orders per call; pass nextOffset back as offset for more. Never shows another shopper's orders.`,
  input: {
    onTheWay: z.boolean().default(false).describe('Only orders not yet delivered (or delivered in the last two days).'),
    offset: z.number().int().min(0).max(HISTORY_LIMIT).default(0),
    limit: z.number().int().min(1).default(5).describe(`Orders per page; anything above ${MAX_ORDERS_PER_PAGE} is capped.`),
  },
  output: {
    orders: z.array(OrderSummarySchema),
    total: z.number().int().describe('Matching orders in all.'),
    nextOffset: z.number().int().optional().describe('Present when more orders follow.'),
  },
  destructive: false,
  async run({ onTheWay, offset, limit }, context) {
    const placedSince = new Date(context.now.getTime() - HISTORY_DAYS * 86_400_000);
    const orders = await context.commerce.orders.listForShopper(context.shopper.id, { placedSince, limit: HISTORY_LIMIT });
    const matching = onTheWay ? ordersOnTheWay(orders, daysFromToday(context)) : orders;
    const pageSize = Math.min(limit, MAX_ORDERS_PER_PAGE);
    const page = matching.slice(offset, offset + pageSize);
    const next = offset + page.length;
    return {
      output: {
        orders: page.map((order) => summaryOf(order, context)),
        total: matching.length,
        ...(next < matching.length ? { nextOffset: next } : {}),
      },
    };
  },
});

const PackageSchema = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  status: z.string().describe("The carrier's status (AfterShip taxonomy: InTransit, OutForDelivery, Delivered, AttemptFail, Exception…)."),
  items: z.array(z.string()),
  shippedOn: z.string().optional(),
  expectedOn: z.string().optional(),
  deliveredOn: z.string().optional(),
  delayed: z.boolean(),
  needsAttention: z.boolean(),
  latestEvents: z.array(z.object({ on: z.string(), description: z.string(), location: z.string().optional() })),
});

function packageOf(order: Order, shipment: Shipment, context: ShopperToolContext): z.output<typeof PackageSchema> {
  const days = daysFromToday(context);
  const day = (instant: Date | undefined) => (instant ? context.voice.calendarDay(instant) : undefined);
  return {
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    status: shipment.status,
    items: order.lines.filter((line) => shipment.lineIds.includes(line.id)).map((line) => line.name),
    ...(shipment.shippedAt ? { shippedOn: day(shipment.shippedAt) } : {}),
    ...(shipment.expectedOn ? { expectedOn: day(shipment.expectedOn) } : {}),
    ...(shipment.deliveredAt ? { deliveredOn: day(shipment.deliveredAt) } : {}),
    delayed: isDelayed(shipment, days),
    needsAttention: needsAttention(shipment, days),
    latestEvents: shipment.events.slice(0, MAX_EVENTS).map((event) => ({
      on: context.voice.calendarDay(event.at),
      description: event.description,
      ...(event.location ? { location: event.location } : {}),
    })),
  };
}

export const getOrderStatus = forShopper({
  name: 'get_order_status',
  title: 'Order status',
  description:
    "Tells where one of the signed-in shopper's orders is: each package with carrier, tracking status, expected or actual delivery day, and problems (delayed, failed delivery, carrier exception), plus the items and their line ids (needed to check or start a return). " +
    'Use it when the shopper names an order number, or after list_orders. An order number that is not this shopper\'s answers found=false, exactly as one that does not exist.',
  input: { orderNumber: OrderNumberSchema.describe('The order number, digits only.') },
  output: {
    found: z.boolean(),
    order: OrderSummarySchema.extend({
      lines: z.array(z.object({ lineId: z.string(), name: z.string(), quantity: z.number().int(), unitPrice: MoneySchema, finalSale: z.boolean() })),
      packages: z.array(PackageSchema),
      notShippedYet: z.array(z.string()).describe('Items in no package yet.'),
    }).optional(),
  },
  destructive: false,
  async run({ orderNumber }, context) {
    const order = await context.commerce.orders.findForShopper(context.shopper.id, orderNumber);
    if (!order) return { output: { found: false } };
    const unshipped = new Set(unshippedLineIds(order));
    return {
      output: {
        found: true,
        order: {
          ...summaryOf(order, context),
          lines: order.lines.slice(0, MAX_LINES).map((line) => ({
            lineId: line.id,
            name: line.name,
            quantity: line.quantity,
            unitPrice: moneyOut(line.unitPrice),
            finalSale: line.finalSale === true,
          })),
          packages: order.shipments.map((shipment) => packageOf(order, shipment, context)),
          notShippedYet: order.lines.filter((line) => unshipped.has(line.id)).map((line) => line.name),
        },
      },
      event: { outcome: 'resolved', goal: 'order-status-given' },
    };
  },
});
