import type * as z from '../../zod-mini';
import { StoreDataError, StoreRejectedError, StoreUnavailableError } from '../commerce-errors';
import type { StoreCallPolicy } from './store-call-policy';
import {
  IDEMPOTENCY_KEY_HEADER,
  NOT_FOUND_CODE,
  type OperationId,
  type PathParameters,
  pathOf,
  STORE_API_OPERATIONS,
} from './store-api-operations';
import { describeIssues, ProblemSchema } from './wire-schemas';

/** One call to the store API. */
export interface StoreApiRequest<Id extends OperationId> {
  readonly operation: Id;
  readonly path: PathParameters<Id>;
  readonly query?: URLSearchParams;
  /** JSON-ready body, for POSTs. */
  readonly body?: unknown;
  /** Sent as the Idempotency-Key header; a POST carrying one is safe to retry. */
  readonly idempotencyKey?: string;
}

export interface StoreApiClient {
  /** The 2xx answer, decoded by `schema`; anything else is a StoreError. */
  call<Id extends OperationId, Schema extends z.ZodMiniType>(request: StoreApiRequest<Id>, schema: Schema): Promise<z.output<Schema>>;
  /** Like `call`, but a 404 whose problem code is `not-found` is undefined: there is no such resource. */
  find<Id extends OperationId, Schema extends z.ZodMiniType>(request: StoreApiRequest<Id>, schema: Schema): Promise<z.output<Schema> | undefined>;
}

export interface StoreApiClientSettings {
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** The longest one attempt may take, answer body included. */
  readonly attemptTimeoutMs: number;
  readonly policy: StoreCallPolicy;
  readonly fetch: typeof fetch;
  /** Answers larger than this are refused rather than read. */
  readonly maxBodyBytes: number;
}

/** What one attempt got: a body to decode, or a 404 with its problem code. */
type Answer = { readonly kind: 'body'; readonly text: string } | { readonly kind: 'not-found'; readonly code?: string };

/** Error answers are only read for their problem code. */
const MAX_PROBLEM_BYTES = 16 * 1024;

export function createStoreApiClient(settings: StoreApiClientSettings): StoreApiClient {
  const root = new URL(settings.baseUrl);
  if (root.protocol !== 'http:' && root.protocol !== 'https:') throw new Error('The store API base URL must be http(s)');
  const base = root.href.replace(/\/+$/, '');

  async function attempt<Id extends OperationId>(request: StoreApiRequest<Id>, signal: AbortSignal): Promise<Answer> {
    const { operation } = request;
    const { method } = STORE_API_OPERATIONS[operation];
    const search = request.query && [...request.query.keys()].length > 0 ? `?${request.query.toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = request.idempotencyKey;
    const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(settings.attemptTimeoutMs)]);

    let response: Response;
    try {
      response = await settings.fetch(`${base}${pathOf(operation, request.path)}${search}`, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: attemptSignal,
        // A redirect could carry the API key elsewhere; the base URL must be the API itself.
        redirect: 'manual',
      });
    } catch {
      throw new StoreUnavailableError(operation, attemptSignal.aborted ? 'timeout' : 'unreachable');
    }

    const { status } = response;
    if (status >= 200 && status < 300) {
      return { kind: 'body', text: await readBody(operation, response, attemptSignal, settings.maxBodyBytes) };
    }
    const code = await problemCodeOf(operation, response, attemptSignal);
    if (status === 404) return { kind: 'not-found', ...(code !== undefined ? { code } : {}) };
    if (status >= 500) throw new StoreUnavailableError(operation, 'server-error', status);
    if (status === 409) throw new StoreUnavailableError(operation, 'in-progress', status);
    if (status === 429) throw new StoreUnavailableError(operation, 'rate-limited', status);
    throw new StoreRejectedError(operation, status, code);
  }

  async function send<Id extends OperationId>(request: StoreApiRequest<Id>): Promise<Answer> {
    const operation: { readonly method: 'GET' | 'POST'; readonly readOnly?: true } = STORE_API_OPERATIONS[request.operation];
    // A GET or a look-up changes nothing, and a POST with its key has the effect of the first one however often it is sent.
    const kind = operation.method === 'GET' || operation.readOnly ? 'read' : request.idempotencyKey !== undefined ? 'keyed-write' : 'write';
    return settings.policy.run(request.operation, kind, (signal) => attempt(request, signal));
  }

  return {
    async call(request, schema) {
      const answer = await send(request);
      if (answer.kind === 'not-found') throw new StoreRejectedError(request.operation, 404, answer.code);
      return decode(request.operation, answer.text, schema);
    },
    async find(request, schema) {
      const answer = await send(request);
      if (answer.kind === 'not-found') {
        // A 404 without the code is most likely a wrong base URL, which must not read as "no such shopper".
        if (answer.code !== NOT_FOUND_CODE) throw new StoreRejectedError(request.operation, 404, answer.code);
        return undefined;
      }
      return decode(request.operation, answer.text, schema);
    },
  };
}

function decode<Schema extends z.ZodMiniType>(operation: string, text: string, schema: Schema): z.output<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoreDataError(operation, 'the body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new StoreDataError(operation, describeIssues(parsed.error));
  return parsed.data;
}

/** The body of an answer, at most `maxBytes` long; a body cut off midway is the store being unreachable. */
export async function readBody(operation: string, response: Response, signal: AbortSignal, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new StoreDataError(operation, `the body is larger than ${maxBytes} bytes`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new StoreDataError(operation, `the body is larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof StoreDataError) throw error;
    throw new StoreUnavailableError(operation, signal.aborted ? 'timeout' : 'unreachable');
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function problemCodeOf(operation: string, response: Response, signal: AbortSignal): Promise<string | undefined> {
  try {
    const text = await readBody(operation, response, signal, MAX_PROBLEM_BYTES);
    const problem = ProblemSchema.safeParse(JSON.parse(text));
    return problem.success ? problem.data.code : undefined;
  } catch {
    return undefined;
  }
}
