import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SentMessage } from './relay-client';

/** API Gateway's management API, on loopback: messages posted per connection, connections closed, and connections the caller left. */
export interface ManagementStandIn {
  /** The endpoint to give PHONE_CONNECTIONS_ENDPOINT: http://127.0.0.1:<port>/<stage>. */
  readonly url: string;
  readonly posted: Map<string, SentMessage[]>;
  readonly closed: Set<string>;
  readonly gone: Set<string>;
  /** Requests that were not signed for execute-api. */
  readonly unsigned: string[];
  close(): Promise<void>;
}

export async function startManagementStandIn(stage: string): Promise<ManagementStandIn> {
  const posted = new Map<string, SentMessage[]>();
  const closed = new Set<string>();
  const gone = new Set<string>();
  const unsigned: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = new RegExp(`^/${stage}/@connections/([^/]+)$`).exec(request.url ?? '');
      if (!/ execute-api\/aws4_request|\/execute-api\/aws4_request/.test(String(request.headers.authorization))) unsigned.push(`${request.method} ${request.url}`);
      if (!match) return void response.writeHead(404).end();
      const connectionId = decodeURIComponent(match[1]!);
      if (gone.has(connectionId)) return void response.writeHead(410).end();
      if (request.method === 'POST') posted.set(connectionId, [...(posted.get(connectionId) ?? []), JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentMessage]);
      else if (request.method === 'DELETE') closed.add(connectionId);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${stage}`,
    posted,
    closed,
    gone,
    unsigned,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

