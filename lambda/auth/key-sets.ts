import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors } from 'jose';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';

/** Loads a key set when asked; `undefined` means "not there (yet)". */
export type KeySetLoader = () => Promise<JSONWebKeySet | undefined>;

/** The authorization server's JWKS endpoint. jose caches the keys and refetches on an unknown `kid`. */
export function remoteKeySet(url: string | URL, timeoutMs: number): JWTVerifyGetKey {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`auth: the JWKS URL "${String(url)}" is not a valid URL`);
  }
  return createRemoteJWKSet(parsed, { timeoutDuration: timeoutMs });
}

/**
 * A JWKS file, read once. A missing or malformed file is a configuration mistake, so it fails
 * here, at start-up, rather than silently rejecting every shopper later.
 */
export function fileKeySet(file: string): JWTVerifyGetKey {
  let jwks: unknown;
  try {
    jwks = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`auth: cannot read the JWKS file ${file}: ${(error as Error).message}`);
  }
  try {
    return createLocalJWKSet(jwks as JSONWebKeySet);
  } catch {
    throw new Error(`auth: the JWKS file ${file} is not a JSON Web Key Set ({"keys": [...]})`);
  }
}

export function staticKeySet(jwks: JSONWebKeySet): JWTVerifyGetKey {
  return createLocalJWKSet(jwks);
}

/**
 * A key set that is loaded when first needed and loaded again when a token names a key it does
 * not hold, so a key created after start-up (the dev key made by `npm run token`) is picked up.
 */
export function reloadingKeySet(load: KeySetLoader): JWTVerifyGetKey {
  let current: JWTVerifyGetKey | undefined;
  return async (header, token) => {
    if (current) {
      try {
        return await current(header, token);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      }
    }
    const jwks = await load();
    if (!jwks) throw new errors.JWKSNoMatchingKey();
    current = createLocalJWKSet(jwks);
    return current(header, token);
  };
}
