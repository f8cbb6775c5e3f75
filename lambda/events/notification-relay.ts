import { createDeliveryPolicy, DeliveryFailedError } from '../commerce/handoff-webhook/delivery-policy';
import { createOutboxPump } from '../core/outbox-pump';
import { backoffDelay } from '../commerce/handoff-webhook/webhook-relay';
import type { NotificationSubscriptions, OrderNotifications, QueuedOrderNotification } from '../commerce/ports';
import type { OrderNotificationSender } from './order-notification-sender';

export interface NotificationRelayOptions {
  readonly outbox: OrderNotifications;
  readonly subscriptions: NotificationSubscriptions;
  readonly sender: OrderNotificationSender;
  readonly clock?: () => Date;
  /** Wait before the first retry; doubles with every failed attempt, up to `maxDelayMs`. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A send not answered by then counts as failed (and is retried). */
  readonly timeoutMs?: number;
  /** A change older than this is old news: its notification is dropped instead of sent. */
  readonly maxAgeMs?: number;
  /** Told what became of each notification tried (never the shopper or the recipient). Must not throw. */
  readonly onOutcome?: (outcome: NotificationOutcome) => void;
  /** Told when a pass fails outright (the state store, not the platform). Must not throw. */
  readonly onError?: (error: unknown) => void;
}

export type NotificationOutcome =
  | { readonly kind: 'sent'; readonly changeKey: string }
  | { readonly kind: 'failed'; readonly changeKey: string; readonly attempts: number; readonly error: string; readonly retryAt: Date }
  | { readonly kind: 'dropped'; readonly changeKey: string; readonly reason: string };

export interface NotificationPass {
  readonly sent: number;
  readonly failed: number;
  readonly dropped: number;
}

export interface NotificationRelay {
  /** Starts a pass in the background; retries are scheduled by themselves. */
  kick(): void;
  /** One pass over the notifications due now. */
  drain(): Promise<NotificationPass>;
  /** Resolves once no pass is running. */
  idle(): Promise<void>;
  /** Stops scheduling; queued notifications stay queued for the next start. */
  close(): void;
}

const DEFAULTS = { baseDelayMs: 5_000, maxDelayMs: 15 * 60_000, timeoutMs: 5_000, maxAgeMs: 24 * 3_600_000 } as const;
const BATCH = 20;
/** How long a claimed notification is kept from other passes: longer than any send may take. */
const LEASE_MS = 60_000;

/**
 * Sends queued order notifications through the platform. Each is checked at the moment it is sent:
 * a shopper who withdrew permission since it was queued gets nothing, nor does one in a locale the
 * platform does not offer it in, nor one about a change that is old news. A platform that fails
 * (no answer, 5xx, 429, a rejected credential) is tried again with exponential backoff, until the
 * change is old news; one that refuses the notification itself (400) is not.
 */
export function createNotificationRelay(options: NotificationRelayOptions): NotificationRelay {
  const { outbox, subscriptions, sender } = options;
  const clock = options.clock ?? (() => new Date());
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const maxAgeMs = options.maxAgeMs ?? DEFAULTS.maxAgeMs;
  const policy = createDeliveryPolicy({ timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs, breaker: false });

  async function drop(queued: QueuedOrderNotification, reason: string): Promise<'dropped'> {
    await outbox.markDropped(queued.changeKey, queued.recipient, reason, clock());
    options.onOutcome?.({ kind: 'dropped', changeKey: queued.changeKey, reason });
    return 'dropped';
  }

  /** Why it must not be sent now, if so. */
  async function refusal(queued: QueuedOrderNotification, subscribedTo: (shopperId: string) => Promise<ReadonlySet<string>>): Promise<string | undefined> {
    if (!(await subscribedTo(queued.change.shopperId)).has(queued.recipient)) return 'permission withdrawn';
    if (!sender.offeredIn(queued.locale)) return `not offered in ${queued.locale}`;
    if (clock().getTime() - queued.change.occurredAt.getTime() > maxAgeMs) return 'old news';
    return undefined;
  }

  async function attempt(queued: QueuedOrderNotification, subscribedTo: (shopperId: string) => Promise<ReadonlySet<string>>): Promise<keyof NotificationPass> {
    const reason = await refusal(queued, subscribedTo);
    if (reason) return drop(queued, reason);
    let down = true;
    const result = await policy.deliver(async () => {
      try {
        await sender.send(queued);
      } catch (error) {
        down = !(error instanceof DeliveryFailedError) || error.down;
        throw error;
      }
    });
    if (result.kind === 'delivered') {
      await outbox.markSent(queued.changeKey, queued.recipient, clock());
      options.onOutcome?.({ kind: 'sent', changeKey: queued.changeKey });
      return 'sent';
    }
    const error = result.kind === 'failed' ? result.error : 'not tried';
    if (!down) return drop(queued, `refused: ${error}`);
    const attempts = queued.attempts + 1;
    const retryAt = new Date(clock().getTime() + backoffDelay(attempts, baseDelayMs, maxDelayMs));
    await outbox.markFailed(queued.changeKey, queued.recipient, error, retryAt);
    options.onOutcome?.({ kind: 'failed', changeKey: queued.changeKey, attempts, error, retryAt });
    return 'failed';
  }

  async function pass(): Promise<NotificationPass> {
    const counts = { sent: 0, failed: 0, dropped: 0 };
    // One look at each shopper's subscriptions per pass.
    const known = new Map<string, Promise<ReadonlySet<string>>>();
    const subscribedTo = (shopperId: string) => {
      let recipients = known.get(shopperId);
      if (!recipients) {
        recipients = subscriptions.subscribed(shopperId).then((all) => new Set(all.map((each) => each.recipient)));
        known.set(shopperId, recipients);
      }
      return recipients;
    };
    // Claimed ones are leased to this pass; a full batch means more may be due.
    for (let more = true; more; ) {
      const due = await outbox.claimDue(clock(), BATCH, LEASE_MS);
      for (const queued of due) counts[await attempt(queued, subscribedTo)] += 1;
      more = due.length === BATCH;
    }
    return counts;
  }

  async function nextPassInMs(): Promise<number | undefined> {
    const next = await outbox.nextDue();
    return next === undefined ? undefined : next.getTime() - clock().getTime();
  }

  return createOutboxPump({ pass, nextPassInMs, ...(options.onError ? { onError: options.onError } : {}) });
}
