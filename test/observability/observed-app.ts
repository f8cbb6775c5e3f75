import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import type { TurnEvent } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { createServer } from '../../lambda/server';
import { storeUnderTest, TEST_NOW } from '../support/test-app';

/** The real server over an in-memory demo store, whose log lines are kept for the test to read. */
export interface ObservedApp {
  readonly app: ReturnType<typeof createServer>['app'];
  /** Every log line written, parsed. */
  readonly logLines: () => Record<string, unknown>[];
  readonly events: () => Promise<readonly TurnEvent[]>;
  token(shopperId: string): Promise<string>;
  close(): void;
}

export function observedApp(env: Record<string, string> = {}): ObservedApp {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-observed-'));
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false', ...env });
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const storePorts = storeUnderTest(store);
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const { app, shopvoice } = createServer(config, logger, { adapters: { store: storePorts.store, state: store.state }, clock: () => TEST_NOW });
  return {
    app,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    events: () => store.state.turnEvents.list({ since: new Date(0) }),
    token: (shopperId) => signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId }),
    close() {
      shopvoice.close();
      storePorts.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The value of one series in Prometheus text, or undefined when it is not there. */
export function seriesValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1]!, pair[2]!]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value) && Object.keys(found).length === Object.keys(labels).length) {
      return Number(match[3]);
    }
  }
  return undefined;
}
