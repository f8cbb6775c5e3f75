import { createHash } from 'node:crypto';

/**
 * Failed sign-ins per email, so the linking page cannot be used to guess a shopper's Medusa
 * password: after `maxFailures` within `windowMs`, that email is not tried with Medusa until the
 * oldest failure leaves the window. Per email rather than per address: behind a load balancer
 * every shopper can share one address. Kept in memory, by the email's hash.
 */
export interface SignInAttempts {
  blocked(email: string, now: Date): boolean;
  failed(email: string, now: Date): void;
  succeeded(email: string): void;
}

export const SIGN_IN_FAILURES_ALLOWED = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
const MAX_EMAILS = 10_000;

export function createSignInAttempts(maxFailures = SIGN_IN_FAILURES_ALLOWED, windowMs = SIGN_IN_WINDOW_MS): SignInAttempts {
  const failures = new Map<string, number[]>();
  const keyOf = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('base64url');
  const recent = (key: string, now: Date) => (failures.get(key) ?? []).filter((at) => at > now.getTime() - windowMs);
  return {
    blocked(email, now) {
      return recent(keyOf(email), now).length >= maxFailures;
    },
    failed(email, now) {
      const key = keyOf(email);
      const kept = [...recent(key, now), now.getTime()];
      failures.delete(key);
      failures.set(key, kept);
      if (failures.size > MAX_EMAILS) failures.delete(failures.keys().next().value!);
    },
    succeeded(email) {
      failures.delete(keyOf(email));
    },
  };
}
