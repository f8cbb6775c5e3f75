import type { HandoffOutbox, Handoffs, QueuedHandoff } from '../ports';
import { createOutboxPump } from '../../core/outbox-pump';
import { type CircuitChange, createDeliveryPolicy, type DeliveryPolicySettings, DeliveryFailedError, isDownStatus } from './delivery-policy';
import { handoffPayload } from './payload';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';

export interface WebhookRelayOptions {
  readonly url: string;
  readonly secret: string;
  readonly outbox: HandoffOutbox;
  readonly clock?: () => Date;
  /** Wait before the first retry; doubles with every failed attempt, up to `maxDelayMs`. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A webhook that has not answered by then counts as down for this attempt. */
  readonly timeoutMs?: number;
  /**
   * After this many deliveries in a row meet a helpdesk that is down, none is tried for
   * `halfOpenAfterMs` (the tickets stay queued, untouched); then one is, and the rest follow once it
   * is accepted. `false` turns it off. By default 3 failures and 30 seconds.
   */
  readonly breaker?: DeliveryPolicySettings['breaker'];
  /** Told about each failed attempt (never the payload, which holds personal data). Must not throw. */
  readonly onFailure?: (failure: { reference: string; attempts: number; error: string; retryAt: Date }) => void;
  /** Told when a background pass fails outright (the store, not the webhook). Must not throw. */
  readonly onError?: (error: unknown) => void;
  /** Told when the helpdesk is taken for down (`open`), tried again (`half-open`) and back (`closed`). Must not throw. */
  readonly onCircuit?: (change: CircuitChange) => void;
}

export interface DeliveryPass {
  readonly delivered: number;
  readonly failed: number;
  /** Due tickets this pass left queued without trying them, because the helpdesk is taken for down; absent when none. */
  readonly skipped?: number;
}

export interface WebhookRelay {
  /** Starts delivering what is due, in the background; retries are scheduled by themselves. */
  kick(): void;
  /** One pass over the tickets due now. */
  drain(): Promise<DeliveryPass>;
  /** Resolves once no pass is running (for shutdown and tests). */
  idle(): Promise<void>;
  /** Stops scheduling retries; queued tickets stay queued for the next start. */
  close(): void;
}

const DEFAULTS = {
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  timeoutMs: 5_000,
  breaker: { consecutiveFailures: 3, halfOpenAfterMs: 30_000 },
} as const;
const BATCH = 20;

/** Delay before the next attempt after `attempts` failed ones: base, 2×base, 4×base, … capped. */
export function backoffDelay(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers filed handoff tickets to the store's webhook, signed, from the store's outbox. A ticket
 * leaves the queue only when the webhook answers 2xx; until then it is retried with exponential
 * backoff, across restarts, forever (at the capped interval), so none is ever lost. Each attempt has
 * its deadline; and while the helpdesk is down (several attempts in a row failed), new filings and
 * due retries wait in the queue instead of each trying it, until one attempt shows it is back.
 */
export function createWebhookRelay(options: WebhookRelayOptions): WebhookRelay {
  const { url, secret, outbox } = options;
  const clock = options.clock ?? (() => new Date());
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;

  const policy = createDeliveryPolicy(
    { timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs, breaker: options.breaker ?? DEFAULTS.breaker },
    options.onCircuit,
  );

  /** One POST of the ticket; resolves only when the helpdesk accepted it. */
  async function send(queued: QueuedHandoff, signal: AbortSignal): Promise<void> {
    const { reference } = queued.ticket;
    const body = handoffPayload(queued.ticket);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signatureHeader(body, secret, clock()),
          [DELIVERY_HEADER]: reference,
        },
        body,
        redirect: 'error',
        signal,
      });
    } catch (cause) {
      throw new DeliveryFailedError(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause), true);
    }
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new DeliveryFailedError(`HTTP ${response.status}`, isDownStatus(response.status));
  }

  async function deliver(queued: QueuedHandoff): Promise<'delivered' | 'failed' | 'skipped'> {
    const { reference } = queued.ticket;
    const result = await policy.deliver((signal) => send(queued, signal));
    if (result.kind === 'delivered') {
      await outbox.markDelivered(reference, clock());
      return 'delivered';
    }
    // Nothing was sent: the ticket keeps its attempts and its due time.
    if (result.kind === 'skipped') return 'skipped';
    const attempts = queued.attempts + 1;
    const retryAt = new Date(clock().getTime() + backoffDelay(attempts, baseDelayMs, maxDelayMs));
    await outbox.markFailed(reference, result.error, retryAt);
    options.onFailure?.({ reference, attempts, error: result.error, retryAt });
    return 'failed';
  }

  async function pass(): Promise<DeliveryPass> {
    let delivered = 0;
    let failed = 0;
    let skipped = 0;
    // Each ticket is tried at most once per pass; its retry belongs to a later one.
    const attempted = new Set<string>();
    for (;;) {
      const due = (await outbox.due(clock(), BATCH + attempted.size)).filter((queued) => !attempted.has(queued.ticket.reference));
      if (due.length === 0) break;
      for (const queued of due) {
        attempted.add(queued.ticket.reference);
        const outcome = await deliver(queued);
        if (outcome === 'delivered') delivered += 1;
        else if (outcome === 'failed') failed += 1;
        else skipped += 1;
      }
      // The helpdesk is taken for down: the rest of the queue waits for the pass after the breaker's delay.
      if (skipped > 0) break;
    }
    return skipped > 0 ? { delivered, failed, skipped } : { delivered, failed };
  }

  async function nextPassInMs(): Promise<number | undefined> {
    const next = await outbox.nextDue();
    if (next === undefined) return undefined;
    const untilDue = next.getTime() - clock().getTime();
    // Tickets skipped while the helpdesk is down are still due; the next try is when the breaker lets one through.
    const blockedUntil = policy.blockedUntil();
    const untilAllowed = blockedUntil === undefined ? 0 : blockedUntil - Date.now();
    return Math.max(untilDue, untilAllowed);
  }

  return createOutboxPump({ pass, nextPassInMs, ...(options.onError ? { onError: options.onError } : {}) });
}

/** Handoffs that start their delivery to the webhook as soon as they are filed (and queued). */
export function relayedHandoffs(handoffs: Handoffs, relay: WebhookRelay): Handoffs {
  return {
    async file(request) {
      const ticket = await handoffs.file(request);
      relay.kick();
      return ticket;
    },
  };
}
