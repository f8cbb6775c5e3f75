import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { CallStates, StoreCommerce } from '../../lambda/commerce/ports';
import { type EmbeddedStore, openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type Config, loadConfig } from '../../lambda/config';
import { listenOn } from '../../lambda/http-listen';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { TEST_NOW } from '../support/test-app';

/** The auth token the test server checks signatures against; tests sign with it, or forge with another. */
export const TEST_TWILIO_AUTH_TOKEN = 'test-twilio-auth-token-0123456789abcdef';

/** The demo store's shoppers' numbers (demo-shoppers.ts), what proves who they are, and Ava's voice PIN (README). */
export const AVA = { shopperId: 'shopper-ava', phone: '+13035550142', cardLast4: '4242', zip: '80205', purchasePin: '7391' } as const;
export const BEN = { shopperId: 'shopper-ben', phone: '+15125550187', cardLast4: '4444', zip: '78704' } as const;

export interface PhoneServer {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly config: Config;
  readonly store: EmbeddedStore;
  close(): Promise<void>;
}

export interface PhoneServerOptions {
  /** The store's ports the server uses, made from the demo store's own (one that cannot do everything, say). */
  readonly store?: (embedded: StoreCommerce) => StoreCommerce;
  /** The call states the server keeps calls in, made from the demo store's own (a failing one, for fault tests). */
  readonly callStates?: (embedded: CallStates) => CallStates;
}

/** The real server over an in-memory demo store, listening on loopback with the phone's WebSocket attached, as `npm start` runs it. */
export async function startPhoneServer(env: Record<string, string> = {}, options: PhoneServerOptions = {}): Promise<PhoneServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-phone-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SHOPVOICE_DATA_DIR: dataDir,
    ALEXA_VERIFY_SIGNATURE: 'false',
    PHONE_TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN,
    ...env,
  });
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW, currency: config.store.currency });
  const { app, shopvoice, phone } = createServer(config, createLogger('silent'), {
    adapters: { store: options.store ? options.store(store.store) : store.store, state: options.callStates ? { ...store.state, callStates: options.callStates(store.state.callStates!) } : store.state },
    clock: () => TEST_NOW,
  });
  const { server, address } = await listenOn(app, { host: '127.0.0.1', port: 0 });
  phone.attach(server);
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    store,
    async close() {
      phone.close();
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
      shopvoice.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
