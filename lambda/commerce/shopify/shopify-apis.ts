import * as z from '../../zod-mini';
import type { ShopifySource } from '../../config';
import { StoreDataError, StoreRejectedError, StoreUnavailableError } from '../commerce-errors';
import { keptRead } from '../http/kept-read';
import { readBody } from '../http/store-api-client';
import type { StoreCallPolicy } from '../http/store-call-policy';
import { describeIssues } from '../http/wire-schemas';
import { currentShopperToken } from '../shopper-credential';
import type { ShopifyDocument } from './shopify-documents';
import { createShopifyGraphqlClient } from './shopify-graphql-client';

/** The two Shopify APIs Shopvoice speaks to, each with its own credentials. */
export interface ShopifyApis {
  /** The Storefront API, with the store's private Storefront token. */
  storefront<Schema extends z.ZodMiniType>(document: ShopifyDocument, variables: Record<string, unknown>, data: Schema): Promise<z.output<Schema>>;
  /**
   * The Customer Account API as the shopper of this turn, with the access token they linked
   * (shopper-credential.ts). Without one, nothing can be read for any shopper: a StoreRejectedError.
   */
  customer<Schema extends z.ZodMiniType>(document: ShopifyDocument, variables: Record<string, unknown>, data: Schema): Promise<z.output<Schema>>;
  /** The Customer Account API with the token given: for checking a token before its turn runs with it. */
  customerWith<Schema extends z.ZodMiniType>(accessToken: string, document: ShopifyDocument, variables: Record<string, unknown>, data: Schema): Promise<z.output<Schema>>;
}

export interface ShopifyApiSettings {
  readonly source: Pick<ShopifySource, 'storeOrigin' | 'storefrontToken' | 'apiVersion' | 'customerAccountApiUrl'>;
  readonly policy: StoreCallPolicy;
  readonly fetch: typeof fetch;
  readonly attemptTimeoutMs: number;
  readonly maxBodyBytes: number;
}

/** Where a store's Customer Account API is: it moves only when Shopify moves it, so it is read once an hour. */
const DISCOVERY_TTL_MS = 60 * 60_000;
const DiscoverySchema = z.object({ graphql_api: z.url({ protocol: /^https?$/ }) });

const isMutation = (document: ShopifyDocument) => document.text.startsWith('mutation ');

export function createShopifyApis(settings: ShopifyApiSettings): ShopifyApis {
  const { source } = settings;
  const client = createShopifyGraphqlClient(settings);
  const storefrontUrl = `${source.storeOrigin}/api/${source.apiVersion}/graphql.json`;

  async function discover(): Promise<string> {
    const operation = 'customerAccountDiscovery';
    const text = await settings.policy.run(operation, 'read', async (signal) => {
      const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(settings.attemptTimeoutMs)]);
      let response: Response;
      try {
        response = await settings.fetch(`${source.storeOrigin}/.well-known/customer-account-api`, { headers: { accept: 'application/json' }, signal: attemptSignal, redirect: 'manual' });
      } catch {
        throw new StoreUnavailableError(operation, attemptSignal.aborted ? 'timeout' : 'unreachable');
      }
      if (response.status >= 500) throw new StoreUnavailableError(operation, 'server-error', response.status);
      if (response.status !== 200) throw new StoreRejectedError(operation, response.status);
      return readBody(operation, response, attemptSignal, 16 * 1024);
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StoreDataError(operation, 'the body is not JSON');
    }
    const parsed = DiscoverySchema.safeParse(json);
    if (!parsed.success) throw new StoreDataError(operation, describeIssues(parsed.error));
    return parsed.data.graphql_api;
  }
  const customerAccountUrl = source.customerAccountApiUrl
    ? () => Promise.resolve(source.customerAccountApiUrl!)
    : keptRead(() => discover(), { ttlMs: DISCOVERY_TTL_MS }).bind(undefined, 'endpoint');

  async function customerWith<Schema extends z.ZodMiniType>(accessToken: string, document: ShopifyDocument, variables: Record<string, unknown>, data: Schema) {
    // The Customer Account API takes the token itself as the Authorization header, without a scheme.
    return client.run(await customerAccountUrl(), { document, variables, data, kind: isMutation(document) ? 'write' : 'read', credentials: { authorization: accessToken } });
  }

  return {
    storefront: (document, variables, data) =>
      client.run(storefrontUrl, {
        document,
        variables,
        data,
        kind: isMutation(document) ? 'write' : 'read',
        credentials: { 'shopify-storefront-private-token': source.storefrontToken },
      }),
    customer(document, variables, data) {
      const token = currentShopperToken();
      if (!token) return Promise.reject(new StoreRejectedError(document.name, 401, 'no-shopper-token'));
      return customerWith(token, document, variables, data);
    },
    customerWith,
  };
}
