import type { CheckoutClaim, CheckoutClaims } from '../ports';
import type { SqliteDatabase } from './open-database';

/** Claims whose window closed this long ago are pruned; nothing reads them any more. */
const KEEP_EXPIRED_MS = 86_400_000;
/** Pruning runs once every this many claims, not on every one. */
const PRUNE_EVERY = 200;

interface ClaimRow {
  readonly claim_key: string;
  readonly claimed_until: number;
}

/**
 * Checkout claims in the embedded store: one row per shopper and basket. Reading the row and
 * replacing it happen in one IMMEDIATE transaction, so of two devices claiming the same basket at
 * once exactly one writes its key and the other reads it back.
 */
export function createSqliteCheckoutClaims(db: SqliteDatabase): CheckoutClaims {
  const current = db.prepare<[string, string], ClaimRow>(
    'SELECT claim_key, claimed_until FROM checkout_claims WHERE shopper_id = ? AND basket = ?',
  );
  const save = db.prepare<[{ shopperId: string; basket: string; key: string; at: number; until: number }]>(
    `INSERT INTO checkout_claims (shopper_id, basket, claim_key, claimed_at, claimed_until)
     VALUES (@shopperId, @basket, @key, @at, @until)
     ON CONFLICT (shopper_id, basket) DO UPDATE
       SET claim_key = excluded.claim_key, claimed_at = excluded.claimed_at, claimed_until = excluded.claimed_until`,
  );
  const prune = db.prepare<[number]>('DELETE FROM checkout_claims WHERE claimed_until < ?');
  let claims = 0;

  const claimOnce = db.transaction((claim: CheckoutClaim): string => {
    const at = claim.at.getTime();
    const earlier = current.get(claim.shopperId, claim.basket);
    // The earlier claim holds while less than its window has passed since it was made.
    if (earlier && earlier.claimed_until > at) return earlier.claim_key;
    save.run({ shopperId: claim.shopperId, basket: claim.basket, key: claim.key, at, until: at + claim.windowMs });
    return claim.key;
  });

  return {
    async claim(claim) {
      if (claim.key.trim() === '') throw new Error('A checkout claim needs a key');
      if (!(claim.windowMs >= 0)) throw new Error('A checkout claim needs a window of zero or more milliseconds');
      const key = claimOnce.immediate(claim);
      claims += 1;
      if (claims % PRUNE_EVERY === 0) prune.run(claim.at.getTime() - KEEP_EXPIRED_MS);
      return key;
    },
  };
}
