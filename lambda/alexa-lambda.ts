import { openCloudAdapters } from './commerce/open-cloud-adapters';
import { composeShopvoice } from './compose';
import { ConfigError, loadConfig } from './config';
import { createLogger, describeError } from './logging';
import { createAlexaLambdaHandler, createAlexaSkill } from './platforms/alexa';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig();
// Without the skill id check, any skill that learns the function's ARN could invoke it.
if (!config.alexa.skillId) throw new ConfigError(['ALEXA_SKILL_ID: required on Lambda, so that no other skill can invoke this function']);
const logger = createLogger();
const shopvoice = composeShopvoice(config, { logger, adapters: openCloudAdapters(config, logger) });
const skill = createAlexaSkill({
  router: shopvoice.router,
  skillId: config.alexa.skillId,
  onError: (error) => logger.error({ error: describeError(error) }, 'alexa handler failed'),
});

export const handler = createAlexaLambdaHandler(skill);
