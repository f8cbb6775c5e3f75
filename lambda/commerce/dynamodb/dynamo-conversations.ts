import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand, type DocumentClient } from './document-commands';
import { redactTurn } from '../../privacy/redact-transcript';
import { boundedSaid, boundedSlots } from '../bounded-turn';
import type { ConversationLog, ConversationTurn } from '../ports';
import { TRANSCRIPT_TURNS } from '../ports';

export interface DynamoConversationLogOptions {
  readonly clock?: () => Date;
  /** How long a turn is kept before DynamoDB's TTL deletes it; 30 days by default. */
  readonly retentionDays?: number;
}

/**
 * Turns are kept 30 days after they are written, then DynamoDB deletes them (TTL): long enough for
 * any follow-up on a ticket's conversation, short enough that transcripts do not pile up.
 */
export const TRANSCRIPT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

interface TurnItem {
  readonly pk: string;
  readonly sk: string;
  readonly at: number;
  readonly heard: string;
  readonly slots: ConversationTurn['slots'];
  readonly said?: string;
  /** Epoch seconds, for DynamoDB's TTL. */
  readonly expiresAt: number;
}

const sortable = (value: number, width: number) => String(Math.max(0, Math.trunc(value))).padStart(width, '0');

/**
 * The conversation log on DynamoDB: one item per turn under the conversation id. The sort key is
 * the turn's time, then the time it was written and a per-process sequence (turns of one
 * conversation within one millisecond keep their order), then a few random bytes so two
 * processes never write the same key.
 */
export function createDynamoConversationLog(
  documents: DocumentClient,
  tableName: string,
  options: DynamoConversationLogOptions = {},
): ConversationLog {
  const clock = options.clock ?? (() => new Date());
  const retentionMs = (options.retentionDays ?? TRANSCRIPT_RETENTION_DAYS) * DAY_MS;
  let sequence = 0;

  function sortKey(at: number): string {
    sequence = (sequence + 1) % 1_000_000_000;
    return [sortable(at, 15), sortable(Date.now(), 15), sortable(sequence, 9), randomBytes(4).toString('hex')].join('#');
  }

  return {
    async append(conversationId, heard) {
      // Kept 30 days and sent with tickets: what the shopper said never goes in as they said it.
      const turn = redactTurn(heard);
      const at = turn.at.getTime();
      const said = boundedSaid(turn.said);
      const item: TurnItem = {
        pk: conversationId,
        sk: sortKey(at),
        at,
        heard: turn.heard,
        slots: boundedSlots(turn.slots),
        ...(said !== '' ? { said } : {}),
        expiresAt: Math.ceil((clock().getTime() + retentionMs) / 1000),
      };
      await documents.send(new PutCommand({ TableName: tableName, Item: item }));
    },

    async turns(conversationId) {
      // Newest first, as many as a transcript carries, then put back in the order they were said.
      const { Items } = await documents.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :conversation',
          ExpressionAttributeValues: { ':conversation': conversationId },
          ScanIndexForward: false,
          Limit: TRANSCRIPT_TURNS,
          ConsistentRead: true,
        }),
      );
      // TTL deletes expired items within days, not at once: an expired turn is never read back.
      const now = clock().getTime();
      return ((Items ?? []) as TurnItem[])
        .filter((item) => item.expiresAt * 1000 > now)
        .reverse()
        .map((item) => ({
          at: new Date(item.at),
          heard: item.heard,
          slots: item.slots,
          ...(item.said !== undefined && item.said !== '' ? { said: item.said } : {}),
        }));
    },
  };
}
