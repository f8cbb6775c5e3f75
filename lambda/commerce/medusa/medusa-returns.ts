import * as z from 'zod';
import { StoreRejectedError } from '../commerce-errors';
import type { ReturnOutcome, ReturnReason, ReturnRequest, Returns } from '../ports';
import { type ReturnPolicy, ReturnPolicySchema, returnRefusal } from '../return-policy';
import { localDayOf } from '../sqlite/local-days';
import type { MedusaApis } from './medusa-api';
import { GIFT_CARD_CATEGORY, moneyOf, orderOf } from './medusa-mapping';
import { medusaOrderReads } from './medusa-orders';
import { CreatedReturnSchema, ReturnReasonListSchema } from './medusa-wire';

export interface MedusaReturnsOptions {
  /** Days from delivery, as the store's policy says: Medusa keeps no return window of its own. */
  readonly windowDays: number;
  /** The zone the store counts days in (STORE_TIME_ZONE). */
  readonly timeZone: string;
  readonly now?: () => Date;
}

const ORDER_NUMBER = /^\d{1,15}$/;
const MAX_KEPT_OUTCOMES = 1_000;
const REASONS_TTL_MS = 5 * 60_000;

/** Medusa's return reasons are the store's own list; each of Shopvoice's takes the first whose value is one of these. */
const REASON_VALUES: Readonly<Record<ReturnReason, readonly string[]>> = {
  'size-too-small': ['size-too-small', 'too-small'],
  'size-too-large': ['size-too-large', 'too-large'],
  size: ['wrong-size', 'size', 'does-not-fit', 'fit'],
  color: ['color', 'colour'],
  damaged: ['damaged', 'defective', 'arrived-damaged'],
  'not-as-described': ['not-as-described', 'not-as-pictured'],
  style: ['style', 'changed-mind'],
  unwanted: ['unwanted', 'no-longer-needed', 'changed-mind'],
  'wrong-item': ['wrong-item', 'received-wrong-item'],
  other: ['other'],
};

const ShippingOptionsSchema = z.object({
  shipping_options: z.array(z.object({ id: z.string(), rules: z.array(z.object({ attribute: z.string(), value: z.unknown() })).nullish() })),
});

/**
 * Returns on Medusa. Medusa records a return (`POST /store/returns`, its create-and-complete
 * return workflow: the return, its items and reasons, the return shipping) but has no rules about
 * which lines may go back: it takes back what was delivered and not yet returned. So the store's
 * policy (the window from delivery, final sale in product metadata, gift cards never) is checked
 * here, with the ports' return policy, against the order as Medusa tells it at that moment.
 * Medusa keeps no idempotency key for returns: created returns are kept in the container by key,
 * and a "yes" repeated elsewhere meets the units Medusa already counts as requested.
 */
