import * as z from 'zod';
import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import type { MedusaSource } from '../../config';
import { describeError, type Logger } from '../../logging';
import { StoreDataError } from '../commerce-errors';
import { keptRead } from '../http/kept-read';
import { createStoreCallPolicy, DEFAULT_STORE_CALL_SETTINGS, type StoreCallEvent } from '../http/store-call-policy';
import type { CurrencyCode, StoreCommerce } from '../ports';
import { createMedusaApis, type MedusaApis } from './medusa-api';
import { medusaCatalog } from './medusa-catalog';
import { medusaCheckout } from './medusa-checkout';
import { createMedusaTokenVerifier } from './medusa-customer-tokens';
import { medusaOrders } from './medusa-orders';
import { medusaReturns } from './medusa-returns';
import { medusaShoppers } from './medusa-shoppers';

export interface MedusaStoreOptions {
  /** The language of the catalog's own names (STORE_CATALOG_LOCALE), for customers without one. */
  readonly catalogLocale: string;
  /** The store's currency (STORE_CURRENCY): prices are read in the region that uses it. */
  readonly currency: CurrencyCode;
  /** The zone the store counts days in (STORE_TIME_ZONE), for return windows. */
  readonly timeZone: string;
  readonly vocabularyTtlMs?: number;
  /** Locales whose words are read as the adapter is made, so that no first search waits on them. */
  readonly warmVocabularyFor?: readonly string[];
  /** What "now" is for return windows; the real time by default. */
  readonly clock?: () => Date;
  /** Fail fast while Medusa is down; `false` turns it off (tests). */
  readonly breaker?: false;
  readonly logger?: Pick<Logger, 'warn' | 'info'>;
}

const VOCABULARY_TTL_MS = 5 * 60_000;
const REGION_TTL_MS = 60 * 60_000;
const TOKEN_MEMORY_MS = 60_000;

const RegionListSchema = z.object({ regions: z.array(z.object({ id: z.string(), currency_code: z.string() })) });

function logTo(logger: MedusaStoreOptions['logger']): ((event: StoreCallEvent) => void) | undefined {
  if (!logger) return undefined;
  return (event) => {
    if (event.kind === 'retry') logger.warn(event, 'Medusa call failed; trying again');
    else if (event.kind === 'circuit-opened') logger.warn(event, 'Medusa keeps failing; calls fail fast for a while');
    else logger.info(event, event.kind === 'circuit-closed' ? 'Medusa answers again' : 'Medusa: trying one call');
  };
}

function apisFor(source: MedusaSource, options: Pick<MedusaStoreOptions, 'breaker' | 'logger'>): MedusaApis {
  const policy = createStoreCallPolicy(
    { ...DEFAULT_STORE_CALL_SETTINGS, timeoutMs: source.timeoutMs, ...(options.breaker === false ? { breaker: false } : {}) },
    logTo(options.logger),
  );
  return createMedusaApis({ source, policy, attemptTimeoutMs: source.timeoutMs });
}

/**
 * The store's ports on a Medusa v2 backend: the Store API as the linked customer for their
 * profile, orders, returns and carts; the Store API as the storefront (publishable key) for the
 * catalog; and, with a secret API key, one Admin API read the Store API lacks (fulfillment labels
 * and items, medusa-orders.ts) and the return shipping option (medusa-returns.ts).
 */
export function createMedusaStoreCommerce(source: MedusaSource, options: MedusaStoreOptions): StoreCommerce {
  const apis = apisFor(source, options);
  const region = keptRead(
    async () => {
      const { regions } = await apis.asStorefront({ operation: 'listRegions', path: '/store/regions', query: { fields: 'id,currency_code', limit: 100 }, answer: RegionListSchema });
      const found = regions.find((candidate) => candidate.currency_code.toUpperCase() === options.currency) ?? regions[0];
      if (!found) throw new StoreDataError('listRegions', 'regions: none');
      return found.id;
    },
    { ttlMs: REGION_TTL_MS },
  );
  const regionId = () => region('region');
  const catalog = medusaCatalog(apis, { regionId, currency: options.currency, vocabularyTtlMs: options.vocabularyTtlMs ?? VOCABULARY_TTL_MS });
  for (const locale of options.warmVocabularyFor ?? []) {
    catalog.vocabulary(locale).catch((error: unknown) => options.logger?.warn({ locale, error: describeError(error) }, 'catalog vocabulary not read ahead'));
  }
  return {
    shoppers: medusaShoppers(apis, options.catalogLocale),
    orders: medusaOrders(apis),
    catalog,
    returns: medusaReturns(apis, { windowDays: source.returnWindowDays, timeZone: options.timeZone, ...(options.clock ? { now: options.clock } : {}) }),
    checkout: medusaCheckout(apis, { regionId, currency: options.currency, checkoutUrl: source.checkoutUrl }),
  };
}

/** Checks the Medusa customer tokens shoppers link with (see medusa-customer-tokens.ts). */
export function createMedusaAccessTokenVerifier(source: MedusaSource): AccessTokenVerifier {
  return createMedusaTokenVerifier(source, { rememberMs: TOKEN_MEMORY_MS, timeoutMs: source.timeoutMs });
}
