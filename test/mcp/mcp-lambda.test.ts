import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { serveStoreApiOnLoopback } from '../../tools/store-server/loopback';
import { type LocalDynamo, startDynalite } from '../support/dynalite';

type HttpApiResult = { statusCode: number; headers?: Record<string, string>; body: string };
type Handler = (event: unknown, context: unknown) => Promise<HttpApiResult>;

/** Loads the entry point as Lambda does: fresh, after its environment is set. */
function loadEntry(env: Record<string, string>): Handler {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let entry: { handler: Handler } | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      entry = require('../../lambda/mcp-lambda') as { handler: Handler };
    });
    return entry!.handler;
  } finally {
    process.env = saved;
  }
}

/** An API Gateway HTTP API (payload 2.0) event for POST /mcp. */
function mcpEvent(body: unknown, headers: Record<string, string> = {}) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: 'POST /mcp',
    rawPath: '/mcp',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'x-forwarded-proto': 'https',
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'POST', path: '/mcp', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'mcp-test' },
      requestId: 'mcp-lambda-test',
      routeKey: 'POST /mcp',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

describe('MCP Lambda entry point, over the store API and DynamoDB', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-mcp-lambda-'));
  // The function reads the real clock, so the demo history is laid out for the real today too.
  const store = openEmbeddedStore(':memory:', { now: new Date() });
  const storeApi = serveStoreApiOnLoopback(store.store);
  let dynamo: LocalDynamo;
  let env: Record<string, string>;

  beforeAll(async () => {
    dynamo = await startDynalite();
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SHOPVOICE_DATA_DIR: dataDir,
      STORE_ADAPTER: 'http',
      STORE_API_URL: await storeApi.baseUrl,
      STATE_ADAPTER: 'dynamodb',
      DYNAMODB_TABLE_PREFIX: await dynamo.tables(),
      DYNAMODB_ENDPOINT: dynamo.endpoint,
    };
  });

  afterAll(async () => {
    storeApi.close();
    store.close();
    await dynamo.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers a linked shopper's order list, and a guest's call to it with 401 pointing at the https metadata", async () => {
    const handler = loadEntry(env);
    const call = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_orders', arguments: { limit: 2 } } };
    const guest = await handler(mcpEvent(call), {});
    expect(guest.statusCode).toBe(401);
    expect(JSON.stringify(guest.headers)).toContain(
      'resource_metadata=\\"https://abc123.execute-api.us-east-1.amazonaws.com/.well-known/oauth-protected-resource/mcp\\"',
    );

    const token = await signDevAccessToken({ dataDir, issuer: 'https://auth.shopvoice.dev/', audience: 'shopvoice', shopperId: 'shopper-ava' });
    const linked = await handler(mcpEvent(call, { authorization: `Bearer ${token}` }), {});
    expect(linked.statusCode).toBe(200);
    const { result } = JSON.parse(linked.body) as { result: { structuredContent: { orders: unknown[]; total: number } } };
    expect(result.structuredContent.orders).toHaveLength(2);
    expect(result.structuredContent.total).toBeGreaterThan(2);
    // Stateless: no store file was written next to the function.
    expect(fs.existsSync(path.join(dataDir, 'shopvoice.sqlite'))).toBe(false);
  });
});
