import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/**
 * Telnyx signs its TeXML webhooks (and the Conversation Relay handshake) with Ed25519: the
 * `telnyx-signature-ed25519` header is the base64 signature of `<telnyx-timestamp>|<raw body>`
 * under the account's key pair, whose public half (base64, Mission Control → Keys & Credentials)
 * is configured here. A signature older or newer than the tolerance is refused, so a captured
 * request cannot be replayed later. Checked with node:crypto: the `telnyx` package's verifier
 * comes with its whole REST client and reads the machine's clock, not the one given here.
 */
export const TELNYX_SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TELNYX_TIMESTAMP_HEADER = 'telnyx-timestamp';

/** How far the signing time may be from now, either way: Telnyx's own helpers allow five minutes. */
export const TELNYX_TIMESTAMP_TOLERANCE_SECONDS = 300;

const ED25519_KEY_BYTES = 32;
const ED25519_SIGNATURE_BYTES = 64;

export interface TelnyxSignatureCheck {
  /** The account's public key, base64 (32 bytes); without it nothing can be verified, so nothing passes. */
  readonly publicKey?: string;
  /** Off only outside production, for local testing (config refuses it in production). */
  readonly verify: boolean;
}

export interface TelnyxSignedRequest {
  readonly signature: string | string[] | undefined;
  readonly timestamp: string | string[] | undefined;
  /** The body exactly as received; empty for the WebSocket handshake. */
  readonly payload: Buffer | string;
}

/** Whether a value is a base64 Ed25519 public key, as Mission Control shows it. */
export function isTelnyxPublicKey(value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === ED25519_KEY_BYTES;
}

const keys = new Map<string, KeyObject>();

/** The key object for a base64 raw public key, made once per key. */
function publicKeyOf(base64: string): KeyObject {
  let key = keys.get(base64);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(base64, 'base64').toString('base64url') }, format: 'jwk' });
    keys.set(base64, key);
  }
  return key;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value?.trim());

/** Whether Telnyx signed this payload at this timestamp, within the tolerance of `now`. */
export function signedByTelnyx(check: TelnyxSignatureCheck, request: TelnyxSignedRequest, now: Date): boolean {
  if (!check.verify) return true;
  const signature = single(request.signature);
  const timestamp = single(request.timestamp);
  if (!check.publicKey || !isTelnyxPublicKey(check.publicKey) || !signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TELNYX_TIMESTAMP_TOLERANCE_SECONDS) return false;
  const signatureBytes = Buffer.from(signature, 'base64');
  if (signatureBytes.length !== ED25519_SIGNATURE_BYTES) return false;
  const payload = typeof request.payload === 'string' ? Buffer.from(request.payload, 'utf8') : request.payload;
  const signed = Buffer.concat([Buffer.from(`${timestamp}|`, 'utf8'), payload]);
  try {
    return verify(null, signed, publicKeyOf(check.publicKey), signatureBytes);
  } catch {
    return false;
  }
}
