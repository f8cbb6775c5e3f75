import { AwsV4Signer } from 'aws4fetch';

/**
 * DynamoDB's own API, spoken directly: one signed POST per operation, JSON in and out (the
 * `x-amz-json-1.0` protocol every DynamoDB SDK speaks). The skill sends a handful of operations,
 * so this stands in for the AWS SDK's client, whose start-up cost was a third of the Lambda
 * bundle and most of its cold start. Requests are signed with Signature Version 4 (aws4fetch);
 * throttling, server errors and lost connections are retried a few times, as the SDK does.
 */

/** The operations Shopvoice sends: the data plane of its adapters, and the table set-up of create-tables.ts. */
export type DynamoOperation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchWriteItem'
  | 'CreateTable'
  | 'DescribeTable'
  | 'UpdateTimeToLive';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface SignedDynamoClientOptions {
  readonly region: string;
  /** https://dynamodb.<region>.amazonaws.com, or a DynamoDB-compatible endpoint (DynamoDB Local, dynalite). */
  readonly endpoint: string;
  /** Asked for every request it signs; when it throws, that request fails with its error. */
  readonly credentials: () => AwsCredentials;
  readonly fetch?: typeof fetch;
  /** How long one attempt may take before it counts as lost. Default 3000 ms. */
  readonly attemptTimeoutMs?: number;
  /** Attempts per request, the first included. Default 3. */
  readonly maxAttempts?: number;
  /** Waits before a retry, given the attempt that failed (1, 2, …); jittered exponential backoff by default. */
  readonly backoffMs?: (failedAttempt: number) => number;
}

export interface DynamoClient {
  readonly region: string;
  readonly endpoint: string;
  /** Sends one operation with its input in DynamoDB's JSON; resolves DynamoDB's JSON answer. */
  call<Output = Record<string, unknown>>(operation: DynamoOperation, input: object): Promise<Output>;
  /** Nothing to release: connections belong to Node's fetch, which closes idle ones itself. Kept for callers that tidy up. */
  destroy(): void;
}

/** DynamoDB refused the request; `name` is its error type, such as `ConditionalCheckFailedException`. */
export class DynamoServiceError extends Error {
  constructor(
    name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = name;
  }
}

const API_VERSION = 'DynamoDB_20120810';
/** Error types DynamoDB asks to be retried after a pause (besides any 5xx). */
const RETRYABLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'ServiceUnavailable',
]);
const DEFAULT_ATTEMPT_TIMEOUT_MS = 3000;
const DEFAULT_MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 1000;

const jitteredBackoff = (failedAttempt: number) => Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** failedAttempt);

/** The endpoint of DynamoDB in an AWS region. */
export function regionalDynamoEndpoint(region: string): string {
  return `https://dynamodb.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/** The error type of a DynamoDB error body: `com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException` → the part after `#`. */
function serviceErrorOf(status: number, text: string): DynamoServiceError {
  let body: { __type?: unknown; message?: unknown; Message?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the status says what there is to say.
  }
  const type = typeof body.__type === 'string' ? body.__type : '';
  const name = type.slice(type.lastIndexOf('#') + 1) || `HttpError${status}`;
  const message = typeof body.message === 'string' ? body.message : typeof body.Message === 'string' ? body.Message : `DynamoDB answered HTTP ${status}`;
  return new DynamoServiceError(name, message, status);
}

function isRetryable(error: unknown): boolean {
  if (error instanceof DynamoServiceError) return error.statusCode >= 500 || RETRYABLE_ERRORS.has(error.name);
  // fetch rejects with a TypeError when the connection fails, and with a TimeoutError when the attempt timed out.
  return error instanceof Error && (error.name === 'TypeError' || error.name === 'TimeoutError' || error.name === 'AbortError');
}

export function createSignedDynamoClient(options: SignedDynamoClientOptions): DynamoClient {
  const url = new URL(options.endpoint).toString();
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const backoffMs = options.backoffMs ?? jitteredBackoff;

  async function attempt(operation: DynamoOperation, body: string): Promise<unknown> {
    const credentials = options.credentials();
    const signed = await new AwsV4Signer({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `${API_VERSION}.${operation}` },
      body,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      service: 'dynamodb',
      region: options.region,
    }).sign();
    const response = await send(signed.url, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(attemptTimeoutMs) });
    const text = await response.text();
    if (!response.ok) throw serviceErrorOf(response.status, text);
    return text === '' ? {} : JSON.parse(text);
  }

  return {
    region: options.region,
    endpoint: url,
    async call<Output>(operation: DynamoOperation, input: object): Promise<Output> {
      const body = JSON.stringify(input);
      for (let attempted = 1; ; attempted += 1) {
        try {
          return (await attempt(operation, body)) as Output;
        } catch (error) {
          if (attempted >= maxAttempts || !isRetryable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, backoffMs(attempted)));
        }
      }
    },
    destroy() {
      // fetch's connections are pooled by Node and closed when idle.
    },
  };
}
