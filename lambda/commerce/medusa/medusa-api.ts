import Medusa, { FetchError } from '@medusajs/js-sdk';
import type * as z from 'zod';
import type { MedusaSource } from '../../config';
import { StoreDataError, StoreRejectedError, StoreUnavailableError } from '../commerce-errors';
import type { StoreCallKind, StoreCallPolicy } from '../http/store-call-policy';
import { describeIssues } from '../http/wire-schemas';
import { currentShopperToken } from '../shopper-credential';

/** One call to Medusa: where, how, and the shape its answer must have. */
export interface MedusaCall<Schema extends z.ZodType> {
  /** Names the call in errors and logs, e.g. `listCustomerOrders`. */
  readonly operation: string;
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  /** GETs are reads; a POST is a write with one attempt unless it says it is keyed. */
  readonly kind?: StoreCallKind;
  readonly answer: Schema;
}

/** Medusa's two APIs as Shopvoice uses them. */
export interface MedusaApis {
  /** The Store API as the linked customer of this turn (shopper-credential.ts); without a token, a StoreRejectedError. */
  asCustomer<Schema extends z.ZodType>(call: MedusaCall<Schema>): Promise<z.output<Schema>>;
  /** The Store API with a customer token given: for checking a token before its turn runs with it. */
  withToken<Schema extends z.ZodType>(token: string, call: MedusaCall<Schema>): Promise<z.output<Schema>>;
  /** The Store API as the storefront (publishable key only): the catalog, return reasons. */
  asStorefront<Schema extends z.ZodType>(call: MedusaCall<Schema>): Promise<z.output<Schema>>;
  /** The Admin API with the secret key, for what the Store API does not give; undefined without one. */
  readonly admin?: <Schema extends z.ZodType>(call: MedusaCall<Schema>) => Promise<z.output<Schema>>;
}

export interface MedusaApiSettings {
  readonly source: Pick<MedusaSource, 'backendUrl' | 'publishableKey' | 'secretApiKey'>;
  readonly policy: StoreCallPolicy;
  /** The longest one attempt may take. */
  readonly attemptTimeoutMs: number;
}

/** What Medusa's answer means to a shopper: down or busy (try again), or a refusal (it will not change). */
function failureOf(operation: string, error: unknown, signal: AbortSignal): Error {
  if (error instanceof FetchError) {
    const status = error.status ?? 0;
    if (status >= 500) return new StoreUnavailableError(operation, 'server-error', status);
    if (status === 429) return new StoreUnavailableError(operation, 'rate-limited', status);
    if (status === 409) return new StoreUnavailableError(operation, 'in-progress', status);
    return new StoreRejectedError(operation, status || 400);
  }
  // fetch() failing, or its answer not being JSON (the js-sdk parses it): never the error's own words, which can carry data.
  if (signal.aborted) return new StoreUnavailableError(operation, 'timeout');
  if (error instanceof SyntaxError) return new StoreDataError(operation, 'the body is not JSON');
  return new StoreUnavailableError(operation, 'unreachable');
}

/**
 * Medusa's APIs through its official client (`@medusajs/js-sdk`), under the store call policy the
 * other adapters share (deadline, retried reads, breaker, bulkhead), with every answer checked by
 * zod before anyone reads it. The client keeps no token: each call carries the one it acts with.
 */
export function createMedusaApis(settings: MedusaApiSettings): MedusaApis {
  const { source } = settings;
  const sdk = new Medusa({ baseUrl: source.backendUrl, publishableKey: source.publishableKey, auth: { type: 'jwt', jwtTokenStorageMethod: 'nostore' } });

  async function call<Schema extends z.ZodType>(headers: Record<string, string>, request: MedusaCall<Schema>): Promise<z.output<Schema>> {
    const method = request.method ?? 'GET';
    const kind = request.kind ?? (method === 'GET' ? 'read' : 'write');
    const json = await settings.policy.run(request.operation, kind, async (signal) => {
      const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(settings.attemptTimeoutMs)]);
      try {
        return await sdk.client.fetch<unknown>(request.path, {
          method,
          headers,
          ...(request.query ? { query: request.query as Record<string, unknown> } : {}),
          ...(request.body !== undefined ? { body: request.body as Record<string, unknown> } : {}),
          signal: attemptSignal,
          redirect: 'manual',
        });
      } catch (error) {
        throw failureOf(request.operation, error, attemptSignal);
      }
    });
    const parsed = request.answer.safeParse(json);
    if (!parsed.success) throw new StoreDataError(request.operation, describeIssues(parsed.error));
    return parsed.data;
  }

  const withToken = <Schema extends z.ZodType>(token: string, request: MedusaCall<Schema>) => call({ authorization: `Bearer ${token}` }, request);
  return {
    asCustomer(request) {
      const token = currentShopperToken();
      if (!token) return Promise.reject(new StoreRejectedError(request.operation, 401, 'no-shopper-token'));
      return withToken(token, request);
    },
    withToken,
    // No authorization header: the js-sdk would otherwise send none either, as its storage is off.
    asStorefront: (request) => call({}, request),
    ...(source.secretApiKey
      ? {
          admin: <Schema extends z.ZodType>(request: MedusaCall<Schema>) =>
            // The Admin API takes a secret key as HTTP Basic credentials with an empty password.
            call({ authorization: `Basic ${Buffer.from(`${source.secretApiKey}:`).toString('base64')}` }, request),
        }
      : {}),
  };
}
