import { randomBytes } from 'node:crypto';
import { LOCALES } from '../../lambda/speech/i18n';
import { readDocumentedStatuses } from './api-document';
import { checkApi } from './api-checks';
import { checkCallerLookups } from './caller-checks';
import { checkCatalog } from './catalog-checks';
import type { CheckContext } from './check-context';
import { CheckLog } from './check-log';
import { checkCheckout } from './checkout-checks';
import { checkReturns } from './return-checks';
import { checkOrderList, checkOrderLookup, checkShopper } from './shopper-checks';
import { createStoreApiCaller } from './store-api-caller';

export interface StoreCheckOptions {
  /** The store API's base URL (what STORE_API_URL would be). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` (what STORE_API_KEY would be). */
  readonly apiKey?: string;
  /** A shopper the store knows, ideally a test shopper with delivered orders. */
  readonly shopperId: string;
  /** A second real shopper, to check that neither sees the other's orders; a made-up id otherwise. */
  readonly otherShopperId?: string;
  /** Create a return and place an order for the shopper (and send requests a correct store refuses). */
  readonly writes: boolean;
  /** How long one call may take; 10 s by default. */
  readonly timeoutMs?: number;
  /** The instant orders are placed at. */
  readonly now?: () => Date;
  readonly locales?: readonly string[];
  readonly fetch?: typeof fetch;
  /** Results already found (the access token's checks); the store's are added to it. */
  readonly log?: CheckLog;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Calls every operation of commerce-api.yaml on a store's own implementation, with right and wrong
 * inputs, and records what passed, what failed (with what to fix) and what could not be checked.
 */
export async function runStoreCheck(options: StoreCheckOptions): Promise<CheckLog> {
  const log = options.log ?? new CheckLog();
  const runId = randomBytes(6).toString('hex');
  const context: CheckContext = {
    caller: createStoreApiCaller({ baseUrl: options.baseUrl, apiKey: options.apiKey, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    documented: readDocumentedStatuses(),
    log,
    shopperId: options.shopperId,
    unknownShopperId: `store-check-nobody-${runId}`,
    otherShopperId: options.otherShopperId ?? `store-check-nobody-${runId}`,
    otherShopperIsReal: options.otherShopperId !== undefined,
    writes: options.writes,
    runId,
    now: options.now ?? (() => new Date()),
    locales: options.locales ?? LOCALES,
  };

  const reachable = await context.caller.call('findShopper', { path: { shopperId: options.shopperId } });
  if (reachable.kind === 'no-answer') {
    log.fail('api', `answers at ${options.baseUrl}`, `no answer: ${reachable.reason}. Check the URL and that the store API is running`);
    return log;
  }
  if (reachable.status === 404) {
    log.fail('findShopper', `knows shopper "${options.shopperId}"`, 'answered 404: give --shopper an id this store knows (a test shopper with delivered orders)');
    return log;
  }
  await checkApi(context, options.apiKey);
  await checkShopper(context);
  const orders = await checkOrderList(context);
  await checkOrderLookup(context, orders);
  await checkCallerLookups(context, orders);
  const catalog = await checkCatalog(context, orders);
  await checkReturns(context, orders);
  await checkCheckout(context, catalog.products);
  return log;
}
