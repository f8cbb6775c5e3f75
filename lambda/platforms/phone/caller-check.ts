import * as z from 'zod';
import type { Orders, Shoppers } from '../../commerce/ports';
import { secondFactorOfProfile } from '../../commerce/second-factor';

/**
 * Who is calling: the caller's number names a shopper, and a second factor the caller says or
 * keys in (the last four digits of the card on file, the delivery ZIP code, or a recent order
 * number) confirms it before anything about their account is said. The secrets are compared
 * here and never spoken, logged or stored.
 */

/** Wrong second factors before the caller is offered a person instead of another try. */
export const SECOND_FACTOR_TRIES = 3;
/** An order placed within this many days counts as recent enough to prove who is calling. */
export const RECENT_ORDER_DAYS = 90;

export const CallerCheckSchema = z.discriminatedUnion('kind', [
  /** The number names no shopper (or was withheld); `failures` counts order numbers and ZIP codes that matched no order. */
  z.object({ kind: z.literal('unknown'), failures: z.number().int().min(0).max(SECOND_FACTOR_TRIES) }),
  /** The number names this shopper; no second factor has matched yet. */
  z.object({ kind: z.literal('claimed'), shopperId: z.string().min(1).max(200), failures: z.number().int().min(0).max(SECOND_FACTOR_TRIES) }),
  z.object({ kind: z.literal('verified'), shopperId: z.string().min(1).max(200) }),
  /** Every try failed: no more tries in this call, only a person. */
  z.object({ kind: z.literal('refused') }),
]);

export type CallerCheck = z.infer<typeof CallerCheckSchema>;

/** A caller id that is a phone number (E.164); withheld and non-numeric ones ("anonymous", "client:…") are none. */
export function callerNumber(from: string | undefined): string | undefined {
  const number = from?.trim() ?? '';
  return /^\+[1-9]\d{6,14}$/.test(number) ? number : undefined;
}

/** The check a call starts with: the shopper the number names, when the store can tell. */
export async function callerByNumber(shoppers: Shoppers, from: string | undefined): Promise<CallerCheck> {
  const number = callerNumber(from);
  const shopper = number && shoppers.findByPhone ? await shoppers.findByPhone(number) : undefined;
  return shopper ? { kind: 'claimed', shopperId: shopper.id, failures: 0 } : { kind: 'unknown', failures: 0 };
}

export interface SecondFactorPorts {
  readonly shoppers: Shoppers;
  readonly orders: Orders;
}

/** The shopper an order number and the ZIP code it went to name, for a caller whose number names nobody; undefined when they do not match. */
export async function shopperByOrder(ports: SecondFactorPorts, orderNumber: string, postalCode: string, now: Date): Promise<string | undefined> {
  const find = ports.shoppers.findByOrderAndPostalCode;
  if (!find || !/^\d{3,12}$/.test(orderNumber) || !/^\d{3,10}$/.test(postalCode)) return undefined;
  return find.call(ports.shoppers, { orderNumber, postalCode, placedSince: new Date(now.getTime() - RECENT_ORDER_DAYS * 86_400_000) });
}

/** Whether the digits are one of the shopper's second factors: checked by the store when it can, else against its profile and orders. */
export async function secondFactorMatches(ports: SecondFactorPorts, shopperId: string, digits: string, now: Date): Promise<boolean> {
  if (!/^\d{3,12}$/.test(digits)) return false;
  const check = { shopperId, digits, placedSince: new Date(now.getTime() - RECENT_ORDER_DAYS * 86_400_000) };
  // A store that checks the factor itself never hands its secrets over.
  return ports.shoppers.checkSecondFactor ? ports.shoppers.checkSecondFactor(check) : secondFactorOfProfile(ports, check);
}
