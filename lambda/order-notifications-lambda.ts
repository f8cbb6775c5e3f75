import { createDynamoSkillState } from './commerce/dynamodb/dynamo-skill-state';
import { ConfigError, loadConfig } from './config';
import { configuredNotificationRelay } from './events/configured-order-events';
import type { NotificationPass } from './events/notification-relay';
import { createLogger } from './logging';
import { configuredAlexaOrderNotifications } from './platforms/alexa-proactive/alexa-order-notifications';

/**
 * Sends queued order notifications to Alexa, on a schedule (serverless.yml): what `npm run
 * events:send` does locally. The webhook function queues a change and kicks a pass, but a Lambda
 * container is frozen once it has answered; this pass sends whatever is due, retries included.
 * Two passes at once (a slow one and the next minute's) never send the same notification: each is
 * claimed with a conditional write before it is sent.
 */

// Built once per container and reused by every scheduled run it serves.
const config = loadConfig();
if (config.state.adapter !== 'dynamodb') throw new ConfigError(['STATE_ADAPTER: must be dynamodb on Lambda (with DYNAMODB_TABLE_PREFIX)']);
const logger = createLogger();
const state = createDynamoSkillState(config.state);
const sender = configuredAlexaOrderNotifications(config);
const relay =
  sender && state.orderNotifications && state.notificationSubscriptions
    ? configuredNotificationRelay(config, { outbox: state.orderNotifications, subscriptions: state.notificationSubscriptions, sender, logger })
    : undefined;

export async function handler(): Promise<NotificationPass> {
  if (!relay) return { sent: 0, failed: 0, dropped: 0 };
  const pass = await relay.drain();
  if (pass.sent + pass.failed + pass.dropped > 0) logger.info(pass, 'order notification pass');
  return pass;
}
