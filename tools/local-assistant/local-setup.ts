import type { Config } from '../../lambda/config';
import type { Router } from '../../lambda/core/router';
import type { SessionStateSeal } from '../../lambda/core/sealed-state';
import { createLocalUnderstanding } from '../nlu/model-files';
import { demoTokens } from './demo-tokens';
import { inProcessPlatforms } from './in-process-platforms';
import { createLocalAssistant, LOCAL_SKILL_ID, type LocalAssistant } from './local-assistant';

export interface LocalAssistantSetup {
  /** Told when an adapter fails. */
  readonly onError?: (error: unknown) => void;
  /** "Now" for reading relative dates ("last week"): the router's clock, so both agree on today. */
  readonly clock?: () => Date;
  /** Shopper id → an access token the store's authorization server issued, used instead of a dev token. */
  readonly issuedTokens?: ReadonlyMap<string, string>;
}

/** The local assistant over the app's router, as the dev console and the chat use it. */
export function localAssistantFor(config: Config, router: Router, stateSeal: SessionStateSeal, setup: LocalAssistantSetup = {}): LocalAssistant {
  const { onError, clock } = setup;
  const skillId = config.alexa.skillId ?? LOCAL_SKILL_ID;
  return createLocalAssistant({
    understanding: createLocalUnderstanding({ timeZone: config.store.timeZone, ...(clock ? { now: clock } : {}) }),
    platforms: inProcessPlatforms({ router, stateSeal, skillId, onError }),
    accessToken: demoTokens(config, setup.issuedTokens),
    skillId,
  });
}
