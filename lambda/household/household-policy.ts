import type { Speaker } from '../core/turn';

/** What a purchase by voice needs besides the shopper's "yes". */
export const PURCHASE_AUTH_MODES = ['pin', 'recognised-speaker-or-pin'] as const;
export type PurchaseAuthMode = (typeof PURCHASE_AUTH_MODES)[number];

/** Who may hear the linked account's orders on a device that several people share. */
export const ORDER_DETAIL_MODES = ['anyone', 'recognised-speaker-when-shared'] as const;
export type OrderDetailsMode = (typeof ORDER_DETAIL_MODES)[number];

/** The store's rules for a device that a household shares. */
export interface HouseholdPolicy {
  /**
   * `pin`: the PIN step-up as configured (PURCHASE_PIN_REQUIRED). `recognised-speaker-or-pin`: a
   * recognised speaker who linked their own account, heard with at least `minSpeakerConfidence`,
   * buys without the PIN; everyone else says it.
   */
  readonly purchaseAuth: PurchaseAuthMode;
  /**
   * `recognised-speaker-when-shared`: on an account where Alexa has recognised a speaker (so
   * several people talk through it), a speaker it does not recognise hears no order details.
   */
  readonly orderDetails: OrderDetailsMode;
  /** The lowest confidence level at which a recognised speaker stands in for the PIN. */
  readonly minSpeakerConfidence: number;
}

/** Alexa reports 300 for a speaker recognised by voice (400 once confirmed with their profile PIN). */
export const DEFAULT_MIN_SPEAKER_CONFIDENCE = 300;

/** Whether this speaker's voice stands in for the purchase PIN under the store's policy. */
export function speakerReplacesPin(speaker: Speaker | undefined, policy: HouseholdPolicy | undefined): boolean {
  if (!speaker || policy?.purchaseAuth !== 'recognised-speaker-or-pin') return false;
  return speaker.recognised && speaker.ownLink && (speaker.confidence ?? 0) >= policy.minSpeakerConfidence;
}
