import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/**
 * A Telnyx account's signing key pair, made for the test: the public half is what the server is
 * configured with (base64 of the raw 32 bytes, as Mission Control shows it), the private half
 * signs requests as Telnyx would.
 */
export interface TelnyxKeys {
  readonly publicKey: string;
  /** The `telnyx-signature-ed25519` and `telnyx-timestamp` headers for this body, signed at `at`. */
  headers(body: string, at: Date): Record<string, string>;
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

export function telnyxKeys(): TelnyxKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey),
    headers(body, at) {
      const timestamp = String(Math.floor(at.getTime() / 1000));
      const signature = sign(null, Buffer.from(`${timestamp}|${body}`, 'utf8'), privateKey).toString('base64');
      return { 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': timestamp };
    },
  };
}
