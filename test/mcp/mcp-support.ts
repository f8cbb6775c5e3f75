import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { TestApp } from '../support/test-app';

/** The real express app listening on loopback, as an MCP host reaches it. */
export interface McpServerUnderTest {
  readonly url: string;
  close(): Promise<void>;
}

export async function listenOnLoopback(testApp: TestApp): Promise<McpServerUnderTest> {
  const server: Server = await new Promise((resolve) => {
    const listening = testApp.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The SDK's own client over Streamable HTTP, with the shopper's access token when given. Tools are
 * listed first, so the client validates every structured result against its declared output schema.
 */
export async function connectClient(url: string, accessToken?: string): Promise<Client> {
  const headers: Record<string, string> = accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } });
  const client = new Client({ name: 'shopvoice-test-host', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  return client;
}

/** A tool's structured result; fails the test when the call was an error. */
export async function call<T = Record<string, unknown>>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}
