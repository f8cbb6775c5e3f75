import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { createAccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import type { AccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import { AUDIENCE, base64url, ISSUER, makeKey, nowSeconds, signToken } from './token-fixtures';
import type { TestKey } from './token-fixtures';

let rsa: TestKey;
let ec: TestKey;
let verifier: AccessTokenVerifier;

beforeAll(async () => {
  rsa = await makeKey('RS256', 'rsa-1');
  ec = await makeKey('ES256', 'ec-1');
  verifier = createAccessTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    keySets: [{ keys: [...rsa.jwks.keys, ...ec.jwks.keys] }],
  });
});

describe('a valid token', () => {
  it('gives the shopper id from sub (RS256)', async () => {
    await expect(verifier.verify(await signToken(rsa, { sub: 'shopper-42' }))).resolves.toEqual({
      shopperId: 'shopper-42',
    });
  });

  it('gives the shopper id from sub (ES256)', async () => {
    await expect(verifier.verify(await signToken(ec))).resolves.toEqual({ shopperId: 'shopper-1' });
  });

  it('accepts an audience array that contains ours', async () => {
    const token = await signToken(rsa, { aud: ['other-api', AUDIENCE] });
    await expect(verifier.verify(token)).resolves.toEqual({ shopperId: 'shopper-1' });
  });

  it('tolerates a few seconds of clock skew', async () => {
    await expect(verifier.verify(await signToken(rsa, { exp: nowSeconds() - 2 }))).resolves.toEqual({
      shopperId: 'shopper-1',
    });
  });
});

describe('an invalid token gives undefined', () => {
  it('expired', async () => {
    await expect(verifier.verify(await signToken(rsa, { exp: nowSeconds() - 60 }))).resolves.toBeUndefined();
  });

  it('not yet valid', async () => {
    await expect(verifier.verify(await signToken(rsa, { nbf: nowSeconds() + 60 }))).resolves.toBeUndefined();
  });

  it('wrong issuer', async () => {
    await expect(
      verifier.verify(await signToken(rsa, { iss: 'https://evil.example/' })),
    ).resolves.toBeUndefined();
  });

  it('wrong audience', async () => {
    await expect(verifier.verify(await signToken(rsa, { aud: 'someone-else' }))).resolves.toBeUndefined();
  });

  it('signed by another key, even one claiming a trusted kid', async () => {
    const forger = await makeKey('RS256', 'rsa-1');
    await expect(verifier.verify(await signToken(forger))).resolves.toBeUndefined();
    const stranger = await makeKey('ES256', 'unknown-kid');
    await expect(verifier.verify(await signToken(stranger))).resolves.toBeUndefined();
  });

  it('alg none (unsigned)', async () => {
    const payload = { sub: 'shopper-1', iss: ISSUER, aud: AUDIENCE, exp: nowSeconds() + 600 };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    await expect(verifier.verify(unsigned)).resolves.toBeUndefined();
    const withKid = `${base64url({ alg: 'none', kid: 'rsa-1' })}.${base64url(payload)}.`;
    await expect(verifier.verify(withKid)).resolves.toBeUndefined();
  });

  it('an algorithm outside the allowlist (HS256)', async () => {
    const token = await new SignJWT({ sub: 'shopper-1' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!'));
    await expect(verifier.verify(token)).resolves.toBeUndefined();
  });

  it.each([
    'garbage',
    'a.b.c',
    '..',
    'Bearer abc.def.ghi',
    `${base64url({ alg: 'RS256' })}.not-json.c2ln`,
    `${base64url({ alg: 'RS256' })}.${base64url('a string, not claims')}.c2ln`,
    '{"alg":"RS256"}',
    'x'.repeat(100_000),
  ])('garbage %#', async (token) => {
    await expect(verifier.verify(token)).resolves.toBeUndefined();
  });

  it('a valid token with anything tacked on', async () => {
    const token = await signToken(rsa);
    await expect(verifier.verify(`${token}x`)).resolves.toBeUndefined();
    await expect(verifier.verify(` ${token}`)).resolves.toBeUndefined();
  });

  it('undefined or empty', async () => {
    await expect(verifier.verify(undefined)).resolves.toBeUndefined();
    await expect(verifier.verify('')).resolves.toBeUndefined();
  });

  it('not a string at all (never throws)', async () => {
    await expect(verifier.verify(42 as unknown as string)).resolves.toBeUndefined();
    await expect(verifier.verify(null as unknown as string)).resolves.toBeUndefined();
  });

  it('missing or empty sub', async () => {
    await expect(verifier.verify(await signToken(rsa, { sub: undefined }))).resolves.toBeUndefined();
    await expect(verifier.verify(await signToken(rsa, { sub: '' }))).resolves.toBeUndefined();
    await expect(verifier.verify(await signToken(rsa, { sub: 12345 }))).resolves.toBeUndefined();
  });

  it('missing exp (access tokens must expire)', async () => {
    await expect(verifier.verify(await signToken(rsa, { exp: undefined }))).resolves.toBeUndefined();
  });
});

describe('key sets without kids', () => {
  it('tries every candidate key', async () => {
    const first = await makeKey('ES256', 'a', false);
    const second = await makeKey('ES256', 'b', false);
    const noKids = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keySets: [{ keys: [...first.jwks.keys, ...second.jwks.keys] }],
    });
    const token = await signToken(second, { sub: 'shopper-7' }, { kid: undefined });
    await expect(noKids.verify(token)).resolves.toEqual({ shopperId: 'shopper-7' });
    const expired = await signToken(second, { exp: nowSeconds() - 60 }, { kid: undefined });
    await expect(noKids.verify(expired)).resolves.toBeUndefined();
    const forged = await signToken(await makeKey('ES256', 'c', false), {}, { kid: undefined });
    await expect(noKids.verify(forged)).resolves.toBeUndefined();
  });
});

