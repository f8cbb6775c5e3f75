import { AwsV4Signer } from 'aws4fetch';

/**
 * API Gateway's management API for a WebSocket API: `POST @connections/{id}` sends a message to
 * the client on that connection, `DELETE` closes it. Spoken directly with a Signature Version 4
 * request (aws4fetch, as the DynamoDB client does) rather than the AWS SDK's client; the function's
 * role needs `execute-api:ManageConnections` on the API.
 */

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface ConnectionsOptions {
  /** https://{api-id}.execute-api.{region}.amazonaws.com/{stage}, or a stand-in's URL. */
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: () => AwsCredentials;
  readonly fetch?: typeof fetch;
  /** How long one request may take. Default 3000 ms. */
  readonly timeoutMs?: number;
}

export interface Connections {
  /** Sends one message; resolves false when the connection is gone (the caller hung up). */
  post(connectionId: string, data: string): Promise<boolean>;
  /** Closes the connection; a connection already gone is no error. */
  close(connectionId: string): Promise<void>;
}

/** The management API refused a request for another reason than a connection that is gone. */
export class ConnectionsError extends Error {
  constructor(readonly status: number) {
    super(`API Gateway's management API answered HTTP ${status}`);
    this.name = 'ConnectionsError';
  }
}

const GONE = 410;
const DEFAULT_TIMEOUT_MS = 3000;

/** The management endpoint of the API a WebSocket event came through. */
export function connectionsEndpointOf(domainName: string, stage: string): string {
  return `https://${domainName}/${encodeURIComponent(stage)}`;
}

/** The credentials Lambda gives the function's role, in its environment. */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): () => AwsCredentials {
  return () => {
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    if (!accessKeyId || !secretAccessKey) throw new Error('API Gateway: no AWS credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Lambda sets them from the function’s role)');
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  };
}

export function createConnections(options: ConnectionsOptions): Connections {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.endpoint.replace(/\/+$/, '');

  async function request(method: 'POST' | 'DELETE', connectionId: string, body?: string): Promise<number> {
    const credentials = options.credentials();
    const signed = await new AwsV4Signer({
      url: `${base}/@connections/${encodeURIComponent(connectionId)}`,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      service: 'execute-api',
      region: options.region,
    }).sign();
    const response = await send(signed.url, { method, headers: signed.headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.status;
  }

  return {
    async post(connectionId, data) {
      const status = await request('POST', connectionId, data);
      if (status === GONE) return false;
      if (status < 200 || status >= 300) throw new ConnectionsError(status);
      return true;
    },
    async close(connectionId) {
      const status = await request('DELETE', connectionId);
      if (status !== GONE && (status < 200 || status >= 300)) throw new ConnectionsError(status);
    },
  };
}
