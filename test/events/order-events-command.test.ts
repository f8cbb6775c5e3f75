import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SIGNATURE_HEADER, verifySignature } from '../../lambda/commerce/handoff-webhook/signature';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteNotificationSubscriptions, createSqliteOrderNotifications } from '../../lambda/commerce/sqlite/sqlite-order-notifications';
import { loadConfig } from '../../lambda/config';
import { runOrderEventsCommand } from '../../tools/order-events';
import { TEST_NOW } from '../support/test-app';
import { type AmazonStandIn, CLIENT_ID, CLIENT_SECRET, startAmazonStandIn } from './amazon-stand-in';

const SECRET = 'order-events-test-secret-0123456789';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-order-events-command-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function configWith(env: Record<string, string> = {}) {
  return loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ORDER_EVENTS_SECRET: SECRET, ALEXA_CLIENT_ID: CLIENT_ID, ALEXA_CLIENT_SECRET: CLIENT_SECRET, ...env });
}
const now = () => TEST_NOW;

describe('npm run events:order-status / events:send', () => {
  it('prints its usage for --help, and for a wrong argument says so and does nothing', async () => {
    expect(await runOrderEventsCommand(['--help'], { config: configWith(), now })).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^Usage: npm run events:order-status/) });
    const missing = await runOrderEventsCommand(['order-status', '10741', 'shipped'], { config: configWith(), now });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^Usage: /);
    expect((await runOrderEventsCommand(['order-status', '10741', 'shipped', '--shopper', 'shopper-ava', '--colour', 'red'], { config: configWith(), now })).exitCode).toBe(1);
    const off = await runOrderEventsCommand(['send'], { config: loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir }), now });
    expect(off).toEqual({ exitCode: 1, stdout: '', stderr: expect.stringMatching(/^ORDER_EVENTS_SECRET is not set/) });
  });

  it('posts a status change to the server, signed as the store signs it', async () => {
    const received: { body: string; signature: string | undefined; path: string | undefined }[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += String(chunk)));
      request.on('end', () => {
        received.push({ body, signature: request.headers[SIGNATURE_HEADER] as string | undefined, path: request.url });
        response.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":1}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await runOrderEventsCommand(['order-status', '10741', 'delayed', '--shopper', 'shopper-ava', '--arrives', '2026-11-30', '--url', url], {
        config: configWith(),
        now,
      });
      expect(result).toEqual({ exitCode: 0, stdout: '202 {"queued":1}\n', stderr: '' });
      expect(received).toHaveLength(1);
      const [request] = received;
      expect(request!.path).toBe('/events/order-status');
      expect(verifySignature(request!.body, request!.signature, SECRET, TEST_NOW)).toBe(true);
      expect(JSON.parse(request!.body)).toEqual({ orderNumber: '10741', shopperId: 'shopper-ava', status: 'delayed', occurredAt: TEST_NOW.toISOString(), expectedArrival: '2026-11-30' });
    } finally {
      server.close();
    }
  });

  describe('events:send', () => {
    let amazon: AmazonStandIn;
    beforeEach(async () => {
      amazon = await startAmazonStandIn();
    });
    afterEach(() => amazon.close());

    it('sends what is queued in the embedded store, once', async () => {
      const storePath = path.join(dataDir, 'store.sqlite');
      const db = openDatabase(storePath);
      migrate(db);
      const change = { orderNumber: '10741', shopperId: 'shopper-ava', status: 'shipped' as const, occurredAt: TEST_NOW };
      await createSqliteNotificationSubscriptions(db).record({ shopperId: 'shopper-ava', platform: 'alexa', recipient: 'amzn1.ask.account.KITCHEN', locale: 'en-US', subscribed: true, at: TEST_NOW });
      await createSqliteOrderNotifications(db).enqueue('10741:shipped', change, [{ recipient: 'amzn1.ask.account.KITCHEN', locale: 'en-US' }], TEST_NOW);
      db.close();

      const config = configWith({ SHOPVOICE_STORE_PATH: storePath, ALEXA_API_URL: amazon.url, ALEXA_LWA_URL: amazon.url });
      expect(await runOrderEventsCommand(['send'], { config, now })).toEqual({ exitCode: 0, stdout: 'sent 1, failed 0 (queued for a retry), dropped 0\n', stderr: '' });
      expect(await runOrderEventsCommand(['send'], { config, now })).toEqual({ exitCode: 0, stdout: 'sent 0, failed 0 (queued for a retry), dropped 0\n', stderr: '' });
      expect(amazon.accepted).toHaveLength(1);
      expect(amazon.accepted[0]).toMatchObject({ event: { name: 'AMAZON.OrderStatus.Updated', payload: { state: { status: 'ORDER_SHIPPED' } } } });
    });
  });
});
