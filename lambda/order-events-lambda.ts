import express, { type ErrorRequestHandler } from 'express';
import serverless from 'serverless-http';
import { createDynamoSkillState } from './commerce/dynamodb/dynamo-skill-state';
import { ConfigError, loadConfig } from './config';
import { createOrderStatusWebhook, ORDER_STATUS_WEBHOOK_PATH } from './events/order-status-webhook';
import { createLogger, describeError } from './logging';

/**
 * The store's signed order status changes on Lambda (`POST /events/order-status`, events/): each
 * change is queued in DynamoDB once per subscribed recipient, and the scheduled sender
 * (order-notifications-lambda.ts) sends it within the minute. Nothing is sent from here: the
 * container is frozen as soon as the store has its answer.
 */

// Built once per container and reused by every invocation it serves.
const config = loadConfig();
if (config.state.adapter !== 'dynamodb') throw new ConfigError(['STATE_ADAPTER: must be dynamodb on Lambda (with DYNAMODB_TABLE_PREFIX)']);
const logger = createLogger();
const state = createDynamoSkillState(config.state);

const app = express();
app.disable('x-powered-by');
const settings = config.orderEvents;
if (settings && state.orderNotifications && state.notificationSubscriptions) {
  app.post(
    ORDER_STATUS_WEBHOOK_PATH,
    ...createOrderStatusWebhook({ secret: settings.secret, outbox: state.orderNotifications, subscriptions: state.notificationSubscriptions, queued: () => undefined, logger }),
  );
}
// Without ORDER_EVENTS_SECRET order notifications are off: the store hears so, not a 500.
app.use((_request, response) => {
  response.status(404).json({ error: 'not found' });
});

// A body too large or unreadable gets a 4xx, never express's own page with a stack trace.
app.use(((error, _request, response, _next) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) response.status(status).json({ error: status === 413 ? 'body too large' : 'bad request' });
  else {
    logger.error({ error: describeError(error) }, 'order status change failed');
    response.status(500).json({ error: 'internal error' });
  }
}) as ErrorRequestHandler);

export const handler = serverless(app);
