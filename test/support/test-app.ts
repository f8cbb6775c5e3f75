import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import type { Commerce, CurrencyCode, StoreCommerce } from '../../lambda/commerce/ports';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type Config, loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { serveStoreApiOnLoopback } from '../../tools/store-server/loopback';
import type { AccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import { type CartMade, serveShopifyOnLoopback, SHOPIFY_TRAITS } from './shopify-store-server';
import { EMBEDDED_TRAITS, type StoreTraits, traitsOf } from './store-traits';
import { DEMO_IDS, embeddedStoreRecords, type StoreIds, type StoreRecords } from './store-records';
import { medusaStoreUnderTest } from '../medusa/medusa-store-under-test';

/** A fixed "now" so the seeded demo store and every spoken day are reproducible. */
export const TEST_NOW = new Date('2026-11-26T15:00:00Z');

export interface TestApp {
  readonly app: Express;
  readonly config: Config;
  readonly commerce: Commerce;
  readonly db: ReturnType<typeof openEmbeddedStore>['db'];
  /** What the store the skill uses does where stores differ (store-traits.ts). */
  readonly traits: StoreTraits;
  /** What the store the skill uses holds, and the changes a test makes to it (store-records.ts). */
  readonly records: StoreRecords;
  /** The store's own ids of the demo's shoppers and order lines. */
  readonly ids: StoreIds;
  /** Carts the store prepared, newest last: only a store that takes payment at its checkout page (Shopify, Medusa) makes any. */
  carts(): readonly CartMade[];
  token(shopperId: string, expiresIn?: string | number): Promise<string>;
  close(): void;
}

/** Whether the store's ports go over HTTP in this run: the 'over-http' jest project sets it (store-over-http.setup.ts). */
export function storeOverHttp(): boolean {
  return process.env.SHOPVOICE_TEST_COMMERCE === 'http';
}

/** Whether the store is Shopify in this run: the 'over-shopify' jest project sets it (store-over-shopify.setup.ts). */
export function storeOnShopify(): boolean {
  return process.env.SHOPVOICE_TEST_COMMERCE === 'shopify';
}

/** Whether the store is Medusa in this run: the 'over-medusa' jest project sets it (test/medusa/store-over-medusa.setup.ts). */
export function storeOnMedusa(): boolean {
  return process.env.SHOPVOICE_TEST_COMMERCE === 'medusa';
}

/**
 * Settings the store under test needs of every app: a turn over a real Medusa, on a busy 2-core
 * machine, takes longer than over SQLite in process, so it gets the most the turn budget allows.
 */
export function storeTurnSettings(): Record<string, string> {
  return storeOnMedusa() ? { TURN_BUDGET_MS: '7000' } : {};
}

/** The store's ports under test, and, for a store that names its own shoppers (Shopify), how it does. */
export interface StoreUnderTest {
  readonly store: StoreCommerce;
  /** Checks the store's own access tokens; the configured verifier when absent. */
  readonly accessTokens?: AccessTokenVerifier;
  /** The store's own access token for a shopper; a development JWT when absent. */
  readonly token?: (shopperId: string, expiresIn?: string | number) => string;
  /** Carts the store prepared; absent for a store that places orders. */
  readonly carts?: () => readonly CartMade[];
  /** What the store's data holds where stores differ; the embedded store's when absent. */
  readonly traits?: Omit<StoreTraits, 'checkout'>;
  /** What a store other than the embedded demo store holds (Medusa); the embedded store's tables when absent. */
  readonly records?: StoreRecords;
  /** How the store names the demo's shoppers and lines; the demo's own ids when absent. */
  readonly ids?: StoreIds;
  close(): void;
}

/**
 * The store's ports the skill under test uses: the embedded store itself; on Shopify, the Shopify
 * adapter talking to a local schema-backed Shopify (shopify-store-server.ts) over the same demo
 * store; or, over HTTP, the HTTP
 * adapter talking to the store API server (tools/store-server) that serves that same store on
 * loopback. Either way, what the tests read from `embedded` is what the skill saw.
 */
export function storeUnderTest(embedded: EmbeddedStore, currency: CurrencyCode = 'USD'): StoreUnderTest {
  if (storeOnShopify()) {
    const shopify = serveShopifyOnLoopback(embedded, { now: () => TEST_NOW });
    return {
      store: shopify.store,
      accessTokens: shopify.accessTokens,
      token: (shopperId, expiresIn) => shopify.token(shopperId, expiresIn),
      carts: () => shopify.carts,
      traits: SHOPIFY_TRAITS,
      close: () => shopify.close(),
    };
  }
  // A real Medusa, started once for the run and seeded with the same demo store (test/medusa/).
  if (storeOnMedusa()) return medusaStoreUnderTest(() => TEST_NOW, currency);
  if (!storeOverHttp()) return { store: embedded.store, close: () => {} };
  const served = serveStoreApiOnLoopback(embedded.store);
  return { store: served.commerce, close: () => served.close() };
}

export interface TestAppOptions {
  /** The store's ports the skill uses, made from the demo store; `storeUnderTest` by default. */
  readonly store?: (embedded: EmbeddedStore) => StoreUnderTest;
}

/** The real express app over an in-memory demo store, with verification of Alexa signatures off. */
export function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): TestApp {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SHOPVOICE_DATA_DIR: dataDir,
    ALEXA_VERIFY_SIGNATURE: 'false',
    ...storeTurnSettings(),
    ...env,
  });
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW, currency: config.store.currency });
  // The skill's own state stays embedded; only the store's ports may go over HTTP.
  const storePorts = options.store ? options.store(store) : storeUnderTest(store, config.store.currency);
  const { app, shopvoice } = createServer(config, createLogger('silent'), {
    adapters: { store: storePorts.store, state: store.state },
    clock: () => TEST_NOW,
    ...(storePorts.accessTokens ? { accessTokens: storePorts.accessTokens } : {}),
  });
  return {
    app,
    config,
    commerce: store.commerce,
    db: store.db,
    traits: traitsOf(storePorts.store, storePorts.traits ?? EMBEDDED_TRAITS),
    records: storePorts.records ?? embeddedStoreRecords(store.db),
    ids: storePorts.ids ?? DEMO_IDS,
    carts: () => storePorts.carts?.() ?? [],
    token: async (shopperId, expiresIn) =>
      storePorts.token?.(shopperId, expiresIn) ??
      signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId, expiresIn }),
    close() {
      shopvoice.close();
      storePorts.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
