import type { AccessTokenVerifier } from '../auth/access-token-verifier';
import type { NotificationSubscriptions, OrderNotifications } from '../commerce/ports';
import type { Config } from '../config';
import { describeError, type Logger } from '../logging';
import { createNotificationPermissions, type NotificationPermissionChange } from './notification-permissions';
import { createNotificationRelay, type NotificationRelay } from './notification-relay';
import type { OrderNotificationSender } from './order-notification-sender';
import type { OrderStatusWebhookOptions } from './order-status-webhook';

/** Order notifications as configured: the store's webhook, the relay that sends, and the shoppers' permissions. */
export interface OrderEvents {
  readonly relay: NotificationRelay;
  /**
   * What `POST /events/order-status` needs (createOrderStatusWebhook); the HTTP server mounts it, so
   * the Alexa function, which serves no webhook, does not bundle express.
   */
  readonly webhook: Omit<OrderStatusWebhookOptions, 'logger'>;
  /** What platforms call when a shopper gives or withdraws permission. */
  readonly permissionChanged: (change: NotificationPermissionChange) => Promise<void>;
  close(): void;
}

export interface OrderEventsParts {
  readonly subscriptions: NotificationSubscriptions;
  readonly outbox: OrderNotifications;
  readonly sender: OrderNotificationSender;
  readonly accessTokens: AccessTokenVerifier;
  readonly localeOf: (shopperId: string) => Promise<string | undefined>;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/** What sending needs: the queue, the shoppers' word, the platform, and where outcomes are logged. */
export type NotificationRelayParts = Pick<OrderEventsParts, 'subscriptions' | 'outbox' | 'sender' | 'logger' | 'clock'>;

/**
 * The relay that sends queued notifications, as configured (retry base); undefined unless
 * ORDER_EVENTS_SECRET is set. Shared by the server and the scheduled sender on AWS. Logs outcomes by
 * change key only: never the shopper or the recipient.
 */
export function configuredNotificationRelay(config: Config, parts: NotificationRelayParts): NotificationRelay | undefined {
  const settings = config.orderEvents;
  if (!settings) return undefined;
  const { logger } = parts;
  return createNotificationRelay({
    outbox: parts.outbox,
    subscriptions: parts.subscriptions,
    sender: parts.sender,
    clock: parts.clock,
    baseDelayMs: settings.retryBaseMs,
    onOutcome: (outcome) => {
      if (outcome.kind === 'sent') logger.info({ change: outcome.changeKey }, 'order notification sent');
      else if (outcome.kind === 'dropped') logger.info({ change: outcome.changeKey, reason: outcome.reason }, 'order notification dropped');
      else logger.warn({ change: outcome.changeKey, attempts: outcome.attempts, error: outcome.error, retryAt: outcome.retryAt.toISOString() }, 'order notification failed; it stays queued');
    },
    onError: (error) => logger.error({ error: describeError(error) }, 'order notification pass failed'),
  });
}

/** Undefined unless ORDER_EVENTS_SECRET is set. */
export function configuredOrderEvents(config: Config, parts: OrderEventsParts): OrderEvents | undefined {
  const settings = config.orderEvents;
  const relay = configuredNotificationRelay(config, parts);
  if (!settings || !relay) return undefined;
  const { logger } = parts;
  // Anything queued before a restart goes out now.
  relay.kick();
  return {
    relay,
    webhook: {
      secret: settings.secret,
      outbox: parts.outbox,
      subscriptions: parts.subscriptions,
      ...(parts.clock ? { clock: parts.clock } : {}),
      queued: () => relay.kick(),
    },
    permissionChanged: createNotificationPermissions({
      subscriptions: parts.subscriptions,
      accessTokens: parts.accessTokens,
      localeOf: parts.localeOf,
      logger,
    }),
    close: () => relay.close(),
  };
}
