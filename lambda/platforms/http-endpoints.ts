import type { RequestHandler } from 'express';
import type { Config } from '../config';
import type { Router } from '../core/router';
import { describeError, type Logger } from '../logging';
import { createAlexaSkill } from './alexa';
import { createAlexaEndpoint } from './alexa-http';
import { createGoogleApp, createGoogleWebhook } from './google';

export interface PlatformEndpoints {
  readonly alexaEndpoint: readonly RequestHandler[];
  readonly googleWebhook: RequestHandler;
}

export interface PlatformEndpointOptions {
  /** Forgets the shopper an access token names, when they disable the Alexa skill (Shopvoice.forgetByAccessToken). */
  readonly onSkillDisabled?: (accessToken: string) => Promise<void>;
}

/** Both platforms' HTTP endpoints over one router, configured from config. */
export function createPlatformEndpoints(
  config: Config,
  router: Router,
  logger: Logger,
  bodyLimit: string,
  options: PlatformEndpointOptions = {},
): PlatformEndpoints {
  const onError = (error: unknown) => logger.error({ error: describeError(error) }, 'platform handler failed');
  const skill = createAlexaSkill({ router, skillId: config.alexa.skillId, onError, onSkillDisabled: options.onSkillDisabled });
  return {
    alexaEndpoint: createAlexaEndpoint({ skill, verifyRequests: config.alexa.verifySignature, bodyLimit, logger }),
    googleWebhook: createGoogleWebhook({ app: createGoogleApp({ router, onError }), projectId: config.google.projectId, onError }),
  };
}
