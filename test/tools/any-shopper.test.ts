import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createAccessTokenVerifierFromConfig } from '../../lambda/auth/verifier-from-config';
import { DEMO_SHOPPERS } from '../../lambda/commerce/sqlite/demo-shoppers';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { composeShopvoice } from '../../lambda/compose';
import { type Config, loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { runChat } from '../../tools/chat';
import { localAssistantFor } from '../../tools/local-assistant/local-setup';
import { linkShopper, storeShoppers } from '../../tools/local-assistant/store-shoppers';
import { serveStoreApiOnLoopback } from '../../tools/store-server/loopback';
import { runTokenCommand } from '../../tools/token';
import { AUDIENCE, ISSUER, makeKey, signToken } from '../auth/token-fixtures';
import { createTestApp, TEST_NOW } from '../support/test-app';
import { addStoreOnlyShopper, STORE_ONLY_ITEM, STORE_ONLY_SHOPPER } from './store-only-shopper';

/**
 * `npm run token`, `npm run chat` and the dev console speak for any shopper the configured store
 * knows, by id with a development token or with a token the store's authorization server issued,
 * and refuse an id the store does not know.
 */

const ROOT = path.join(__dirname, '../..');
const DAY_MS = 86_400_000;

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-any-shopper-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function* linesOf(...lines: string[]) {
  yield* lines;
}

/** An in-memory demo store with Zoe added, served over the store API the way a store's own would be. */
async function storeApiWithZoe() {
  const embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
  await addStoreOnlyShopper(embedded.db, embedded.store, new Date(TEST_NOW.getTime() - 2 * DAY_MS));
  const served = serveStoreApiOnLoopback(embedded.store);
  return { embedded, http: served.commerce, close: () => (served.close(), embedded.close()) };
}

/** Chats one line through the skill over `store`, as `npm run chat` does, and returns what the assistant said. */
async function chatOnce(config: Config, embedded: EmbeddedStore, store: EmbeddedStore['store'], shopperId: string, issuedToken?: string): Promise<string[]> {
  const shopvoice = composeShopvoice(config, { logger: createLogger('silent'), adapters: { store, state: embedded.state }, clock: () => TEST_NOW });
  const output: string[] = [];
  try {
    const assistant = localAssistantFor(config, shopvoice.router, shopvoice.stateSeal, {
      clock: () => TEST_NOW,
      ...(issuedToken ? { issuedTokens: new Map([[shopperId, issuedToken]]) } : {}),
    });
    await runChat(assistant, { platform: 'alexa', locale: 'en-US', shopperId }, { lines: linesOf('where is my order'), write: (line) => output.push(line), echo: false });
  } finally {
    shopvoice.close();
  }
  return output;
}

describe('any shopper of the configured store', () => {
  it('chats as a shopper who exists only in the store API, and refuses one it does not know', async () => {
    const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir });
    const store = await storeApiWithZoe();
    try {
      const known = storeShoppers(store.http.shoppers, 'the store API');
      const verifier = () => createAccessTokenVerifierFromConfig(config);
      const linked = await linkShopper({ shopperId: STORE_ONLY_SHOPPER.id }, known, verifier);
      expect(linked).toEqual({ ok: true, shopper: { id: STORE_ONLY_SHOPPER.id, name: 'Zoe Park' } });
      expect(DEMO_SHOPPERS.map((shopper) => shopper.id)).not.toContain(STORE_ONLY_SHOPPER.id);

      const said = await chatOnce(config, store.embedded, store.http, STORE_ONLY_SHOPPER.id);
      expect(said.join('\n')).toContain(STORE_ONLY_ITEM.spokenName);
      expect(said.join('\n')).not.toMatch(/link your account/i);

      expect(await linkShopper({ shopperId: 'shopper-nobody' }, known, verifier)).toEqual({
        ok: false,
        error: 'Unknown shopper "shopper-nobody": the store API has no such shopper.',
      });
    } finally {
      store.close();
    }
  });

  it("chats with a token the store's authorization server issued, where the development key is not trusted", async () => {
    const issuer = await makeKey('ES256', 'store-idp');
    const jwksFile = path.join(dataDir, 'store-jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify(issuer.jwks));
    const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_FILE: jwksFile, AUTH_TRUST_DEV_KEY: 'off' });
    const token = await signToken(issuer, { sub: STORE_ONLY_SHOPPER.id });
    const store = await storeApiWithZoe();
    try {
      const known = storeShoppers(store.http.shoppers, 'the store API');
      const verifier = () => createAccessTokenVerifierFromConfig(config);
      const linked = await linkShopper({ token }, known, verifier);
      expect(linked).toEqual({ ok: true, shopper: { id: STORE_ONLY_SHOPPER.id, name: 'Zoe Park', issuedToken: token } });

      expect((await chatOnce(config, store.embedded, store.http, STORE_ONLY_SHOPPER.id, token)).join('\n')).toContain(STORE_ONLY_ITEM.spokenName);
      // The same turn with a development token is refused by this configuration: the issued token is what got her in.
      expect((await chatOnce(config, store.embedded, store.http, STORE_ONLY_SHOPPER.id)).join('\n')).toMatch(/link/i);

      expect(await linkShopper({ token, shopperId: 'shopper-ava' }, known, verifier)).toEqual({ ok: false, error: 'The access token is for shopper "shopper-zoe", not "shopper-ava".' });
      const stranger = await signToken(issuer, { sub: 'shopper-nobody' });
      expect(await linkShopper({ token: stranger }, known, verifier)).toMatchObject({ ok: false, error: expect.stringContaining('Unknown shopper "shopper-nobody"') });
      expect(await linkShopper({ token: `${token}x` }, known, verifier)).toMatchObject({ ok: false, error: expect.stringMatching(/^The access token is not valid for this configuration/) });

      const checked = await runTokenCommand(['--token', token], { config, shoppers: [], store: known });
      expect(checked).toMatchObject({ exitCode: 0, stdout: `${STORE_ONLY_SHOPPER.id}\n`, stderr: expect.stringContaining('The token names Zoe Park (shopper-zoe), a shopper of the store API') });
    } finally {
      store.close();
    }
  });

  it('npm run token signs a development token for a shopper only the store knows, checked against the store', async () => {
    const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir });
    const store = await storeApiWithZoe();
    try {
      const context = { config, shoppers: [], store: storeShoppers(store.http.shoppers, 'the store API') };
      const result = await runTokenCommand([STORE_ONLY_SHOPPER.id], context);
      expect(result.exitCode).toBe(0);
      await expect(createAccessTokenVerifierFromConfig(config).verify(result.stdout.trim())).resolves.toEqual({ shopperId: STORE_ONLY_SHOPPER.id });
      expect(result.stderr).toContain('Dev access token for Zoe Park (shopper-zoe)');

      expect(await runTokenCommand(['shopper-nobody'], context)).toMatchObject({ exitCode: 1, stdout: '', stderr: 'Unknown shopper "shopper-nobody": the store API has no such shopper.\n' });
      expect(await runTokenCommand([], context)).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^Name a shopper the configured store knows/) });
    } finally {
      store.close();
    }
  });

  it('the dev console takes any shopper id the store knows, and answers 400 for one it does not', async () => {
    const testApp = createTestApp();
    try {
      await addStoreOnlyShopper(testApp.db, testApp.commerce, new Date(TEST_NOW.getTime() - 2 * DAY_MS));
      const turn = (shopperId: string) =>
        request(testApp.app)
          .post('/dev-console/api/turn')
          .send({ settings: { platform: 'google', locale: 'en-US', shopperId, screen: false }, said: 'where is my order' });
      const zoe = await turn(STORE_ONLY_SHOPPER.id);
      expect(zoe.status).toBe(200);
      expect(JSON.stringify(zoe.body.exchange.reply)).toContain(STORE_ONLY_ITEM.spokenName);
      const nobody = await turn('shopper-nobody');
      expect(nobody.status).toBe(400);
      expect(nobody.body).toEqual({ error: 'the store has no shopper "shopper-nobody"' });
      const page = await request(testApp.app).get('/');
      expect(page.text).toContain('<label for="shopper-id" hidden>Shopper id</label>');
    } finally {
      testApp.close();
    }
  });
});

