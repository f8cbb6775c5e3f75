import { decodeJwt } from 'jose';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import type { Config } from '../../lambda/config';

/** A token this close to expiry is replaced, so none runs out during a conversation. */
const RENEW_WITHIN_SECONDS = 10 * 60;

/**
 * Access tokens for the shoppers the local tools speak as: the token the store's authorization
 * server issued, where one was given (`--token`), else one signed with the development key like
 * `npm run token`, for any shopper id (the tools check first that the store knows it).
 */
export function demoTokens(config: Config, issuedByStore: ReadonlyMap<string, string> = new Map()): (shopperId: string) => Promise<string> {
  const issued = new Map<string, { token: string; expires: number }>();
  return async (shopperId) => {
    const fromStore = issuedByStore.get(shopperId);
    if (fromStore !== undefined) return fromStore;
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
