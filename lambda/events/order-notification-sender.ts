import type { QueuedOrderNotification } from '../commerce/ports';

/** A platform that notifies shoppers of their orders (Alexa's proactive events). */
export interface OrderNotificationSender {
  /** Whether the platform offers this notification to shoppers in the locale. */
  offeredIn(locale: string): boolean;
  /**
   * Sends it; resolves once the platform accepted it. Rejects with a DeliveryFailedError whose
   * `down` says whether trying again later may succeed.
   */
  send(notification: QueuedOrderNotification): Promise<void>;
}
