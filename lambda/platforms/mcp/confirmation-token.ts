import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A destructive MCP tool acts only on its second call. The first call answers what would happen
 * and a confirmation: the exact details, the shopper and an expiry, signed with HMAC-SHA256 under
 * the server's secret. The model hands it back unchanged to act; nothing in it can be altered or
 * moved to another shopper without the signature failing.
 */

/** Long enough for a shopper to hear the details and say yes; short enough that prices and stock barely move. */
export const CONFIRMATION_LIFETIME_MS = 5 * 60_000;

/** Names what the MAC is for, so no other HMAC under the same secret (session state) can stand in for it. */
const PURPOSE = 'shopvoice-mcp-confirmation/1';
const MAC_BYTES = 32;
const MAX_TOKEN_LENGTH = 4_096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type ConfirmedAction = 'return' | 'reorder';

export interface ConfirmationClaims<Details> {
  readonly action: ConfirmedAction;
  readonly shopperId: string;
  /** Random per prepared action: names the write, so a retried confirm performs it once. */
  readonly nonce: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
  readonly details: Details;
}

export type ConfirmationCheck<Details> =
  | { readonly kind: 'valid'; readonly claims: ConfirmationClaims<Details> }
  /** Not a confirmation this server signed (altered, made up, or signed under another secret). */
  | { readonly kind: 'forged' }
  | { readonly kind: 'expired' }
  /** Signed for another shopper, or for another action. */
  | { readonly kind: 'foreign' };

export interface ConfirmationSigner {
  sign<Details>(action: ConfirmedAction, shopperId: string, details: Details, now: Date): string;
  open<Details>(token: string, action: ConfirmedAction, shopperId: string, now: Date): ConfirmationCheck<Details>;
}

export function createConfirmationSigner(secret: string): ConfirmationSigner {
  const macOf = (payload: string) => createHmac('sha256', secret).update(`${PURPOSE}\n${payload}`, 'utf8').digest();

  return {
    sign(action, shopperId, details, now) {
      const claims: ConfirmationClaims<typeof details> = {
        action,
        shopperId,
        nonce: randomBytes(16).toString('base64url'),
        expiresAt: now.getTime() + CONFIRMATION_LIFETIME_MS,
        details,
      };
      const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
      return `${payload}.${macOf(payload).toString('base64url')}`;
    },

    open<Details>(token: string, action: ConfirmedAction, shopperId: string, now: Date): ConfirmationCheck<Details> {
      if (token.length > MAX_TOKEN_LENGTH) return { kind: 'forged' };
      const [payload, mac, ...rest] = token.split('.');
      if (!payload || !mac || rest.length > 0 || !BASE64URL.test(payload) || !BASE64URL.test(mac)) return { kind: 'forged' };
      const given = Buffer.from(mac, 'base64url');
      if (given.length !== MAC_BYTES || !timingSafeEqual(given, macOf(payload))) return { kind: 'forged' };
      // Signed by this server, so the shape is the one `sign` wrote.
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ConfirmationClaims<Details>;
      if (claims.action !== action || claims.shopperId !== shopperId) return { kind: 'foreign' };
      if (claims.expiresAt <= now.getTime()) return { kind: 'expired' };
      return { kind: 'valid', claims };
    },
  };
}
