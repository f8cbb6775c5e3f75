import type { AccessTokenVerifier } from '../auth/access-token-verifier';
import type { NotificationSubscriptions } from '../commerce/ports';
import { describeError, type Logger } from '../logging';

/** A shopper gave or withdrew permission to be notified, as a platform's event says. */
export interface NotificationPermissionChange {
  /** The linked account's token the event came with: it names the shopper. */
  readonly accessToken: string;
  readonly platform: 'alexa';
  /** Whom the platform notifies. */
  readonly recipient: string;
  /** The shopper's locale, when the event says (Alexa gives it only on some events). */
  readonly locale?: string;
  readonly subscribed: boolean;
  /** When the platform says it happened. */
  readonly at: Date;
}

/**
 * Platforms send these events out of session, so the token may have expired since the shopper
 * last spoke; the event itself is signed by the platform, which vouches for it.
 */
const EXPIRED_TOKEN_ALLOWANCE_MS = 30 * 86_400_000;

/**
 * Keeps what the shopper said about notifications, for the shopper the token names (its signature,
 * issuer and audience checked). A token that names no one changes nothing. Never rejects: the
 * platform only needs to hear that the event was received.
 */
export function createNotificationPermissions(options: {
  readonly subscriptions: NotificationSubscriptions;
  readonly accessTokens: AccessTokenVerifier;
  /** The shopper's locale in the store, for an event that does not say. */
  readonly localeOf: (shopperId: string) => Promise<string | undefined>;
  readonly logger: Logger;
}): (change: NotificationPermissionChange) => Promise<void> {
  return async (change) => {
    try {
      const shopper = await options.accessTokens.verify(change.accessToken, { acceptExpiredUpToMs: EXPIRED_TOKEN_ALLOWANCE_MS });
      if (!shopper) {
        options.logger.warn({ platform: change.platform }, 'notification permission: the access token is not valid; nothing kept');
        return;
      }
      const { shopperId } = shopper;
      // Unknown ('und') is offered nowhere: better no notification than one in a language the platform does not offer.
      const locale = change.locale ?? (await options.localeOf(shopperId)) ?? 'und';
      const { platform, recipient, subscribed, at } = change;
      await options.subscriptions.record({ shopperId, platform, recipient, locale, subscribed, at });
      options.logger.info({ platform: change.platform, subscribed: change.subscribed }, 'notification permission kept');
    } catch (error) {
      options.logger.error({ error: describeError(error) }, 'notification permission not kept');
    }
  };
}
