import { createHmac } from 'node:crypto';

/**
 * How a shopper appears in turn events: HMAC-SHA256 of their id under the store's
 * SHOPPER_HASH_SECRET, as lowercase hex. The same shopper always gives the same hash, so their
 * events can be counted and forgotten; without the secret it cannot be turned back into an id.
 */
export function shopperHash(secret: string, shopperId: string): string {
  return createHmac('sha256', secret).update(shopperId, 'utf8').digest('hex');
}
