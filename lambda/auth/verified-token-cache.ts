/**
 * Access tokens already verified, each kept until it expires: a shopper's device sends the same
 * token turn after turn for about an hour, and checking its signature again every turn costs more
 * than the rest of the token's handling. A token is found only by its exact text, so a token that
 * differs in any character (another signature, another claim) is verified afresh; one past its
 * `exp` is never answered from here.
 */
export interface VerifiedTokenCache<Value> {
  /** What the token was verified as, while it has not expired at `nowMs`. */
  get(token: string, nowMs: number): Value | undefined;
  /** Keeps a verified token's result until `expiresAtMs`; a token already expired is not kept. */
  keep(token: string, value: Value, expiresAtMs: number, nowMs: number): void;
}

/** Enough for the devices one container serves at once; a token pushed out is only verified again. */
export const VERIFIED_TOKENS_KEPT = 1000;

export function createVerifiedTokenCache<Value>(capacity = VERIFIED_TOKENS_KEPT): VerifiedTokenCache<Value> {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, { readonly value: Value; readonly expiresAtMs: number }>();
  return {
    get(token, nowMs) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (entry.expiresAtMs <= nowMs) return undefined;
      entries.set(token, entry);
      return entry.value;
    },
    keep(token, value, expiresAtMs, nowMs) {
      if (capacity < 1 || !(expiresAtMs > nowMs)) return;
      entries.delete(token);
      entries.set(token, { value, expiresAtMs });
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
  };
}
