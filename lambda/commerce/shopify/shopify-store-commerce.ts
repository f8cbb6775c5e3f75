import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import type { ShopifySource } from '../../config';
import { describeError, type Logger } from '../../logging';
import { createStoreCallPolicy, DEFAULT_STORE_CALL_SETTINGS, type StoreCallEvent } from '../http/store-call-policy';
import type { CurrencyCode, StoreCommerce } from '../ports';
import { createShopifyApis, type ShopifyApis } from './shopify-apis';
import { shopifyCatalog } from './shopify-catalog';
import { shopifyCheckout } from './shopify-checkout';
import { createShopifyTokenVerifier } from './shopify-customer-tokens';
import { shopifyOrders } from './shopify-orders';
import { shopifyReturns } from './shopify-returns';
import { shopifyShoppers } from './shopify-shoppers';

export interface ShopifyStoreOptions {
  readonly fetch?: typeof fetch;
  /** The language of the catalog's own names (STORE_CATALOG_LOCALE): a shopper's, where Shopify keeps none. */
  readonly catalogLocale: string;
  /** The store's currency (STORE_CURRENCY), where Shopify names one Shopvoice does not speak. */
  readonly currency: CurrencyCode;
  /** How long the catalog's words are reused; 5 minutes by default, as the other stores do. */
  readonly vocabularyTtlMs?: number;
  /** Locales whose words are read as the adapter is made, so that no first search waits on them. */
  readonly warmVocabularyFor?: readonly string[];
  /** Fail fast while Shopify is down; `false` turns it off (tests). */
  readonly breaker?: false;
  readonly logger?: Pick<Logger, 'warn' | 'info'>;
}

const VOCABULARY_TTL_MS = 5 * 60_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** How long a checked customer token is believed before Shopify is asked again. */
const TOKEN_MEMORY_MS = 60_000;

function logTo(logger: ShopifyStoreOptions['logger']): ((event: StoreCallEvent) => void) | undefined {
  if (!logger) return undefined;
  return (event) => {
    if (event.kind === 'retry') logger.warn(event, 'Shopify call failed; trying again');
    else if (event.kind === 'circuit-opened') logger.warn(event, 'Shopify keeps failing; calls fail fast for a while');
    else logger.info(event, event.kind === 'circuit-closed' ? 'Shopify answers again' : 'Shopify: trying one call');
  };
}

/** Shopify's two APIs behind the same call policy the HTTP store has: deadline, retried reads, breaker, bulkhead. */
function apisFor(source: ShopifySource, options: Pick<ShopifyStoreOptions, 'fetch' | 'breaker' | 'logger'>): ShopifyApis {
  const policy = createStoreCallPolicy(
    { ...DEFAULT_STORE_CALL_SETTINGS, timeoutMs: source.timeoutMs, ...(options.breaker === false ? { breaker: false } : {}) },
    logTo(options.logger),
  );
  return createShopifyApis({ source, policy, fetch: options.fetch ?? fetch, attemptTimeoutMs: source.timeoutMs, maxBodyBytes: MAX_BODY_BYTES });
}

/**
 * The store's ports on Shopify's shopper-facing APIs: the Storefront API for the catalog and carts,
 * the Customer Account API (as the linked shopper) for their profile, orders and returns. No port
 * needs the Admin API: everything a shopper may hear or do is theirs to read and do.
 */
export function createShopifyStoreCommerce(source: ShopifySource, options: ShopifyStoreOptions): StoreCommerce {
  const apis = apisFor(source, options);
  const catalog = shopifyCatalog(apis, { vocabularyTtlMs: options.vocabularyTtlMs ?? VOCABULARY_TTL_MS, currency: options.currency });
  for (const locale of options.warmVocabularyFor ?? []) {
    catalog.vocabulary(locale).catch((error: unknown) => options.logger?.warn({ locale, error: describeError(error) }, 'catalog vocabulary not read ahead'));
  }
  return {
    shoppers: shopifyShoppers(apis, options.catalogLocale),
    orders: shopifyOrders(apis),
    catalog,
    returns: shopifyReturns(apis, { windowDays: source.returnWindowDays }),
    checkout: shopifyCheckout(apis),
  };
}

/** Checks the Customer Account API access tokens shoppers link with (see shopify-customer-tokens.ts). */
export function createShopifyAccessTokenVerifier(source: ShopifySource, options: Pick<ShopifyStoreOptions, 'fetch' | 'breaker' | 'logger'> = {}): AccessTokenVerifier {
  return createShopifyTokenVerifier(apisFor(source, options), { rememberMs: TOKEN_MEMORY_MS });
}
