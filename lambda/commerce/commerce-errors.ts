/**
 * Failures of the store's own systems behind the ports. Flows and the router turn any of them into
 * a spoken apology that keeps the conversation where it was. Messages name the operation and what
 * went wrong, never a URL, a shopper or the data that was sent or received, so they are safe to log.
 */

/** Any failure of the store's systems; `operation` names the store API operation (e.g. `findShopperOrder`). */
export abstract class StoreError extends Error {
  protected constructor(
    message: string,
    readonly operation: string,
  ) {
    super(message);
  }
}

/** Why the store could not be reached, or did not answer in time. */
export type UnavailableReason =
  /** No answer within the time allowed. */
  | 'timeout'
  /** The connection failed: refused, reset, DNS. */
  | 'unreachable'
  /** The store answered 5xx. */
  | 'server-error'
  /** The store answered 409: the same Idempotency-Key is still being processed. */
  | 'in-progress'
  /** The store answered 429. */
  | 'rate-limited'
  /** Recent calls failed, so calls fail fast for a while instead of waiting on a store that is down. */
  | 'circuit-open'
  /** Too many calls to the store are already waiting. */
  | 'busy';

/** The store is down, too slow or overloaded; trying again later may work. */
export class StoreUnavailableError extends StoreError {
  override readonly name = 'StoreUnavailableError';

  constructor(
    operation: string,
    readonly reason: UnavailableReason,
    /** The HTTP status, when the store answered one. */
    readonly status?: number,
  ) {
    super(`Store API ${operation}: ${reason}${status === undefined ? '' : ` (HTTP ${status})`}`, operation);
  }
}

/** The store answered, but not with what its API promises: not JSON, a missing field, an unknown value. */
export class StoreDataError extends StoreError {
  override readonly name = 'StoreDataError';

  constructor(
    operation: string,
    /** What was wrong, by field path; never the values themselves. */
    readonly problem: string,
  ) {
    super(`Store API ${operation} answered malformed data: ${problem}`, operation);
  }
}

/**
 * The store refused the request itself (400, 401, 403, 422, an unknown path): a wrong API key or
 * base URL, or a request it does not accept. Retrying the same request cannot help.
 */
export class StoreRejectedError extends StoreError {
  override readonly name = 'StoreRejectedError';

  constructor(
    operation: string,
    readonly status: number,
    /** The problem code from the store's answer, when it gave one. */
    readonly code?: string,
  ) {
    super(`Store API ${operation} refused the request: HTTP ${status}${code ? ` (${code})` : ''}`, operation);
  }
}

/** Whether a failure came from the store's systems rather than from Shopvoice itself. */
export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
