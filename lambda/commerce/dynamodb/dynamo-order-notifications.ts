import {
  ORDER_STATUS_CHANGES,
  type NotificationSubscriptions,
  type OrderNotifications,
  type OrderStatusChangeKind,
  type QueuedOrderNotification,
} from '../ports';
import { isConditionFailed } from './dynamo-client';
import { DeleteCommand, PutCommand, QueryCommand, type QueryCommandInput, UpdateCommand, type DocumentClient } from './document-commands';
import { NOTIFICATIONS_BY_SHOPPER_INDEX, NOTIFICATIONS_DUE_INDEX } from './tables';

/**
 * Order notifications on DynamoDB, with the embedded store's contract, in one table (tables.ts,
 * ORDER_NOTIFICATIONS_TABLE): the shoppers' word on being notified, and the queue of notifications.
 * Whatever two things must never both happen is decided by a conditional write on the item itself
 * (queueing a change for a recipient, claiming a due notification, settling it), never by a read
 * of the eventually consistent `due` index, which only says where to look.
 */

const QUEUED = 'queued';
const DAY_MS = 86_400_000;
/** A notification's item outlives its change by this long; the relay drops a change a day old as old news. */
const KEEP_NOTIFICATION_MS = 30 * DAY_MS;
/** Enough of a platform's error to know what happened; the rest is noise. */
const MAX_ERROR_CHARACTERS = 300;

const sortable = (ms: number) => String(Math.max(0, Math.trunc(ms))).padStart(15, '0');
const subscriberKey = (shopperId: string) => `subscriber#${shopperId}`;
const changeItemKey = (changeKey: string, recipient: string) => ({ pk: `change#${changeKey}`, sk: `to#${recipient}` });
/** Due time first: a new notification is due when it is queued, so those come out in the order they were queued. */
const dueKeyOf = (dueAt: number, changeKey: string, recipient: string) => `${sortable(dueAt)}#${changeKey}#${recipient}`;

interface SubscriptionItem {
  readonly pk: string;
  readonly sk: string;
  readonly shopperId: string;
  readonly platform: 'alexa';
  readonly recipient: string;
  readonly locale: string;
  readonly subscribed: boolean;
  readonly changedAt: number;
}

interface NotificationItem {
  readonly pk: string;
  readonly sk: string;
  readonly changeKey: string;
  readonly recipient: string;
  readonly shopperId: string;
  readonly orderNumber: string;
  readonly orderStatus: string;
  readonly occurredAt: number;
  readonly expectedArrival?: number;
  readonly locale: string;
  readonly attempts: number;
  readonly state: 'queued' | 'sent' | 'dropped';
  readonly queuedAt: number;
  readonly queue?: string;
  readonly dueAt?: number;
  readonly dueKey?: string;
  readonly expiresAt: number;
}

interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** Every key the query gives, page after page. */
async function allKeys(documents: DocumentClient, query: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<ItemKey[]> {
  const keys: ItemKey[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new QueryCommand({ ...query, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of page.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    start = page.LastEvaluatedKey;
  } while (start);
  return keys;
}

/** Shoppers' word on being notified: the newest per recipient wins, whatever order the platform sends them in. */
export function createDynamoNotificationSubscriptions(documents: DocumentClient, tableName: string): NotificationSubscriptions {
  return {
    async record(subscription) {
      if (subscription.recipient === '' || subscription.shopperId === '') throw new Error('A subscription needs its shopper and recipient');
      const item: SubscriptionItem = {
        pk: subscriberKey(subscription.shopperId),
        sk: `${subscription.platform}#${subscription.recipient}`,
        shopperId: subscription.shopperId,
        platform: subscription.platform,
        recipient: subscription.recipient,
        locale: subscription.locale,
        subscribed: subscription.subscribed,
        changedAt: subscription.at.getTime(),
      };
      try {
        await documents.send(
          new PutCommand({
            TableName: tableName,
            Item: item,
            // A word older than the one kept changes nothing.
            ConditionExpression: 'attribute_not_exists(pk) OR changedAt <= :at',
            ExpressionAttributeValues: { ':at': item.changedAt },
          }),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    },

    async subscribed(shopperId) {
      const subscriptions: SubscriptionItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            FilterExpression: 'subscribed = :yes',
            ExpressionAttributeValues: { ':pk': subscriberKey(shopperId), ':yes': true },
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        subscriptions.push(...((page.Items ?? []) as unknown as SubscriptionItem[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return subscriptions
        .map((item) => ({ shopperId: item.shopperId, platform: 'alexa' as const, recipient: item.recipient, locale: item.locale, subscribed: true, at: new Date(item.changedAt) }))
        .sort((a, b) => (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0));
    },

    async forgetShopper(shopperId) {
      // The subscriptions from their own partition (read consistently), and everything else of the
      // shopper's, queued notifications included, from the index by shopper.
      const [own, indexed] = await Promise.all([
        allKeys(documents, { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': subscriberKey(shopperId) }, ProjectionExpression: 'pk, sk', ConsistentRead: true }),
        allKeys(documents, {
          TableName: tableName,
          IndexName: NOTIFICATIONS_BY_SHOPPER_INDEX,
          KeyConditionExpression: 'shopperId = :shopper',
          ExpressionAttributeValues: { ':shopper': shopperId },
        }),
      ]);
      const keys = new Map([...own, ...indexed].map((key) => [`${key.pk}\n${key.sk}`, key]));
      let forgotten = 0;
      for (const key of keys.values()) {
        const { Attributes } = await documents.send(new DeleteCommand({ TableName: tableName, Key: { pk: key.pk, sk: key.sk }, ReturnValues: 'ALL_OLD' }));
        if (Attributes) forgotten += 1;
      }
      return forgotten;
    },
  };
}

function statusOf(value: string): OrderStatusChangeKind {
  const status = ORDER_STATUS_CHANGES.find((kind) => kind === value);
  if (!status) throw new Error(`Unknown order change in the notification queue: ${value}`);
  return status;
}

function queuedOf(item: NotificationItem): QueuedOrderNotification {
  return {
    changeKey: item.changeKey,
    recipient: item.recipient,
    locale: item.locale,
    attempts: item.attempts,
    change: {
      orderNumber: item.orderNumber,
      shopperId: item.shopperId,
      status: statusOf(item.orderStatus),
      occurredAt: new Date(item.occurredAt),
      ...(item.expectedArrival === undefined ? {} : { expectedArrival: new Date(item.expectedArrival) }),
    },
  };
}

/** The queue of order notifications: one item per change and recipient ever. */
export function createDynamoOrderNotifications(documents: DocumentClient, tableName: string): OrderNotifications {
  /** Queued notifications from the `due` index, due time first; below `below` when given. */
  async function queued(limit: number, below?: string): Promise<NotificationItem[]> {
    const { Items } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: NOTIFICATIONS_DUE_INDEX,
        KeyConditionExpression: below === undefined ? '#queue = :queued' : '#queue = :queued AND dueKey < :below',
        ExpressionAttributeNames: { '#queue': 'queue' },
        ExpressionAttributeValues: { ':queued': QUEUED, ...(below === undefined ? {} : { ':below': below }) },
        ScanIndexForward: true,
        Limit: limit,
      }),
    );
    return (Items ?? []) as unknown as NotificationItem[];
  }

  /** Updates a notification still queued; one already sent or dropped stays so. Answers whether it was. */
  async function updateQueued(changeKey: string, recipient: string, update: { readonly set: string; readonly values: Record<string, unknown>; readonly condition?: string }): Promise<NotificationItem | undefined> {
    try {
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: changeItemKey(changeKey, recipient),
          ConditionExpression: `#state = :queuedState${update.condition ? ` AND ${update.condition}` : ''}`,
          UpdateExpression: update.set,
          ExpressionAttributeNames: { '#state': 'state', ...(update.set.includes('#queue') ? { '#queue': 'queue' } : {}) },
          ExpressionAttributeValues: { ':queuedState': QUEUED, ...update.values },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes as unknown as NotificationItem | undefined;
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }

  async function settle(changeKey: string, recipient: string, state: 'sent' | 'dropped', at: Date, error?: string): Promise<void> {
    await updateQueued(changeKey, recipient, {
      set: `SET #state = :settled, settledAt = :at${error === undefined ? ' REMOVE #queue, dueKey, dueAt, lastError' : ', lastError = :error REMOVE #queue, dueKey, dueAt'}`,
      values: { ':settled': state, ':at': at.getTime(), ...(error === undefined ? {} : { ':error': error.slice(0, MAX_ERROR_CHARACTERS) }) },
    });
  }

  return {
    async enqueue(changeKey, change, recipients, at) {
      const queuedAt = at.getTime();
      const outcomes = await Promise.all(
        recipients.map(async ({ recipient, locale }) => {
          const item: NotificationItem = {
            ...changeItemKey(changeKey, recipient),
            changeKey,
            recipient,
            shopperId: change.shopperId,
            orderNumber: change.orderNumber,
            orderStatus: change.status,
            occurredAt: change.occurredAt.getTime(),
            ...(change.expectedArrival ? { expectedArrival: change.expectedArrival.getTime() } : {}),
            locale,
            attempts: 0,
            state: QUEUED,
            queuedAt,
            queue: QUEUED,
            dueAt: queuedAt,
            dueKey: dueKeyOf(queuedAt, changeKey, recipient),
            expiresAt: Math.ceil((Math.max(queuedAt, change.occurredAt.getTime()) + KEEP_NOTIFICATION_MS) / 1000),
          };
          try {
            // Once per change and recipient, ever: the store reporting it again, or twice at once, queues nothing more.
            await documents.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
            return 1;
          } catch (error) {
            if (isConditionFailed(error)) return 0;
            throw error;
          }
        }),
      );
      return outcomes.reduce<number>((sum, each) => sum + each, 0);
    },

    async claimDue(now, limit, leaseMs) {
      if (limit < 1) return [];
      const nowMs = now.getTime();
      const leasedUntil = nowMs + leaseMs;
      // Every key due at or before `now` sorts below the first key due a millisecond later.
      const candidates = await queued(Math.trunc(limit), sortable(nowMs + 1));
      const claimed = await Promise.all(
        candidates.map((candidate) =>
          // Only while it is still due: a sender that claimed it first has moved its due time past now.
          updateQueued(candidate.changeKey, candidate.recipient, {
            set: 'SET dueAt = :leased, dueKey = :dueKey',
            condition: 'dueAt <= :now',
            values: { ':leased': leasedUntil, ':dueKey': dueKeyOf(leasedUntil, candidate.changeKey, candidate.recipient), ':now': nowMs },
          }),
        ),
      );
      return claimed.filter((item): item is NotificationItem => item !== undefined).map(queuedOf);
    },

    async nextDue() {
      const [first] = await queued(1);
      return first?.dueAt === undefined ? undefined : new Date(first.dueAt);
    },

    async markSent(changeKey, recipient, at) {
      await settle(changeKey, recipient, 'sent', at);
    },

    async markFailed(changeKey, recipient, error, retryAt) {
      const retryMs = retryAt.getTime();
      await updateQueued(changeKey, recipient, {
        set: 'SET attempts = attempts + :one, lastError = :error, dueAt = :dueAt, dueKey = :dueKey',
        values: { ':one': 1, ':error': error.slice(0, MAX_ERROR_CHARACTERS), ':dueAt': retryMs, ':dueKey': dueKeyOf(retryMs, changeKey, recipient) },
      });
    },

    async markDropped(changeKey, recipient, reason, at) {
      await settle(changeKey, recipient, 'dropped', at, reason);
    },
  };
}
