import { services } from 'ask-sdk-model';
import { DeliveryFailedError } from '../../commerce/handoff-webhook/delivery-policy';
import type { Config } from '../../config';
import type { OrderNotificationSender } from '../../events/order-notification-sender';
import { FetchApiClient } from './fetch-api-client';
import { ORDER_STATUS_LOCALES, orderStatusEvent } from './order-status-event';

export interface AlexaProactiveEventsSettings {
  /** The skill's Alexa client id and secret (developer console, Permissions: "Alexa Skill Messaging"). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The Alexa API of the skill's region, e.g. https://api.amazonalexa.com (North America). */
  readonly apiUrl: string;
  /** Login with Amazon, where the client-credentials token comes from: https://api.amazon.com. */
  readonly lwaUrl: string;
  /** DEVELOPMENT sends to the skill's test users only; LIVE to the published skill's. */
  readonly stage: services.proactiveEvents.SkillStage;
  /** The seller Alexa names ("Your order from <seller> has shipped"). */
  readonly sellerName: string;
  readonly timeoutMs: number;
  readonly clock?: () => Date;
}

/** One send (token and event) gets this long; the relay's own deadline is the same. */
const SEND_TIMEOUT_MS = 5_000;

/** What Alexa's statuses say about trying again: a refused event (400 and the like) will be refused again. */
function isRefusal(status: number | undefined): boolean {
  return status !== undefined && [400, 404, 409, 410, 413, 422].includes(status);
}

/**
 * Sends AMAZON.OrderStatus.Updated through Alexa's Proactive Events API with ask-sdk's own client,
 * which gets (and caches until it expires) a Login with Amazon token for the
 * `alexa::proactive_events` scope with the skill's client credentials.
 */
export function createAlexaOrderNotificationSender(settings: AlexaProactiveEventsSettings): OrderNotificationSender {
  const clock = settings.clock ?? (() => new Date());
  const apiClient = new FetchApiClient(settings.timeoutMs);
  const client = new services.proactiveEvents.ProactiveEventsServiceClient(
    { apiClient, apiEndpoint: settings.apiUrl, authorizationValue: '' },
    { clientId: settings.clientId, clientSecret: settings.clientSecret, authEndpoint: settings.lwaUrl },
  );
  return {
    offeredIn: (locale) => ORDER_STATUS_LOCALES.includes(locale),
    async send(notification) {
      const event = orderStatusEvent(notification, settings.sellerName, clock());
      if (!event) throw new DeliveryFailedError('too late to notify: the change is a day old', false);
      try {
        await client.createProactiveEvent(event, settings.stage);
      } catch (error) {
        const status = (error as { statusCode?: unknown }).statusCode;
        const code = typeof status === 'number' ? status : undefined;
        // Only how it failed, never what Alexa answered (it may repeat the recipient).
        throw new DeliveryFailedError(code === undefined ? `${(error as Error).name ?? 'Error'}: no answer from Alexa` : `HTTP ${code}`, !isRefusal(code));
      }
    },
  };
}

/** Alexa's proactive events as configured (ORDER_EVENTS_SECRET and the skill's client credentials); undefined when off. */
export function configuredAlexaOrderNotifications(config: Config, clock?: () => Date): OrderNotificationSender | undefined {
  const settings = config.orderEvents;
  if (!settings) return undefined;
  return createAlexaOrderNotificationSender({ ...settings.alexa, sellerName: config.store.name, timeoutMs: SEND_TIMEOUT_MS, ...(clock ? { clock } : {}) });
}
