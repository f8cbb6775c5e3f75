import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * What Alexa's token endpoint calls exchange: one-time authorization codes, and refresh tokens.
 *
 * Codes live in this process's memory: a code is used seconds after it is issued, by the same
 * Alexa that was redirected with it, and single use needs one place that remembers it was used.
 * (Behind a load balancer, send /link/medusa/* to one instance.)
 *
 * A refresh token is the Medusa token sealed (AES-256-GCM under a key derived from the server's
 * secret) with the client it was issued to: Medusa 2 refreshes a token with the token itself, so
 * the refresh token has to carry it, unreadable to whoever holds it.
 */

/** RFC 6749 §4.1.2 asks for a short life; Alexa redeems a code within seconds. */
export const LINK_CODE_LIFETIME_MS = 2 * 60_000;
const MAX_CODES = 10_000;
const SEAL_PURPOSE = 'shopvoice-medusa-link-refresh/1';
const MAX_REFRESH_TOKEN_LENGTH = 8_192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface CodeGrant {
  readonly medusaToken: string;
  readonly clientId: string;
  readonly redirectUri: string;
}

export interface LinkCodes {
  issue(grant: CodeGrant, now: Date): string;
  /** The grant once: whatever the outcome, the code is gone afterwards. */
  redeem(code: unknown, now: Date): CodeGrant | undefined;
}

export function createLinkCodes(): LinkCodes {
  // By the code's hash, so a memory dump or a timing probe does not hand out live codes.
  const codes = new Map<string, CodeGrant & { readonly expiresAt: number }>();
  const keyOf = (code: string) => createHash('sha256').update(code).digest('base64url');
  return {
    issue(grant, now) {
      for (const [key, held] of codes) if (held.expiresAt <= now.getTime()) codes.delete(key);
      if (codes.size >= MAX_CODES) codes.delete(codes.keys().next().value!);
      const code = randomBytes(32).toString('base64url');
      codes.set(keyOf(code), { ...grant, expiresAt: now.getTime() + LINK_CODE_LIFETIME_MS });
      return code;
    },
    redeem(code, now) {
      if (typeof code !== 'string' || code.length > 100 || !BASE64URL.test(code)) return undefined;
      const key = keyOf(code);
      const held = codes.get(key);
      codes.delete(key);
      if (!held || held.expiresAt <= now.getTime()) return undefined;
      return { medusaToken: held.medusaToken, clientId: held.clientId, redirectUri: held.redirectUri };
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
  const key = createHash('sha256').update(`${SEAL_PURPOSE}\n${secret}`, 'utf8').digest();
  return {
    seal(grant) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify({ t: grant.medusaToken, c: grant.clientId }), 'utf8'), cipher.final()]);
      return [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
    },
    open(refreshToken) {
      if (typeof refreshToken !== 'string' || refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) return undefined;
      const parts = refreshToken.split('.');
      if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
      const [iv, sealed, tag] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
      if (iv.length !== 12 || tag.length !== 16) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        const opened = JSON.parse(Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8')) as { t?: unknown; c?: unknown };
        return typeof opened.t === 'string' && typeof opened.c === 'string' ? { medusaToken: opened.t, clientId: opened.c } : undefined;
      } catch {
        return undefined;
      }
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
