import { createAccessTokenVerifierFromConfig } from './auth/verifier-from-config';
import type { Commerce } from './commerce/ports';
import { openEmbeddedStore } from './commerce/sqlite/embedded-store';
import type { Config } from './config';
import { createRouter, type Router } from './core/router';
import { assistance } from './flows/assistance';
import { FLOWS } from './flows/all-flows';
import { describeError, type Logger } from './logging';

/** The platform-neutral application: everything but the adapters. */
export interface Shopvoice {
  readonly router: Router;
  readonly commerce: Commerce;
  close(): void;
}

export interface ComposeOptions {
  readonly logger: Logger;
  /** A store other than the embedded demo store (tests, and later the HTTP adapter). */
  readonly commerce?: Commerce;
  readonly clock?: () => Date;
}

export function composeShopvoice(config: Config, options: ComposeOptions): Shopvoice {
  const store = options.commerce ? undefined : openEmbeddedStore(config.storePath, { timeZone: config.store.timeZone });
  const commerce = options.commerce ?? store!.commerce;
  const verifier = createAccessTokenVerifierFromConfig(config);
  const router = createRouter({
    flows: FLOWS,
    assistance,
    commerce,
    store: { name: config.store.name, supportPhone: config.store.supportPhone, timeZone: config.store.timeZone },
    verifyAccessToken: (token) => verifier.verify(token),
    clock: options.clock,
    onError: (error, turn) =>
      options.logger.error(
        { error: describeError(error), platform: turn.platform, event: turn.event.kind, flow: turn.state.active?.flow },
        'turn failed',
      ),
  });
  return { router, commerce, close: () => store?.close() };
}
