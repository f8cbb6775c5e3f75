import type { SharedAccounts } from '../ports';
import type { SqliteDatabase } from './open-database';

/** Shared device accounts in the embedded file: one row per account key, written once. */
export function createSqliteSharedAccounts(db: SqliteDatabase): SharedAccounts {
  const mark = db.prepare<[string, number]>('INSERT INTO shared_accounts (account_key, first_marked_at) VALUES (?, ?) ON CONFLICT (account_key) DO NOTHING');
  const find = db.prepare<[string], { readonly found: number }>('SELECT 1 AS found FROM shared_accounts WHERE account_key = ?');
  return {
    async markShared(accountKey, at) {
      if (accountKey === '') throw new Error('A shared account needs its key');
      mark.run(accountKey, at.getTime());
    },
    async isShared(accountKey) {
      return find.get(accountKey) !== undefined;
    },
  };
}
