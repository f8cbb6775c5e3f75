import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type Config, loadConfig } from '../../lambda/config';
import { createLogger, type Logger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { type PortControl, slowPorts } from '../support/slow-ports';
import { TEST_NOW } from '../support/test-app';

/** The real express app over the embedded demo store, whose store and state ports can be made slow or hang. */
export interface SlowStoreApp {
  readonly app: Express;
  readonly config: Config;
  readonly db: ReturnType<typeof openEmbeddedStore>['db'];
  /** The store's systems: shoppers, orders, catalog, returns, checkout. */
  readonly store: PortControl;
  /** The skill's own state: handoffs, conversations, purchase PINs, checkout claims. */
  readonly state: PortControl;
  token(shopperId: string): Promise<string>;
  /** Lets every held call finish, then closes everything. */
  close(): Promise<void>;
}

export function createSlowStoreApp(env: Record<string, string> = {}, logger: Logger = createLogger('silent')): SlowStoreApp {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-resilience-'));
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false', ...env });
  const embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const store = slowPorts(embedded.store);
  const state = slowPorts(embedded.state);
  const { app, shopvoice } = createServer(config, logger, { adapters: { store: store.ports, state: state.ports }, clock: () => TEST_NOW });
  return {
    app,
    config,
    db: embedded.db,
    store: store.control,
    state: state.control,
    token: (shopperId) => signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId }),
    async close() {
      store.control.recover();
      state.control.recover();
      await Promise.all([store.control.drained(), state.control.drained()]);
      shopvoice.close();
      embedded.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Milliseconds `work` took, with what it gave. */
export async function timed<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
