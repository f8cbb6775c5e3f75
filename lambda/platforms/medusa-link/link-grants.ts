import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AccountLinkState } from '../../commerce/ports';

/**
 * What Alexa's token endpoint calls exchange: one-time authorization codes, and refresh tokens.
 *
 * Codes are kept in the skill's state store (the embedded file or DynamoDB), so whichever server
 * instance Alexa's token request reaches finds the code another issued, and single use holds
 * across them: the store hands a code's grant out once. The store keeps the code's hash and its
 * grant sealed, never the Medusa token in the clear.
 *
 * A refresh token is the Medusa token sealed with the client it was issued to: Medusa 2 refreshes a
 * token with the token itself, so the refresh token has to carry it, unreadable to whoever holds it.
 * Both seals are AES-256-GCM under keys derived from the server's secret, one per purpose.
 */

/** RFC 6749 §4.1.2 asks for a short life; Alexa redeems a code within seconds. */
export const LINK_CODE_LIFETIME_MS = 2 * 60_000;
const CODE_SEAL_PURPOSE = 'shopvoice-medusa-link-code/1';
const REFRESH_SEAL_PURPOSE = 'shopvoice-medusa-link-refresh/1';
const MAX_SEALED_LENGTH = 8_192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Seals JSON under a key for one purpose; `open` answers undefined for anything it did not seal. */
interface Seal {
  seal(value: object): string;
  open(sealed: unknown): Record<string, unknown> | undefined;
}

function createSeal(secret: string, purpose: string): Seal {
  const key = createHash('sha256').update(`${purpose}\n${secret}`, 'utf8').digest();
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
    },
    open(sealed) {
      if (typeof sealed !== 'string' || sealed.length > MAX_SEALED_LENGTH) return undefined;
      const parts = sealed.split('.');
      if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
      const [iv, body, tag] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
      if (iv.length !== 12 || tag.length !== 16) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        const opened: unknown = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'));
        return typeof opened === 'object' && opened !== null ? (opened as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export interface CodeGrant {
  readonly medusaToken: string;
  readonly clientId: string;
  readonly redirectUri: string;
}

export interface LinkCodes {
  issue(grant: CodeGrant, now: Date): Promise<string>;
  /** The grant once: whatever the outcome, the code is gone afterwards. */
  redeem(code: unknown, now: Date): Promise<CodeGrant | undefined>;
}

export function createLinkCodes(state: AccountLinkState, secret: string): LinkCodes {
  const grants = createSeal(secret, CODE_SEAL_PURPOSE);
  // By the code's hash, so the store (or a copy of it) does not hand out live codes.
  const hashOf = (code: string) => createHash('sha256').update(code).digest('base64url');
  return {
    async issue(grant, now) {
      const code = randomBytes(32).toString('base64url');
      const sealed = grants.seal({ t: grant.medusaToken, c: grant.clientId, r: grant.redirectUri });
      await state.keepCode(hashOf(code), sealed, new Date(now.getTime() + LINK_CODE_LIFETIME_MS));
      return code;
    },
    async redeem(code, now) {
      if (typeof code !== 'string' || code.length > 100 || !BASE64URL.test(code)) return undefined;
      const opened = grants.open(await state.takeCode(hashOf(code), now));
      if (typeof opened?.['t'] !== 'string' || typeof opened['c'] !== 'string' || typeof opened['r'] !== 'string') return undefined;
      return { medusaToken: opened['t'], clientId: opened['c'], redirectUri: opened['r'] };
    },
  };
}

export interface RefreshGrant {
  readonly medusaToken: string;
  readonly clientId: string;
}

export interface RefreshTokenSeal {
  seal(grant: RefreshGrant): string;
  /** Undefined for anything this server did not seal, or sealed under another secret. */
  open(refreshToken: unknown): RefreshGrant | undefined;
}

export function createRefreshTokenSeal(secret: string): RefreshTokenSeal {
  const tokens = createSeal(secret, REFRESH_SEAL_PURPOSE);
  return {
    seal: (grant) => tokens.seal({ t: grant.medusaToken, c: grant.clientId }),
    open(refreshToken) {
      const opened = tokens.open(refreshToken);
      return typeof opened?.['t'] === 'string' && typeof opened['c'] === 'string' ? { medusaToken: opened['t'], clientId: opened['c'] } : undefined;
    },
  };
}

/**
 * Seconds a freshly issued Medusa token lives (its `exp` minus its `iat`, so no clock but Medusa's
 * own matters), less a margin so that Alexa refreshes while Medusa still accepts the token: Medusa
 * refreshes only a token that is still valid. Read, not verified: Medusa verifies it on every use.
 */
export function lifetimeSecondsOf(medusaToken: string): number | undefined {
  const payload = medusaToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown; iat?: unknown };
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp <= claims.iat) return undefined;
    const lifetime = claims.exp - claims.iat;
    return Math.max(1, lifetime - Math.min(300, Math.floor(lifetime / 10)));
  } catch {
    return undefined;
  }
}
