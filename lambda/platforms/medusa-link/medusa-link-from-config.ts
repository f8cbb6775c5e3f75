import type { Express } from 'express';
import type { AccessTokenVerifier } from '../../auth/access-token-verifier';
import type { Config } from '../../config';
import type { Logger } from '../../logging';
import { createMedusaCustomerAuth } from './medusa-customer-auth';
import { mountMedusaLink } from './medusa-link-routes';

/** The Medusa account-linking endpoints, only on a Medusa store with MEDUSA_LINK_* set. */
export function medusaLinkFromConfig(config: Config, accessTokens: AccessTokenVerifier, logger: Logger, clock?: () => Date): ((app: Express) => void) | undefined {
  const { commerce } = config;
  if (commerce.adapter !== 'medusa' || !commerce.link) return undefined;
  const { link } = commerce;
  return (app) =>
    mountMedusaLink(app, {
      link,
      storeName: config.store.name,
      secret: config.sessionStateSecret,
      auth: createMedusaCustomerAuth(commerce, { timeoutMs: commerce.timeoutMs }),
      accessTokens,
      logger,
      ...(clock ? { clock } : {}),
    });
}
