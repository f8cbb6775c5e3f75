import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The sign-in form carries what Alexa asked for (client, redirect URL, state) signed with
 * HMAC-SHA256 under the server's secret and an expiry, so the POST acts only on a request this
 * server answered a moment ago: nobody can post the form to send a code to another URL, or keep an
 * old page to sign in with later.
 */

/** Time to type an email and a password, and no more. */
export const LINK_REQUEST_LIFETIME_MS = 10 * 60_000;

/** Names what the MAC is for, so no other HMAC under the same secret can stand in for it. */
const PURPOSE = 'shopvoice-medusa-link-request/1';
const MAX_TOKEN_LENGTH = 8_192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface LinkRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
}

export type LinkRequestCheck = { readonly kind: 'valid'; readonly request: LinkRequest } | { readonly kind: 'forged' } | { readonly kind: 'expired' };

export interface LinkRequestSigner {
  sign(request: LinkRequest, now: Date): string;
  open(token: unknown, now: Date): LinkRequestCheck;
}

export function createLinkRequestSigner(secret: string): LinkRequestSigner {
  const macOf = (payload: string) => createHmac('sha256', secret).update(`${PURPOSE}\n${payload}`, 'utf8').digest();
  return {
    sign(request, now) {
      const claims = { clientId: request.clientId, redirectUri: request.redirectUri, state: request.state, expiresAt: now.getTime() + LINK_REQUEST_LIFETIME_MS };
      const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
      return `${payload}.${macOf(payload).toString('base64url')}`;
    },
    open(token, now) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { kind: 'forged' };
      const [payload, mac, extra] = token.split('.');
      if (!payload || !mac || extra !== undefined || !BASE64URL.test(payload) || !BASE64URL.test(mac)) return { kind: 'forged' };
      const given = Buffer.from(mac, 'base64url');
      const expected = macOf(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'forged' };
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkRequest & { readonly expiresAt: number };
      if (!(claims.expiresAt > now.getTime())) return { kind: 'expired' };
      return { kind: 'valid', request: { clientId: claims.clientId, redirectUri: claims.redirectUri, state: claims.state } };
    },
  };
}
