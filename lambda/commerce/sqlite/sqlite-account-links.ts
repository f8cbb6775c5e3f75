import type { AccountLinkState } from '../ports';
import type { SqliteDatabase } from './open-database';

/**
 * Codes long expired are pruned as new ones are kept, measured against the new code's own clock
 * (never the machine's, which tests and a skewed host may not share).
 */
const PRUNE_BEHIND_MS = 86_400_000;

/** The account-link state in the embedded file: what several server processes on one file share. */
export function createSqliteAccountLinks(db: SqliteDatabase): AccountLinkState {
  const keep = db.prepare<[string, string, number]>('INSERT INTO link_codes (code_hash, sealed_grant, expires_at) VALUES (?, ?, ?)');
  const pruneCodes = db.prepare<[number]>('DELETE FROM link_codes WHERE expires_at <= ?');
  // One statement reads and removes: two servers on the file cannot both take the same code.
  const take = db.prepare<[string], { sealed_grant: string; expires_at: number }>('DELETE FROM link_codes WHERE code_hash = ? RETURNING sealed_grant, expires_at');
  const count = db.prepare<[string, number], { failures: number }>('SELECT COUNT(*) AS failures FROM sign_in_failures WHERE email_hash = ? AND failed_at >= ?');
  const note = db.prepare<[string, number, number]>('INSERT INTO sign_in_failures (email_hash, failed_at, forget_after) VALUES (?, ?, ?)');
  const pruneFailures = db.prepare<[number]>('DELETE FROM sign_in_failures WHERE forget_after <= ?');
  const clear = db.prepare<[string]>('DELETE FROM sign_in_failures WHERE email_hash = ?');
  return {
    async keepCode(codeHash, sealedGrant, expiresAt) {
      pruneCodes.run(expiresAt.getTime() - PRUNE_BEHIND_MS);
      keep.run(codeHash, sealedGrant, expiresAt.getTime());
    },
    async takeCode(codeHash, now) {
      const row = take.get(codeHash);
      return row && row.expires_at > now.getTime() ? row.sealed_grant : undefined;
    },
    async failedSignIns(emailHash, since) {
      return count.get(emailHash, since.getTime())?.failures ?? 0;
    },
    async noteFailedSignIn(emailHash, at, forgetAfter) {
      pruneFailures.run(at.getTime());
      note.run(emailHash, at.getTime(), forgetAfter.getTime());
    },
    async clearFailedSignIns(emailHash) {
      clear.run(emailHash);
    },
  };
}
