import { StoreUnavailableError } from '../commerce/commerce-errors';
import type { PortOperation } from './bounded-commerce';

/**
 * Writes whose outcome is unknown: the request may have reached the store and been applied, but
 * no answer came back in time (the turn's deadline passed, or the store API's answer timed out or
 * its connection dropped). Each is keyed, so the shopper doing the same again gets the one
 * order, return or ticket back rather than a second one; they are told so, rather than that the
 * store could not be reached.
 */

/** How the shopper tries again: by confirming again (an order, a return), or by asking for a person again. */
export type UnconfirmedWrite = 'confirmation' | 'handoff';

/** Named as the turn budget names port calls, and as commerce-api.yaml names the store API's operations. */
const KEYED_WRITES: Partial<Readonly<Record<PortOperation | 'placeOrder' | 'createReturn', UnconfirmedWrite>>> = {
  'checkout.place': 'confirmation',
  'returns.create': 'confirmation',
  'handoffs.file': 'handoff',
  placeOrder: 'confirmation',
  createReturn: 'confirmation',
};

/** No answer, for a reason that says nothing about whether the write was applied. */
const OUTCOME_UNKNOWN: ReadonlySet<StoreUnavailableError['reason']> = new Set(['timeout', 'unreachable']);

/** The kind of write `cause` left unconfirmed, when it is a keyed write whose answer never came. */
export function unconfirmedWrite(cause: unknown): UnconfirmedWrite | undefined {
  if (!(cause instanceof StoreUnavailableError) || !OUTCOME_UNKNOWN.has(cause.reason)) return undefined;
  return (KEYED_WRITES as Readonly<Record<string, UnconfirmedWrite | undefined>>)[cause.operation];
}
