import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDynamoSkillState } from '../../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { PurchasePins } from '../../../lambda/commerce/ports';
import { migrate } from '../../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../../lambda/commerce/sqlite/open-database';
import { createSqlitePurchasePins } from '../../../lambda/commerce/sqlite/sqlite-purchase-pins';
import { loadConfig } from '../../../lambda/config';
import { openPinStore, runPinCommand } from '../../../tools/pin';
import { type LocalDynamo, startDynalite } from '../../support/dynalite';

const NOW = new Date('2026-11-26T15:00:00Z');
const check = (pins: PurchasePins, pin: string) => pins.check({ shopperId: 'shopper-zoe', pin, at: NOW, lockoutMs: 60_000 });

let dynamo: LocalDynamo;
let dataDir: string;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-pin-tool-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The same tool over each place the skill may keep its state, and a way to check a PIN there afterwards. */
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

describe.each(ADAPTERS)('npm run pin on %s', (_name, open) => {
  it('sets a PIN read from stdin for any shopper id, which the skill then accepts, and clears it', async () => {
    const { env, withPins } = await open();
    const io = (pin: string) => ({ readPin: async () => `${pin}\n`, openStore: () => openPinStore(loadConfig(env)) });

    const set = await runPinCommand(['set', 'shopper-zoe'], io('4826'));
    expect(set).toEqual({ exitCode: 0, stdout: expect.stringMatching(/^Purchase PIN set for shopper-zoe in /), stderr: '' });
    expect(set.stdout).not.toContain('4826');
    expect(await withPins((pins) => check(pins, '4826'))).toEqual({ kind: 'accepted' });
    expect(await withPins((pins) => check(pins, '1111'))).toEqual({ kind: 'wrong', triesLeft: 2 });

    expect((await runPinCommand(['clear', 'shopper-zoe'], io(''))).stdout).toMatch(/^Purchase PIN removed for shopper-zoe/);
    expect((await runPinCommand(['clear', 'shopper-zoe'], io(''))).stdout).toMatch(/^shopper-zoe had no purchase PIN/);
    expect(await withPins((pins) => pins.status('shopper-zoe', NOW))).toEqual({ kind: 'not-set' });
  });

  it('refuses anything but four digits, and a PIN given on the command line, changing nothing', async () => {
    const { env, withPins } = await open();
    const opened: string[] = [];
    const io = (pin: string) => ({
      readPin: async () => pin,
      openStore: () => {
        opened.push(pin);
        return openPinStore(loadConfig(env));
      },
    });
    for (const bad of ['123', '12345', 'abcd', '']) {
      expect(await runPinCommand(['set', 'shopper-zoe'], io(bad))).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/four digits/) });
    }
    expect(await runPinCommand(['set', 'shopper-zoe', '4826'], io('4826'))).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(/read from stdin/),
    });
    expect(await runPinCommand(['reset', 'shopper-zoe'], io('4826'))).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^Usage/) });
    expect(opened).toEqual([]);
    expect(await withPins((pins) => pins.status('shopper-zoe', NOW))).toEqual({ kind: 'not-set' });
  });
});

describe('the pin command line', () => {
  it('reads the PIN piped to it and stores only its hash in the embedded store', () => {
    const storePath = path.join(dataDir, 'cli.sqlite');
    const stdout = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'tools/pin.ts', 'set', 'shopper-zoe'], {
      input: '5173\n',
      env: { ...process.env, SHOPVOICE_DATA_DIR: dataDir, SHOPVOICE_STORE_PATH: storePath, STATE_ADAPTER: '' },
      encoding: 'utf8',
    });
    expect(stdout).toBe(`Purchase PIN set for shopper-zoe in the embedded store ${storePath}.\n`);
    const db = openDatabase(storePath);
    try {
      const rows = db.prepare('SELECT shopper_id, pin_hash FROM purchase_pins').all() as { shopper_id: string; pin_hash: string }[];
      expect(rows).toEqual([{ shopper_id: 'shopper-zoe', pin_hash: expect.stringMatching(/^scrypt\$/) }]);
      expect(rows[0]?.pin_hash).not.toContain('5173');
    } finally {
      db.close();
    }
  });
});
