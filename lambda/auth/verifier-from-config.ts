import type { Config } from '../config';
import { createAccessTokenVerifier } from './access-token-verifier';
import type { AccessTokenVerifier } from './access-token-verifier';
import { readDevPublicJwks } from './dev-key';
import { createShopifyAccessTokenVerifier } from '../commerce/shopify/shopify-store-commerce';
import { createMedusaTokenVerifier } from '../commerce/medusa/medusa-customer-tokens';

/**
 * The verifier the app uses: with STORE_ADAPTER=shopify, the Customer Account API's word on the
 * token; otherwise the configured JWKS URL and/or file, plus the development key when
 * config trusts it. Throws when a configured JWKS file or URL is unusable.
 */
export function createAccessTokenVerifierFromConfig(config: Config): AccessTokenVerifier {
  // Shopify's customers link with Customer Account API tokens, which Shopify alone can say the owner of.
  if (config.commerce.adapter === 'shopify') return createShopifyAccessTokenVerifier(config.commerce);
  // Medusa's customers link with Medusa's own customer tokens, which Medusa verifies (GET /store/customers/me).
  if (config.commerce.adapter === 'medusa') return createMedusaTokenVerifier(config.commerce, { rememberMs: 60_000, timeoutMs: config.commerce.timeoutMs });
  // Checked again here because a Config can be built by hand, not only by loadConfig().
  const trustDevKey = config.auth.trustDevKey && config.environment !== 'production';
  return createAccessTokenVerifier({
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    jwksUrl: config.auth.jwksUrl,
    jwksFile: config.auth.jwksFile,
    keySets: trustDevKey ? [() => readDevPublicJwks(config.dataDir)] : [],
  });
}
