import { composeShopvoice } from './compose';
import { loadConfig } from './config';
import { createLogger, describeError } from './logging';
import { createAlexaLambdaHandler, createAlexaSkill } from './platforms/alexa';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig();
const logger = createLogger();
const shopvoice = composeShopvoice(config, { logger });
const skill = createAlexaSkill({
  router: shopvoice.router,
  skillId: config.alexa.skillId,
  onError: (error) => logger.error({ error: describeError(error) }, 'alexa handler failed'),
});

export const handler = createAlexaLambdaHandler(skill);
