import type { Config } from '../../config';
import { describeError, type Logger } from '../../logging';
import type { HandoffOutbox } from '../ports';
import { createWebhookRelay, type WebhookRelay } from './webhook-relay';

/** The relay for the configured helpdesk webhook, logging what goes wrong; undefined when no webhook is configured. */
export function configuredWebhookRelay(config: Config, outbox: HandoffOutbox, logger: Logger): WebhookRelay | undefined {
  if (!config.handoffWebhook) return undefined;
  return createWebhookRelay({
    ...config.handoffWebhook,
    outbox,
    onFailure: ({ reference, attempts, error, retryAt }) =>
      logger.warn({ reference, attempts, error, retryAt: retryAt.toISOString() }, 'handoff webhook delivery failed; the ticket stays queued'),
    onError: (error) => logger.error({ error: describeError(error) }, 'handoff webhook pass failed'),
    onCircuit: (change) =>
      change === 'open'
        ? logger.warn({ circuit: change }, 'handoff webhook keeps failing; deliveries pause and tickets stay queued')
        : logger.info({ circuit: change }, change === 'closed' ? 'handoff webhook answers again' : 'handoff webhook: trying one delivery'),
  });
}
