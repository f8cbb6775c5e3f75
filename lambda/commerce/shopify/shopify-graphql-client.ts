import * as z from '../../zod-mini';
import { StoreDataError, StoreRejectedError, StoreUnavailableError } from '../commerce-errors';
import { readBody } from '../http/store-api-client';
import type { StoreCallKind, StoreCallPolicy } from '../http/store-call-policy';
import { describeIssues } from '../http/wire-schemas';
import type { ShopifyDocument } from './shopify-documents';

/** One GraphQL call: the document, its variables, and the schema its `data` must match. */
export interface GraphqlCall<Schema extends z.ZodMiniType> {
  readonly document: ShopifyDocument;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly data: Schema;
  /** 'read' for queries; a mutation is a 'write' and gets one attempt. */
  readonly kind: Extract<StoreCallKind, 'read' | 'write'>;
  /** Headers that carry who is asking: the Storefront token, or the customer's own access token. */
  readonly credentials: Readonly<Record<string, string>>;
}

export interface ShopifyGraphqlClient {
  /** The call's `data`, decoded; an unreachable, refusing or malformed API is a StoreError. */
  run<Schema extends z.ZodMiniType>(endpoint: string, call: GraphqlCall<Schema>): Promise<z.output<Schema>>;
}

export interface ShopifyGraphqlSettings {
  readonly policy: StoreCallPolicy;
  readonly fetch: typeof fetch;
  /** The longest one attempt may take, answer body included. */
  readonly attemptTimeoutMs: number;
  readonly maxBodyBytes: number;
}

const GraphqlErrorSchema = z.object({
  message: z.optional(z.string()),
  extensions: z.optional(z.looseObject({ code: z.optional(z.string()) })),
});
const EnvelopeSchema = z.object({ data: z.optional(z.unknown()), errors: z.optional(z.array(GraphqlErrorSchema)) });

/** Error answers are only read for their error codes. */
const MAX_ERROR_BYTES = 16 * 1024;

/**
 * GraphQL errors in a 200 answer, by what they mean to a shopper: Shopify's cost-based throttle is
 * the API being busy; a denied field or token is a refusal; anything else is a document the API
 * does not accept (the schema test exists so that it never is). Codes only: messages can carry input.
 */
function graphqlFailure(operation: string, errors: readonly z.output<typeof GraphqlErrorSchema>[]): Error {
  const codes = errors.map((error) => error.extensions?.code ?? '').filter((code) => code !== '');
  if (codes.includes('THROTTLED')) return new StoreUnavailableError(operation, 'rate-limited');
  if (codes.includes('INTERNAL_SERVER_ERROR')) return new StoreUnavailableError(operation, 'server-error');
  if (codes.some((code) => code === 'ACCESS_DENIED' || code === 'UNAUTHORIZED' || code === 'FORBIDDEN')) return new StoreRejectedError(operation, 403, codes[0]);
  return new StoreRejectedError(operation, 400, codes[0] ?? 'graphql-error');
}

/**
 * POSTs GraphQL documents to Shopify under the store call policy (deadline, retries of reads,
 * breaker, bulkhead) and decodes the answer with zod before anyone uses it.
 */
export function createShopifyGraphqlClient(settings: ShopifyGraphqlSettings): ShopifyGraphqlClient {
  async function attempt(endpoint: string, call: GraphqlCall<z.ZodMiniType>, signal: AbortSignal): Promise<unknown> {
    const operation = call.document.name;
    const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(settings.attemptTimeoutMs)]);
    let response: Response;
    try {
      response = await settings.fetch(endpoint, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', ...call.credentials },
        body: JSON.stringify({ query: call.document.text, operationName: operation, variables: call.variables ?? {} }),
        signal: attemptSignal,
        // A redirect could carry a token elsewhere.
        redirect: 'manual',
      });
    } catch {
      throw new StoreUnavailableError(operation, attemptSignal.aborted ? 'timeout' : 'unreachable');
    }
    const { status } = response;
    if (status < 200 || status >= 300) {
      await readBody(operation, response, attemptSignal, MAX_ERROR_BYTES).catch(() => undefined);
      if (status >= 500) throw new StoreUnavailableError(operation, 'server-error', status);
      if (status === 429) throw new StoreUnavailableError(operation, 'rate-limited', status);
      throw new StoreRejectedError(operation, status);
    }
    const text = await readBody(operation, response, attemptSignal, settings.maxBodyBytes);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StoreDataError(operation, 'the body is not JSON');
    }
    const envelope = EnvelopeSchema.safeParse(json);
    if (!envelope.success) throw new StoreDataError(operation, describeIssues(envelope.error));
    if (envelope.data.errors && envelope.data.errors.length > 0) throw graphqlFailure(operation, envelope.data.errors);
    return envelope.data.data;
  }

  return {
    async run(endpoint, call) {
      const operation = call.document.name;
      const data = await settings.policy.run(operation, call.kind, (signal) => attempt(endpoint, call, signal));
      const parsed = call.data.safeParse(data);
      if (!parsed.success) throw new StoreDataError(operation, describeIssues(parsed.error));
      return parsed.data;
    },
  };
}
