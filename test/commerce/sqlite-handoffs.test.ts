import type { HandoffRequest } from '../../lambda/commerce/ports';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase, type SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteHandoffOutbox, createSqliteHandoffs, drawSixDigitReference } from '../../lambda/commerce/sqlite/sqlite-handoffs';

const CLOCK = new Date('2026-11-26T15:00:00Z');

const request = (overrides: Partial<HandoffRequest> = {}): HandoffRequest => ({
  shopperId: 'shopper-cleo',
  reason: 'delivery-problem',
  summary: 'Order 10694: the carrier needs address information.',
  orderNumber: '10694',
  locale: 'en-US',
  platform: 'alexa',
  idempotencyKey: 'alexa:session-1:turn-3',
  ...overrides,
});

let db: SqliteDatabase;
beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
});
afterEach(() => db.close());

const rows = () => db.prepare('SELECT * FROM handoffs ORDER BY id').all() as Record<string, unknown>[];

describe('Handoffs.file', () => {
  it('files a ticket with a 6-digit reference and everything a person needs', async () => {
    const handoffs = createSqliteHandoffs(db, { clock: () => CLOCK });
    const ticket = await handoffs.file(request());
    expect(ticket.reference).toMatch(/^[1-9]\d{5}$/);
    expect(ticket.createdAt).toEqual(CLOCK);
    expect(rows()).toEqual([
      expect.objectContaining({
        reference: ticket.reference,
        idempotency_key: 'alexa:session-1:turn-3',
        shopper_id: 'shopper-cleo',
        reason: 'delivery-problem',
        order_number: '10694',
        summary: 'Order 10694: the carrier needs address information.',
        locale: 'en-US',
        platform: 'alexa',
        status: 'open',
        created_at: CLOCK.getTime(),
      }),
    ]);
  });

  it('is idempotent: the same key returns the same ticket and inserts one row', async () => {
    let now = CLOCK.getTime();
    const handoffs = createSqliteHandoffs(db, { clock: () => new Date((now += 60_000)) });
    const first = await handoffs.file(request());
    const second = await handoffs.file(request({ summary: 'a retried request' }));
    expect(second).toEqual(first);
    const concurrent = await Promise.all([handoffs.file(request()), handoffs.file(request()), handoffs.file(request())]);
    for (const ticket of concurrent) expect(ticket).toEqual(first);
    expect(rows()).toHaveLength(1);
  });

  it('holds across separately created adapters on the same database', async () => {
    const first = await createSqliteHandoffs(db).file(request());
    const second = await createSqliteHandoffs(db).file(request());
    expect(second.reference).toBe(first.reference);
    expect(rows()).toHaveLength(1);
  });

  it('gives different keys different references', async () => {
    const handoffs = createSqliteHandoffs(db);
    const references = new Set<string>();
    for (let i = 0; i < 50; i += 1) references.add((await handoffs.file(request({ idempotencyKey: `key-${i}` }))).reference);
    expect(references.size).toBe(50);
    expect(rows()).toHaveLength(50);
  });

  it('draws again when a reference is already taken', async () => {
    const draws = ['482913', '482913', '482913', '730155'];
    const handoffs = createSqliteHandoffs(db, { drawReference: () => draws.shift() ?? '999999' });
    const first = await handoffs.file(request({ idempotencyKey: 'a' }));
    const second = await handoffs.file(request({ idempotencyKey: 'b' }));
    expect(first.reference).toBe('482913');
    expect(second.reference).toBe('730155');
    expect(rows()).toHaveLength(2);
  });

  it('gives up cleanly, filing nothing, when no free reference can be drawn', async () => {
    const handoffs = createSqliteHandoffs(db, { drawReference: () => '111111' });
    await handoffs.file(request({ idempotencyKey: 'a' }));
    await expect(handoffs.file(request({ idempotencyKey: 'b' }))).rejects.toThrow(/free handoff reference/);
    expect(rows()).toHaveLength(1);
  });

  it('files for a shopper who has not linked an account', async () => {
    const ticket = await createSqliteHandoffs(db).file(
      request({ shopperId: undefined, orderNumber: undefined, reason: 'not-understood', idempotencyKey: 'guest' }),
    );
    expect(ticket.reference).toMatch(/^\d{6}$/);
    expect(rows()[0]).toEqual(expect.objectContaining({ shopper_id: null, order_number: null }));
  });

  it('refuses a request without an idempotency key', async () => {
    await expect(createSqliteHandoffs(db).file(request({ idempotencyKey: ' ' }))).rejects.toThrow(/idempotency key/);
    expect(rows()).toHaveLength(0);
  });
});

describe('the handoff outbox', () => {
  const context: Partial<HandoffRequest> = {
    shopper: { id: 'shopper-cleo', name: 'Cleo Nguyen', email: 'cleo@example.com' },
    item: { lineId: '10694-1', name: 'Hand-Tufted Wool Area Rug', sku: 'HOM-1001', quantity: 1 },
    tried: ['Told the shopper the carrier needs address information.'],
    transcript: [{ at: CLOCK, heard: 'OrderStatusIntent', slots: { item: { spoken: 'the rug', id: 'home' } }, said: 'Your rug has a delivery problem.' }],
  };

  it('queues every new ticket with all it carries, due at once, until it is marked delivered', async () => {
    const ticket = await createSqliteHandoffs(db, { clock: () => CLOCK }).file(request(context));
    const outbox = createSqliteHandoffOutbox(db);
    expect(await outbox.nextDue()).toEqual(CLOCK);
    expect(await outbox.due(new Date(CLOCK.getTime() - 1), 10)).toEqual([]);
    const { idempotencyKey: _key, ...filed } = request(context);
    expect(await outbox.due(CLOCK, 10)).toEqual([{ attempts: 0, ticket: { reference: ticket.reference, createdAt: CLOCK, ...filed } }]);

    const retryAt = new Date(CLOCK.getTime() + 60_000);
    await outbox.markFailed(ticket.reference, 'HTTP 503', retryAt);
    expect(await outbox.due(CLOCK, 10)).toEqual([]);
    expect(await outbox.nextDue()).toEqual(retryAt);
    expect((await outbox.due(retryAt, 10))[0]?.attempts).toBe(1);

    await outbox.markDelivered(ticket.reference, retryAt);
    expect(await outbox.due(new Date(retryAt.getTime() + 86_400_000), 10)).toEqual([]);
    expect(await outbox.nextDue()).toBeUndefined();
    expect(rows()[0]).toEqual(expect.objectContaining({ webhook_attempts: 2, webhook_delivered_at: retryAt.getTime(), webhook_error: null }));
  });
});

describe('drawSixDigitReference', () => {
  it('draws six digits without a leading zero', () => {
    for (let i = 0; i < 200; i += 1) expect(drawSixDigitReference()).toMatch(/^[1-9]\d{5}$/);
  });
});
