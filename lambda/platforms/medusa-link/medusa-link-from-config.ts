import type { Express } from 'express';
import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import type { AccountLinkState } from '../../commerce/ports';
import { type Config, ConfigError } from '../../config';
import type { Logger } from '../../logging';
import { createMedusaCustomerAuth } from './medusa-customer-auth';
import { mountMedusaLink } from './medusa-link-routes';

/** What the linking endpoints need of the composed skill. */
export interface MedusaLinkDependencies {
  readonly accessTokens: AccessTokenVerifier;
  /** The state store's account-link state: codes and failed sign-ins every server instance shares. */
  readonly accountLinks?: AccountLinkState;
}

/** The Medusa account-linking endpoints, only on a Medusa store with MEDUSA_LINK_* set. */
export function medusaLinkFromConfig(config: Config, skill: MedusaLinkDependencies, logger: Logger, clock?: () => Date): ((app: Express) => void) | undefined {
  const { commerce } = config;
  if (commerce.adapter !== 'medusa' || !commerce.link) return undefined;
  const { link } = commerce;
  const state = skill.accountLinks;
  if (!state) throw new ConfigError(['MEDUSA_LINK_CLIENT_ID: account linking needs a state store that keeps its codes (STATE_ADAPTER embedded or dynamodb)']);
  return (app) =>
    mountMedusaLink(app, {
      link,
      storeName: config.store.name,
      secret: config.sessionStateSecret,
      auth: createMedusaCustomerAuth(commerce, { timeoutMs: commerce.timeoutMs }),
      accessTokens: skill.accessTokens,
      state,
      logger,
      ...(clock ? { clock } : {}),
    });
}
