import { configuredWebhookRelay } from './commerce/handoff-webhook/configured-relay';
import type { DeliveryPass } from './commerce/handoff-webhook/webhook-relay';
import { createDynamoSkillState } from './commerce/dynamodb/dynamo-skill-state';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logging';

/**
 * Delivers queued handoff tickets to the helpdesk webhook, on a schedule (serverless.yml). The
 * skill's functions deliver a ticket as it is filed, but a Lambda container is frozen as soon as it
 * has answered, and DynamoDB's outbox index is only eventually consistent: this pass makes sure
 * every ticket goes out, retries included, whatever the traffic.
 */

// Built once per container and reused by every scheduled run it serves.
const config = loadConfig();
if (config.state.adapter !== 'dynamodb') throw new ConfigError(['STATE_ADAPTER: must be dynamodb on Lambda (with DYNAMODB_TABLE_PREFIX)']);
const logger = createLogger();
const state = createDynamoSkillState(config.state);
const relay = configuredWebhookRelay(config, state.handoffOutbox, logger);

export async function handler(): Promise<DeliveryPass> {
  if (!relay) return { delivered: 0, failed: 0 };
  const pass = await relay.drain();
  if (pass.delivered + pass.failed + (pass.skipped ?? 0) > 0) logger.info(pass, 'handoff webhook pass');
  return pass;
}
