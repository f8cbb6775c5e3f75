import { type ReturnFacts, returnRefusal, ReturnPolicySchema } from '../return-policy';
import type { LabelDelivery, ReturnOutcome, ReturnReason, ReturnRecord, ReturnRequest, Returns } from '../ports';
import { localDayOf } from './local-days';
import { refundMethodFromJson, refundMethodToJson } from '../stored-json';
import type { SqliteDatabase } from './open-database';
import { claimFreshReference, drawSixDigitReference } from '../references';
import { toCurrency } from './rows';

export interface ReturnOptions {
  /** "Now" for the return policy's window and for when a return was created; the real time by default. */
  readonly clock?: () => Date;
  /** The store's zone, in which the policy's days count; config's STORE_TIME_ZONE default unless given. */
  readonly timeZone?: string;
  /** Draws a candidate 6-digit return number; replaceable so tests can force collisions. */
  readonly drawNumber?: () => string;
}

interface ReturnRow {
  readonly number: string;
  readonly order_number: string;
  readonly line_id: string;
  readonly quantity: number;
  readonly reason: string;
  readonly refund_minor: number;
  readonly currency: string;
  readonly refund_method: string;
  readonly label_delivery: string;
  readonly created_at: number;
}

interface LineRow {
  readonly quantity: number;
  readonly unit_price_minor: number;
  readonly currency: string;
  readonly category: string;
  readonly final_sale: number;
  readonly cancelled_at: number | null;
  /** When the line's first delivered shipment arrived; null until one has. */
  readonly delivered_at: number | null;
}

const DEFAULT_TIME_ZONE = 'America/New_York';

const RETURN_COLUMNS =
  'number, order_number, line_id, quantity, reason, refund_minor, currency, refund_method, label_delivery, created_at';

function toReturnRecord(row: ReturnRow): ReturnRecord {
  return {
    number: row.number,
    orderNumber: row.order_number,
    lineId: row.line_id,
    quantity: row.quantity,
    reason: row.reason as ReturnReason,
    refund: { minor: row.refund_minor, currency: toCurrency(row.currency) },
    refundMethod: refundMethodFromJson(row.refund_method),
    labelDelivery: row.label_delivery as LabelDelivery,
    createdAt: new Date(row.created_at),
  };
}

export function createSqliteReturns(db: SqliteDatabase, options: ReturnOptions = {}): Returns {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const drawNumber = options.drawNumber ?? drawSixDigitReference;

  const policy = db.prepare<[], { document: string }>('SELECT document FROM return_policy WHERE id = 1');
  const returnedByLine = db.prepare<[string], { line_id: string; units: number }>(
    'SELECT line_id, sum(quantity) AS units FROM returns WHERE order_number = ? GROUP BY line_id',
  );
  const byKey = db.prepare<[string], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE idempotency_key = ?`);
  // Keyed by shopper, order and line together: a line of someone else's order reads as unknown.
  const lineOf = db.prepare<[string, string, string], LineRow>(
    `SELECT l.quantity, l.unit_price_minor, l.currency, l.category, l.final_sale, o.cancelled_at,
            (SELECT s.delivered_at FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id
              WHERE sl.line_id = l.id AND s.status = 'Delivered' AND s.delivered_at IS NOT NULL
              ORDER BY s.shipped_at, s.id LIMIT 1) AS delivered_at
       FROM order_lines l JOIN orders o ON o.number = l.order_number
      WHERE l.id = ? AND o.number = ? AND o.shopper_id = ?`,
  );
  const returnedOfLine = db.prepare<[string], { units: number }>(
    'SELECT coalesce(sum(quantity), 0) AS units FROM returns WHERE line_id = ?',
  );
  const insert = db.prepare<
    [
      {
        number: string;
        key: string;
        shopperId: string;
        orderNumber: string;
        lineId: string;
        quantity: number;
        reason: string;
        note: string | null;
        refundMinor: number;
        currency: string;
        refundMethod: string;
        labelDelivery: string;
        createdAt: number;
      },
    ]
  >(
    `INSERT INTO returns
       (number, idempotency_key, shopper_id, order_number, line_id, quantity, reason, note, refund_minor, currency,
        refund_method, label_delivery, created_at)
     VALUES (@number, @key, @shopperId, @orderNumber, @lineId, @quantity, @reason, @note, @refundMinor, @currency,
             @refundMethod, @labelDelivery, @createdAt)
     ON CONFLICT DO NOTHING`,
  );

  function readPolicy() {
    const row = policy.get();
    if (!row) throw new Error('The store has no return policy');
    return ReturnPolicySchema.parse(JSON.parse(row.document));
  }

  /** What the policy needs to know about the line, as the store holds it now. */
  function factsOf(line: LineRow, lineId: string): ReturnFacts {
    return {
      category: line.category,
      finalSale: line.final_sale === 1,
      orderCancelled: line.cancelled_at !== null,
      quantity: line.quantity,
      returnedQuantity: returnedOfLine.get(lineId)?.units ?? 0,
      ...(line.delivered_at === null ? {} : { deliveredOn: localDayOf(new Date(line.delivered_at), timeZone) }),
    };
  }

  const createOnce = db.transaction((request: ReturnRequest, createdAt: number): ReturnOutcome => {
    const existing = byKey.get(request.idempotencyKey);
    if (existing) return { kind: 'created', record: toReturnRecord(existing) };
    const line = lineOf.get(request.lineId, request.orderNumber, request.shopperId);
    if (!line) return { kind: 'refused', why: 'not-found' };
    // The policy again, at the moment of writing: whoever asks, and whatever they were told before.
    const refusal = returnRefusal(readPolicy(), factsOf(line, request.lineId), request.quantity, localDayOf(new Date(createdAt), timeZone));
    if (refusal) return { kind: 'refused', why: refusal };
    return claimFreshReference(
      drawNumber,
      (number): ReturnOutcome | undefined => {
        const result = insert.run({
          number,
          key: request.idempotencyKey,
          shopperId: request.shopperId,
          orderNumber: request.orderNumber,
          lineId: request.lineId,
          quantity: request.quantity,
          reason: request.reason,
          note: request.note ?? null,
          refundMinor: line.unit_price_minor * request.quantity,
          currency: line.currency,
          refundMethod: refundMethodToJson(request.refundMethod),
          labelDelivery: request.labelDelivery,
          createdAt,
        });
        const created = result.changes === 1 ? byKey.get(request.idempotencyKey) : undefined;
        return created ? { kind: 'created', record: toReturnRecord(created) } : undefined;
      },
      'Return',
    );
  });

  return {
    async policy() {
      return readPolicy();
    },
    async returnedUnits(orderNumber) {
      return new Map(returnedByLine.all(orderNumber).map((row) => [row.line_id, row.units]));
    },
    async create(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A return needs an idempotency key');
      if (!Number.isInteger(request.quantity) || request.quantity < 1) throw new Error('A return needs a whole, positive quantity');
      // IMMEDIATE takes the write lock up front, so two "yes"es cannot both see "no return yet".
      return createOnce.immediate(request, clock().getTime());
    },
  };
}
