import type { Config } from '../../lambda/config';
import type { Router } from '../../lambda/core/router';
import type { SessionStateSeal } from '../../lambda/core/sealed-state';
import { createLocalUnderstanding } from '../nlu/model-files';
import { demoTokens } from './demo-tokens';
import { inProcessPlatforms } from './in-process-platforms';
import { createLocalAssistant, LOCAL_SKILL_ID, type LocalAssistant } from './local-assistant';

/** The local assistant over the app's router, as the dev console and the chat use it. */
export function localAssistantFor(config: Config, router: Router, stateSeal: SessionStateSeal, onError?: (error: unknown) => void): LocalAssistant {
  const skillId = config.alexa.skillId ?? LOCAL_SKILL_ID;
  return createLocalAssistant({
    understanding: createLocalUnderstanding(),
    platforms: inProcessPlatforms({ router, stateSeal, skillId, onError }),
    accessToken: demoTokens(config),
    skillId,
  });
}
