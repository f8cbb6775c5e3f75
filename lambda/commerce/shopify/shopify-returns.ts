import { StoreRejectedError } from '../commerce-errors';
import type { ReturnOutcome, ReturnReason, ReturnRefusal, Returns } from '../ports';
import { type ReturnPolicy, ReturnPolicySchema } from '../return-policy';
import type { ShopifyApis } from './shopify-apis';
import { ORDER_FOR_RETURN, ORDER_RETURNS, REQUEST_RETURN } from './shopify-documents';
import { globalIdOf } from './shopify-ids';
import { GIFT_CARD_CATEGORY, moneyOf, ownId } from './shopify-mapping';
import { type OrderForReturn, OrderForReturnSchema, OrderReturnsSchema, RequestReturnSchema } from './shopify-wire';

export interface ShopifyReturnsOptions {
  /** Days from delivery, as the store set them in Shopify's return rules. */
  readonly windowDays: number;
  readonly now?: () => Date;
}

const ORDER_NUMBER = /^\d{1,15}$/;

/** Returns that never happened, or were turned down, hold no units. */
const NOT_HOLDING_UNITS = new Set(['CANCELED', 'DECLINED']);

/** Shopify's reasons a line cannot be returned, as the ports' refusals; the first that applies is told. */
const REFUSAL_OF: Readonly<Record<string, Exclude<ReturnRefusal, 'not-found' | 'too-many'>>> = {
  FINAL_SALE: 'final-sale',
  UNFULFILLED: 'not-delivered',
  RETURNED: 'already-returned',
  RETURN_WINDOW_EXPIRED: 'window-closed',
};

/**
 * Shopify's return reasons are definitions the store picks per product (Shopify's return reason
 * library); a line offers the ones that fit it. Each of Shopvoice's reasons takes the first
 * definition whose handle is one of these; without one, the reason travels as the shopper's note.
 */
const REASON_HANDLES: Readonly<Record<ReturnReason, readonly string[]>> = {
  'size-too-small': ['size-too-small', 'too-small'],
  'size-too-large': ['size-too-large', 'too-large'],
  // "It doesn't fit" says neither too small nor too large: only a definition that says neither fits it.
  size: ['size', 'wrong-size', 'does-not-fit', 'fit'],
  color: ['color', 'colour', 'not-as-pictured'],
  damaged: ['defective', 'damaged', 'arrived-damaged'],
  'not-as-described': ['not-as-described', 'not-as-pictured'],
  style: ['style', 'changed-mind'],
  unwanted: ['unwanted', 'no-longer-needed', 'changed-mind'],
  'wrong-item': ['wrong-item', 'received-wrong-item'],
  other: ['other'],
};

/** Keyed outcomes kept in the container, so a retried "yes" gets the return it made; Shopify's requests carry no key of ours. */
const MAX_KEPT_OUTCOMES = 1_000;

type Line = OrderForReturn['lineItems']['nodes'][number];

function refusalFor(order: OrderForReturn, line: Line, quantity: number): ReturnRefusal | undefined {
  if (order.cancelledAt) return 'cancelled';
  if (line.giftCard) return 'gift-card';
  const returnable = order.returnInformation.returnableLineItems.nodes.find((item) => item.lineItem.id === line.id)?.quantity ?? 0;
  if (returnable >= quantity) return undefined;
  if (returnable > 0) return 'too-many';
  const reasons = order.returnInformation.nonReturnableLineItems.nodes
    .filter((item) => item.lineItem.id === line.id)
    .flatMap((item) => item.quantityDetails.map((detail) => detail.reasonCode));
  for (const reason of Object.keys(REFUSAL_OF)) if (reasons.includes(reason)) return REFUSAL_OF[reason];
  // Shopify says no without saying which rule: the one a shopper can do least about.
  return 'window-closed';
}

function reasonDefinition(line: Line, reason: ReturnReason): string | undefined {
  const offered = (line.suggestedReturnReasonDefinitions?.nodes ?? []).filter((definition) => !definition.deleted);
  for (const handle of REASON_HANDLES[reason]) {
    const found = offered.find((definition) => definition.handle === handle);
    if (found) return found.id;
  }
  return undefined;
}

/**
 * Returns through the Customer Account API: Shopify itself says which lines may go back (its
 * return rules: window, final sale, what is already in a return), and a return is requested for
 * the store to approve (`orderRequestReturn`). The window in days, which no shopper-facing API
 * gives, is the store's setting (SHOPIFY_RETURN_WINDOW_DAYS); gift cards are never taken back.
 */