function serveJwks(jwks: JSONWebKeySet): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((request, response) => {
    count += 1;
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        requests: () => count,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/jwks.json`;
}

describe('JWKS over a URL', () => {
  it('verifies a token signed by a key the endpoint publishes, fetching the set once', async () => {
    const remote = await makeKey('RS256', 'remote-1');
    const endpoint = await serveJwks(remote.jwks);
    try {
      const remoteVerifier = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: endpoint.url });
      await expect(remoteVerifier.verify(await signToken(remote, { sub: 'remote-shopper' }))).resolves.toEqual({
        shopperId: 'remote-shopper',
      });
      await expect(remoteVerifier.verify(await signToken(remote, { sub: 'again' }))).resolves.toEqual({
        shopperId: 'again',
      });
      expect(endpoint.requests()).toBe(1);
      await expect(remoteVerifier.verify(await signToken(remote, { aud: 'nope' }))).resolves.toBeUndefined();
      await expect(remoteVerifier.verify(await signToken(rsa))).resolves.toBeUndefined();
    } finally {
      await endpoint.close();
    }
  });

  it('gives undefined, without throwing, when the endpoint cannot be reached', async () => {
    const unreachable = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: await closedPortUrl(),
      jwksTimeoutMs: 1000,
    });
    await expect(unreachable.verify(await signToken(rsa))).resolves.toBeUndefined();
  });

  it('rejects an unusable URL when the verifier is created', () => {
    expect(() => createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'not a url' })).toThrow(
      /JWKS URL/,
    );
  });
});

describe('JWKS from a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-jwks-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verifies a token signed by a key in the file, which is read once', async () => {
    const file = path.join(dir, 'jwks.json');
    fs.writeFileSync(file, JSON.stringify(ec.jwks));
    const fileVerifier = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksFile: file });
    fs.rmSync(file);
    await expect(fileVerifier.verify(await signToken(ec, { sub: 'from-file' }))).resolves.toEqual({
      shopperId: 'from-file',
    });
    await expect(fileVerifier.verify(await signToken(rsa))).resolves.toBeUndefined();
  });

  it('fails at creation when the file is missing or not a JWKS', () => {
    const missing = path.join(dir, 'missing.json');
    expect(() => createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksFile: missing })).toThrow(
      /cannot read the JWKS file/,
    );
    const notJwks = path.join(dir, 'not-jwks.json');
    fs.writeFileSync(notJwks, JSON.stringify({ kty: 'EC' }));
    expect(() => createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksFile: notJwks })).toThrow(
      /not a JSON Web Key Set/,
    );
  });
});

describe('several key sources', () => {
  it('accepts a token from any of them', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-jwks-')), 'jwks.json');
    fs.writeFileSync(file, JSON.stringify(ec.jwks));
    const remote = await makeKey('RS256', 'remote-2');
    const endpoint = await serveJwks(remote.jwks);
    const extra = await makeKey('ES256', 'extra-1');
    let loads = 0;
    try {
      const multi = createAccessTokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksFile: file,
        jwksUrl: endpoint.url,
        keySets: [
          async () => {
            loads += 1;
            return extra.jwks;
          },
        ],
      });
      await expect(multi.verify(await signToken(ec, { sub: 'file' }))).resolves.toEqual({ shopperId: 'file' });
      expect(endpoint.requests()).toBe(0);
      await expect(multi.verify(await signToken(extra, { sub: 'extra' }))).resolves.toEqual({ shopperId: 'extra' });
      await expect(multi.verify(await signToken(remote, { sub: 'remote' }))).resolves.toEqual({ shopperId: 'remote' });
      await expect(multi.verify(await signToken(await makeKey('ES256', 'x')))).resolves.toBeUndefined();
      expect(loads).toBeGreaterThanOrEqual(1);
    } finally {
      await endpoint.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('still accepts local keys when the JWKS endpoint is down', async () => {
    const multi = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: await closedPortUrl(),
      keySets: [rsa.jwks],
    });
    await expect(multi.verify(await signToken(rsa))).resolves.toEqual({ shopperId: 'shopper-1' });
  });

  it('loads an on-demand key set again when a token names a key it does not hold yet', async () => {
    const later = await makeKey('ES256', 'later');
    let current: JSONWebKeySet | undefined;
    const lazy = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keySets: [async () => current] });
    await expect(lazy.verify(await signToken(later))).resolves.toBeUndefined();
    current = rsa.jwks;
    await expect(lazy.verify(await signToken(later))).resolves.toBeUndefined();
    await expect(lazy.verify(await signToken(rsa))).resolves.toEqual({ shopperId: 'shopper-1' });
    current = later.jwks;
    await expect(lazy.verify(await signToken(later))).resolves.toEqual({ shopperId: 'shopper-1' });
  });
});
