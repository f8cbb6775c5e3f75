import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DocumentClient,
  type UpdateCommandInput,
} from './document-commands';
import type { FiledHandoff, HandoffOutbox, HandoffReason, HandoffRequest, HandoffTicket, Handoffs, QueuedHandoff } from '../ports';
import { redactTicket } from '../../privacy/redact-transcript';
import { handoffContextFromJson, handoffContextToJson } from '../stored-json';
import { drawSixDigitReference } from '../references';
import { isConditionFailed } from './dynamo-client';
import { OUTBOX_INDEX } from './tables';

export interface DynamoHandoffOptions {
  readonly clock?: () => Date;
  /** Draws a candidate 6-digit reference; replaceable so tests can force collisions. */
  readonly drawReference?: () => string;
}

/** Collisions are rare (a million references); this bound only stops a broken generator looping. */
const MAX_REFERENCE_DRAWS = 50;
const SIX_DIGITS = /^[0-9]{6}$/;
/** The value of `queue` on every ticket still waiting for the webhook; delivered tickets drop the attribute. */
const QUEUED = 'queued';
const MAX_ERROR_CHARACTERS = 500;

interface TicketItem {
  readonly pk: string;
  readonly reference: string;
  readonly createdAt: number;
  readonly idempotencyKey: string;
  readonly shopperId?: string;
  readonly reason: string;
  readonly summary: string;
  readonly orderNumber?: string;
  readonly locale: string;
  readonly platform: string;
  /** Shopper, item, what was tried and the transcript, as JSON validated on the way out. */
  readonly context: string;
  readonly attempts: number;
  readonly queue?: string;
  readonly dueKey?: string;
  readonly dueAt?: number;
  readonly deliveredAt?: number;
  readonly lastError?: string;
}

/** A reference taken by the ticket under `ticket`; the outbox finds a ticket by its reference through it. */
interface ReservationItem {
  readonly pk: string;
  readonly reference: string;
  readonly ticket: string;
  readonly createdAt: number;
}

const ticketKey = (idempotencyKey: string) => `ticket#${idempotencyKey}`;
const referenceKey = (reference: string) => `reference#${reference}`;

/** Milliseconds as fixed-width digits, so strings sort as the numbers do. */
const sortable = (ms: number) => String(Math.max(0, Math.trunc(ms))).padStart(15, '0');

/** Due time first, then filing time and reference, so tickets due at the same moment leave oldest first. */
function dueKeyOf(dueAt: number, createdAt: number, reference: string): string {
  return `${sortable(dueAt)}#${sortable(createdAt)}#${reference}`;
}

function toTicket(item: Pick<TicketItem, 'reference' | 'createdAt'>): HandoffTicket {
  return { reference: item.reference, createdAt: new Date(item.createdAt) };
}

function toFiledHandoff(item: TicketItem): FiledHandoff {
  return {
    ...toTicket(item),
    reason: item.reason as HandoffReason,
    summary: item.summary,
    locale: item.locale,
    platform: item.platform,
    ...(item.shopperId !== undefined ? { shopperId: item.shopperId } : {}),
    ...(item.orderNumber !== undefined ? { orderNumber: item.orderNumber } : {}),
    ...handoffContextFromJson(item.context),
  };
}

/**
 * Handoff tickets on DynamoDB, idempotent with conditional writes alone: a reference is reserved
 * first (`reference#…`, only if free), then the ticket is written under its idempotency key (only if
 * none is), already queued for the webhook. Of two requests with one key, the second write fails
 * and that request answers the ticket the first one wrote; its reserved reference is released.
 */
