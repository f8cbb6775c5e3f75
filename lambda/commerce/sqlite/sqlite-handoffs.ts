import type { FiledHandoff, HandoffOutbox, HandoffReason, HandoffRequest, HandoffTicket, Handoffs } from '../ports';
import { redactTicket } from '../../privacy/redact-transcript';
import { handoffContextFromJson, handoffContextToJson } from '../stored-json';
import type { SqliteDatabase } from './open-database';
import { claimFreshReference, drawSixDigitReference } from '../references';
import { toHandoffTicket, type HandoffRow } from './rows';

export { drawSixDigitReference } from '../references';

export interface HandoffOptions {
  readonly clock?: () => Date;
  /** Draws a candidate 6-digit reference; replaceable so tests can force collisions. */
  readonly drawReference?: () => string;
}

interface FiledHandoffRow extends HandoffRow {
  readonly shopper_id: string | null;
  readonly reason: string;
  readonly summary: string;
  readonly order_number: string | null;
  readonly locale: string;
  readonly platform: string;
  readonly context: string;
  readonly webhook_attempts: number;
}

export function createSqliteHandoffs(db: SqliteDatabase, options: HandoffOptions = {}): Handoffs {
  const clock = options.clock ?? (() => new Date());
  const drawReference = options.drawReference ?? drawSixDigitReference;

  const byKey = db.prepare<[string], HandoffRow>(
    'SELECT reference, created_at FROM handoffs WHERE idempotency_key = ?',
  );
  // DO NOTHING on any unique conflict: a taken key means "already filed", a taken reference means "draw again".
  // Every new ticket is queued for the helpdesk webhook in the same statement, so none is filed unqueued.
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
        context: string;
        createdAt: number;
      },
    ]
  >(
    `INSERT INTO handoffs
       (reference, idempotency_key, shopper_id, reason, summary, order_number, locale, platform, context,
        created_at, webhook_due_at)
     VALUES (@reference, @key, @shopperId, @reason, @summary, @orderNumber, @locale, @platform, @context,
             @createdAt, @createdAt)
     ON CONFLICT DO NOTHING`,
  );

  const fileOnce = db.transaction((request: HandoffRequest, createdAt: number): HandoffTicket => {
    const existing = byKey.get(request.idempotencyKey);
    if (existing) return toHandoffTicket(existing);
    // The shopper's contact details stay as they are; what they said, in notes and transcript, is redacted.
    const context = handoffContextToJson(
      redactTicket({ shopper: request.shopper, item: request.item, tried: request.tried, transcript: request.transcript }),
    );
    return claimFreshReference(
      drawReference,
      (reference) => {
        const result = insert.run({
          reference,
          key: request.idempotencyKey,
          shopperId: request.shopperId ?? null,
          reason: request.reason,
          summary: request.summary,
          orderNumber: request.orderNumber ?? null,
          locale: request.locale,
          platform: request.platform,
          context,
          createdAt,
        });
        if (result.changes === 1) return { reference, createdAt: new Date(createdAt) };
        const filed = byKey.get(request.idempotencyKey);
        return filed ? toHandoffTicket(filed) : undefined;
      },
      'Handoff',
    );
  });

  return {
    async file(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A handoff needs an idempotency key');
      // IMMEDIATE takes the write lock up front, so two processes cannot both see "not filed yet".
      return fileOnce.immediate(request, clock().getTime());
    },
  };
}

function toFiledHandoff(row: FiledHandoffRow): FiledHandoff {
  const context = handoffContextFromJson(row.context);
  return {
    ...toHandoffTicket(row),
    reason: row.reason as HandoffReason,
    summary: row.summary,
    locale: row.locale,
    platform: row.platform,
    ...(row.shopper_id !== null ? { shopperId: row.shopper_id } : {}),
    ...(row.order_number !== null ? { orderNumber: row.order_number } : {}),
    ...context,
  };
}

/** The queue of tickets the helpdesk webhook has not accepted yet: the handoffs table's webhook columns. */
export function createSqliteHandoffOutbox(db: SqliteDatabase): HandoffOutbox {
  const due = db.prepare<[number, number], FiledHandoffRow>(
    `SELECT reference, created_at, shopper_id, reason, summary, order_number, locale, platform, context, webhook_attempts
       FROM handoffs
      WHERE webhook_delivered_at IS NULL AND webhook_due_at IS NOT NULL AND webhook_due_at <= ?
      ORDER BY webhook_due_at, id
      LIMIT ?`,
  );
  const nextDue = db.prepare<[], { next: number | null }>(
    'SELECT min(webhook_due_at) AS next FROM handoffs WHERE webhook_delivered_at IS NULL AND webhook_due_at IS NOT NULL',
  );
  const delivered = db.prepare<[number, string]>(
    `UPDATE handoffs SET webhook_delivered_at = ?, webhook_attempts = webhook_attempts + 1, webhook_error = NULL
      WHERE reference = ? AND webhook_delivered_at IS NULL`,
  );
  const failed = db.prepare<[string, number, string]>(
    `UPDATE handoffs SET webhook_attempts = webhook_attempts + 1, webhook_error = ?, webhook_due_at = ?
      WHERE reference = ? AND webhook_delivered_at IS NULL`,
  );
  return {
    async due(now, limit) {
      return due.all(now.getTime(), limit).map((row) => ({ ticket: toFiledHandoff(row), attempts: row.webhook_attempts }));
    },
    async nextDue() {
      const next = nextDue.get()?.next;
      return next === null || next === undefined ? undefined : new Date(next);
    },
    async markDelivered(reference, at) {
      delivered.run(at.getTime(), reference);
    },
    async markFailed(reference, error, retryAt) {
      failed.run(error.slice(0, 500), retryAt.getTime(), reference);
    },
  };
}
