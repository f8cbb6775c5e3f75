import type { ReturnRequest } from '../../lambda/commerce/ports';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { createSqliteReturns } from '../../lambda/commerce/sqlite/sqlite-returns';

const NOW = new Date('2026-11-26T15:00:00Z');

/** Ava's three pairs of merino socks (order 10605, line 2) in the demo store. */
const request = (overrides: Partial<ReturnRequest> = {}): ReturnRequest => ({
  shopperId: 'shopper-ava',
  orderNumber: '10605',
  lineId: '10605-2',
  quantity: 1,
  reason: 'size-too-small',
  refundMethod: { kind: 'original-payment', card: { brand: 'Visa', last4: '4242' } },
  labelDelivery: 'email',
  idempotencyKey: 'alexa:session-1:return:10605-2',
  ...overrides,
});

let store: EmbeddedStore;
beforeEach(() => {
  store = openEmbeddedStore(':memory:', { now: NOW });
});
afterEach(() => store.close());

const rows = () => store.db.prepare('SELECT * FROM returns ORDER BY id').all() as Record<string, unknown>[];

describe('Returns.create', () => {
  it('creates a return with a six-digit number, the refund from the line as sold, and everything asked for', async () => {
    const returns = createSqliteReturns(store.db, { clock: () => NOW });
    const outcome = await returns.create(request({ quantity: 2, note: 'they pinch' }));
    expect(outcome).toEqual({
      kind: 'created',
      record: {
        number: expect.stringMatching(/^[1-9]\d{5}$/),
        orderNumber: '10605',
        lineId: '10605-2',
        quantity: 2,
        reason: 'size-too-small',
        refund: { minor: 3600, currency: 'USD' },
        refundMethod: { kind: 'original-payment', card: { brand: 'Visa', last4: '4242' } },
        labelDelivery: 'email',
        createdAt: NOW,
      },
    });
    expect(rows()).toEqual([expect.objectContaining({ shopper_id: 'shopper-ava', note: 'they pinch', status: 'open', created_at: NOW.getTime() })]);
    expect(await returns.returnedUnits('10605')).toEqual(new Map([['10605-2', 2]]));
  });

  it('is idempotent: the same key gives the same return, however often and however concurrently', async () => {
    const returns = store.store.returns;
    const first = await returns.create(request());
    const again = await returns.create(request({ quantity: 3, reason: 'unwanted' }));
    const together = await Promise.all([returns.create(request()), returns.create(request()), createSqliteReturns(store.db, { clock: () => NOW }).create(request())]);
    for (const outcome of [again, ...together]) expect(outcome).toEqual(first);
    expect(rows()).toHaveLength(1);
  });

  it('never returns more units than were bought, across conversations', async () => {
    const returns = store.store.returns;
    expect(await returns.create(request({ quantity: 4, idempotencyKey: 'x' }))).toEqual({ kind: 'refused', why: 'too-many' });
    expect((await returns.create(request({ quantity: 2, idempotencyKey: 'a' }))).kind).toBe('created');
    expect(await returns.create(request({ quantity: 2, idempotencyKey: 'b' }))).toEqual({ kind: 'refused', why: 'too-many' });
    expect((await returns.create(request({ quantity: 1, idempotencyKey: 'c' }))).kind).toBe('created');
    expect(await returns.create(request({ quantity: 1, idempotencyKey: 'd' }))).toEqual({ kind: 'refused', why: 'already-returned' });
    expect(rows().map((row) => row.quantity)).toEqual([2, 1]);
  });

  // Whoever asks, and whatever they were told before: the store checks the policy as it writes.
  it.each([
    ['final-sale', 'open-box headphones', { orderNumber: '10665', lineId: '10665-1' }],
    ['gift-card', 'a gift card (a category never taken back)', { orderNumber: '10449', lineId: '10449-1' }],
    ['cancelled', "a cancelled order's board game", { shopperId: 'shopper-ben', orderNumber: '10377', lineId: '10377-1' }],
    ['not-delivered', 'the hydration vest still on its way', { orderNumber: '10718', lineId: '10718-1' }],
    ['window-closed', 'the rain jacket delivered 45 days ago', { orderNumber: '10149', lineId: '10149-1' }],
  ] as const)('refuses a return the policy forbids with its reason: %s (%s)', async (why, _what, line) => {
    expect(await store.store.returns.create(request({ ...line, idempotencyKey: `policy-${why}` }))).toEqual({ kind: 'refused', why });
    expect(rows()).toHaveLength(0);
  });

  it("judges the window by the store's own clock, in the store's zone", async () => {
    // Ava's shoes came on 2026-11-19 (New York): 30 days, so the 19th of December is the last day.
    const on = (instant: string) => createSqliteReturns(store.db, { clock: () => new Date(instant), timeZone: 'America/New_York' });
    const shoes = { orderNumber: '10605', lineId: '10605-1' };
    expect(await on('2026-12-20T04:59:00Z').create(request({ ...shoes, idempotencyKey: 'late' }))).toMatchObject({ kind: 'created' });
    store.db.prepare('DELETE FROM returns').run();
    expect(await on('2026-12-20T05:00:00Z').create(request({ ...shoes, idempotencyKey: 'too-late' }))).toEqual({ kind: 'refused', why: 'window-closed' });
  });

  it("refuses another shopper's line, and a line that is not in the order", async () => {
    const returns = store.store.returns;
    expect(await returns.create(request({ shopperId: 'shopper-ben' }))).toEqual({ kind: 'refused', why: 'not-found' });
    expect(await returns.create(request({ orderNumber: '10641' }))).toEqual({ kind: 'refused', why: 'not-found' });
    expect(rows()).toHaveLength(0);
  });

  it('draws another number when one is taken, and refuses nonsense', async () => {
    const draws = ['555555', '555555', '777777'];
    const returns = createSqliteReturns(store.db, { clock: () => NOW, drawNumber: () => draws.shift() ?? '999999' });
    const first = await returns.create(request({ idempotencyKey: 'a' }));
    const second = await returns.create(request({ idempotencyKey: 'b' }));
    expect([first, second].map((outcome) => (outcome.kind === 'created' ? outcome.record.number : outcome.why))).toEqual(['555555', '777777']);
    await expect(returns.create(request({ idempotencyKey: ' ' }))).rejects.toThrow(/idempotency key/);
    await expect(returns.create(request({ idempotencyKey: 'c', quantity: 0 }))).rejects.toThrow(/quantity/);
  });
});

describe('Returns.policy', () => {
  it("reads the store's policy document, as every new store gets it", async () => {
    const policy = await createSqliteReturns(store.db).policy();
    expect(policy).toMatchObject({
      windowDays: 30,
      categoryWindowDays: { audio: 15 },
      excludedCategories: { 'gift-cards': 'gift-card', beauty: 'personal-item' },
      refund: 'original-payment',
    });
  });

  it('follows an edit to the document, and refuses a broken one', async () => {
    const returns = createSqliteReturns(store.db);
    store.db.prepare("UPDATE return_policy SET document = json_set(document, '$.windowDays', 45)").run();
    expect((await returns.policy()).windowDays).toBe(45);
    store.db.prepare("UPDATE return_policy SET document = json_set(document, '$.windowDays', -3)").run();
    await expect(returns.policy()).rejects.toThrow();
  });
});
