import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import type { AccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import { answered, PLATFORMS } from '../support/conversation';
import { createTestApp, type TestApp } from '../support/test-app';
import { AUDIENCE, ISSUER, makeKey, nowSeconds, signToken } from './token-fixtures';
import type { TestKey } from './token-fixtures';

/**
 * A token issued in the future (beyond the verifier's clock tolerance of 5 s) is refused: it was
 * minted by a forger, or by an issuer whose clock is wrong, and either way it would stay "fresh"
 * for longer than its issuer meant.
 */

let key: TestKey;
let verifier: AccessTokenVerifier;

beforeAll(async () => {
  key = await makeKey('ES256', 'future-1');
  verifier = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keySets: [key.jwks] });
});

describe('the access token verifier', () => {
  it('refuses a token issued in the future', async () => {
    for (const ahead of [60, 3600, 365 * 24 * 3600]) {
      const token = await signToken(key, { iat: nowSeconds() + ahead, exp: nowSeconds() + ahead + 600 });
      await expect(verifier.verify(token)).resolves.toBeUndefined();
    }
  });

  it('accepts one issued now, in the past, a few seconds ahead (clock skew) or without iat', async () => {
    for (const iat of [nowSeconds(), nowSeconds() - 3600, nowSeconds() + 2, undefined]) {
      await expect(verifier.verify(await signToken(key, { iat }))).resolves.toEqual({ shopperId: 'shopper-1' });
    }
  });

  it('refuses it even where an expired token is allowed (forgetting a shopper on a late event)', async () => {
    const token = await signToken(key, { iat: nowSeconds() + 600, exp: nowSeconds() - 60 });
    await expect(verifier.verify(token, { acceptExpiredUpToMs: 3_600_000 })).resolves.toBeUndefined();
    const honest = await signToken(key, { iat: nowSeconds() - 600, exp: nowSeconds() - 60 });
    await expect(verifier.verify(honest, { acceptExpiredUpToMs: 3_600_000 })).resolves.toEqual({ shopperId: 'shopper-1' });
  });
});

describe.each(PLATFORMS)('a shopper on %s whose token was issued in the future', (platform, start) => {
  let testApp: TestApp;
  let jwksDir: string;

  beforeAll(() => {
    jwksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-future-iat-'));
    const jwksFile = path.join(jwksDir, 'jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify(key.jwks));
    testApp = createTestApp({ AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_FILE: jwksFile, AUTH_TRUST_DEV_KEY: 'false' });
  });
  afterAll(() => {
    testApp.close();
    fs.rmSync(jwksDir, { recursive: true, force: true });
  });

  it('hears the ordinary link-account answer', async () => {
    const token = await signToken(key, { sub: 'shopper-ava', iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 });
    const heard = answered(await start(testApp.app, { token }).say('OrderStatusIntent'), platform);
    expect(heard.linkAccount).toBe(true);
    expect(heard.text).toContain('link your Northwind Outfitters account');
  });

  it('is recognised with the same token issued now', async () => {
    const token = await signToken(key, { sub: 'shopper-ava' });
    const heard = answered(await start(testApp.app, { token }).launch(), platform);
    expect(heard.text).toMatch(/^Welcome back to Northwind Outfitters, Ava!/);
  });
});
