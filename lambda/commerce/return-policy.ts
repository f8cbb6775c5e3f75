import * as z from '../zod-mini';
import { addDays, daysBetween } from './day-keys';
import type { ReturnRefusal } from './ports';

/** What an item must be like to be taken back, spoken at the confirmation. */
export const RETURN_CONDITIONS = ['unused', 'unworn', 'tags-attached', 'original-packaging', 'all-parts'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** Categories a store never takes back, and why. */
export const EXCLUSIONS = ['gift-card', 'personal-item'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/** Conditions under this key apply to every category. */
export const ALL_CATEGORIES = '*';

/**
 * The store's return policy as data (the embedded store keeps it as one JSON document). Days count
 * from the delivery day in the store's calendar; the last day to start a return is delivery day + window.
 */
export const ReturnPolicySchema = z.strictObject({
  windowDays: z.int().check(z.gte(0), z.lte(365)),
  /** A different window for some categories, e.g. { audio: 15 }. */
  categoryWindowDays: z._default(z.record(z.string(), z.int().check(z.gte(0), z.lte(365))), {}),
  excludedCategories: z._default(z.record(z.string(), z.enum(EXCLUSIONS)), {}),
  /** Category (or '*') → the conditions items in it must meet. */
  conditions: z._default(z.record(z.string(), z.array(z.enum(RETURN_CONDITIONS))), {}),
  refund: z._default(z.enum(['original-payment', 'store-credit']), 'original-payment'),
  /** How long the shopper has to send the item once the return is created. */
  shipWithinDays: z._default(z.int().check(z.gte(1), z.lte(90)), 14),
});
export type ReturnPolicy = z.output<typeof ReturnPolicySchema>;

/** Everything the policy needs to know about one order line. */
export interface ReturnFacts {
  readonly category: string;
  readonly finalSale: boolean;
  readonly orderCancelled: boolean;
  /** Units bought on the line. */
  readonly quantity: number;
  /** Units of the line already in a return. */
  readonly returnedQuantity: number;
  /** The store-calendar day (YYYY-MM-DD) the line was delivered; absent until it is. */
  readonly deliveredOn?: string;
}

/** Why a line cannot be returned at all; each is also a store's refusal (RETURN_REFUSALS in ports.ts). */
export type Ineligibility = Exclude<ReturnRefusal, 'not-found' | 'too-many'>;

export type ReturnVerdict =
  | {
      readonly eligible: true;
      /** Units still returnable. */
      readonly returnable: number;
      readonly windowDays: number;
      /** The last day a return can be started (YYYY-MM-DD). */
      readonly lastDay: string;
      readonly conditions: readonly ReturnCondition[];
    }
  | { readonly eligible: false; readonly why: Exclude<Ineligibility, 'window-closed'> }
  | {
      readonly eligible: false;
      readonly why: 'window-closed';
      readonly deliveredOn: string;
      readonly windowDays: number;
      readonly lastDay: string;
    };

export function windowDaysFor(policy: ReturnPolicy, category: string): number {
  return policy.categoryWindowDays[category] ?? policy.windowDays;
}

export function conditionsFor(policy: ReturnPolicy, category: string): ReturnCondition[] {
  const all = [...(policy.conditions[ALL_CATEGORIES] ?? []), ...(policy.conditions[category] ?? [])];
  return RETURN_CONDITIONS.filter((condition) => all.includes(condition));
}

/**
 * Whether a line can be returned today. Pure: the same policy, facts and day always give the same
 * verdict. The first rule that refuses wins, most fundamental first.
 */
export function evaluateReturn(policy: ReturnPolicy, facts: ReturnFacts, today: string): ReturnVerdict {
  if (facts.orderCancelled) return { eligible: false, why: 'cancelled' };
  const exclusion = policy.excludedCategories[facts.category];
  if (exclusion) return { eligible: false, why: exclusion };
  if (facts.finalSale) return { eligible: false, why: 'final-sale' };
  if (facts.deliveredOn === undefined) return { eligible: false, why: 'not-delivered' };
  const returnable = facts.quantity - facts.returnedQuantity;
  if (returnable <= 0) return { eligible: false, why: 'already-returned' };
  const windowDays = windowDaysFor(policy, facts.category);
  const lastDay = addDays(facts.deliveredOn, windowDays);
  if (daysBetween(facts.deliveredOn, today) > windowDays) {
    return { eligible: false, why: 'window-closed', deliveredOn: facts.deliveredOn, windowDays, lastDay };
  }
  return { eligible: true, returnable, windowDays, lastDay, conditions: conditionsFor(policy, facts.category) };
}

/**
 * Whether `quantity` units of a line may be returned today: undefined when they may, else why not,
 * as a store refuses it. What every return is checked against at the moment it is created.
 */
export function returnRefusal(policy: ReturnPolicy, facts: ReturnFacts, quantity: number, today: string): Exclude<ReturnRefusal, 'not-found'> | undefined {
  const verdict = evaluateReturn(policy, facts, today);
  if (!verdict.eligible) return verdict.why;
  return quantity > verdict.returnable ? 'too-many' : undefined;
}
