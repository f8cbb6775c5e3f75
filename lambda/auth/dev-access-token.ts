import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { loadOrCreateDevKey } from './dev-key';

export interface DevAccessTokenRequest {
  readonly dataDir: string;
  readonly issuer: string;
  readonly audience: string;
  readonly shopperId: string;
  /**
   * How long the token lives: a time span such as "30m", "2h", "7d" ("-5m" makes one that has
   * already expired), or a number of seconds. Default "1h".
   */
  readonly expiresIn?: string | number;
}

/** Signs an access token for a shopper with the development key (created on first use). */
export async function signDevAccessToken(request: DevAccessTokenRequest): Promise<string> {
  if (request.shopperId.trim() === '') throw new Error('auth: a dev access token needs a shopper id');
  const key = await loadOrCreateDevKey(request.dataDir);
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = request.expiresIn ?? '1h';
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setSubject(request.shopperId)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt(now)
    .setJti(randomUUID());
  if (typeof expiresIn === 'number') {
    if (!Number.isFinite(expiresIn)) throw new Error(`auth: invalid token lifetime ${expiresIn}`);
    // setExpirationTime(number) means an absolute time; the number given here is a duration.
    jwt.setExpirationTime(now + Math.round(expiresIn));
  } else {
    try {
      jwt.setExpirationTime(expiresIn);
    } catch {
      throw new Error(`auth: invalid token lifetime "${expiresIn}"; use a span such as 30m, 2h or 7d`);
    }
  }
  return jwt.sign(key.privateKey);
}
