import express, { type RequestHandler } from 'express';
import { SIGNATURE_HEADER, verifySignature } from '../commerce/handoff-webhook/signature';
import type { NotificationSubscriptions, OrderNotifications } from '../commerce/ports';
import { describeError, type Logger } from '../logging';
import { changeKeyOf, readOrderStatusChange } from './order-status-change';

export const ORDER_STATUS_WEBHOOK_PATH = '/events/order-status';
/** A status change is a few hundred bytes. */
const BODY_LIMIT = '16kb';

export interface OrderStatusWebhookOptions {
  /** The HMAC-SHA256 key the store signs with (ORDER_EVENTS_SECRET). */
  readonly secret: string;
  readonly outbox: OrderNotifications;
  readonly subscriptions: NotificationSubscriptions;
  readonly clock?: () => Date;
  /** Told when something was queued, to send it now. */
  readonly queued: () => void;
  readonly logger: Logger;
}

/**
 * `POST /events/order-status`: the store says an order moved, signed like the handoff webhook
 * (`x-shopvoice-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, within five
 * minutes). The change is queued once per subscribed recipient, never twice for the same change:
 * - 202 `{ "queued": n }`: queued for n recipients (sent in the background);
 * - 200 `{ "queued": 0, "reason": "already-queued" | "not-subscribed" }`: nothing new to send;
 * - 400 (not a status change, the fields named), 401 (signature), 503 (try again later).
 */
export function createOrderStatusWebhook(options: OrderStatusWebhookOptions): RequestHandler[] {
  const clock = options.clock ?? (() => new Date());
  return [
    // The signature covers the exact bytes, so the body is read as text.
    express.text({ type: () => true, limit: BODY_LIMIT }),
    async (request, response) => {
      const body = typeof request.body === 'string' ? request.body : '';
      if (!verifySignature(body, request.get(SIGNATURE_HEADER), options.secret, clock())) {
        response.status(401).json({ error: 'signature could not be verified' });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        response.status(400).json({ error: 'body is not valid JSON' });
        return;
      }
      const read = readOrderStatusChange(json);
      if (!read.ok) {
        response.status(400).json({ error: 'not an order status change', problems: read.problems });
        return;
      }
      const { change } = read;
      try {
        const recipients = await options.subscriptions.subscribed(change.shopperId);
        if (recipients.length === 0) {
          response.status(200).json({ queued: 0, reason: 'not-subscribed' });
          return;
        }
        const queued = await options.outbox.enqueue(changeKeyOf(change), change, recipients, clock());
        if (queued === 0) {
          response.status(200).json({ queued: 0, reason: 'already-queued' });
          return;
        }
        options.queued();
        response.status(202).json({ queued });
      } catch (error) {
        options.logger.error({ error: describeError(error) }, 'order status change not queued');
        response.status(503).json({ error: 'not queued; try again later' });
      }
    },
  ];
}
