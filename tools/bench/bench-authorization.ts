import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A store's authorization server as a deployed function sees it, for the bench: a JWKS document on
 * loopback (the function fetches it on its first linked turn, as on AWS) and access tokens signed
 * with its key.
 */
export interface BenchAuthorization {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  accessToken(shopperId: string): Promise<string>;
  close(): Promise<void>;
}

const ISSUER = 'https://auth.bench.shopvoice.invalid/';
const AUDIENCE = 'shopvoice';
const KEY_ID = 'bench-key';
const JWKS_PATH = '/.well-known/jwks.json';

export async function startBenchAuthorization(): Promise<BenchAuthorization> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'ES256', use: 'sig' }] });
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === JWKS_PATH) response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${JWKS_PATH}`,
    accessToken: (shopperId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: KEY_ID, typ: 'at+jwt' })
        .setSubject(shopperId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
