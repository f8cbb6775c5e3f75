import { RETURN_REASONS, type ReturnReason } from '../../commerce/ports';
import type { SlotValue } from '../../core/turn';

/** Reasons a standard return does not cover: a person takes these over. */
const NEEDS_A_PERSON: ReadonlySet<ReturnReason> = new Set<ReturnReason>(['damaged']);

export interface GivenReason {
  readonly reason: ReturnReason;
  /** The shopper's words, when they matched none of the known reasons. */
  readonly note?: string;
}

/** The reason slot as a return reason; words that resolve to none are kept as 'other' with the words. */
export function reasonFrom(slot: SlotValue | undefined): GivenReason | undefined {
  if (!slot || slot.spoken.trim() === '') return undefined;
  const known = RETURN_REASONS.find((reason) => reason === slot.id || reason === slot.spoken);
  return known ? { reason: known } : { reason: 'other', note: slot.spoken.slice(0, 200) };
}

export function needsAPerson(reason: ReturnReason): boolean {
  return NEEDS_A_PERSON.has(reason);
}
