import { createDynamoSkillState } from '../../../lambda/commerce/dynamodb/dynamo-skill-state';
import type { CallStates } from '../../../lambda/commerce/ports';
import { migrate } from '../../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../../lambda/commerce/sqlite/open-database';
import { createSqliteSkillState } from '../../../lambda/commerce/sqlite/sqlite-commerce';
import { type LocalDynamo, startDynalite } from '../../support/dynalite';
import { TEST_NOW } from '../../support/test-app';

/**
 * Phone calls in progress, one contract for both state stores: the embedded file and DynamoDB
 * (dynalite on loopback), so a call behaves the same under `npm start` and on Lambda.
 */

interface OpenStates {
  readonly callStates: CallStates;
  close(): void;
}

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

const stores: [string, () => Promise<OpenStates>][] = [
  [
    'the embedded SQLite store',
    async () => {
      const db = openDatabase(':memory:');
      migrate(db);
      return { callStates: createSqliteSkillState(db, { clock: () => TEST_NOW }).callStates!, close: () => db.close() };
    },
  ],
  [
    'DynamoDB (dynalite)',
    async () => {
      const state = createDynamoSkillState({ tablePrefix: await dynamo.tables(), endpoint: dynamo.endpoint }, { clock: () => TEST_NOW });
      return { callStates: state.callStates!, close: () => state.close() };
    },
  ],
];

const later = (ms: number) => new Date(TEST_NOW.getTime() + ms);

describe.each(stores)('call states on %s', (_name, open) => {
  let opened: OpenStates;
  let states: CallStates;
  beforeEach(async () => {
    opened = await open();
    states = opened.callStates;
  });
  afterEach(() => opened.close());

  it('gives a call its last saved state back, and nothing for a call it never saw', async () => {
    await states.save('CA-one', { v: 1, turns: 1, locale: 'en-US' }, later(60_000));
    await states.save('CA-one', { v: 1, turns: 2, locale: 'de-DE', nested: { caller: { kind: 'verified' } } }, later(60_000));
    await states.save('CA-two', { v: 1, turns: 7 }, later(60_000));
    expect(await states.load('CA-one', TEST_NOW)).toEqual({ v: 1, turns: 2, locale: 'de-DE', nested: { caller: { kind: 'verified' } } });
    expect(await states.load('CA-two', TEST_NOW)).toEqual({ v: 1, turns: 7 });
    expect(await states.load('CA-never', TEST_NOW)).toBeUndefined();
  });

  it('forgets a call once it expired, measured against the time asked about', async () => {
    await states.save('CA-expiring', { v: 1 }, later(60_000));
    expect(await states.load('CA-expiring', later(60_000))).toEqual({ v: 1 });
    expect(await states.load('CA-expiring', later(60_001))).toBeUndefined();
  });

  it('refuses a state without a call id', async () => {
    await expect(states.save(' ', { v: 1 }, later(60_000))).rejects.toThrow(/call id/);
  });

  it('runs exclusive work for one key one at a time, in the order it was asked for, and other keys beside it', async () => {
    const log: string[] = [];
    const step = (name: string, key: string) =>
      states.exclusive!(key, async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        log.push(`${name} end`);
        return name;
      });
    const first = step('a1', 'socket-a');
    // The second asks only once the first holds the key, as frames of one socket arrive one after
    // the other: once its work has started, not after a guess at how long taking the lease takes.
    while (!log.includes('a1 start')) await new Promise((resolve) => setTimeout(resolve, 1));
    const results = await Promise.all([first, step('a2', 'socket-a'), step('b1', 'socket-b')]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    const a = log.filter((entry) => entry.startsWith('a'));
    expect(a).toEqual(['a1 start', 'a1 end', 'a2 start', 'a2 end']);
    // b did not wait for a.
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a2 start'));
  });

  it('frees the key when the work fails', async () => {
    await expect(states.exclusive!('socket-c', async () => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
    expect(await states.exclusive!('socket-c', async () => 'next frame')).toBe('next frame');
  });
});
