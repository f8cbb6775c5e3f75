import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import type { Commerce } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type Config, loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';

/** A fixed "now" so the seeded demo store and every spoken day are reproducible. */
export const TEST_NOW = new Date('2026-11-26T15:00:00Z');

export interface TestApp {
  readonly app: Express;
  readonly config: Config;
  readonly commerce: Commerce;
  readonly db: ReturnType<typeof openEmbeddedStore>['db'];
  token(shopperId: string, expiresIn?: string | number): Promise<string>;
  close(): void;
}

/** The real express app over an in-memory demo store, with verification of Alexa signatures off. */
export function createTestApp(env: Record<string, string> = {}): TestApp {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SHOPVOICE_DATA_DIR: dataDir,
    ALEXA_VERIFY_SIGNATURE: 'false',
    ...env,
  });
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const { app, shopvoice } = createServer(config, createLogger('silent'), {
    commerce: store.commerce,
    handoffOutbox: store.handoffOutbox,
    clock: () => TEST_NOW,
  });
  return {
    app,
    config,
    commerce: store.commerce,
    db: store.db,
    token: (shopperId, expiresIn) =>
      signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId, expiresIn }),
    close() {
      shopvoice.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
