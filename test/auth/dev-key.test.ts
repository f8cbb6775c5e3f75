import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { devKeyPaths, loadOrCreateDevKey, readDevPublicJwks } from '../../lambda/auth/dev-key';
import { createAccessTokenVerifierFromConfig } from '../../lambda/auth/verifier-from-config';
import { loadConfig } from '../../lambda/config';
import { nowSeconds } from './token-fixtures';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-dev-key-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const configFor = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ...env });

describe('loadOrCreateDevKey', () => {
  it('creates the key once and reuses it', async () => {
    const paths = devKeyPaths(dataDir);
    expect(await readDevPublicJwks(dataDir)).toBeUndefined();

    const first = await loadOrCreateDevKey(dataDir);
    const privateText = fs.readFileSync(paths.privateKeyFile, 'utf8');
    const second = await loadOrCreateDevKey(dataDir);

    expect(second.kid).toBe(first.kid);
    expect(first.alg).toBe('ES256');
    expect(fs.readFileSync(paths.privateKeyFile, 'utf8')).toBe(privateText);
    expect(second.publicJwks).toEqual(first.publicJwks);
    expect(await readDevPublicJwks(dataDir)).toEqual(first.publicJwks);
    expect(fs.readdirSync(paths.dir).sort()).toEqual(['private.jwk.json', 'public.jwks.json']);
  });

  it('keeps the private key readable by its owner only, and out of the public JWKS', async () => {
    const key = await loadOrCreateDevKey(dataDir);
    const paths = devKeyPaths(dataDir);
    if (process.platform !== 'win32') {
      expect(fs.statSync(paths.privateKeyFile).mode & 0o777).toBe(0o600);
    }
    expect(key.publicJwks.keys).toHaveLength(1);
    expect(key.publicJwks.keys[0]).not.toHaveProperty('d');
    expect(key.publicJwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: key.kid, alg: 'ES256', use: 'sig' });
    expect(fs.readFileSync(paths.publicJwksFile, 'utf8')).not.toContain('"d"');
  });

  it('ends with one key when many callers create it at once', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevKey(dataDir)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect((await loadOrCreateDevKey(dataDir)).kid).toBe(keys[0]?.kid);
    expect(fs.readdirSync(devKeyPaths(dataDir).dir).sort()).toEqual(['private.jwk.json', 'public.jwks.json']);
  });

  it('rewrites a missing public JWKS from the private key', async () => {
    const key = await loadOrCreateDevKey(dataDir);
    fs.rmSync(devKeyPaths(dataDir).publicJwksFile);
    expect((await loadOrCreateDevKey(dataDir)).kid).toBe(key.kid);
    expect(await readDevPublicJwks(dataDir)).toEqual(key.publicJwks);
  });

  it('refuses a damaged private key file with a clear message', async () => {
    const paths = devKeyPaths(dataDir);
    fs.mkdirSync(paths.dir, { recursive: true });
    fs.writeFileSync(paths.privateKeyFile, '{"kty":"EC"');
    await expect(loadOrCreateDevKey(dataDir)).rejects.toThrow(/not a P-256 private JWK; delete/);
  });
});

describe('signDevAccessToken', () => {
  it('signs a token the config-built verifier accepts for that shopper', async () => {
    const config = configFor();
    const verifier = createAccessTokenVerifierFromConfig(config);
    // The verifier exists before the key does, as when the server starts before `npm run token`.
    const token = await signDevAccessToken({
      dataDir,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      shopperId: 'shopper-ana',
    });
    await expect(verifier.verify(token)).resolves.toEqual({ shopperId: 'shopper-ana' });

    const header = decodeProtectedHeader(token);
    const key = await loadOrCreateDevKey(dataDir);
    expect(header).toMatchObject({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'shopper-ana', iss: config.auth.issuer, aud: config.auth.audience });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(typeof claims.jti).toBe('string');
  });

  it('honours the lifetime, as a span or in seconds', async () => {
    const base = { dataDir, issuer: 'i', audience: 'a', shopperId: 's' };
    const twoHours = decodeJwt(await signDevAccessToken({ ...base, expiresIn: '2h' }));
    expect((twoHours.exp ?? 0) - (twoHours.iat ?? 0)).toBe(7200);
    const seconds = decodeJwt(await signDevAccessToken({ ...base, expiresIn: 90 }));
    expect((seconds.exp ?? 0) - (seconds.iat ?? 0)).toBe(90);
    await expect(signDevAccessToken({ ...base, expiresIn: 'forever' })).rejects.toThrow(/invalid token lifetime/);
    await expect(signDevAccessToken({ ...base, shopperId: ' ' })).rejects.toThrow(/shopper id/);
  });

  it('can make an already expired token, which is refused', async () => {
    const config = configFor();
    const token = await signDevAccessToken({
      dataDir,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      shopperId: 'shopper-ana',
      expiresIn: '-5m',
    });
    expect(decodeJwt(token).exp).toBeLessThan(nowSeconds());
    await expect(createAccessTokenVerifierFromConfig(config).verify(token)).resolves.toBeUndefined();
  });
});

describe('trusting the dev key', () => {
  async function devToken(config: ReturnType<typeof configFor>): Promise<string> {
    return signDevAccessToken({
      dataDir,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      shopperId: 'shopper-ana',
    });
  }

  it('is off when trustDevKey is false', async () => {
    const config = configFor({ AUTH_TRUST_DEV_KEY: 'false' });
    expect(config.auth.trustDevKey).toBe(false);
    await expect(createAccessTokenVerifierFromConfig(config).verify(await devToken(config))).resolves.toBeUndefined();
  });

  it('is off in production', async () => {
    // Production needs the authorization server's keys; this set holds none that signs dev tokens.
    const jwksFile = path.join(dataDir, 'authorization-server.jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify({ keys: [] }));
    const config = configFor({ NODE_ENV: 'production', AUTH_TRUST_DEV_KEY: 'true', AUTH_JWKS_FILE: jwksFile, SHOPPER_HASH_SECRET: 'test-shopper-hash-secret-0123456789abcdef', SESSION_STATE_SECRET: 'test-session-state-secret-0123456789abcdef' });
    const token = await devToken(config);
    await expect(createAccessTokenVerifierFromConfig(config).verify(token)).resolves.toBeUndefined();
    const handMade = { ...config, auth: { ...config.auth, trustDevKey: true } };
    await expect(createAccessTokenVerifierFromConfig(handMade).verify(token)).resolves.toBeUndefined();
  });

  it('does not accept dev tokens for another issuer or audience', async () => {
    const config = configFor();
    const verifier = createAccessTokenVerifierFromConfig(config);
    const base = { dataDir, shopperId: 'shopper-ana' };
    await expect(
      verifier.verify(await signDevAccessToken({ ...base, issuer: 'https://other/', audience: config.auth.audience })),
    ).resolves.toBeUndefined();
    await expect(
      verifier.verify(await signDevAccessToken({ ...base, issuer: config.auth.issuer, audience: 'other' })),
    ).resolves.toBeUndefined();
  });
});
