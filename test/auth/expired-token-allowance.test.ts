import { createAccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import type { AccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import { AUDIENCE, makeKey, nowSeconds, signToken } from './token-fixtures';
import type { TestKey } from './token-fixtures';

/** The allowance used when a shopper disables the skill after their token lapsed. */

const HOUR_MS = 3_600_000;
const allowance = { acceptExpiredUpToMs: 24 * HOUR_MS };

let key: TestKey;
let stranger: TestKey;
let verifier: AccessTokenVerifier;

beforeAll(async () => {
  key = await makeKey('RS256', 'rsa-1');
  // Same kid, different key: a forged signature.
  stranger = await makeKey('RS256', 'rsa-1');
  verifier = createAccessTokenVerifier({ issuer: 'https://auth.test.example/', audience: AUDIENCE, keySets: [key.jwks] });
});

describe('verify with an allowance for expired tokens', () => {
  it('accepts a genuine token that expired within the allowance, and still refuses it without one', async () => {
    const token = await signToken(key, { sub: 'shopper-7', iat: nowSeconds() - 3 * 3600, exp: nowSeconds() - 2 * 3600 });
    await expect(verifier.verify(token, allowance)).resolves.toEqual({ shopperId: 'shopper-7' });
    await expect(verifier.verify(token)).resolves.toBeUndefined();
    await expect(verifier.verify(token, { acceptExpiredUpToMs: HOUR_MS })).resolves.toBeUndefined();
  });

  it('accepts a token that has not expired', async () => {
    await expect(verifier.verify(await signToken(key), allowance)).resolves.toEqual({ shopperId: 'shopper-1' });
  });

  it('refuses a token that expired longer ago than the allowance', async () => {
    const token = await signToken(key, { iat: nowSeconds() - 26 * 3600, exp: nowSeconds() - 25 * 3600 });
    await expect(verifier.verify(token, allowance)).resolves.toBeUndefined();
  });

  it('refuses a bad signature, a wrong issuer or audience, and a token not valid yet', async () => {
    const expired = { exp: nowSeconds() - 600 };
    await expect(verifier.verify(await signToken(stranger, expired), allowance)).resolves.toBeUndefined();
    await expect(verifier.verify(await signToken(key, { ...expired, iss: 'https://evil.example/' }), allowance)).resolves.toBeUndefined();
    await expect(verifier.verify(await signToken(key, { ...expired, aud: 'another-api' }), allowance)).resolves.toBeUndefined();
    await expect(verifier.verify(await signToken(key, { nbf: nowSeconds() + 600 }), allowance)).resolves.toBeUndefined();
    const [header, payload] = (await signToken(key, expired)).split('.');
    await expect(verifier.verify(`${header}.${payload}.${'A'.repeat(342)}`, allowance)).resolves.toBeUndefined();
  });

  it('treats a zero, negative or non-finite allowance as none', async () => {
    const token = await signToken(key, { exp: nowSeconds() - 600 });
    for (const acceptExpiredUpToMs of [0, -HOUR_MS, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(verifier.verify(token, { acceptExpiredUpToMs })).resolves.toBeUndefined();
    }
  });
});
