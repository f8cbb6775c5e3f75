import { BatchWriteCommand, QueryCommand, ScanCommand, UpdateCommand, type DocumentClient } from './document-commands';
import type { ShopperErasure } from '../erasure';
import { handoffContextFromJson, handoffContextToJson } from '../stored-json';
import { isConditionFailed } from './dynamo-client';
import type { StateTableSuffix } from './tables';

export interface DynamoErasureTables {
  /** `<prefix>-handoffs` */
  readonly handoffs: string;
  /** `<prefix>-conversations` */
  readonly conversations: string;
}

/** Items read per Scan or Query page: a page stays small, however large the table. */
const PAGE_SIZE = 200;
/** BatchWriteItem takes at most 25 requests. */
const BATCH_SIZE = 25;
/** A batch DynamoDB leaves partly unprocessed is sent again this many times before giving up. */
const MAX_BATCH_RETRIES = 8;

type Key = Record<string, unknown>;

/**
 * The requests this file sends to each table, by command. Unlike the one-table adapters, whose
 * file name says which table they use, erasure spans two tables; the functions' IAM role grants
 * these (test/deploy checks serverless.yml against this list and this list against the source).
 */
export const TABLE_REQUESTS = {
  handoffs: ['ScanCommand', 'UpdateCommand'],
  conversations: ['BatchWriteCommand', 'QueryCommand', 'ScanCommand'],
} as const satisfies Partial<Record<StateTableSuffix, readonly string[]>>;

/**
 * Erasure on DynamoDB. The handoffs table has no index by shopper (a ticket is found by its key
 * or its reference), so erasing a shopper's transcripts scans it page by page, filtered on
 * `shopperId` and reading only keys and context: a rare admin operation, not a per-turn one
 * (it needs `dynamodb:Scan` on the handoffs table). Conversations are found by their id (the
 * partition key); the age purge scans the conversations table with a filter on `at`, which TTL
 * normally makes unnecessary.
 *
 * The Alexa function uses it when a shopper disables the skill; the privacy tools for "forget me"
 * and the purge.
 */
export function createDynamoErasure(documents: DocumentClient, tables: DynamoErasureTables): ShopperErasure {
  async function deleteKeys(tableName: string, keys: readonly Key[]): Promise<number> {
    for (let start = 0; start < keys.length; start += BATCH_SIZE) {
      let pending: Record<string, { DeleteRequest: { Key: Key } }[]> = {
        [tableName]: keys.slice(start, start + BATCH_SIZE).map((key) => ({ DeleteRequest: { Key: key } })),
      };
      for (let attempt = 0; Object.keys(pending).length > 0; attempt += 1) {
        if (attempt > MAX_BATCH_RETRIES) throw new Error(`DynamoDB left deletes in ${tableName} unprocessed`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const { UnprocessedItems } = await documents.send(new BatchWriteCommand({ RequestItems: pending }));
        pending = (UnprocessedItems ?? {}) as typeof pending;
      }
    }
    return keys.length;
  }

  async function scanKeys(
    tableName: string,
    filter: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
    projection: string,
  ): Promise<Key[]> {
    const items: Key[] = [];
    let startKey: Key | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: filter,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ProjectionExpression: projection,
          Limit: PAGE_SIZE,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...((page.Items ?? []) as Key[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  return {
    async eraseHandoffTranscripts(shopperId) {
      const tickets = await scanKeys(
        tables.handoffs,
        '#shopper = :shopper AND begins_with(pk, :ticket)',
        { '#shopper': 'shopperId', '#context': 'context' },
        { ':shopper': shopperId, ':ticket': 'ticket#' },
        'pk, #context',
      );
      let erased = 0;
      for (const ticket of tickets) {
        const context = typeof ticket.context === 'string' ? ticket.context : '{}';
        const { transcript, ...kept } = handoffContextFromJson(context);
        if (transcript === undefined) continue;
        try {
          // Only if the context is still the one read: a concurrent change is never overwritten.
          await documents.send(
            new UpdateCommand({
              TableName: tables.handoffs,
              Key: { pk: ticket.pk },
              UpdateExpression: 'SET #context = :kept',
              ConditionExpression: '#context = :read',
              ExpressionAttributeNames: { '#context': 'context' },
              ExpressionAttributeValues: { ':kept': handoffContextToJson(kept), ':read': context },
            }),
          );
          erased += 1;
        } catch (error) {
          if (!isConditionFailed(error)) throw error;
          throw new Error('A handoff ticket changed while its transcript was being erased; run it again');
        }
      }
      return erased;
    },

    async forgetConversations(conversationIds) {
      let deleted = 0;
      for (const conversationId of new Set(conversationIds)) {
        const keys: Key[] = [];
        let startKey: Key | undefined;
        do {
          const page = await documents.send(
            new QueryCommand({
              TableName: tables.conversations,
              KeyConditionExpression: 'pk = :conversation',
              ExpressionAttributeValues: { ':conversation': conversationId },
              ProjectionExpression: 'pk, sk',
              Limit: PAGE_SIZE,
              ExclusiveStartKey: startKey,
            }),
          );
          keys.push(...((page.Items ?? []) as Key[]));
          startKey = page.LastEvaluatedKey;
        } while (startKey);
        deleted += await deleteKeys(tables.conversations, keys);
      }
      return deleted;
    },

    async purgeConversationsBefore(before) {
      const keys = await scanKeys(tables.conversations, '#at < :before', { '#at': 'at' }, { ':before': before.getTime() }, 'pk, sk');
      return deleteKeys(tables.conversations, keys);
    },
  };
}
