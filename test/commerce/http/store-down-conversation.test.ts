import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signDevAccessToken } from '../../../lambda/auth/dev-access-token';
import { createHttpStoreCommerce } from '../../../lambda/commerce/http/http-store-commerce';
import { openEmbeddedStore, type EmbeddedStore } from '../../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../../lambda/config';
import { createLogger } from '../../../lambda/logging';
import { createServer } from '../../../lambda/server';
import { answered, PLATFORMS } from '../../support/conversation';
import { TEST_NOW } from '../../support/test-app';
import { listenOnLoopback, type Loopback, QUIET, storeApiApp } from './store-api-fixtures';

/** When the store's order system is down or answers garbage, the shopper hears so, and can carry on once it is back. */

const STORE_DOWN = "Sorry, the store isn't answering. Try again in a minute, or call 1-800-555-0199.";
const STORE_DOWN_DE =
  'Der Shop antwortet leider gerade nicht. Versuchen Sie es gleich noch einmal, oder rufen Sie 1-800-555-0199 an.';

let embedded: EmbeddedStore;
let front: Loopback;
let dataDir: string;
let mode: 'up' | 'down' | 'garbage' = 'up';
let skill: ReturnType<typeof createServer>;

beforeEach(async () => {
  mode = 'up';
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-store-down-'));
  embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
  front = await listenOnLoopback(storeApiApp(embedded.store), () =>
    mode === 'up' ? 'pass' : mode === 'down' ? { status: 503 } : { status: 200, body: '{"orders": "soon"}' },
  );
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false' });
  const store = createHttpStoreCommerce({ baseUrl: front.url, timeoutMs: 2_000 }, QUIET);
  skill = createServer(config, createLogger('silent'), { adapters: { store, state: embedded.state }, clock: () => TEST_NOW });
});

afterEach(async () => {
  skill.shopvoice.close();
  await front.close();
  embedded.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const tokenFor = (shopperId: string) => {
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir });
  return signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId });
};

describe.each(PLATFORMS)('the store being down, on %s', (platform, start) => {
  it('says the order system cannot be reached, keeps listening, and answers once it is back', async () => {
    mode = 'down';
    const conversation = start(skill.app, { token: await tokenFor('shopper-ben') });
    const down = answered(await conversation.say('OrderStatusIntent'), platform);
    expect(down.text).toBe(STORE_DOWN);
    // The phone is the way to a person that needs nothing of the store: even the shopper's account is not reachable now.
    expect(down.ssml).toContain(`<say-as interpret-as="telephone"${platform === 'google' ? ' format="1"' : ''}>1-800-555-0199</say-as>`);
    expect(down.listening).toBe(true);

    mode = 'up';
    const back = answered(await conversation.say('OrderStatusIntent'), platform);
    expect(back.text).toMatch(/orders? on the way/);
  });

  it('keeps the step in progress, so the same answer works again once the store is back', async () => {
    const conversation = start(skill.app, { token: await tokenFor('shopper-ben') });
    const first = answered(await conversation.say('OrderStatusIntent'), platform);
    expect(first.text).toMatch(/Want to hear the (other one|others)\?$/);

    mode = 'down';
    const failed = answered(await conversation.say('YesIntent'), platform);
    expect(failed.text).toBe(STORE_DOWN);
    expect(failed.state).toEqual(first.state);

    mode = 'up';
    const more = answered(await conversation.say('YesIntent'), platform);
    expect(more.text).not.toBe(STORE_DOWN);
    expect(more.text).toMatch(/^The order with your /);
  });

  it('says the same when the store answers malformed data', async () => {
    const conversation = start(skill.app, { token: await tokenFor('shopper-ava') });
    await conversation.launch();
    mode = 'garbage';
    const heard = answered(await conversation.say('OrderStatusIntent'), platform);
    expect(heard.text).toBe(STORE_DOWN);
    expect(heard.listening).toBe(true);
  });

  it('speaks the apology in the shopper\'s language', async () => {
    mode = 'down';
    const conversation = start(skill.app, { token: await tokenFor('shopper-ava'), locale: 'de-DE' });
    const heard = answered(await conversation.say('OrderStatusIntent'), platform);
    expect(heard.text).toBe(STORE_DOWN_DE);
  });
});
