import { answered, type Conversation, type Heard, type SlotInput } from '../support/conversation';
import { faults } from '../support/faulty-store';
import {
  ALEXA_DEADLINE_MS,
  apologised,
  expectOneKey,
  failedWith,
  type FaultApp,
  HUNG_TURN_BOUND_MS,
  SLOW_BUT_IN_TIME_MS,
  startFaultApp,
  timed,
  writeOutcome,
} from './fault-app';

/** Creating a return (a POST with an Idempotency-Key) while the store misbehaves: never two returns, never a lie. */

let fault: FaultApp;
beforeEach(async () => {
  fault = await startFaultApp();
});
afterEach(() => fault.close());

const DONE = /^Your return number is (\d+)\./;

interface ReturnRow {
  readonly number: string;
  readonly order_number: string;
  readonly line_id: string;
}
const returns = () => fault.store.embedded.db.prepare('SELECT number, order_number, line_id FROM returns ORDER BY id').all() as ReturnRow[];

/** Ava's shoes from last week that don't fit, up to "Shall I start the return?". */
async function upToTheQuestion(platform: 'alexa' | 'google'): Promise<{ ava: Conversation; question: Heard }> {
  const ava = await fault.converse(platform, 'shopper-ava');
  const shoes: SlotInput = { value: 'shoes', id: 'shoes' };
  const lastWeek: SlotInput = platform === 'alexa' ? '2026-W47' : 'last week';
  answered(await ava.say('ReturnItemIntent', { item: shoes, date: lastWeek, reason: { value: "don't fit", id: 'size' } }), platform);
  const question = answered(await ava.say('YesIntent'), platform);
  expect(question.text).toMatch(/^Shall I take back .+\?$/);
  fault.store.forget();
  return { ava, question };
}



describe.each(['alexa', 'google'] as const)('a return against a faulty store, on %s', (platform) => {
  it('is created as usual when the store is slow but within the deadline', async () => {
    const { ava } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', faults.slow(SLOW_BUT_IN_TIME_MS));
    const done = answered(await ava.say('YesIntent'), platform);
    expect(done.text).toMatch(DONE);
    expect(returns()).toEqual([expect.objectContaining({ number: DONE.exec(done.text)![1], order_number: '10605', line_id: '10605-1' })]);
    expect(fault.store.count('createReturn')).toBe(1);
  });

  it('hung: apologises within the deadline, creates nothing, keeps the question; "yes" again creates it once', async () => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', faults.hang());
    const { heard, ms } = await timed(ava.say('YesIntent'));
    answered(heard, platform);
    expect(writeOutcome(heard, DONE)).toBe('not-confirmed');
    expect(heard.listening).toBe(true);
    expect(ms).toBeLessThan(HUNG_TURN_BOUND_MS);
    expect(ms).toBeLessThan(ALEXA_DEADLINE_MS);
    expect(heard.state).toEqual(question.state);
    expect(returns()).toEqual([]);
    const key = expectOneKey(fault.store.requestsTo('createReturn'));

    fault.store.heal();
    const done = answered(await ava.say('YesIntent'), platform);
    expect(done.text).toMatch(DONE);
    expect(returns()).toHaveLength(1);
    expect(fault.store.requestsTo('createReturn').at(-1)!.idempotencyKey).toBe(key);
  });
});

