import type { HandoffOutbox, Handoffs, QueuedHandoff } from '../ports';
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
  /** Told about each failed attempt (never the payload, which holds personal data). Must not throw. */
  readonly onFailure?: (failure: { reference: string; attempts: number; error: string; retryAt: Date }) => void;
  /** Told when a background pass fails outright (the store, not the webhook). Must not throw. */
  readonly onError?: (error: unknown) => void;
}

export interface DeliveryPass {
  readonly delivered: number;
  readonly failed: number;
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

const DEFAULTS = { baseDelayMs: 5_000, maxDelayMs: 15 * 60_000, timeoutMs: 5_000 };
const BATCH = 20;

/** Delay before the next attempt after `attempts` failed ones: base, 2×base, 4×base, … capped. */
export function backoffDelay(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers filed handoff tickets to the store's webhook, signed, from the store's outbox. A ticket
 * leaves the queue only when the webhook answers 2xx; until then it is retried with exponential
 * backoff, across restarts, forever (at the capped interval), so none is ever lost.
 */
export function createWebhookRelay(options: WebhookRelayOptions): WebhookRelay {
  const { url, secret, outbox } = options;
  const clock = options.clock ?? (() => new Date());
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  let running: Promise<DeliveryPass> | undefined;
  let kickedWhileRunning = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  async function deliver(queued: QueuedHandoff): Promise<boolean> {
    const { reference } = queued.ticket;
    const body = handoffPayload(queued.ticket);
    let error: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signatureHeader(body, secret, clock()),
          [DELIVERY_HEADER]: reference,
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        await outbox.markDelivered(reference, clock());
        return true;
      }
      error = `HTTP ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    }
    const attempts = queued.attempts + 1;
    const retryAt = new Date(clock().getTime() + backoffDelay(attempts, baseDelayMs, maxDelayMs));
    await outbox.markFailed(reference, error, retryAt);
    options.onFailure?.({ reference, attempts, error, retryAt });
    return false;
  }

  async function pass(): Promise<DeliveryPass> {
    let delivered = 0;
    let failed = 0;
    // Each ticket is tried at most once per pass; its retry belongs to a later one.
    const attempted = new Set<string>();
    for (;;) {
      const due = (await outbox.due(clock(), BATCH + attempted.size)).filter((queued) => !attempted.has(queued.ticket.reference));
      if (due.length === 0) break;
      for (const queued of due) {
        attempted.add(queued.ticket.reference);
        if (await deliver(queued)) delivered += 1;
        else failed += 1;
      }
    }
    return { delivered, failed };
  }

  async function scheduleNext(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = await outbox.nextDue();
    if (closed || next === undefined) return;
    timer = setTimeout(() => relay.kick(), Math.max(0, next.getTime() - clock().getTime()));
    // A pending retry never keeps the process alive by itself.
    timer.unref();
  }

  const relay: WebhookRelay = {
    kick() {
      if (closed) return;
      if (running) {
        kickedWhileRunning = true;
        return;
      }
      relay.drain().catch((error: unknown) => options.onError?.(error));
    },
    drain() {
      if (running) return running;
      running = (async () => {
        try {
          const result = await pass();
          await scheduleNext();
          return result;
        } finally {
          running = undefined;
          if (kickedWhileRunning) {
            kickedWhileRunning = false;
            relay.kick();
          }
        }
      })();
      return running;
    },
    async idle() {
      while (running) await running.catch(() => undefined);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
  return relay;
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