export function medusaReturns(apis: MedusaApis, options: MedusaReturnsOptions): Returns {
  const now = options.now ?? (() => new Date());
  const policy: ReturnPolicy = ReturnPolicySchema.parse({ windowDays: options.windowDays, excludedCategories: { [GIFT_CARD_CATEGORY]: 'gift-card' } });
  const reads = medusaOrderReads(apis);
  const outcomes = new Map<string, Promise<ReturnOutcome>>();
  let reasons: { at: number; ids: Promise<Map<string, string>> } | undefined;
  let returnOption: Promise<string> | undefined;

  function reasonIds(): Promise<Map<string, string>> {
    if (!reasons || Date.now() - reasons.at > REASONS_TTL_MS) {
      const ids = apis
        .asStorefront({ operation: 'listReturnReasons', path: '/store/return-reasons', query: { fields: 'id,value,label' }, answer: ReturnReasonListSchema })
        .then(({ return_reasons: list }) => new Map(list.map((reason) => [reason.value, reason.id])));
      ids.catch(() => (reasons = undefined));
      reasons = { at: Date.now(), ids };
    }
    return reasons.ids;
  }

  /** The store's return shipping option: the Store API lists shipping options for a cart only, so the Admin API is asked once. */
  function returnShippingOption(): Promise<string> {
    if (!apis.admin) return Promise.reject(new StoreRejectedError('listShippingOptions', 403, 'no-secret-api-key'));
    returnOption ??= apis
      .admin({ operation: 'listShippingOptions', path: '/admin/shipping-options', query: { fields: 'id,rules.attribute,rules.value', limit: 100 }, answer: ShippingOptionsSchema })
      .then(({ shipping_options: list }) => {
        const option = list.find((candidate) => (candidate.rules ?? []).some((rule) => rule.attribute === 'is_return' && String(rule.value) === 'true'));
        if (!option) throw new StoreRejectedError('listShippingOptions', 422, 'no-return-shipping-option');
        return option.id;
      });
    returnOption.catch(() => (returnOption = undefined));
    return returnOption;
  }

  async function orderFor(shopperId: string, orderNumber: string) {
    const found = await reads.storeOrders(shopperId, 100);
    const order = found?.find((candidate) => String(candidate.display_id) === orderNumber);
    if (!order) return undefined;
    const details = await reads.details(shopperId, [order]);
    return { raw: order, spoken: orderOf('listCustomerOrders', shopperId, order, details.get(order.id)) };
  }

  async function create(request: ReturnRequest): Promise<ReturnOutcome> {
    if (!ORDER_NUMBER.test(request.orderNumber)) return { kind: 'refused', why: 'not-found' };
    const order = await orderFor(request.shopperId, request.orderNumber);
    const line = order?.spoken.lines.find((candidate) => candidate.id === request.lineId);
    const item = order?.raw.items?.find((candidate) => candidate.id === request.lineId);
    if (!order || !line || !item) return { kind: 'refused', why: 'not-found' };
    const delivered = order.spoken.shipments.filter((shipment) => shipment.deliveredAt && shipment.lineIds.includes(line.id)).map((shipment) => shipment.deliveredAt!);
    const deliveredAt = delivered.sort((a, b) => b.getTime() - a.getTime())[0];
    const returnedQuantity = Math.max(0, (item.detail?.return_requested_quantity ?? 0) + (item.detail?.return_received_quantity ?? 0));
    const refusal = returnRefusal(
      policy,
      {
        category: line.category,
        finalSale: line.finalSale === true,
        orderCancelled: order.spoken.state === 'cancelled',
        quantity: line.quantity,
        returnedQuantity,
        ...(deliveredAt ? { deliveredOn: localDayOf(deliveredAt, options.timeZone) } : {}),
      },
      request.quantity,
      localDayOf(now(), options.timeZone),
    );
    if (refusal) return { kind: 'refused', why: refusal };
    const reasonId = await reasonIds().then((ids) => REASON_VALUES[request.reason].map((value) => ids.get(value)).find((id) => id !== undefined));
    const note = request.note ?? (reasonId ? undefined : request.reason);
    const { return: created } = await apis.asCustomer({
      operation: 'createReturn',
      path: '/store/returns',
      method: 'POST',
      body: {
        order_id: order.raw.id,
        items: [{ id: item.id, quantity: request.quantity, ...(reasonId ? { reason_id: reasonId } : {}), ...(note ? { note: note.slice(0, 300) } : {}) }],
        return_shipping: { option_id: await returnShippingOption() },
      },
      answer: CreatedReturnSchema,
    });
    const unit = moneyOf('createReturn', item.unit_price, order.raw.currency_code);
    return {
      kind: 'created',
      record: {
        number: String(created.display_id),
        orderNumber: request.orderNumber,
        lineId: request.lineId,
        quantity: request.quantity,
        reason: request.reason,
        refund: { minor: unit.minor * request.quantity, currency: unit.currency },
        refundMethod: request.refundMethod,
        // Medusa makes the label through the store's fulfillment provider; the store's subscriber to
        // order.return_requested emails it (README, "Connecting a Medusa store").
        labelDelivery: 'store-email',
        createdAt: created.created_at ? new Date(created.created_at) : now(),
      },
    };
  }

  return {
    policy: () => Promise.resolve(policy),
    async returnedUnits(orderNumber) {
      const units = new Map<string, number>();
      if (!ORDER_NUMBER.test(orderNumber)) return units;
      const { customer } = await apis.asCustomer({ operation: 'retrieveCustomer', path: '/store/customers/me', query: { fields: 'id' }, answer: z.object({ customer: z.object({ id: z.string() }) }) });
      const order = (await reads.storeOrders(customer.id, 100))?.find((candidate) => String(candidate.display_id) === orderNumber);
      for (const item of order?.items ?? []) {
        const returned = (item.detail?.return_requested_quantity ?? 0) + (item.detail?.return_received_quantity ?? 0);
        if (returned > 0) units.set(item.id, returned);
      }
      return units;
    },
    create(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A return needs an idempotency key');
      if (!Number.isInteger(request.quantity) || request.quantity < 1) throw new Error('A return needs a whole, positive quantity');
      const key = `${request.shopperId}:${request.idempotencyKey}`;
      const kept = outcomes.get(key);
      if (kept) return kept;
      const outcome = create(request);
      outcomes.set(key, outcome);
      // Only a created return is kept: a refusal or a failure is the store's word at that moment,
      // and the same "yes" asked again (a delivery recorded since, the store back) may be granted.
      // The oldest outcomes make room.
      outcome.then(
        (settled) => settled.kind !== 'created' && outcomes.delete(key),
        () => outcomes.delete(key),
      );
      if (outcomes.size > MAX_KEPT_OUTCOMES) outcomes.delete(outcomes.keys().next().value!);
      return outcome;
    },
  };
}
