import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/** RFC 6750's credential: `Bearer` (any case), one or more spaces, a b64token, nothing else. */
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/** The token of an `Authorization: Bearer <token>` header; `undefined` for any other header or none. */
export function bearerCredential(authorization: string | undefined): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  return BEARER.exec(authorization)?.[1];
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares in constant time; digests first, so neither the length nor a prefix of the secret leaks. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Lets through only requests carrying `Authorization: Bearer <token>`; the rest get 401 and a short body. */
export function requireBearerToken(token: string, realm: string): RequestHandler {
  return (request, response, next) => {
    const given = bearerCredential(request.get('authorization'));
    if (given !== undefined && sameSecret(given, token)) {
      next();
      return;
    }
    response.set('WWW-Authenticate', `Bearer realm="${realm}"`).status(401).json({ error: 'unauthorized' });
  };
}
