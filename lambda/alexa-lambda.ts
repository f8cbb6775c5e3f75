import { openCloudAdapters } from './commerce/open-cloud-adapters';
import { composeShopvoice } from './compose';
import { LOG_WAIT_MS } from './core/router';
import { settlingTurnWrites } from './core/turn-writes';
import { ConfigError, loadConfig } from './config';
import { createLogger, describeError } from './logging';
import { warmForFirstTurn } from './warm-start';
import { instrumentAdapters, instrumentRouter } from './observability/instrument';
import { createAlexaLambdaHandler, createAlexaSkill } from './platforms/alexa';
import { configuredAlexaOrderNotifications } from './platforms/alexa-proactive/alexa-order-notifications';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig();
// Without the skill id check, any skill that learns the function's ARN could invoke it.
if (!config.alexa.skillId) throw new ConfigError(['ALEXA_SKILL_ID: required on Lambda, so that no other skill can invoke this function']);
const logger = createLogger();
// One JSON line per turn (msg "turn") goes to stdout, which Lambda sends to CloudWatch Logs.
const shopvoice = composeShopvoice(config, {
  logger,
  adapters: instrumentAdapters(openCloudAdapters(config, logger), { logger }),
  orderNotificationSender: configuredAlexaOrderNotifications(config),
});
const router = instrumentRouter(shopvoice.router);
// What the first turn would otherwise set up (formatters, templates, fetch) is done during init.
warmForFirstTurn(config);
const skill = createAlexaSkill({
  router,
  stateSeal: shopvoice.stateSeal,
  skillId: config.alexa.skillId,
  onError: (error) => logger.error({ error: describeError(error) }, 'alexa handler failed'),
  // A shopper who disables the skill is forgotten: what the skill kept from their voice is erased.
  onSkillDisabled: (accessToken) => shopvoice.forgetByAccessToken(accessToken),
  // A shopper's word on order notifications, kept where the state store can (events/).
  ...(shopvoice.orderEvents ? { onNotificationPermission: shopvoice.orderEvents.permissionChanged } : {}),
});

// The container is frozen once the handler returns: the turn's own writes (log line, turn event) finish first.
export const handler = settlingTurnWrites(createAlexaLambdaHandler(skill), shopvoice.turnWrites, LOG_WAIT_MS);
