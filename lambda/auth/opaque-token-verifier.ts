import { createHash } from 'node:crypto';
import type { AccessTokenVerifier } from './access-token-verifier';
import { createVerifiedTokenCache } from './verified-token-cache';

export interface OpaqueTokenOptions {
  /** How long a token, once the store named its customer, is taken as theirs without asking again. */
  readonly rememberMs: number;
  readonly now?: () => number;
}

/** Real tokens are far shorter; anything longer is not sent anywhere. */
const MAX_TOKEN_LENGTH = 4_096;
const TOKEN = /^[\x21-\x7e]+$/;
/** Tokens remembered at once; the least recently used make room. */
const MAX_REMEMBERED = 10_000;

/**
 * A verifier for tokens only the store can read (Shopify's and Medusa's customer tokens): `whose`
 * asks the store which customer a token speaks for (undefined when it refuses the token; it
 * rejects when the store cannot be asked, so the shopper hears an apology, not a request to link
 * again). The answer is kept for `rememberMs` under the token's hash, never the token itself,
 * sparing a call on every turn; a token revoked meanwhile is believed that much longer.
 */
export function opaqueTokenVerifier(whose: (token: string) => Promise<string | undefined>, options: OpaqueTokenOptions): AccessTokenVerifier {
  const now = options.now ?? Date.now;
  const remembered = createVerifiedTokenCache<string>(MAX_REMEMBERED);
  return {
    async verify(token) {
      if (!token || token.length > MAX_TOKEN_LENGTH || !TOKEN.test(token)) return undefined;
      const key = createHash('sha256').update(token).digest('base64url');
      const known = remembered.get(key, now());
      if (known !== undefined) return { shopperId: known };
      const shopperId = await whose(token);
      if (shopperId === undefined) return undefined;
      const at = now();
      remembered.keep(key, shopperId, at + options.rememberMs, at);
      return { shopperId };
    },
  };
}
