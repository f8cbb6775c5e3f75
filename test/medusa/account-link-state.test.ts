import { ScanCommand } from '../../lambda/commerce/dynamodb/document-commands';
import { createDynamoClients } from '../../lambda/commerce/dynamodb/dynamo-client';
import { createDynamoSkillState } from '../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { AccountLinkState } from '../../lambda/commerce/ports';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteSkillState } from '../../lambda/commerce/sqlite/sqlite-commerce';
import { createLinkCodes, LINK_CODE_LIFETIME_MS } from '../../lambda/platforms/medusa-link/link-grants';
import { createSignInAttempts, SIGN_IN_WINDOW_MS } from '../../lambda/platforms/medusa-link/sign-in-attempts';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { TEST_NOW } from '../support/test-app';

/**
 * What the account linking served for a Medusa store keeps between requests, one contract for the
 * embedded file and DynamoDB (dynalite on loopback): two server instances on the same store (two
 * handles on one file, two clients on one table prefix) see each other's codes and failures.
 */

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

interface TwoInstances {
  readonly first: AccountLinkState;
  readonly second: AccountLinkState;
  /** Everything the store holds, as text: what a copy of it would give away. */
  dump(): Promise<string>;
  close(): void;
}

const stores: [string, () => Promise<TwoInstances>][] = [
  [
    'the embedded SQLite store',
    async () => {
      const path = `/tmp/account-links-${process.pid}-${Date.now()}.sqlite`;
      const [one, two] = [openDatabase(path), openDatabase(path)];
      migrate(one);
      return {
        first: createSqliteSkillState(one).accountLinks!,
        second: createSqliteSkillState(two).accountLinks!,
        dump: async () => JSON.stringify([one.prepare('SELECT * FROM link_codes').all(), one.prepare('SELECT * FROM sign_in_failures').all()]),
        close() {
          one.close();
          two.close();
        },
      };
    },
  ],
  [
    'DynamoDB (dynalite)',
    async () => {
      const tablePrefix = await dynamo.tables();
      const [one, two] = [createDynamoSkillState({ tablePrefix, endpoint: dynamo.endpoint }), createDynamoSkillState({ tablePrefix, endpoint: dynamo.endpoint })];
      return {
        first: one.accountLinks!,
        second: two.accountLinks!,
        async dump() {
          const { client, documents } = createDynamoClients({ endpoint: dynamo.endpoint });
          try {
            return JSON.stringify((await documents.send(new ScanCommand({ TableName: `${tablePrefix}-account-links` }))).Items);
          } finally {
            client.destroy();
          }
        },
        close() {
          one.close();
          two.close();
        },
      };
    },
  ],
];

const SECRET = 'a-session-state-secret-of-32-characters!';
const grant = { medusaToken: 'eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6ImN1c19hdmEifQ.sig', clientId: 'alexa-skill', redirectUri: 'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA' };
const later = (ms: number) => new Date(TEST_NOW.getTime() + ms);

describe.each(stores)('account-link state on %s', (_name, open) => {
  it('redeems a code issued by one instance at another, once, even when both try at the same moment', async () => {
    const { first, second, dump, close } = await open();
    try {
      const code = await createLinkCodes(first, SECRET).issue(grant, TEST_NOW);
      // The store holds neither the code nor the Medusa token, only the code's hash and the sealed grant.
      const held = await dump();
      expect(held).not.toContain(code);
      expect(held).not.toContain(grant.medusaToken);
      const redeemers = [createLinkCodes(second, SECRET), createLinkCodes(first, SECRET)];
      const outcomes = await Promise.all(redeemers.map((codes) => codes.redeem(code, later(1_000))));
      expect(outcomes.filter((outcome) => outcome !== undefined)).toEqual([grant]);
      expect(await redeemers[0]!.redeem(code, later(2_000))).toBeUndefined();
    } finally {
      close();
    }
  });

  it('refuses an expired code, a code never issued, and a code sealed under another secret', async () => {
    const { first, second, close } = await open();
    try {
      const expired = await createLinkCodes(first, SECRET).issue(grant, TEST_NOW);
      expect(await createLinkCodes(second, SECRET).redeem(expired, later(LINK_CODE_LIFETIME_MS + 1))).toBeUndefined();
      expect(await createLinkCodes(second, SECRET).redeem('x'.repeat(43), TEST_NOW)).toBeUndefined();
      const elsewhere = await createLinkCodes(first, 'another-secret-of-at-least-32-characters').issue(grant, TEST_NOW);
      expect(await createLinkCodes(second, SECRET).redeem(elsewhere, later(1_000))).toBeUndefined();
      for (const malformed of [undefined, 42, '', 'not base64url!', 'a'.repeat(101)]) expect(await createLinkCodes(second, SECRET).redeem(malformed, TEST_NOW)).toBeUndefined();
    } finally {
      close();
    }
  });

  it('counts failed sign-ins across instances, by email whatever its case, until the window moves on or one succeeds', async () => {
    const { first, second, dump, close } = await open();
    try {
      const [one, two] = [createSignInAttempts(first, SECRET), createSignInAttempts(second, SECRET)];
      for (let failure = 0; failure < 5; failure += 1) {
        expect(await (failure % 2 ? two : one).blocked('ava@example.com', later(failure))).toBe(false);
        await (failure % 2 ? one : two).failed(failure % 2 ? 'Ava@Example.com' : 'ava@example.com', later(failure));
      }
      expect(await one.blocked('ava@example.com', later(10))).toBe(true);
      expect(await two.blocked('AVA@example.com', later(10))).toBe(true);
      expect(await two.blocked('ben@example.com', later(10))).toBe(false);
      expect(await dump()).not.toMatch(/ava@example\.com/i);
      // The first failure leaves the window: four remain, one short of a block.
      expect(await two.blocked('ava@example.com', later(SIGN_IN_WINDOW_MS + 1))).toBe(false);
      await one.succeeded('ava@example.com');
      expect(await two.blocked('ava@example.com', later(10))).toBe(false);
    } finally {
      close();
    }
  });
});
