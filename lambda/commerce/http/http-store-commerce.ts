import type { CommerceSource } from '../../config';
import { describeError, type Logger } from '../../logging';
import type { StoreCommerce } from '../ports';
import { catalogOverHttp } from './catalog-over-http';
import { checkoutOverHttp } from './checkout-over-http';
import { ordersOverHttp } from './orders-over-http';
import { returnsOverHttp } from './returns-over-http';
import { shoppersOverHttp } from './shoppers-over-http';
import { createStoreApiClient } from './store-api-client';
import { createStoreCallPolicy, DEFAULT_STORE_CALL_SETTINGS, type StoreCallEvent, type StoreCallSettings } from './store-call-policy';

/** Where the store's API is: its base URL, the optional bearer key, and the longest a call may take. */
export type HttpStoreSource = Pick<Extract<CommerceSource, { adapter: 'http' }>, 'baseUrl' | 'apiKey' | 'timeoutMs'>;

export interface HttpStoreOptions {
  /** The fetch to call the API with; the global one by default. */
  readonly fetch?: typeof fetch;
  /**
   * The longest one attempt may take. By default a read's attempt gets a third of the call's time
   * (`source.timeoutMs`, at least 500 ms), so that a hung one is tried again within the call, and a
   * write's the whole call's time (see store-call-policy.ts).
   */
  readonly attemptTimeoutMs?: number;
  /** Further attempts for calls that are safe to repeat (GETs, POSTs with an Idempotency-Key); 2 by default. */
  readonly retries?: number;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Fail fast while the store is down (DEFAULT_BREAKER); `false` turns it off. */
  readonly breaker?: StoreCallSettings['breaker'];
  /** Limit concurrent calls; `false` turns it off. */
  readonly bulkhead?: StoreCallSettings['bulkhead'];
  /** How long a locale's catalog vocabulary is reused; 5 minutes by default, as the embedded store does. */
  readonly vocabularyTtlMs?: number;
  /** How long the return policy is reused; 5 minutes by default. */
  readonly policyTtlMs?: number;
  /**
   * Locales whose catalog vocabulary is asked for at once, as the adapter is made (a Lambda
   * container's start), so that no shopper's first search waits on it; none by default.
   */
  readonly warmVocabularyFor?: readonly string[];
  /** Answers larger than this are refused; 8 MB by default. */
  readonly maxBodyBytes?: number;
  /** Told about retries and the circuit opening and closing. */
  readonly logger?: Pick<Logger, 'warn' | 'info'>;
}

const VOCABULARY_TTL_MS = 5 * 60_000;
const POLICY_TTL_MS = 5 * 60_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;

function logTo(logger: HttpStoreOptions['logger']): ((event: StoreCallEvent) => void) | undefined {
  if (!logger) return undefined;
  return (event) => {
    if (event.kind === 'retry') logger.warn(event, 'store API call failed; trying again');
    else if (event.kind === 'circuit-opened') logger.warn(event, 'store API keeps failing; calls fail fast for a while');
    else logger.info(event, event.kind === 'circuit-closed' ? 'store API answers again' : 'store API: trying one call');
  };
}

/**
 * The store's ports over its own API (commerce-api.yaml): every answer is validated, and the store
 * being down, slow or malformed surfaces as a StoreError (commerce-errors.ts), never as a crash.
 */
export function createHttpStoreCommerce(source: HttpStoreSource, options: HttpStoreOptions = {}): StoreCommerce {
  const policy = createStoreCallPolicy(
    {
      timeoutMs: source.timeoutMs,
      ...(options.attemptTimeoutMs !== undefined ? { readAttemptTimeoutMs: options.attemptTimeoutMs } : {}),
      retries: options.retries ?? DEFAULT_STORE_CALL_SETTINGS.retries,
      initialDelayMs: options.initialDelayMs ?? DEFAULT_STORE_CALL_SETTINGS.initialDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULT_STORE_CALL_SETTINGS.maxDelayMs,
      breaker: options.breaker ?? DEFAULT_STORE_CALL_SETTINGS.breaker,
      bulkhead: options.bulkhead ?? DEFAULT_STORE_CALL_SETTINGS.bulkhead,
    },
    logTo(options.logger),
  );
  const client = createStoreApiClient({
    baseUrl: source.baseUrl,
    apiKey: source.apiKey,
    attemptTimeoutMs: Math.min(options.attemptTimeoutMs ?? source.timeoutMs, source.timeoutMs),
    policy,
    fetch: options.fetch ?? fetch,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
  });
  const catalog = catalogOverHttp(client, { vocabularyTtlMs: options.vocabularyTtlMs ?? VOCABULARY_TTL_MS });
  for (const locale of options.warmVocabularyFor ?? []) {
    // Only a head start: a failed read is not kept, and the first search asks again.
    catalog.vocabulary(locale).catch((error: unknown) => options.logger?.warn({ locale, error: describeError(error) }, 'catalog vocabulary not read ahead'));
  }
  return {
    shoppers: shoppersOverHttp(client),
    orders: ordersOverHttp(client),
    catalog,
    returns: returnsOverHttp(client, { policyTtlMs: options.policyTtlMs ?? POLICY_TTL_MS }),
    checkout: checkoutOverHttp(client),
  };
}
