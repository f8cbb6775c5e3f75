import { StoreUnavailableError } from '../commerce/commerce-errors';
import type { PortOperation } from './bounded-commerce';

/**
 * Writes whose outcome is unknown when the turn's deadline passes before they answer: the store
 * may still complete them. Each is keyed, so the shopper doing the same again gets the one
 * order, return or ticket back rather than a second one; they are told so, rather than that the
 * store could not be reached.
 */

/** How the shopper tries again: by confirming again (an order, a return), or by asking for a person again. */
export type UnconfirmedWrite = 'confirmation' | 'handoff';

const UNCONFIRMED_WHEN_LATE: Partial<Readonly<Record<PortOperation, UnconfirmedWrite>>> = {
  'checkout.place': 'confirmation',
  'returns.create': 'confirmation',
  'handoffs.file': 'handoff',
};

/** The kind of write `cause` left unconfirmed, when it is a keyed write that ran out of time. */
export function unconfirmedWrite(cause: unknown): UnconfirmedWrite | undefined {
  if (!(cause instanceof StoreUnavailableError) || cause.reason !== 'timeout') return undefined;
  return (UNCONFIRMED_WHEN_LATE as Readonly<Record<string, UnconfirmedWrite | undefined>>)[cause.operation];
}
