import { decodeJwt } from 'jose';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import type { Config } from '../../lambda/config';

/** A token this close to expiry is replaced, so none runs out during a conversation. */
const RENEW_WITHIN_SECONDS = 10 * 60;

/** Access tokens for demo shoppers, signed with the development key like `npm run token`. */
export function demoTokens(config: Config): (shopperId: string) => Promise<string> {
  const issued = new Map<string, { token: string; expires: number }>();
  return async (shopperId) => {
    const now = Math.floor(Date.now() / 1000);
    const cached = issued.get(shopperId);
    if (cached && cached.expires - now > RENEW_WITHIN_SECONDS) return cached.token;
    const token = await signDevAccessToken({
      dataDir: config.dataDir,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      shopperId,
      expiresIn: '1h',
    });
    issued.set(shopperId, { token, expires: decodeJwt(token).exp ?? now });
    return token;
  };
}