export function createDynamoHandoffs(documents: DocumentClient, tableName: string, options: DynamoHandoffOptions = {}): Handoffs {
  const clock = options.clock ?? (() => new Date());
  const drawReference = options.drawReference ?? drawSixDigitReference;

  async function filedUnder(idempotencyKey: string): Promise<TicketItem | undefined> {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { pk: ticketKey(idempotencyKey) }, ConsistentRead: true }));
    return Item as TicketItem | undefined;
  }

  async function reserve(reference: string, pk: string, createdAt: number): Promise<boolean> {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: referenceKey(reference), reference, ticket: pk, createdAt } satisfies ReservationItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async function release(reference: string, pk: string): Promise<void> {
    try {
      await documents.send(
        new DeleteCommand({
          TableName: tableName,
          Key: { pk: referenceKey(reference) },
          ConditionExpression: 'ticket = :ticket',
          ExpressionAttributeValues: { ':ticket': pk },
        }),
      );
    } catch (error) {
      // Only ever releases its own reservation; a reservation left behind merely retires one number.
      if (!isConditionFailed(error)) throw error;
    }
  }

  return {
    async file(request: HandoffRequest): Promise<HandoffTicket> {
      if (request.idempotencyKey.trim() === '') throw new Error('A handoff needs an idempotency key');
      const earlier = await filedUnder(request.idempotencyKey);
      if (earlier) return toTicket(earlier);

      const pk = ticketKey(request.idempotencyKey);
      const createdAt = clock().getTime();
      // The shopper's contact details stay as they are; what they said, in notes and transcript, is redacted.
      const context = handoffContextToJson(
        redactTicket({ shopper: request.shopper, item: request.item, tried: request.tried, transcript: request.transcript }),
      );
      for (let draw = 0; draw < MAX_REFERENCE_DRAWS; draw += 1) {
        const reference = drawReference();
        if (!SIX_DIGITS.test(reference)) throw new Error('Handoff references must be six digits');
        if (!(await reserve(reference, pk, createdAt))) continue;
        const item: TicketItem = {
          pk,
          reference,
          createdAt,
          idempotencyKey: request.idempotencyKey,
          shopperId: request.shopperId,
          reason: request.reason,
          summary: request.summary,
          orderNumber: request.orderNumber,
          locale: request.locale,
          platform: request.platform,
          context,
          attempts: 0,
          // Every ticket is queued in the same write that files it, so none is ever filed unqueued.
          queue: QUEUED,
          dueAt: createdAt,
          dueKey: dueKeyOf(createdAt, createdAt, reference),
        };
        try {
          await documents.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
          return toTicket(item);
        } catch (error) {
          if (!isConditionFailed(error)) throw error;
        }
        // Another request with the same key filed first: its ticket is the one.
        await release(reference, pk);
        const filed = await filedUnder(request.idempotencyKey);
        if (filed) return toTicket(filed);
        throw new Error('A handoff ticket was filed under this key but cannot be read back');
      }
      throw new Error('Could not draw a free handoff reference');
    },
  };
}

/** The tickets the webhook has not accepted yet, read from the sparse outbox index, due time first. */
export function createDynamoHandoffOutbox(documents: DocumentClient, tableName: string): HandoffOutbox {
  async function queued(limit: number, below?: string): Promise<TicketItem[]> {
    const { Items } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: OUTBOX_INDEX,
        KeyConditionExpression: below === undefined ? '#queue = :queued' : '#queue = :queued AND dueKey < :below',
        ExpressionAttributeNames: { '#queue': 'queue' },
        ExpressionAttributeValues: { ':queued': QUEUED, ...(below === undefined ? {} : { ':below': below }) },
        ScanIndexForward: true,
        Limit: limit,
      }),
    );
    return (Items ?? []) as TicketItem[];
  }

  /** The reservation of a reference, which names its ticket item. */
  async function reservation(reference: string): Promise<ReservationItem | undefined> {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { pk: referenceKey(reference) }, ConsistentRead: true }));
    return Item as ReservationItem | undefined;
  }

  type QueuedUpdate = Required<Pick<UpdateCommandInput, 'UpdateExpression' | 'ExpressionAttributeValues'>>;

  /** Updates a ticket still waiting for the webhook; once delivered, it stays delivered. */
  async function updateQueued(ticket: string, reference: string, update: QueuedUpdate): Promise<void> {
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: ticket },
          ConditionExpression: '#queue = :queued AND #reference = :reference',
          UpdateExpression: update.UpdateExpression,
          ExpressionAttributeNames: { '#queue': 'queue', '#reference': 'reference' },
          ExpressionAttributeValues: { ':queued': QUEUED, ':reference': reference, ...update.ExpressionAttributeValues },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }

  return {
    async due(now, limit): Promise<readonly QueuedHandoff[]> {
      if (limit < 1) return [];
      // Every key due at or before `now` sorts below the first key due a millisecond later.
      const items = await queued(Math.trunc(limit), sortable(now.getTime() + 1));
      return items.map((item) => ({ ticket: toFiledHandoff(item), attempts: item.attempts }));
    },
    async nextDue() {
      const [first] = await queued(1);
      return first?.dueAt === undefined ? undefined : new Date(first.dueAt);
    },
    async markDelivered(reference, at) {
      const reserved = await reservation(reference);
      if (!reserved) return;
      await updateQueued(reserved.ticket, reference, {
        UpdateExpression: 'SET deliveredAt = :at, attempts = attempts + :one REMOVE #queue, dueKey, dueAt, lastError',
        ExpressionAttributeValues: { ':at': at.getTime(), ':one': 1 },
      });
    },
    async markFailed(reference, error, retryAt) {
      const reserved = await reservation(reference);
      if (!reserved) return;
      await updateQueued(reserved.ticket, reference, {
        UpdateExpression: 'SET attempts = attempts + :one, lastError = :error, dueAt = :dueAt, dueKey = :dueKey',
        ExpressionAttributeValues: {
          ':one': 1,
          ':error': error.slice(0, MAX_ERROR_CHARACTERS),
          ':dueAt': retryAt.getTime(),
          ':dueKey': dueKeyOf(retryAt.getTime(), reserved.createdAt, reference),
        },
      });
    },
  };
}
