import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Amazon's two endpoints on loopback: Login with Amazon's token endpoint
 * (`POST /auth/O2/token`, client-credentials grant) and the Proactive Events API
 * (`POST /v1/proactiveEvents[/stages/development]`), checking what the real ones check.
 */
export interface AmazonStandIn {
  /** Base URL for both (ALEXA_LWA_URL and ALEXA_API_URL). */
  readonly url: string;
  /** Every event the API accepted (202), in order. */
  readonly accepted: Record<string, any>[];
  /** Every event request that reached the API, accepted or not. */
  readonly attempts: { readonly path: string; readonly status: number }[];
  /** Token requests made. */
  readonly tokenRequests: URLSearchParams[];
  /** The next `count` event requests are answered with `status`. */
  failNext(count: number, status: number): void;
  /** Answers every event request normally again. */
  recover(): void;
  close(): Promise<void>;
}

export const CLIENT_ID = 'amzn1.application-oa2-client.0123456789abcdef';
export const CLIENT_SECRET = 'stand-in-client-secret-0123456789abcdef';
const ACCESS_TOKEN = 'Atc|stand-in-proactive-events-token';

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: http.ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

export async function startAmazonStandIn(): Promise<AmazonStandIn> {
  const accepted: Record<string, any>[] = [];
  const attempts: { path: string; status: number }[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const failures: number[] = [];

  const server = http.createServer(async (request, response) => {
    const body = await readBody(request);
    if (request.method === 'POST' && request.url === '/auth/O2/token') {
      const form = new URLSearchParams(body);
      tokenRequests.push(form);
      const valid =
        form.get('grant_type') === 'client_credentials' &&
        form.get('client_id') === CLIENT_ID &&
        form.get('client_secret') === CLIENT_SECRET &&
        form.get('scope') === 'alexa::proactive_events';
      if (!valid) return json(response, 401, { error: 'invalid_client' });
      return json(response, 200, { access_token: ACCESS_TOKEN, expires_in: 3600, scope: 'alexa::proactive_events', token_type: 'bearer' });
    }
    if (request.method === 'POST' && (request.url === '/v1/proactiveEvents' || request.url === '/v1/proactiveEvents/stages/development')) {
      const forced = failures.shift();
      const status = forced ?? (request.headers.authorization === `Bearer ${ACCESS_TOKEN}` ? 202 : 403);
      attempts.push({ path: request.url, status });
      if (status === 202) accepted.push(JSON.parse(body) as Record<string, any>);
      return json(response, status);
    }
    return json(response, 404, { message: 'not found' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    attempts,
    tokenRequests,
    failNext(count, status) {
      for (let index = 0; index < count; index += 1) failures.push(status);
    },
    recover() {
      failures.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
