import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand, type DocumentClient } from './document-commands';
import type { Money, TurnEvent, TurnEvents } from '../ports';
import { TURN_EVENTS_BY_SHOPPER_INDEX } from './tables';

export interface DynamoTurnEventOptions {
  readonly clock?: () => Date;
  /** How long an event is kept before DynamoDB's TTL deletes it, counted from the turn; 90 days by default. */
  readonly retentionDays?: number;
}

export const TURN_EVENT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
/**
 * How far back a purge looks, whatever the retention now is: events written under a longer
 * retention carry that later expiry, and lowering RETENTION_DAYS must still delete them.
 */
const PURGE_LOOKBACK_DAYS = 400;
/** A redacted utterance longer than this is cut: the report needs the gist, not a monologue. */
const MAX_UTTERANCE_CHARACTERS = 500;
/** Deletes sent at once while purging or forgetting. */
const DELETE_CONCURRENCY = 25;

interface TurnEventItem {
  /** `day#YYYY-MM-DD`, the UTC day of the turn. */
  readonly pk: string;
  /** The turn's epoch milliseconds, zero-padded, then `#` and random hex so two turns never share a key. */
  readonly sk: string;
  readonly at: number;
  readonly conversationId: string;
  readonly platform: TurnEvent['platform'];
  readonly locale: string;
  readonly intent: string;
  readonly flow?: string;
  readonly step?: string;
  readonly outcome: TurnEvent['outcome'];
  readonly goal?: TurnEvent['goal'];
  readonly orderValue?: Money;
  readonly latencyMs: number;
  /** Present only for a linked shopper, which is what makes the `by-shopper` index sparse. */
  readonly shopperHash?: string;
  readonly utterance?: string;
  /** Epoch seconds, for DynamoDB's TTL. */
  readonly expiresAt: number;
}

type ItemKey = Pick<TurnEventItem, 'pk' | 'sk'>;

const sortable = (ms: number) => String(Math.max(0, Math.trunc(ms))).padStart(15, '0');
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const partitionOf = (ms: number) => `day#${dayOf(ms)}`;
const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
/** Sorts after every key of the same millisecond. */
const AFTER_SUFFIX = '#~';

/** The day partitions from the one holding `from` to the one holding `to`, both included. */
function partitionsBetween(from: number, to: number): string[] {
  const partitions: string[] = [];
  for (let day = startOfDay(from); day <= to; day += DAY_MS) partitions.push(partitionOf(day));
  return partitions;
}

function toEvent(item: TurnEventItem): TurnEvent {
  return {
    at: new Date(item.at),
    conversationId: item.conversationId,
    platform: item.platform,
    locale: item.locale,
    intent: item.intent,
    ...(item.flow !== undefined ? { flow: item.flow } : {}),
    ...(item.step !== undefined ? { step: item.step } : {}),
    outcome: item.outcome,
    ...(item.goal !== undefined ? { goal: item.goal } : {}),
    ...(item.orderValue !== undefined ? { orderValue: { minor: item.orderValue.minor, currency: item.orderValue.currency } } : {}),
    latencyMs: item.latencyMs,
    ...(item.shopperHash !== undefined ? { shopperHash: item.shopperHash } : {}),
    ...(item.utterance !== undefined ? { utterance: item.utterance } : {}),
  };
}

/**
 * Turn events on DynamoDB (see TURN_EVENTS_TABLE): a window is one Query per UTC day it spans;
 * forgetting a shopper reads their keys from the sparse `by-shopper` index and deletes them.
 * Events older than the retention are left to TTL: windows start no earlier than that, and a
 * purge reaches back PURGE_LOOKBACK_DAYS at least.
 */
