import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { SharedAccounts } from '../../lambda/commerce/ports';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteSkillState } from '../../lambda/commerce/sqlite/sqlite-commerce';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { TEST_NOW } from '../support/test-app';

/** Accounts a household shares, one contract for the embedded file and DynamoDB (dynalite on loopback). */

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

const stores: [string, () => Promise<{ accounts: SharedAccounts; close(): void }>][] = [
  [
    'the embedded SQLite store',
    async () => {
      const db = openDatabase(':memory:');
      migrate(db);
      return { accounts: createSqliteSkillState(db, { clock: () => TEST_NOW }).sharedAccounts!, close: () => db.close() };
    },
  ],
  [
    'DynamoDB (dynalite)',
    async () => {
      const state = createDynamoSkillState({ tablePrefix: await dynamo.tables(), endpoint: dynamo.endpoint }, { clock: () => TEST_NOW });
      return { accounts: state.sharedAccounts!, close: () => state.close() };
    },
  ],
];

const KITCHEN = 'k'.repeat(64);
const HALLWAY = 'h'.repeat(64);

describe.each(stores)('shared accounts on %s', (_name, open) => {
  it('knows an account as shared once marked, however often and concurrently, and no other', async () => {
    const { accounts, close } = await open();
    try {
      expect(await accounts.isShared(KITCHEN)).toBe(false);
      await Promise.all(Array.from({ length: 5 }, (_, i) => accounts.markShared(KITCHEN, new Date(TEST_NOW.getTime() + i))));
      expect(await accounts.isShared(KITCHEN)).toBe(true);
      expect(await accounts.isShared(HALLWAY)).toBe(false);
      await expect(accounts.markShared('', TEST_NOW)).rejects.toThrow(/needs its key/);
    } finally {
      close();
    }
  });
});
