import { ORDER_STATUS_CHANGES, type NotificationSubscriptions, type OrderNotifications, type OrderStatusChangeKind, type QueuedOrderNotification } from '../ports';
import type { SqliteDatabase } from './open-database';

interface SubscriptionRow {
  readonly shopper_id: string;
  readonly platform: string;
  readonly recipient: string;
  readonly locale: string;
  readonly subscribed: number;
  readonly changed_at: number;
}

/** Shoppers' word on being notified, in the embedded file: the newest per recipient wins. */
export function createSqliteNotificationSubscriptions(db: SqliteDatabase): NotificationSubscriptions {
  // Platforms send these out of order: a word older than the one kept changes nothing.
  const record = db.prepare<[string, string, string, string, number, number]>(
    `INSERT INTO notification_subscriptions (shopper_id, platform, recipient, locale, subscribed, changed_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (shopper_id, platform, recipient) DO UPDATE
       SET locale = excluded.locale, subscribed = excluded.subscribed, changed_at = excluded.changed_at
       WHERE excluded.changed_at >= notification_subscriptions.changed_at`,
  );
  const subscribed = db.prepare<[string], SubscriptionRow>(
    'SELECT * FROM notification_subscriptions WHERE shopper_id = ? AND subscribed = 1 ORDER BY recipient',
  );
  const forget = db.prepare<[string]>('DELETE FROM notification_subscriptions WHERE shopper_id = ?');
  const forgetQueued = db.prepare<[string]>('DELETE FROM order_notifications WHERE shopper_id = ?');
  const forgetAll = db.transaction((shopperId: string) => forget.run(shopperId).changes + forgetQueued.run(shopperId).changes);

  return {
    async record(subscription) {
      if (subscription.recipient === '' || subscription.shopperId === '') throw new Error('A subscription needs its shopper and recipient');
      record.run(
        subscription.shopperId,
        subscription.platform,
        subscription.recipient,
        subscription.locale,
        subscription.subscribed ? 1 : 0,
        subscription.at.getTime(),
      );
    },
    async subscribed(shopperId) {
      return subscribed.all(shopperId).map((row) => ({
        shopperId: row.shopper_id,
        platform: 'alexa' as const,
        recipient: row.recipient,
        locale: row.locale,
        subscribed: true,
        at: new Date(row.changed_at),
      }));
    },
    async forgetShopper(shopperId) {
      return forgetAll(shopperId);
    },
  };
}

interface NotificationRow {
  readonly change_key: string;
  readonly recipient: string;
  readonly shopper_id: string;
  readonly order_number: string;
  readonly status: string;
  readonly occurred_at: number;
  readonly expected_arrival: number | null;
  readonly locale: string;
  readonly attempts: number;
}

function statusOf(value: string): OrderStatusChangeKind {
  const status = ORDER_STATUS_CHANGES.find((kind) => kind === value);
  if (!status) throw new Error(`Unknown order change in the notification queue: ${value}`);
  return status;
}

function queued(row: NotificationRow): QueuedOrderNotification {
  return {
    changeKey: row.change_key,
    recipient: row.recipient,
    locale: row.locale,
    attempts: row.attempts,
    change: {
      orderNumber: row.order_number,
      shopperId: row.shopper_id,
      status: statusOf(row.status),
      occurredAt: new Date(row.occurred_at),
      ...(row.expected_arrival === null ? {} : { expectedArrival: new Date(row.expected_arrival) }),
    },
  };
}

/** The queue of order notifications in the embedded file. */
export function createSqliteOrderNotifications(db: SqliteDatabase): OrderNotifications {
  const insert = db.prepare<[string, string, string, string, string, number, number | null, string, number, number]>(
    `INSERT INTO order_notifications
       (change_key, recipient, shopper_id, order_number, status, occurred_at, expected_arrival, locale, state, due_at, queued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)
     ON CONFLICT (change_key, recipient) DO NOTHING`,
  );
  const enqueue = db.transaction(
    (changeKey: string, change: Parameters<OrderNotifications['enqueue']>[1], recipients: Parameters<OrderNotifications['enqueue']>[2], at: number) => {
      let queuedCount = 0;
      for (const { recipient, locale } of recipients) {
        const result = insert.run(
          changeKey,
          recipient,
          change.shopperId,
          change.orderNumber,
          change.status,
          change.occurredAt.getTime(),
          change.expectedArrival?.getTime() ?? null,
          locale,
          at,
          at,
        );
        queuedCount += result.changes;
      }
      return queuedCount;
    },
  );
  const due = db.prepare<[number, number], NotificationRow>(
    `SELECT change_key, recipient, shopper_id, order_number, status, occurred_at, expected_arrival, locale, attempts
       FROM order_notifications WHERE state = 'queued' AND due_at <= ? ORDER BY due_at, queued_at LIMIT ?`,
  );
  const lease = db.prepare<[number, string, string]>(`UPDATE order_notifications SET due_at = ? WHERE change_key = ? AND recipient = ? AND state = 'queued'`);
  const claim = db.transaction((now: number, limit: number, leaseMs: number) => {
    const rows = due.all(now, limit);
    for (const row of rows) lease.run(now + leaseMs, row.change_key, row.recipient);
    return rows.map(queued);
  });
  const nextDue = db.prepare<[], { readonly due_at: number | null }>(`SELECT min(due_at) AS due_at FROM order_notifications WHERE state = 'queued'`);
  const sent = db.prepare<[number, string, string]>(
    `UPDATE order_notifications SET state = 'sent', due_at = NULL, settled_at = ?, last_error = NULL WHERE change_key = ? AND recipient = ? AND state = 'queued'`,
  );
  const failed = db.prepare<[string, number, string, string]>(
    `UPDATE order_notifications SET attempts = attempts + 1, last_error = ?, due_at = ? WHERE change_key = ? AND recipient = ? AND state = 'queued'`,
  );
  const dropped = db.prepare<[string, number, string, string]>(
    `UPDATE order_notifications SET state = 'dropped', due_at = NULL, last_error = ?, settled_at = ? WHERE change_key = ? AND recipient = ? AND state = 'queued'`,
  );

  return {
    async enqueue(changeKey, change, recipients, at) {
      return enqueue(changeKey, change, recipients, at.getTime());
    },
    async claimDue(now, limit, leaseMs) {
      return claim(now.getTime(), limit, leaseMs);
    },
    async nextDue() {
      const at = nextDue.get()?.due_at;
      return at === null || at === undefined ? undefined : new Date(at);
    },
    async markSent(changeKey, recipient, at) {
      sent.run(at.getTime(), changeKey, recipient);
    },
    async markFailed(changeKey, recipient, error, retryAt) {
      failed.run(error, retryAt.getTime(), changeKey, recipient);
    },
    async markDropped(changeKey, recipient, reason, at) {
      dropped.run(reason, at.getTime(), changeKey, recipient);
    },
  };
}
