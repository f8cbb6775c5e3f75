import * as jose from 'jose';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import { createVerifiedTokenCache } from '../../lambda/auth/verified-token-cache';
import { TEST_NOW } from '../support/test-app';
import { AUDIENCE, ISSUER, makeKey, signToken, type TestKey } from './token-fixtures';

// Every signature check goes through jose's jwtVerify: counting its calls shows which tokens were checked again.
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const signatureChecks = jose.jwtVerify as unknown as jest.Mock;

const T0 = TEST_NOW.getTime();
const seconds = (ms: number) => Math.floor(ms / 1000);

let key: TestKey;
let now: number;
let verifier: AccessTokenVerifier;

beforeAll(async () => {
  key = await makeKey('ES256', 'cache-key');
});

beforeEach(() => {
  now = T0;
  verifier = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keySets: [key.jwks], clock: () => now });
  signatureChecks.mockClear();
});

/** A token issued at T0 that expires ten minutes later. */
const tokenFor = (sub: string) => signToken(key, { sub, iat: seconds(T0), exp: seconds(T0) + 600 });

describe('verified access tokens', () => {
  it('are checked once and then answered from the cache while they last', async () => {
    const token = await tokenFor('shopper-ava');
    expect(await verifier.verify(token)).toEqual({ shopperId: 'shopper-ava' });
    now = T0 + 9 * 60_000;
    expect(await verifier.verify(token)).toEqual({ shopperId: 'shopper-ava' });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('are checked again once expired, and then refused', async () => {
    const token = await tokenFor('shopper-ava');
    expect(await verifier.verify(token)).toEqual({ shopperId: 'shopper-ava' });
    now = T0 + 11 * 60_000;
    expect(await verifier.verify(token)).toBeUndefined();
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('never answer a different token: another shopper’s is checked on its own, a forged signature is refused', async () => {
    const ava = await tokenFor('shopper-ava');
    expect(await verifier.verify(ava)).toEqual({ shopperId: 'shopper-ava' });
    expect(await verifier.verify(await tokenFor('shopper-ben'))).toEqual({ shopperId: 'shopper-ben' });

    const [header, payload, signature] = ava.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -4)}${signature!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await verifier.verify(forged)).toBeUndefined();
    expect(signatureChecks).toHaveBeenCalledTimes(3);
  });

  it('are not kept when accepted only under the allowance for expired tokens', async () => {
    now = T0 + 60 * 60_000;
    const expired = await tokenFor('shopper-ava');
    expect(await verifier.verify(expired, { acceptExpiredUpToMs: 86_400_000 })).toEqual({ shopperId: 'shopper-ava' });
    expect(await verifier.verify(expired)).toBeUndefined();
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('are checked every time when the cache is switched off', async () => {
    const uncached = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keySets: [key.jwks], clock: () => now, verifiedTokensKept: 0 });
    const token = await tokenFor('shopper-ava');
    await uncached.verify(token);
    await uncached.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });
});

describe('the cache of verified tokens', () => {
  it('keeps at most its capacity, pushing out the token used least recently', () => {
    const cache = createVerifiedTokenCache<string>(2);
    cache.keep('a', 'A', T0 + 1000, T0);
    cache.keep('b', 'B', T0 + 1000, T0);
    expect(cache.get('a', T0)).toBe('A');
    cache.keep('c', 'C', T0 + 1000, T0);
    expect([cache.get('a', T0), cache.get('b', T0), cache.get('c', T0)]).toEqual(['A', undefined, 'C']);
  });

  it('never keeps a token that has already expired, and forgets one at its expiry', () => {
    const cache = createVerifiedTokenCache<string>();
    cache.keep('stale', 'S', T0, T0);
    cache.keep('fresh', 'F', T0 + 1000, T0);
    expect(cache.get('stale', T0 - 1)).toBeUndefined();
    expect(cache.get('fresh', T0 + 999)).toBe('F');
    expect(cache.get('fresh', T0 + 1000)).toBeUndefined();
  });
});
