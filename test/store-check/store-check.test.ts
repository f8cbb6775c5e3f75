import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express, { type Express } from 'express';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { STORE_API_OPERATIONS } from '../../lambda/commerce/http/store-api-operations';
import { encodeWire, OrderSchema, ShopperSchema } from '../../lambda/commerce/http/wire-schemas';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { runStoreCheckCommand } from '../../tools/store-check/cli';
import { createStoreApiApp } from '../../tools/store-server/store-api-app';
import { TEST_NOW } from '../support/test-app';

/** `npm run store:check` against the reference store server (it passes) and a store with bugs (it fails, naming them). */

interface Served {
  readonly url: string;
  readonly store: EmbeddedStore;
  close(): Promise<void>;
}

async function serve(app: (store: EmbeddedStore) => Express): Promise<Served> {
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const server = http.createServer(app(store));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

/** What `npm run store` serves: the store API over the embedded demo store. */
const referenceStore = (apiKey?: string) => (store: EmbeddedStore) => createStoreApiApp(store.store, { apiKey, logger: createLogger('silent') });

/**
 * The reference store with three bugs a store's own API might have: a profile without the
 * shopper's given name, an order answered to anyone who names its number, and returns that ignore
 * the Idempotency-Key (each retry is a new request).
 */
function brokenStore(store: EmbeddedStore): Express {
  const app = express();
  app.get('/shoppers/:shopperId', async (request, response, next) => {
    const shopper = await store.store.shoppers.findById(request.params.shopperId);
    if (!shopper) return next();
    const { givenName: _dropped, ...rest } = encodeWire(ShopperSchema, shopper);
    response.json(rest);
  });
  app.get('/shoppers/:shopperId/orders/:orderNumber', async (request, response, next) => {
    const owner = store.db.prepare<[string], { shopper_id: string }>('SELECT shopper_id FROM orders WHERE number = ?').get(request.params.orderNumber);
    const order = owner ? await store.store.orders.findForShopper(owner.shopper_id, request.params.orderNumber) : undefined;
    if (!order) return next();
    response.json(encodeWire(OrderSchema, order));
  });
  app.post('/shoppers/:shopperId/returns', (request, _response, next) => {
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') request.headers['idempotency-key'] = `${key}-${Math.random()}`;
    next();
  });
  app.use(referenceStore()(store));
  return app;
}

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-store-check-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const config = () => loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir });
const check = (args: readonly string[], env: Record<string, string> = {}) => runStoreCheckCommand(args, { env, config, now: () => TEST_NOW });

/** The table's rows as [operation, check, result]. */
function rows(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => /\s(pass|FAIL|skip)$/.test(line))
    .map((line) => {
      const [operation = '', ...rest] = line.split(/\s{2,}/);
      return [operation, rest.slice(0, -1).join(' '), rest.at(-1) ?? ''];
    });
}

/** The table with each note's wrapped lines joined again. */
function unwrapped(table: string): string {
  return table.replace(/\n {4,}(?![→ ])/g, ' ');
}

