import { randomInt } from 'node:crypto';
import type { HandoffRequest, HandoffTicket, Handoffs } from '../ports';
import type { SqliteDatabase } from './open-database';
import { toHandoffTicket, type HandoffRow } from './rows';

export interface HandoffOptions {
  readonly clock?: () => Date;
  /** Draws a candidate 6-digit reference; replaceable so tests can force collisions. */
  readonly drawReference?: () => string;
}

/** Collisions are rare (a million references); this bound only stops a broken generator looping. */
const MAX_REFERENCE_DRAWS = 50;

export function drawSixDigitReference(): string {
  // No leading zero, so the reference survives anyone treating it as a number.
  return String(randomInt(100_000, 1_000_000));
}

export function createSqliteHandoffs(db: SqliteDatabase, options: HandoffOptions = {}): Handoffs {
  const clock = options.clock ?? (() => new Date());
  const drawReference = options.drawReference ?? drawSixDigitReference;

  const byKey = db.prepare<[string], HandoffRow>(
    'SELECT reference, created_at FROM handoffs WHERE idempotency_key = ?',
  );
  // DO NOTHING on any unique conflict: a taken key means "already filed", a taken reference means "draw again".
  const insert = db.prepare<
    [
      {
        reference: string;
        key: string;
        shopperId: string | null;
        reason: string;
        summary: string;
        orderNumber: string | null;
        locale: string;
        platform: string;
        createdAt: number;
      },
    ]
  >(
    `INSERT INTO handoffs
       (reference, idempotency_key, shopper_id, reason, summary, order_number, locale, platform, created_at)
     VALUES (@reference, @key, @shopperId, @reason, @summary, @orderNumber, @locale, @platform, @createdAt)
     ON CONFLICT DO NOTHING`,
  );

  const fileOnce = db.transaction((request: HandoffRequest, createdAt: number): HandoffTicket => {
    const existing = byKey.get(request.idempotencyKey);
    if (existing) return toHandoffTicket(existing);
    for (let draw = 0; draw < MAX_REFERENCE_DRAWS; draw += 1) {
      const reference = drawReference();
      if (!/^[0-9]{6}$/.test(reference)) throw new Error('Handoff references must be six digits');
      const result = insert.run({
        reference,
        key: request.idempotencyKey,
        shopperId: request.shopperId ?? null,
        reason: request.reason,
        summary: request.summary,
        orderNumber: request.orderNumber ?? null,
        locale: request.locale,
        platform: request.platform,
        createdAt,
      });
      if (result.changes === 1) return { reference, createdAt: new Date(createdAt) };
      const filed = byKey.get(request.idempotencyKey);
      if (filed) return toHandoffTicket(filed);
    }
    throw new Error('Could not draw a free handoff reference');
  });

  return {
    async file(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A handoff needs an idempotency key');
      // IMMEDIATE takes the write lock up front, so two processes cannot both see "not filed yet".
      return fileOnce.immediate(request, clock().getTime());
    },
  };
}
