import { ConfigError, loadConfig } from '../../lambda/config';
import { createTestApp, type TestApp } from '../support/test-app';
import { call, connectClient, listenOnLoopback, type McpServerUnderTest } from './mcp-support';

/**
 * What the Streamable HTTP spec asks of every server before it reads a message: the Origin header
 * checked against DNS rebinding (403), and an MCP-Protocol-Version it does not speak refused (400).
 */

let testApp: TestApp;
let server: McpServerUnderTest;

async function serve(env: Record<string, string> = {}): Promise<void> {
  testApp = createTestApp(env);
  server = await listenOnLoopback(testApp);
}

afterEach(async () => {
  await server.close();
  testApp.close();
});

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'guard-test', version: '1.0.0' } },
};
const listTools = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the Origin check against DNS rebinding', () => {
  it('refuses a browser page from another site with 403 before anything runs, even with a valid shopper token', async () => {
    await serve();
    const token = await testApp.token('shopper-ava');
    const orders = { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'list_orders', arguments: {} } };
    for (const [body, headers] of [
      [initialize, { origin: 'http://evil.example.com', host: 'evil.example.com' }],
      [orders, { origin: 'http://evil.example.com:3000', authorization: `Bearer ${token}`, 'mcp-protocol-version': '2025-11-25' }],
      // The server's own address is no exception: a rebound page would claim exactly that.
      [orders, { origin: server.url, authorization: `Bearer ${token}`, 'mcp-protocol-version': '2025-11-25' }],
      [initialize, { origin: 'null' }],
    ] as const) {
      const response = await post(body, headers);
      expect(response.status).toBe(403);
      const answer = (await response.json()) as { error: { message: string }; result?: unknown };
      expect(answer.error.message).toMatch(/Origin/);
      expect(answer.result).toBeUndefined();
    }
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(`${server.url}/mcp`, { method, headers: { origin: 'http://evil.example.com' } });
      expect(response.status).toBe(403);
    }
  });

  it('lets hosts that call from a server, without Origin, in as before', async () => {
    await serve();
    expect((await post(initialize)).status).toBe(200);
    const client = await connectClient(server.url, await testApp.token('shopper-ava'));
    try {
      expect((await call<{ orders: unknown[] }>(client, 'list_orders', { limit: 1 })).orders).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('accepts the origins MCP_ALLOWED_ORIGINS lists, however the header spells them, and no other', async () => {
    await serve({ MCP_ALLOWED_ORIGINS: 'http://localhost:6274, https://Console.Example.com/' });
    expect(testApp.config.mcp.allowedOrigins).toEqual(['http://localhost:6274', 'https://console.example.com']);
    for (const origin of ['http://localhost:6274', 'https://console.example.com', 'https://console.example.com:443']) {
      expect({ origin, status: (await post(initialize, { origin })).status }).toEqual({ origin, status: 200 });
    }
    for (const origin of ['http://localhost:6275', 'https://console.example.com.evil.example', 'http://console.example.com']) {
      expect({ origin, status: (await post(initialize, { origin })).status }).toEqual({ origin, status: 403 });
    }
  });
});

describe('MCP_ALLOWED_ORIGINS', () => {
  it('is empty unless set: no browser origin is allowed by default', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).mcp.allowedOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test', MCP_ALLOWED_ORIGINS: ' ' }).mcp.allowedOrigins).toEqual([]);
  });

  it.each(['*', 'localhost:6274', 'https://app.example.com/path', 'https://app.example.com?x=1', 'ftp://files.example.com', 'https://user@app.example.com'])(
    'stops start-up on %p, naming the setting',
    (value) => {
      expect(() => loadConfig({ NODE_ENV: 'test', MCP_ALLOWED_ORIGINS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', MCP_ALLOWED_ORIGINS: value })).toThrow(/MCP_ALLOWED_ORIGINS: must be comma-separated origins/);
    },
  );
});

describe('the MCP-Protocol-Version header', () => {
  it('answers 400 to a version the server does not speak, and serves the ones it does', async () => {
    await serve();
    const unsupported = await post(listTools, { 'mcp-protocol-version': '1999-01-01' });
    expect(unsupported.status).toBe(400);
    expect(((await unsupported.json()) as { error: { message: string } }).error.message).toMatch(/Unsupported protocol version/);
    for (const version of ['2025-11-25', '2025-06-18']) {
      const response = await post(listTools, { 'mcp-protocol-version': version });
      expect({ version, status: response.status }).toEqual({ version, status: 200 });
    }
    // Without the header the spec has the server assume 2025-03-26, which it speaks too.
    expect((await post(listTools)).status).toBe(200);
  });
});
