import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the skill made to the Alexa API. */
export interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: unknown;
}

/**
 * A local HTTP server standing in for the Alexa API (the envelope's `apiEndpoint`): it records what
 * the skill sends, and answers 204 as Alexa's directive service does, or 500, or never.
 */
export interface AlexaApiStandIn {
  readonly url: string;
  readonly calls: readonly ApiCall[];
  answer(mode: 'accept' | 'fail' | 'hang'): void;
  close(): Promise<void>;
}

export async function startAlexaApiStandIn(): Promise<AlexaApiStandIn> {
  const calls: ApiCall[] = [];
  let mode: 'accept' | 'fail' | 'hang' = 'accept';
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the test says what it expected.
      }
      calls.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization, body });
      if (mode === 'hang') return;
      if (mode === 'fail') {
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"type":"INTERNAL_SERVICE_ERROR","message":"stand-in failure"}');
        return;
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answer(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