describe('a return against a faulty store, on alexa', () => {
  const platform = 'alexa';

  it('500s: the POST is retried only with its Idempotency-Key, the same on every attempt, then the shopper hears the apology', async () => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', faults.status(500));
    const heard = apologised(await ava.say('YesIntent'), platform);
    expect(heard.state).toEqual(question.state);
    const posts = fault.store.requestsTo('createReturn');
    expect(posts).toHaveLength(3);
    expect(posts.every((post) => post.method === 'POST' && post.fault === 'status')).toBe(true);
    const key = expectOneKey(posts);
    // The 500s never reached the store.
    expect(fault.store.handled('createReturn')).toBe(0);
    expect(returns()).toEqual([]);

    fault.store.heal();
    expect(answered(await ava.say('YesIntent'), platform).text).toMatch(DONE);
    expect(returns()).toHaveLength(1);
    expect(fault.store.requestsTo('createReturn').at(-1)!.idempotencyKey).toBe(key);
  });

  it('a 503 on the first attempt only: the retry with the same key creates the return, once', async () => {
    const { ava } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', faults.status(503), { times: 1 });
    const done = answered(await ava.say('YesIntent'), platform);
    expect(done.text).toMatch(DONE);
    expect(fault.store.requestsTo('createReturn').map((post) => post.fault)).toEqual(['status', undefined]);
    expectOneKey(fault.store.requestsTo('createReturn'));
    expect(returns()).toHaveLength(1);
  });

  it.each([
    ['a body that is not JSON', faults.notJson()],
    ['JSON of the wrong shape', faults.wrongShape()],
  ])('apologises for %s, and a later "yes" creates the return', async (_what, malformed) => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', malformed);
    const heard = apologised(await ava.say('YesIntent'), platform);
    expect(heard.state).toEqual(question.state);
    expect(fault.store.count('createReturn')).toBe(1);
    expect(failedWith(fault)).toEqual(['StoreDataError']);

    fault.store.heal();
    expect(answered(await ava.say('YesIntent'), platform).text).toMatch(DONE);
    expect(returns()).toHaveLength(1);
  });

  it('connection reset before the store saw it: retried with the same key, then "could not be confirmed" (a reset says nothing of whether it was applied); nothing created', async () => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', faults.reset());
    const heard = answered(await ava.say('YesIntent'), platform);
    expect(writeOutcome(heard, DONE)).toBe('not-confirmed');
    expect(heard.state).toEqual(question.state);
    expect(fault.store.count('createReturn')).toBe(3);
    expectOneKey(fault.store.requestsTo('createReturn'));
    expect(returns()).toEqual([]);
  });
});

describe.each(['alexa', 'google'] as const)('a return whose answer is lost after the store created it, on %s', (platform) => {
  it('once: the retry with the same key gets the same return back, the shopper hears it, and nothing is created twice', async () => {
    const { ava } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', faults.applyThenReset(), { times: 1 });
    const done = answered(await ava.say('YesIntent'), platform);
    expect(writeOutcome(done, DONE)).toBe('done');
    expect(fault.store.handled('createReturn')).toBe(2);
    expectOneKey(fault.store.requestsTo('createReturn'));
    expect(returns()).toEqual([expect.objectContaining({ number: DONE.exec(done.text)![1] })]);

    // The platform sends the same "yes" again, and the shopper says it once more.
    expect((await ava.resend()).text).toBe(done.text);
    answered(await ava.say('YesIntent'), platform);
    expect(returns()).toHaveLength(1);
  });

  it.each([
    ['reset', faults.applyThenReset()],
    ['cut off halfway', faults.cutOff()],
    ['never sent', faults.applyThenHang()],
  ])('every time (%s): one return in the store, the shopper told it could not be confirmed, and "yes" again tells its number', async (_how, lost) => {
    const { ava, question } = await upToTheQuestion(platform);
    fault.store.fail('createReturn', lost);
    const { heard, ms } = await timed(ava.say('YesIntent'));
    answered(heard, platform);
    expect(ms).toBeLessThan(HUNG_TURN_BOUND_MS);
    expect(writeOutcome(heard, DONE)).toBe('not-confirmed');
    expect(heard.state).toEqual(question.state);
    // The store created it on the first attempt; the attempts after it found it by its key.
    expect(fault.store.handled('createReturn')).toBeGreaterThanOrEqual(1);
    const key = expectOneKey(fault.store.requestsTo('createReturn'));
    const [created] = returns();
    expect(returns()).toHaveLength(1);

    fault.store.heal();
    const done = answered(await ava.say('YesIntent'), platform);
    expect(writeOutcome(done, DONE)).toBe('done');
    expect(DONE.exec(done.text)![1]).toBe(created!.number);
    expect(fault.store.requestsTo('createReturn').at(-1)!.idempotencyKey).toBe(key);
    answered(await ava.say('YesIntent'), platform);
    expect(returns()).toEqual([created]);
  });
});
