import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { PurchasePins } from '../../lambda/commerce/ports';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqlitePurchasePins } from '../../lambda/commerce/sqlite/sqlite-purchase-pins';
import { loadConfig } from '../../lambda/config';
import { openPinStore, runPinCommand } from '../../tools/pin';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { TEST_NOW } from '../support/test-app';

/**
 * A shopper's own opt-in to the voice PIN on every purchase (`npm run pin -- always`), kept where
 * the skill keeps its PINs: the embedded file or DynamoDB (dynalite on loopback). The conversations
 * it changes are in voice-profiles.test.ts.
 */

let dynamo: LocalDynamo;
let dataDir: string;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-pin-opt-in-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const ADAPTERS = [
  [
    'the embedded store',
    async () => {
      const storePath = path.join(dataDir, 'state.sqlite');
      return {
        env: { SHOPVOICE_DATA_DIR: dataDir, SHOPVOICE_STORE_PATH: storePath },
        async withPins<T>(use: (pins: PurchasePins) => Promise<T>): Promise<T> {
          const db = openDatabase(storePath);
          try {
            migrate(db);
            return await use(createSqlitePurchasePins(db));
          } finally {
            db.close();
          }
        },
      };
    },
  ],
  [
    'DynamoDB',
    async () => {
      const tablePrefix = await dynamo.tables();
      return {
        env: { SHOPVOICE_DATA_DIR: dataDir, STATE_ADAPTER: 'dynamodb', DYNAMODB_TABLE_PREFIX: tablePrefix, DYNAMODB_ENDPOINT: dynamo.endpoint },
        async withPins<T>(use: (pins: PurchasePins) => Promise<T>): Promise<T> {
          const state = createDynamoSkillState({ tablePrefix, endpoint: dynamo.endpoint });
          try {
            return await use(state.purchasePins);
          } finally {
            state.close();
          }
        },
      };
    },
  ],
] as const;

describe.each(ADAPTERS)('npm run pin -- always on %s', (_name, open) => {
  it('turns the PIN on for every purchase of one shopper, keeps it through a new PIN, and turns it off', async () => {
    const { env, withPins } = await open();
    const io = { readPin: async () => '7391\n', openStore: () => openPinStore(loadConfig(env)) };
    expect((await runPinCommand(['set', 'shopper-zoe'], io)).exitCode).toBe(0);

    const on = await runPinCommand(['always', 'shopper-zoe', 'on'], io);
    expect(on).toMatchObject({ exitCode: 0, stderr: '' });
    expect(on.stdout).toContain('shopper-zoe is now asked for their PIN on every purchase');
    expect(await withPins(async (pins) => [await pins.alwaysRequired?.('shopper-zoe'), await pins.alwaysRequired?.('shopper-yan')])).toEqual([true, false]);

    // A new PIN is still asked on every purchase, and it is the new one that is accepted.
    expect((await runPinCommand(['set', 'shopper-zoe'], { ...io, readPin: async () => '2468' })).exitCode).toBe(0);
    expect(await withPins(async (pins) => [await pins.alwaysRequired?.('shopper-zoe'), (await pins.check({ shopperId: 'shopper-zoe', pin: '2468', at: TEST_NOW, lockoutMs: 60_000 })).kind])).toEqual([true, 'accepted']);

    expect((await runPinCommand(['always', 'shopper-zoe', 'off'], io)).stdout).toContain("only when the store's policy asks for it");
    expect(await withPins(async (pins) => pins.alwaysRequired?.('shopper-zoe'))).toBe(false);
  });

  it('refuses a shopper without a PIN, and a wrong argument, changing nothing', async () => {
    const { env, withPins } = await open();
    const io = { readPin: async () => '', openStore: () => openPinStore(loadConfig(env)) };
    const noPin = await runPinCommand(['always', 'shopper-yan', 'on'], io);
    expect(noPin.exitCode).toBe(1);
    expect(noPin.stderr).toContain('shopper-yan has no purchase PIN');
    expect(noPin.stderr).toContain('npm run pin -- set shopper-yan');
    expect(await withPins(async (pins) => [await pins.alwaysRequired?.('shopper-yan'), (await pins.status('shopper-yan', TEST_NOW)).kind])).toEqual([false, 'not-set']);
    for (const args of [['always', 'shopper-yan'], ['always', 'shopper-yan', 'yes'], ['always', 'shopper-yan', 'on', 'extra'], ['always']]) {
      expect(await runPinCommand(args, io)).toMatchObject({ exitCode: 1, stdout: '' });
    }
    expect((await runPinCommand(['--help'], io)).stdout).toContain('npm run pin -- always <shopperId> on|off');
  });
});
