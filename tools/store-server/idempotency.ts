import type { Request, Response } from 'express';
import { IDEMPOTENCY_KEY_HEADER } from '../../lambda/commerce/http/store-api-operations';
import { sendProblem } from './problems';

const MAX_KEY_LENGTH = 255;

/** The request's Idempotency-Key, or undefined after answering 400 when it is missing or unusable. */
export function idempotencyKeyOf(request: Request, response: Response): string | undefined {
  const key = request.get(IDEMPOTENCY_KEY_HEADER)?.trim();
  if (!key || key.length > MAX_KEY_LENGTH) {
    sendProblem(response, 400, 'bad-request', `${IDEMPOTENCY_KEY_HEADER} header: required, 1 to ${MAX_KEY_LENGTH} characters`);
    return undefined;
  }
  return key;
}

/**
 * The store behind the server already answers a repeated key with the first outcome; this keeps
 * two requests with the same key from running at once: the second is told 409 and retries later.
 */
export function createInFlightKeys() {
  const running = new Set<string>();
  return {
    async once<T>(scope: string, key: string, response: Response, work: () => Promise<T>): Promise<T | undefined> {
      const slot = `${scope}\u0000${key}`;
      if (running.has(slot)) {
        response.set('Retry-After', '1');
        sendProblem(response, 409, 'in-progress');
        return undefined;
      }
      running.add(slot);
      try {
        return await work();
      } finally {
        running.delete(slot);
      }
    },
  };
}