export function createDynamoTurnEvents(documents: DocumentClient, tableName: string, options: DynamoTurnEventOptions = {}): TurnEvents {
  const clock = options.clock ?? (() => new Date());
  const retentionMs = (options.retentionDays ?? TURN_EVENT_RETENTION_DAYS) * DAY_MS;
  /** The oldest instant an event may still exist at, with a day of slack for TTL's own delay. */
  const oldestKept = () => clock().getTime() - retentionMs - DAY_MS;

  async function queryDay(partition: string, from: string, to: string, keysOnly: boolean): Promise<TurnEventItem[]> {
    const items: TurnEventItem[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :day AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':day': partition, ':from': from, ':to': to },
          ...(keysOnly ? { ProjectionExpression: 'pk, sk' } : {}),
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...((page.Items ?? []) as TurnEventItem[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** Deletes the items and counts those that were still there. */
  async function deleteAll(keys: readonly ItemKey[]): Promise<number> {
    let deleted = 0;
    for (let start = 0; start < keys.length; start += DELETE_CONCURRENCY) {
      const results = await Promise.all(
        keys.slice(start, start + DELETE_CONCURRENCY).map((key) =>
          documents.send(new DeleteCommand({ TableName: tableName, Key: { pk: key.pk, sk: key.sk }, ReturnValues: 'ALL_OLD' })),
        ),
      );
      deleted += results.filter((result) => result.Attributes !== undefined).length;
    }
    return deleted;
  }

  return {
    async record(event) {
      const at = event.at.getTime();
      const utterance = event.utterance?.slice(0, MAX_UTTERANCE_CHARACTERS);
      const item: TurnEventItem = {
        pk: partitionOf(at),
        sk: `${sortable(at)}#${randomBytes(6).toString('hex')}`,
        at,
        conversationId: event.conversationId,
        platform: event.platform,
        locale: event.locale,
        intent: event.intent,
        flow: event.flow,
        step: event.step,
        outcome: event.outcome,
        goal: event.goal,
        orderValue: event.orderValue ? { minor: event.orderValue.minor, currency: event.orderValue.currency } : undefined,
        latencyMs: Math.max(0, Math.round(event.latencyMs)),
        shopperHash: event.shopperHash,
        utterance: utterance === undefined || utterance === '' ? undefined : utterance,
        expiresAt: Math.ceil((at + retentionMs) / 1000),
      };
      await documents.send(new PutCommand({ TableName: tableName, Item: item }));
    },

    async list(query) {
      const now = clock().getTime();
      const since = Math.max(query.since.getTime(), oldestKept());
      // Without an end, up to a day past "now": a turn's time and this clock may differ a little.
      const until = query.until?.getTime() ?? now + DAY_MS;
      if (until <= since) return [];
      const from = sortable(since);
      const to = `${sortable(until - 1)}${AFTER_SUFFIX}`;
      const days = await Promise.all(partitionsBetween(since, until - 1).map((partition) => queryDay(partition, from, to, false)));
      // TTL deletes expired items within days, not at once: an expired event is never read back.
      return days
        .flat()
        .filter((item) => item.expiresAt * 1000 > now)
        .map(toEvent);
    },

    async purgeBefore(before) {
      const end = before.getTime();
      const start = Math.min(oldestKept(), clock().getTime() - PURGE_LOOKBACK_DAYS * DAY_MS, end);
      if (end <= 0) return 0;
      const to = `${sortable(end - 1)}${AFTER_SUFFIX}`;
      let deleted = 0;
      for (const partition of partitionsBetween(start, end - 1)) {
        const keys = await queryDay(partition, sortable(0), to, true);
        deleted += await deleteAll(keys);
      }
      return deleted;
    },

    async forgetShopper(shopperHash) {
      const keys: ItemKey[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: TURN_EVENTS_BY_SHOPPER_INDEX,
            KeyConditionExpression: 'shopperHash = :shopper',
            ExpressionAttributeValues: { ':shopper': shopperHash },
            ExclusiveStartKey: startKey,
          }),
        );
        keys.push(...((page.Items ?? []) as ItemKey[]));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return deleteAll(keys);
    },
  };
}
