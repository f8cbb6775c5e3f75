import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey, JWTVerifyOptions, KeyLike } from 'jose';
import { fileKeySet, reloadingKeySet, remoteKeySet, staticKeySet } from './key-sets';
import type { KeySetLoader } from './key-sets';
import { createVerifiedTokenCache } from './verified-token-cache';

/** The shopper an access token speaks for. */
export interface VerifiedShopper {
  readonly shopperId: string;
}

export interface VerifyOptions {
  /**
   * Also accepts a token that expired at most this long ago (its signature, issuer and audience
   * still checked). Only for erasing a shopper's data on a platform event that may arrive after
   * their token lapsed; a conversation never passes it.
   */
  readonly acceptExpiredUpToMs?: number;
}

export interface AccessTokenVerifier {
  /** Resolves to the shopper, or `undefined` for any token that is not valid. Never rejects. */
  verify(token: string | undefined, options?: VerifyOptions): Promise<VerifiedShopper | undefined>;
}

export interface AccessTokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The authorization server's JWKS endpoint, fetched when first needed and cached by jose. */
  readonly jwksUrl?: string | URL;
  /** A JWKS file, read once when the verifier is created. */
  readonly jwksFile?: string;
  /** Further trusted key sets: given as is, or loaded on demand (the development key). */
  readonly keySets?: readonly (JSONWebKeySet | KeySetLoader)[];
  /** Allowed clock skew for exp, nbf and iat, in seconds. Default 5. */
  readonly clockToleranceSeconds?: number;
  /** How long to wait for the JWKS endpoint, in milliseconds. Default 3000 (Alexa allows 8 s per answer). */
  readonly jwksTimeoutMs?: number;
  /** "Now", in epoch milliseconds, for expiry and the cache of verified tokens. The real time by default. */
  readonly clock?: () => number;
  /** Verified tokens kept until they expire (see verified-token-cache.ts); 0 verifies every token every time. */
  readonly verifiedTokensKept?: number;
}

export const ALLOWED_ALGORITHMS: readonly string[] = ['RS256', 'ES256'];

/** Real access tokens are a few hundred bytes to a few KB; anything far larger is not worth parsing. */
const MAX_TOKEN_LENGTH = 16_384;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

type Attempt =
  | { readonly kind: 'verified'; readonly payload: JWTPayload }
  /** The signature checked out but a claim did not: no other key source can make it valid. */
  | { readonly kind: 'rejected' }
  | { readonly kind: 'no-match' };

export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  // Local sources first, so a token from one of them never waits on the network.
  const sources: JWTVerifyGetKey[] = [];
  if (options.jwksFile !== undefined) sources.push(fileKeySet(options.jwksFile));
  for (const keySet of options.keySets ?? []) {
    sources.push(typeof keySet === 'function' ? reloadingKeySet(keySet) : staticKeySet(keySet));
  }
  if (options.jwksUrl !== undefined) {
    sources.push(remoteKeySet(options.jwksUrl, options.jwksTimeoutMs ?? 3000));
  }

  const clock = options.clock ?? Date.now;
  const verified = createVerifiedTokenCache<VerifiedShopper>(options.verifiedTokensKept);
  const clockToleranceSeconds = options.clockToleranceSeconds ?? 5;
  const verifyOptions: JWTVerifyOptions = {
    algorithms: [...ALLOWED_ALGORITHMS],
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: clockToleranceSeconds,
    requiredClaims: ['sub', 'exp'],
  };

  /**
   * jose has one tolerance for both `exp` and `nbf`: widened by the allowance, it lets an expired
   * token through; `nbf` is then checked again with the ordinary tolerance, so a token that is
   * not valid yet stays refused.
   */
  function optionsAccepting(expiredUpToMs: number | undefined, now: number): JWTVerifyOptions {
    const at = { ...verifyOptions, currentDate: new Date(now) };
    if (expiredUpToMs === undefined || !Number.isFinite(expiredUpToMs) || expiredUpToMs <= 0) return at;
    return { ...at, clockTolerance: clockToleranceSeconds + Math.ceil(expiredUpToMs / 1000) };
  }

  /**
   * Not valid before `nbf`, and not issued in the future: jose checks `iat` only against a maximum
   * age, and a token from the future comes from a forger or a broken issuer clock either way.
   */
  function validYet(payload: JWTPayload, now: number): boolean {
    const latest = now / 1000 + clockToleranceSeconds;
    return (typeof payload.nbf !== 'number' || payload.nbf <= latest) && (typeof payload.iat !== 'number' || payload.iat <= latest);
  }

  return {
    async verify(token, verify = {}) {
      try {
        const now = clock();
        // Only a turn's own check is answered from, and kept in, the cache: an allowance for expired tokens is not.
        const usesCache = verify.acceptExpiredUpToMs === undefined && typeof token === 'string';
        const known = usesCache ? verified.get(token, now) : undefined;
        if (known) return known;
        if (!looksLikeJws(token)) return undefined;
        const attemptOptions = optionsAccepting(verify.acceptExpiredUpToMs, now);
        for (const source of sources) {
          const attempt = await attemptWith(token, source, attemptOptions);
          if (attempt.kind === 'rejected') return undefined;
          if (attempt.kind !== 'verified') continue;
          const shopper = validYet(attempt.payload, now) ? shopperFrom(attempt.payload) : undefined;
          // requiredClaims makes `exp` a number here; the cache forgets the token when it expires.
          if (shopper && usesCache && typeof attempt.payload.exp === 'number') verified.keep(token, shopper, attempt.payload.exp * 1000, now);
          return shopper;
        }
        return undefined;
      } catch {
        return undefined;
      }
    },
  };
}

function looksLikeJws(token: string | undefined): token is string {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return false;
  if (!COMPACT_JWS.test(token)) return false;
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return false;
  }
  // Checked before any key source is asked, so `alg: none` or HS256 never triggers a JWKS fetch.
  return typeof alg === 'string' && ALLOWED_ALGORITHMS.includes(alg);
}

async function attemptWith(
  token: string,
  source: JWTVerifyGetKey,
  verifyOptions: JWTVerifyOptions,
): Promise<Attempt> {
  try {
    const { payload } = await jwtVerify(token, source, verifyOptions);
    return { kind: 'verified', payload };
  } catch (error) {
    if (isClaimFailure(error)) return { kind: 'rejected' };
    if (error instanceof errors.JWKSMultipleMatchingKeys) return attemptEachCandidate(token, error, verifyOptions);
    return { kind: 'no-match' };
  }
}

/** A key set without `kid`s can offer several keys for one token; jose leaves trying them to the caller. */
async function attemptEachCandidate(
  token: string,
  error: errors.JWKSMultipleMatchingKeys,
  verifyOptions: JWTVerifyOptions,
): Promise<Attempt> {
  const candidates = (error as Partial<AsyncIterable<KeyLike>>)[Symbol.asyncIterator];
  if (!candidates) return { kind: 'no-match' };
  for await (const key of { [Symbol.asyncIterator]: candidates.bind(error) }) {
    try {
      const { payload } = await jwtVerify(token, key, verifyOptions);
      return { kind: 'verified', payload };
    } catch (inner) {
      if (isClaimFailure(inner)) return { kind: 'rejected' };
    }
  }
  return { kind: 'no-match' };
}

function isClaimFailure(error: unknown): boolean {
  return error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired;
}

function shopperFrom(payload: JWTPayload): VerifiedShopper | undefined {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub.trim() === '') return undefined;
  return { shopperId: sub };
}
