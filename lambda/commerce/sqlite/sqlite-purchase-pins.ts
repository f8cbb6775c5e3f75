import { hashPurchasePin, PIN_TRIES_BEFORE_LOCKOUT, verifyPurchasePin, wrongPinKey } from '../../auth/purchase-pin';
import type { PinAttempt, PinCheck, PurchasePins } from '../ports';
import type { SqliteDatabase } from './open-database';

interface PinRow {
  readonly pin_hash: string;
  readonly wrong_tries: number;
  readonly locked_until: number | null;
  /** wrongPinKey of the wrong PIN counted last, while no right PIN or lock came after it. */
  readonly last_attempt_key: string | null;
}

/** The shopper's PIN when one may be tried now; otherwise why not. */
type Triable = { readonly row: PinRow } | { readonly blocked: Extract<PinCheck, { kind: 'not-set' } | { kind: 'locked' }> };

function triable(row: PinRow | undefined, at: Date): Triable {
  if (!row) return { blocked: { kind: 'not-set' } };
  if (row.locked_until !== null && row.locked_until > at.getTime()) return { blocked: { kind: 'locked', until: new Date(row.locked_until) } };
  return { row };
}

/**
 * Purchase PINs in the embedded store. The hash is checked outside any transaction (scrypt is
 * slow on purpose); the outcome is then written in one that reads the row again, so concurrent
 * tries are all counted and a lock taken meanwhile still holds. Wrong tries are the shopper's,
 * whatever conversation they come from; only the same wrong PIN said again at once is not counted twice.
 */
export function createSqlitePurchasePins(db: SqliteDatabase): PurchasePins {
  const byShopper = db.prepare<[string], PinRow>(
    'SELECT pin_hash, wrong_tries, locked_until, last_attempt_key FROM purchase_pins WHERE shopper_id = ?',
  );
  const alwaysRequired = db.prepare<[string], { readonly always_required: number }>('SELECT always_required FROM purchase_pins WHERE shopper_id = ?');
  const saveTries = db.prepare<[number, number | null, string | null, string]>(
    'UPDATE purchase_pins SET wrong_tries = ?, locked_until = ?, last_attempt_key = ? WHERE shopper_id = ?',
  );

  const accept = db.transaction((attempt: PinAttempt): PinCheck => {
    const now = triable(byShopper.get(attempt.shopperId), attempt.at);
    if ('blocked' in now) return now.blocked;
    saveTries.run(0, null, null, attempt.shopperId);
    return { kind: 'accepted' };
  });

  const countWrong = db.transaction((attempt: PinAttempt): PinCheck => {
    const now = triable(byShopper.get(attempt.shopperId), attempt.at);
    if ('blocked' in now) return now.blocked;
    const { row } = now;
    const key = wrongPinKey(attempt.pin, row.pin_hash);
    // The wrong PIN just counted, said again (a platform's retry): it tells a guesser nothing new.
    if (row.last_attempt_key === key) return { kind: 'wrong', triesLeft: PIN_TRIES_BEFORE_LOCKOUT - row.wrong_tries };
    const tries = row.wrong_tries + 1;
    if (tries >= PIN_TRIES_BEFORE_LOCKOUT) {
      const until = attempt.at.getTime() + attempt.lockoutMs;
      // A lock that runs out gives a fresh set of tries.
      saveTries.run(0, until, null, attempt.shopperId);
      return { kind: 'locked', until: new Date(until) };
    }
    saveTries.run(tries, null, key, attempt.shopperId);
    return { kind: 'wrong', triesLeft: PIN_TRIES_BEFORE_LOCKOUT - tries };
  });

  return {
    async status(shopperId, at) {
      const now = triable(byShopper.get(shopperId), at);
      return 'blocked' in now ? now.blocked : { kind: 'ready' };
    },

    async alwaysRequired(shopperId) {
      return alwaysRequired.get(shopperId)?.always_required === 1;
    },

    async check(attempt) {
      const now = triable(byShopper.get(attempt.shopperId), attempt.at);
      if ('blocked' in now) return now.blocked;
      const matches = await verifyPurchasePin(attempt.pin, now.row.pin_hash);
      return matches ? accept.immediate(attempt) : countWrong.immediate(attempt);
    },
  };
}

/**
 * Gives a shopper a purchase PIN, or a new one: only its salted hash is written, and any wrong
 * tries or lockout of the old PIN are cleared with it. For store staff's tools, never a conversation.
 */
export async function setSqlitePurchasePin(db: SqliteDatabase, shopperId: string, pin: string): Promise<void> {
  if (shopperId.trim() === '') throw new Error('A purchase PIN belongs to a shopper id');
  const hash = await hashPurchasePin(pin);
  db.prepare(
    `INSERT INTO purchase_pins (shopper_id, pin_hash, wrong_tries, locked_until, last_attempt_key) VALUES (?, ?, 0, NULL, NULL)
       ON CONFLICT (shopper_id) DO UPDATE
       SET pin_hash = excluded.pin_hash, wrong_tries = 0, locked_until = NULL, last_attempt_key = NULL`,
  ).run(shopperId, hash);
}

/** Removes a shopper's purchase PIN; returns whether there was one. */
export function clearSqlitePurchasePin(db: SqliteDatabase, shopperId: string): boolean {
  return db.prepare('DELETE FROM purchase_pins WHERE shopper_id = ?').run(shopperId).changes > 0;
}

/**
 * Turns the PIN on (or back off) for every purchase of the shopper's, whatever the store's policy;
 * returns false, changing nothing, when the shopper has no PIN to ask for. A new PIN keeps it.
 */
export function setSqlitePinAlwaysRequired(db: SqliteDatabase, shopperId: string, always: boolean): boolean {
  return db.prepare('UPDATE purchase_pins SET always_required = ? WHERE shopper_id = ?').run(always ? 1 : 0, shopperId).changes > 0;
}
