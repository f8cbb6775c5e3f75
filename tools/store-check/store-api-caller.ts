import { IDEMPOTENCY_KEY_HEADER, type OperationId, pathOf, type PathParameters, STORE_API_OPERATIONS } from '../../lambda/commerce/http/store-api-operations';

/**
 * Raw calls to a store's API for the conformance check: unlike the HTTP adapter, nothing is
 * retried, decoded or hidden, so the check sees exactly what the store answered.
 */

/** What came back: the status and body as sent, or why nothing came back. */
export type Answer =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly contentType: string;
      readonly wwwAuthenticate?: string;
      /** The body parsed as JSON; undefined when it was empty or not JSON. */
      readonly json?: unknown;
      readonly text: string;
    }
  | { readonly kind: 'no-answer'; readonly reason: string };

export interface CallOptions<Id extends OperationId> {
  readonly path: PathParameters<Id>;
  readonly query?: readonly (readonly [string, string])[];
  readonly body?: unknown;
  /** Sent as the Idempotency-Key header; a POST without one is a check of the refusal. */
  readonly idempotencyKey?: string;
  /** Replaces the configured bearer key for this call; null sends none. */
  readonly bearer?: string | null;
}

export interface StoreApiCallerOptions {
  /** The API's base URL, as STORE_API_URL names it. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** How long one call may take. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

export interface StoreApiCaller {
  call<Id extends OperationId>(operation: Id, options: CallOptions<Id>): Promise<Answer>;
  /** A GET of a path the API does not have, relative to the base URL. */
  get(path: string, bearer?: string | null): Promise<Answer>;
}

/** A base URL's path with a trailing slash, so a relative path goes below it. */
function directoryOf(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export function createStoreApiCaller(options: StoreApiCallerOptions): StoreApiCaller {
  const base = directoryOf(options.baseUrl);
  const doFetch = options.fetch ?? fetch;

  async function send(method: string, relativePath: string, init: { query?: CallOptions<OperationId>['query']; body?: unknown; idempotencyKey?: string; bearer?: string | null }): Promise<Answer> {
    const url = new URL(relativePath.replace(/^\//, ''), base);
    for (const [name, value] of init.query ?? []) url.searchParams.append(name, value);
    const bearer = init.bearer === undefined ? options.apiKey : init.bearer;
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (init.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = init.idempotencyKey;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await doFetch(url, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'manual',
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      const wwwAuthenticate = response.headers.get('www-authenticate');
      return {
        kind: 'answered',
        status: response.status,
        contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
        ...(wwwAuthenticate !== null ? { wwwAuthenticate } : {}),
        ...(json !== undefined ? { json } : {}),
        text,
      };
    } catch (error) {
      return { kind: 'no-answer', reason: describeFailure(error, options.timeoutMs) };
    }
  }

  return {
    call(operation, call) {
      const { method } = STORE_API_OPERATIONS[operation];
      return send(method, pathOf(operation, call.path), call);
    },
    get(path, bearer) {
      return send('GET', path, { bearer });
    },
  };
}
