import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A store's authorization server as the deployed functions see it: a JWKS document on loopback,
 * and access tokens signed with its key for a shopper.
 */
export interface AuthorizationServer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  accessToken(shopperId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startAuthorizationServer(issuer = 'https://auth.northwind-outfitters.example/', audience = 'shopvoice'): Promise<AuthorizationServer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const kid = 'bundle-test-key';
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] });
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/.well-known/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    issuer,
    audience,
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    accessToken: (shopperId) =>
      new SignJWT({ scope: 'orders:read orders:write returns:write' })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
        .setSubject(shopperId)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
