import { createHash } from 'node:crypto';
import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import { StoreRejectedError } from '../commerce-errors';
import type { ShopifyApis } from './shopify-apis';
import { CUSTOMER_IDENTITY } from './shopify-documents';
import { ownId } from './shopify-mapping';
import { CustomerIdentitySchema } from './shopify-wire';

export interface ShopifyTokenOptions {
  /** How long a token, once Shopify named its customer, is taken as theirs without asking again. */
  readonly rememberMs: number;
  readonly now?: () => number;
}

/** Real tokens are far shorter; anything longer is not sent anywhere. */
const MAX_TOKEN_LENGTH = 4_096;
const TOKEN = /^[\x21-\x7e]+$/;
/** Tokens remembered at once; the oldest make room. */
const MAX_REMEMBERED = 10_000;

/**
 * Who a Customer Account API access token speaks for. Shopify's tokens are opaque: nothing in them
 * can be decoded or checked by signature, so the API is asked (`customer { id }`) and its answer
 * is the shopper id. Shopify refusing the token (expired, revoked, never issued) means no shopper.
 * When Shopify cannot be asked (down, slow), this rejects with the StoreError, so the shopper hears
 * an apology rather than being told to link an account they have linked.
 *
 * A token's answer is remembered for `rememberMs` (by its hash, never the token itself), sparing a
 * call on every turn; a token revoked meanwhile is believed that much longer.
 */
export function createShopifyTokenVerifier(apis: ShopifyApis, options: ShopifyTokenOptions): AccessTokenVerifier {
  const now = options.now ?? Date.now;
  const remembered = new Map<string, { readonly shopperId: string; readonly until: number }>();
  return {
    async verify(token) {
      if (!token || token.length > MAX_TOKEN_LENGTH || !TOKEN.test(token)) return undefined;
      const key = createHash('sha256').update(token).digest('base64url');
      const known = remembered.get(key);
      if (known && known.until > now()) return { shopperId: known.shopperId };
      remembered.delete(key);
      try {
        const { customer } = await apis.customerWith(token, CUSTOMER_IDENTITY, {}, CustomerIdentitySchema);
        const shopperId = ownId(CUSTOMER_IDENTITY.name, customer.id, 'Customer');
        remembered.set(key, { shopperId, until: now() + options.rememberMs });
        if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
        return { shopperId };
      } catch (error) {
        if (error instanceof StoreRejectedError && (error.status === 401 || error.status === 403)) return undefined;
        throw error;
      }
    },
  };
}
