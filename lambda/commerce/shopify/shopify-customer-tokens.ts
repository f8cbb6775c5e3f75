import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import { type OpaqueTokenOptions, opaqueTokenVerifier } from '../../auth/opaque-token-verifier';
import { StoreRejectedError } from '../commerce-errors';
import type { ShopifyApis } from './shopify-apis';
import { CUSTOMER_IDENTITY } from './shopify-documents';
import { ownId } from './shopify-mapping';
import { CustomerIdentitySchema } from './shopify-wire';

export type ShopifyTokenOptions = OpaqueTokenOptions;

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
  return opaqueTokenVerifier(async (token) => {
    try {
      const { customer } = await apis.customerWith(token, CUSTOMER_IDENTITY, {}, CustomerIdentitySchema);
      return ownId(CUSTOMER_IDENTITY.name, customer.id, 'Customer');
    } catch (error) {
      if (error instanceof StoreRejectedError && (error.status === 401 || error.status === 403)) return undefined;
      throw error;
    }
  }, options);
}
