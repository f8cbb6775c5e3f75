import * as z from 'zod';
import { ORDER_STATUS_CHANGES, type OrderStatusChange } from '../commerce/ports';

/** A date-time with its offset, or a calendar day (read as midnight UTC). */
const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

/**
 * What the store POSTs to `/events/order-status` when an order moves: which order, whose, what
 * happened and when, and, when known, when it should now arrive (required for `delayed`).
 */
export const OrderStatusChangeSchema = z
  .strictObject({
    orderNumber: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'must be 1-40 letters, digits or "-"'),
    shopperId: z.string().min(1).max(200),
    status: z.enum(ORDER_STATUS_CHANGES),
    occurredAt: Instant,
    expectedArrival: Instant.optional(),
  })
  .refine((change) => change.status !== 'delayed' || change.expectedArrival !== undefined, {
    path: ['expectedArrival'],
    message: 'required when status is delayed',
  });

export function readOrderStatusChange(body: unknown): { readonly ok: true; readonly change: OrderStatusChange } | { readonly ok: false; readonly problems: string[] } {
  const parsed = OrderStatusChangeSchema.safeParse(body);
  if (parsed.success) return { ok: true, change: parsed.data };
  // The field and what is wrong with it, never the value sent.
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`) };
}

/**
 * Names one move of one order, however often the store reports it: the order and the move; for a
 * delay, the day it should now arrive too, since each new day is news worth a notification.
 */
export function changeKeyOf(change: OrderStatusChange): string {
  const base = `${change.orderNumber}:${change.status}`;
  return change.status === 'delayed' && change.expectedArrival ? `${base}:${change.expectedArrival.toISOString().slice(0, 10)}` : base;
}
