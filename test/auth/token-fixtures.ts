import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JSONWebKeySet, JWTPayload, KeyLike } from 'jose';

export const ISSUER = 'https://auth.test.example/';
export const AUDIENCE = 'shopvoice-test';

export interface TestKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: KeyLike;
  readonly jwks: JSONWebKeySet;
}

export async function makeKey(alg: 'RS256' | 'ES256', kid: string, withKid = true): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  const jwk = await exportJWK(publicKey);
  return {
    kid,
    alg,
    privateKey,
    jwks: { keys: [withKid ? { ...jwk, kid, alg, use: 'sig' } : { ...jwk, alg, use: 'sig' }] },
  };
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Signs claims with sensible valid defaults; pass `undefined` for a claim to leave it out. */
export async function signToken(
  key: TestKey,
  claims: Partial<Record<'sub' | 'iss' | 'aud' | 'exp' | 'nbf' | 'iat', JWTPayload[string]>> = {},
  header: { kid?: string | undefined } = { kid: key.kid },
): Promise<string> {
  const defaults: JWTPayload = {
    sub: 'shopper-1',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
  };
  const payload: JWTPayload = { ...defaults };
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  const protectedHeader = header.kid === undefined ? { alg: key.alg } : { alg: key.alg, kid: header.kid };
  return new SignJWT(payload).setProtectedHeader(protectedHeader).sign(key.privateKey);
}

export function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