describe('npm run store:check', () => {
  it('passes the reference store (npm run store), every operation checked, writes included', async () => {
    const served = await serve(referenceStore('store-check-key'));
    try {
      const result = await check(['--url', served.url, '--shopper', 'shopper-ava', '--other-shopper', 'shopper-ben', '--writes'], { STORE_API_KEY: 'store-check-key' });
      expect(result.stderr).toBe('');
      const table = rows(result.stdout);
      expect(table.filter(([, , verdict]) => verdict !== 'pass')).toEqual([]);
      const checked = new Set(table.map(([operation]) => operation));
      for (const operation of [...Object.keys(STORE_API_OPERATIONS), 'api']) expect(checked).toContain(operation);
      expect(result.stdout).toMatch(/^\d+ passed, 0 failed, 0 skipped$/m);
      expect(result.exitCode).toBe(0);
      // The one return and the one order the run made, once each, whatever it retried.
      const returns = served.store.db.prepare("SELECT count(*) AS count FROM returns WHERE idempotency_key LIKE 'store-check-%'").get() as { count: number };
      expect(returns.count).toBe(1);
    } finally {
      await served.close();
    }
  });

  it('fails a broken store with a table naming each broken operation and what to fix', async () => {
    const served = await serve(brokenStore);
    try {
      const result = await check(['--url', served.url, '--shopper', 'shopper-ava', '--writes']);
      expect(result.exitCode).toBe(1);
      const failed = rows(result.stdout).filter(([, , verdict]) => verdict === 'FAIL');
      expect(failed.map(([operation, name]) => `${operation}: ${name}`)).toEqual([
        "findShopper: answers the shopper's profile",
        "findShopperOrder: a made-up shopper asking for this shopper's order gets 404 not-found",
        'createReturn: a retry with the same key answers the same return and creates no second one',
      ]);
      expect(result.stdout).toContain('Broken: findShopper, findShopperOrder, createReturn');
      const notes = unwrapped(result.stdout);
      expect(notes).toMatch(/→ the body is not a Shopper of commerce-api\.yaml: givenName: /);
      expect(notes).toMatch(/→ answered 200: order \d+ was answered to someone it does not belong to\. Look the order up by shopper AND number/);
      expect(notes).toMatch(/→ the retry answered return \d+, the first \d+: keep each Idempotency-Key with the return it created/);
    } finally {
      await served.close();
    }
  });

  it('leaves writes alone unless asked, and says which checks that skipped', async () => {
    const served = await serve(referenceStore());
    try {
      const result = await check(['--url', served.url, '--shopper', 'shopper-ava']);
      expect(result.exitCode).toBe(0);
      const skipped = rows(result.stdout).filter(([, , verdict]) => verdict === 'skip');
      expect(new Set(skipped.map(([operation]) => operation))).toEqual(new Set(['createReturn', 'placeOrder', 'api']));
      expect(result.stdout).toContain('writes are off: run with --writes and a test shopper');
      const made = served.store.db.prepare("SELECT (SELECT count(*) FROM returns) + (SELECT count(*) FROM checkouts) AS count").get() as { count: number };
      expect(made.count).toBe(0);
    } finally {
      await served.close();
    }
  });

  it("takes the shopper from an access token, verified as Shopvoice verifies it, and refuses a token for someone else", async () => {
    const served = await serve(referenceStore());
    try {
      const settings = config();
      const token = await signDevAccessToken({ dataDir, issuer: settings.auth.issuer, audience: settings.auth.audience, shopperId: 'shopper-cleo' });
      const linked = await check(['--url', served.url, '--token', token]);
      expect(linked.exitCode).toBe(0);
      expect(linked.stdout).toContain('as shopper "shopper-cleo"');
      expect(rows(linked.stdout)[0]).toEqual(['account-linking', 'the access token verifies as Shopvoice verifies it', 'pass']);

      const mismatched = await check(['--url', served.url, '--token', token, '--shopper', 'shopper-ava']);
      expect(mismatched.exitCode).toBe(1);
      expect(mismatched.stdout).toContain('it names "shopper-cleo", --shopper is "shopper-ava"');

      const forged = await check(['--url', served.url, '--token', `${token.slice(0, -4)}AAAA`]);
      expect(forged.exitCode).toBe(1);
      expect(forged.stdout).toMatch(/account-linking\s+the access token verifies as Shopvoice verifies it\s+FAIL/);
    } finally {
      await served.close();
    }
  });

  it('says plainly when the store does not answer, does not know the shopper, or the arguments are wrong', async () => {
    const served = await serve(referenceStore());
    const url = served.url;
    await served.close();
    const down = await check(['--url', url, '--shopper', 'shopper-ava']);
    expect(down.exitCode).toBe(1);
    expect(down.stdout).toMatch(/no answer: ECONNREFUSED\. Check the URL and that the store API is running/);

    const running = await serve(referenceStore());
    try {
      const stranger = await check(['--url', running.url, '--shopper', 'shopper-nobody']);
      expect(stranger.exitCode).toBe(1);
      expect(stranger.stdout).toContain('give --shopper an id this store knows');
    } finally {
      await running.close();
    }

    expect(await check(['--shopper', 'shopper-ava'])).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^--url is required/) });
    expect(await check(['--url', 'ftp://store.example', '--shopper', 'x'])).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^--url must be an http\(s\) URL/) });
    expect(await check(['--url', 'http://127.0.0.1:9'])).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^give --shopper <id>, --token <access token>, or both/) });
    expect(await check(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('PLACES AN ORDER') });
  });
});