describe('npm run chat -- --shopper <id>, run as a script over the configured embedded store', () => {
  jest.setTimeout(120_000);

  function chat(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'tools/chat.ts'), ...args], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'development', SHOPVOICE_DATA_DIR: dataDir, NODE_NO_WARNINGS: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
      child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
      child.stdin.end('where is my order\n');
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  it("talks as a shopper the demo never had, and names the store when it has no such shopper", async () => {
    // The store file as a store's own data would leave it: the demo's, with Zoe and her order added.
    const file = openEmbeddedStore(path.join(dataDir, 'shopvoice.sqlite'));
    try {
      await addStoreOnlyShopper(file.db, file.store, new Date(Date.now() - 2 * DAY_MS));
    } finally {
      file.close();
    }
    const [zoe, nobody] = await Promise.all([chat(['--shopper', STORE_ONLY_SHOPPER.id]), chat(['--shopper', 'shopper-nobody'])]);
    expect(zoe.stderr).toBe('');
    expect(zoe.status).toBe(0);
    expect(zoe.stdout).toMatch(/^you> where is my order\nalexa> /);
    expect(zoe.stdout).toContain(STORE_ONLY_ITEM.spokenName);
    expect(nobody.status).toBe(1);
    expect(nobody.stdout).toBe('');
    expect(nobody.stderr).toBe(`Unknown shopper "shopper-nobody": the embedded store at ${path.join(dataDir, 'shopvoice.sqlite')} has no such shopper.\n`);
  });
});