export function shopifyReturns(apis: ShopifyApis, options: ShopifyReturnsOptions): Returns {
  const now = options.now ?? (() => new Date());
  const policy: ReturnPolicy = ReturnPolicySchema.parse({ windowDays: options.windowDays, excludedCategories: { [GIFT_CARD_CATEGORY]: 'gift-card' } });
  const outcomes = new Map<string, Promise<ReturnOutcome>>();

  async function request(shopperId: string, request: Parameters<Returns['create']>[0]): Promise<ReturnOutcome> {
    if (!ORDER_NUMBER.test(request.orderNumber)) return { kind: 'refused', why: 'not-found' };
    const { customer } = await apis.customer(ORDER_FOR_RETURN, { query: `order_number:${request.orderNumber}` }, OrderForReturnSchema);
    if (ownId(ORDER_FOR_RETURN.name, customer.id, 'Customer') !== shopperId) return { kind: 'refused', why: 'not-found' };
    const order = customer.orders.nodes.find((candidate) => String(candidate.number) === request.orderNumber);
    const line = order?.lineItems.nodes.find((candidate) => ownId(ORDER_FOR_RETURN.name, candidate.id, 'LineItem') === request.lineId);
    if (!order || !line) return { kind: 'refused', why: 'not-found' };
    const refusal = refusalFor(order, line, request.quantity);
    if (refusal) return { kind: 'refused', why: refusal };
    const definition = reasonDefinition(line, request.reason);
    const note = request.note ?? (definition ? undefined : request.reason);
    const { orderRequestReturn } = await apis.customer(
      REQUEST_RETURN,
      {
        orderId: order.id,
        requestedLineItems: [
          { lineItemId: globalIdOf('LineItem', request.lineId), quantity: request.quantity, ...(definition ? { returnReasonDefinitionId: definition } : {}), ...(note ? { customerNote: note.slice(0, 300) } : {}) },
        ],
      },
      RequestReturnSchema,
    );
    const created = orderRequestReturn?.return;
    if (!orderRequestReturn || !created) {
      const code = orderRequestReturn?.userErrors[0]?.code ?? undefined;
      if (code === 'NOT_FOUND') return { kind: 'refused', why: 'not-found' };
      throw new StoreRejectedError(REQUEST_RETURN.name, 422, code ?? 'no-return');
    }
    const unit = moneyOf(ORDER_FOR_RETURN.name, line.price ?? { amount: '0', currencyCode: 'USD' });
    return {
      kind: 'created',
      record: {
        number: created.name.replace(/^#/, ''),
        orderNumber: request.orderNumber,
        lineId: request.lineId,
        quantity: request.quantity,
        reason: request.reason,
        refund: { minor: unit.minor * request.quantity, currency: unit.currency },
        refundMethod: request.refundMethod,
        labelDelivery: request.labelDelivery,
        createdAt: created.createdAt ? new Date(created.createdAt) : now(),
        // A store whose return rules approve requests at once answers OPEN; otherwise staff approve it later.
        ...(created.status === 'REQUESTED' ? { pendingApproval: true } : {}),
      },
    };
  }

  return {
    policy: () => Promise.resolve(policy),
    async returnedUnits(orderNumber) {
      const units = new Map<string, number>();
      if (!ORDER_NUMBER.test(orderNumber)) return units;
      const { customer } = await apis.customer(ORDER_RETURNS, { query: `order_number:${orderNumber}` }, OrderReturnsSchema);
      const order = customer.orders.nodes.find((candidate) => String(candidate.number) === orderNumber);
      for (const returned of order?.returns.nodes ?? []) {
        if (NOT_HOLDING_UNITS.has(returned.status)) continue;
        for (const item of returned.returnLineItems.nodes) {
          const lineId = ownId(ORDER_RETURNS.name, item.lineItem.id, 'LineItem');
          units.set(lineId, (units.get(lineId) ?? 0) + item.quantity);
        }
      }
      return units;
    },
    create(returnRequest) {
      if (returnRequest.idempotencyKey.trim() === '') throw new Error('A return needs an idempotency key');
      if (!Number.isInteger(returnRequest.quantity) || returnRequest.quantity < 1) throw new Error('A return needs a whole, positive quantity');
      const key = `${returnRequest.shopperId}:${returnRequest.idempotencyKey}`;
      const kept = outcomes.get(key);
      if (kept) return kept;
      const outcome = request(returnRequest.shopperId, returnRequest);
      outcomes.set(key, outcome);
      // A failed request is not kept: trying again may work. The oldest outcomes make room.
      outcome.catch(() => outcomes.delete(key));
      if (outcomes.size > MAX_KEPT_OUTCOMES) outcomes.delete(outcomes.keys().next().value!);
      return outcome;
    },
  };
}
