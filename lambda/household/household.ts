import { createHmac } from 'node:crypto';
import type { SharedAccounts } from '../commerce/ports';
import type { Turn } from '../core/turn';
import type { HouseholdPolicy } from './household-policy';

/** What the router asks about who is speaking on a device a household may share. */
export interface Household {
  /**
   * Whether the linked account's order details are withheld from this turn's speaker: the store
   * lets only recognised speakers hear them on a shared account, the account is shared, and the
   * platform did not recognise who is speaking.
   */
  withholdsOrderDetails(turn: Turn, at: Date): Promise<boolean>;
}

export interface HouseholdOptions {
  readonly policy: HouseholdPolicy;
  /** Where shared accounts are remembered; without it no account is known to be shared. */
  readonly accounts?: SharedAccounts;
  /** The key account ids are hashed with before they are kept (never kept as they are). */
  readonly keySecret: string;
  /** Told when an account could not be remembered as shared; the turn goes on. Must not throw. */
  readonly onError?: (error: unknown) => void;
}

/** Accounts this process already noted as shared, so a recognised speaker costs one write per account, not one per turn. */
const REMEMBERED_LIMIT = 10_000;

/** The key an account is remembered by: an HMAC of the platform and its account id. */
export function sharedAccountKey(secret: string, platform: string, accountId: string): string {
  return createHmac('sha256', secret).update(`${platform}\u0000${accountId}`, 'utf8').digest('hex');
}

/**
 * An account counts as shared once the platform has recognised a speaker on it: voice IDs are
 * what several people set up to be told apart. Only then can an unrecognised voice be somebody
 * other than the person who linked the account; on any other account it is that person.
 */
export function createHousehold(options: HouseholdOptions): Household {
  const { policy, accounts, keySecret } = options;
  const remembered = new Set<string>();

  async function remember(key: string, at: Date): Promise<void> {
    if (!accounts || remembered.has(key)) return;
    try {
      await accounts.markShared(key, at);
      if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
      remembered.add(key);
    } catch (error) {
      options.onError?.(error);
    }
  }

  return {
    async withholdsOrderDetails(turn, at) {
      const speaker = turn.speaker;
      if (!speaker?.accountId) return false;
      const key = sharedAccountKey(keySecret, turn.platform, speaker.accountId);
      if (speaker.recognised) {
        await remember(key, at);
        return false;
      }
      if (policy.orderDetails !== 'recognised-speaker-when-shared' || !accounts) return false;
      return remembered.has(key) || (await accounts.isShared(key));
    },
  };
}
