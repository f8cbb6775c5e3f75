import { createAccessTokenVerifierFromConfig } from './auth/verifier-from-config';
import { createWebhookRelay, relayedHandoffs, type WebhookRelay } from './commerce/handoff-webhook/webhook-relay';
import type { Commerce, HandoffOutbox } from './commerce/ports';
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
  /** That store's queue of tickets for the handoff webhook; needed when HANDOFF_WEBHOOK_URL is set. */
  readonly handoffOutbox?: HandoffOutbox;
  readonly clock?: () => Date;
}

/** With a webhook configured, every filed ticket is also delivered there, and anything queued earlier now. */
function webhookRelayFor(config: Config, outbox: HandoffOutbox | undefined, options: ComposeOptions): WebhookRelay | undefined {
  if (!config.handoffWebhook) return undefined;
  if (!outbox) throw new Error('HANDOFF_WEBHOOK_URL is set, but the store offers no handoff outbox to deliver from');
  const { logger } = options;
  const relay = createWebhookRelay({
    ...config.handoffWebhook,
    outbox,
    onFailure: ({ reference, attempts, error, retryAt }) =>
      logger.warn({ reference, attempts, error, retryAt: retryAt.toISOString() }, 'handoff webhook delivery failed; the ticket stays queued'),
    onError: (error) => logger.error({ error: describeError(error) }, 'handoff webhook pass failed'),
  });
  relay.kick();
  return relay;
}

export function composeShopvoice(config: Config, options: ComposeOptions): Shopvoice {
  const store = options.commerce ? undefined : openEmbeddedStore(config.storePath, { timeZone: config.store.timeZone });
  const storeCommerce = options.commerce ?? store!.commerce;
  let relay: WebhookRelay | undefined;
  try {
    relay = webhookRelayFor(config, options.handoffOutbox ?? store?.handoffOutbox, options);
  } catch (error) {
    store?.close();
    throw error;
  }
  const commerce = relay ? { ...storeCommerce, handoffs: relayedHandoffs(storeCommerce.handoffs, relay) } : storeCommerce;
  const verifier = createAccessTokenVerifierFromConfig(config);
  const router = createRouter({
    flows: FLOWS,
    assistance,
    commerce,
    store: config.store,
    verifyAccessToken: (token) => verifier.verify(token),
    clock: options.clock,
    onError: (error, turn) =>
      options.logger.error(
        { error: describeError(error), platform: turn.platform, event: turn.event.kind, flow: turn.state.active?.flow },
        'turn failed',
      ),
  });
  return {
    router,
    commerce,
    close() {
      relay?.close();
      store?.close();
    },
  };
}
