import { redactTurn } from '../../privacy/redact-transcript';
import { boundedSaid, boundedSlots } from '../bounded-turn';
import { type ConversationLog, TRANSCRIPT_TURNS } from '../ports';
import { slotsFromJson, slotsToJson } from '../stored-json';
import type { SqliteDatabase } from './open-database';
import { createWriteBatch, type WriteBatch } from './write-batch';

export interface ConversationLogOptions {
  readonly clock?: () => Date;
  /** Commits each line with the other writes of its moment (the turn event); a batch of the log's own when unset. */
  readonly writes?: WriteBatch;
}

/** Turns are kept this long, then pruned: long enough for any follow-up on a ticket's conversation. */
const RETENTION_DAYS = 30;
/** Pruning runs once every this many appends, not on every turn. */
const PRUNE_EVERY = 500;

interface TurnRow {
  readonly at: number;
  readonly heard: string;
  readonly slots: string;
  readonly said: string;
}

export function createSqliteConversationLog(db: SqliteDatabase, options: ConversationLogOptions = {}): ConversationLog {
  const clock = options.clock ?? (() => new Date());
  const writes = options.writes ?? createWriteBatch(db);
  const insert = db.prepare<[string, number, string, string, string]>(
    'INSERT INTO conversation_turns (conversation_id, at, heard, slots, said) VALUES (?, ?, ?, ?, ?)',
  );
  const latest = db.prepare<[string, number], TurnRow>(
    `SELECT at, heard, slots, said FROM (
       SELECT id, at, heard, slots, said FROM conversation_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?
     ) ORDER BY id`,
  );
  const prune = db.prepare<[number]>('DELETE FROM conversation_turns WHERE at < ?');
  let appends = 0;

  return {
    async append(conversationId, heard) {
      // Kept 30 days and sent with tickets: what the shopper said never goes in as they said it.
      const turn = redactTurn(heard);
      const row = [conversationId, turn.at.getTime(), turn.heard, slotsToJson(boundedSlots(turn.slots)), boundedSaid(turn.said)] as const;
      await writes.write(() => {
        insert.run(...row);
        appends += 1;
        if (appends % PRUNE_EVERY === 0) prune.run(clock().getTime() - RETENTION_DAYS * 86_400_000);
      });
    },
    async turns(conversationId) {
      return latest.all(conversationId, TRANSCRIPT_TURNS).map((row) => ({
        at: new Date(row.at),
        heard: row.heard,
        slots: slotsFromJson(row.slots),
        ...(row.said !== '' ? { said: row.said } : {}),
      }));
    },
  };
}
