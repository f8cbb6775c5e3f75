import type { CurrencyCode, TurnEvent, TurnEvents, TurnOutcome } from '../ports';
import type { SqliteDatabase } from './open-database';
import { createWriteBatch, type WriteBatch } from './write-batch';

export interface SqliteTurnEventOptions {
  readonly clock?: () => Date;
  /** Events older than this many days are pruned now and then as new ones are recorded; 90 by default. */
  readonly retentionDays?: number;
  /** Commits each event with the other writes of its moment (the conversation-log line); a batch of their own when unset. */
  readonly writes?: WriteBatch;
}

/** How long turn events are kept by default, on every adapter. */
export const TURN_EVENT_RETENTION_DAYS = 90;
/** Pruning runs once every this many records, not on every turn. */
const PRUNE_EVERY = 500;
const DAY_MS = 86_400_000;
/** A redacted utterance longer than this is cut: the report needs the gist, not a monologue. */
export const MAX_UTTERANCE_CHARACTERS = 500;

interface TurnEventRow {
  readonly at: number;
  readonly conversation_id: string;
  readonly platform: string;
  readonly locale: string;
  readonly intent: string;
  readonly flow: string | null;
  readonly step: string | null;
  readonly outcome: string;
  readonly goal: string | null;
  readonly order_value_minor: number | null;
  readonly order_value_currency: string | null;
  readonly latency_ms: number;
  readonly shopper_hash: string | null;
  readonly utterance: string | null;
}

type InsertParams = { [K in keyof TurnEventRow]: TurnEventRow[K] };

function toRow(event: TurnEvent): InsertParams {
  return {
    at: event.at.getTime(),
    conversation_id: event.conversationId,
    platform: event.platform,
    locale: event.locale,
    intent: event.intent,
    flow: event.flow ?? null,
    step: event.step ?? null,
    outcome: event.outcome,
    goal: event.goal ?? null,
    order_value_minor: event.orderValue?.minor ?? null,
    order_value_currency: event.orderValue?.currency ?? null,
    latency_ms: Math.max(0, Math.round(event.latencyMs)),
    shopper_hash: event.shopperHash ?? null,
    utterance: event.utterance === undefined ? null : event.utterance.slice(0, MAX_UTTERANCE_CHARACTERS),
  };
}

function toEvent(row: TurnEventRow): TurnEvent {
  return {
    at: new Date(row.at),
    conversationId: row.conversation_id,
    platform: row.platform as TurnEvent['platform'],
    locale: row.locale,
    intent: row.intent,
    ...(row.flow !== null ? { flow: row.flow } : {}),
    ...(row.step !== null ? { step: row.step } : {}),
    outcome: row.outcome as TurnOutcome,
    ...(row.goal !== null ? { goal: row.goal as NonNullable<TurnEvent['goal']> } : {}),
    ...(row.order_value_minor !== null && row.order_value_currency !== null
      ? { orderValue: { minor: row.order_value_minor, currency: row.order_value_currency as CurrencyCode } }
      : {}),
    latencyMs: row.latency_ms,
    ...(row.shopper_hash !== null ? { shopperHash: row.shopper_hash } : {}),
    ...(row.utterance !== null ? { utterance: row.utterance } : {}),
  };
}

/** Turn events in the embedded file (table `turn_events`, migration 7), indexed by time and by shopper hash. */
export function createSqliteTurnEvents(db: SqliteDatabase, options: SqliteTurnEventOptions = {}): TurnEvents {
  const clock = options.clock ?? (() => new Date());
  const retentionMs = (options.retentionDays ?? TURN_EVENT_RETENTION_DAYS) * DAY_MS;
  const writes = options.writes ?? createWriteBatch(db);
  const insert = db.prepare<[InsertParams]>(
    `INSERT INTO turn_events
       (at, conversation_id, platform, locale, intent, flow, step, outcome, goal, order_value_minor,
        order_value_currency, latency_ms, shopper_hash, utterance)
     VALUES (@at, @conversation_id, @platform, @locale, @intent, @flow, @step, @outcome, @goal, @order_value_minor,
             @order_value_currency, @latency_ms, @shopper_hash, @utterance)`,
  );
  const inWindow = db.prepare<[number, number], TurnEventRow>('SELECT * FROM turn_events WHERE at >= ? AND at < ? ORDER BY at, id');
  const purge = db.prepare<[number]>('DELETE FROM turn_events WHERE at < ?');
  const forget = db.prepare<[string]>('DELETE FROM turn_events WHERE shopper_hash = ?');
  let records = 0;

  return {
    async record(event) {
      const row = toRow(event);
      await writes.write(() => {
        insert.run(row);
        records += 1;
        if (records % PRUNE_EVERY === 0) purge.run(clock().getTime() - retentionMs);
      });
    },
    async list(query) {
      const until = query.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
      return inWindow.all(query.since.getTime(), until).map(toEvent);
    },
    async purgeBefore(before) {
      return purge.run(before.getTime()).changes;
    },
    async forgetShopper(shopperHash) {
      return forget.run(shopperHash).changes;
    },
  };
}
