import { createHmac } from 'node:crypto';
import type { AccountLinkState } from '../../commerce/ports';

/**
 * Failed sign-ins per email, so the linking page cannot be used to guess a shopper's Medusa
 * password: after `maxFailures` within `windowMs`, that email is not tried with Medusa until the
 * oldest failure leaves the window. Per email rather than per address: behind a load balancer
 * every shopper can share one address. Kept in the skill's state store, so every server instance
 * counts the same failures, by a keyed hash of the email (an unkeyed one could be looked up from a
 * list of addresses).
 */
export interface SignInAttempts {
  blocked(email: string, now: Date): Promise<boolean>;
  failed(email: string, now: Date): Promise<void>;
  succeeded(email: string): Promise<void>;
}

export const SIGN_IN_FAILURES_ALLOWED = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
const HASH_PURPOSE = 'shopvoice-medusa-link-sign-in/1';

export function createSignInAttempts(state: AccountLinkState, secret: string, maxFailures = SIGN_IN_FAILURES_ALLOWED, windowMs = SIGN_IN_WINDOW_MS): SignInAttempts {
  const keyOf = (email: string) => createHmac('sha256', `${HASH_PURPOSE}\n${secret}`).update(email.toLowerCase()).digest('base64url');
  return {
    async blocked(email, now) {
      return (await state.failedSignIns(keyOf(email), new Date(now.getTime() - windowMs))) >= maxFailures;
    },
    failed(email, now) {
      return state.noteFailedSignIn(keyOf(email), now, new Date(now.getTime() + windowMs));
    },
    succeeded(email) {
      return state.clearFailedSignIns(keyOf(email));
    },
  };
}
