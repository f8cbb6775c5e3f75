import type { RequestHandler } from 'express';
import type { Config } from '../config';
import type { Router } from '../core/router';
import type { SessionStateSeal } from '../core/sealed-state';
import type { NotificationPermissionChange } from '../events/notification-permissions';
import { describeError, type Logger } from '../logging';
import { createAlexaSkill } from './alexa';
import { createAlexaEndpoint } from './alexa-http';
import { createGoogleApp, createGoogleWebhook } from './google';
import { withCheckedGoogleBody } from './google-request-schema';

export interface PlatformEndpoints {
  readonly alexaEndpoint: readonly RequestHandler[];
  readonly googleWebhook: RequestHandler;
}

export interface PlatformEndpointOptions {
  /** The application's seal for session state (Shopvoice.stateSeal). */
  readonly stateSeal: SessionStateSeal;
  /** Forgets the shopper an access token names, when they disable the Alexa skill (Shopvoice.forgetByAccessToken). */
  readonly onSkillDisabled?: (accessToken: string) => Promise<void>;
  /** Keeps a shopper's word on order notifications (Shopvoice.orderEvents.permissionChanged). */
  readonly onNotificationPermission?: (change: NotificationPermissionChange) => Promise<void>;
}

/** Both platforms' HTTP endpoints over one router, configured from config. */
export function createPlatformEndpoints(
  config: Config,
  router: Router,
  logger: Logger,
  bodyLimit: string,
  options: PlatformEndpointOptions,
): PlatformEndpoints {
  const onError = (error: unknown) => logger.error({ error: describeError(error) }, 'platform handler failed');
  const { stateSeal } = options;
  const skill = createAlexaSkill({
    router,
    stateSeal,
    skillId: config.alexa.skillId,
    onError,
    onSkillDisabled: options.onSkillDisabled,
    onNotificationPermission: options.onNotificationPermission,
  });
  return {
    alexaEndpoint: createAlexaEndpoint({ skill, verifyRequests: config.alexa.verifySignature, bodyLimit, logger }),
    googleWebhook: withCheckedGoogleBody(
      createGoogleWebhook({ app: createGoogleApp({ router, stateSeal, onError }), projectId: config.google.projectId, onError }),
    ),
  };
}
