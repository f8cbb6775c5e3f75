import type { Config } from '../../config';
import { signedByTelnyx, TELNYX_SIGNATURE_HEADER, TELNYX_TIMESTAMP_HEADER } from './telnyx-signature';
import { signedByTwilio, TWILIO_SIGNATURE_HEADER } from './twilio-signature';

/**
 * Whether a phone request (the call webhook, or the relay's WebSocket handshake) was signed by
 * the provider the line is configured for, and only that one: Twilio's HMAC over the URL and the
 * form parameters, or Telnyx's Ed25519 over the timestamp and the raw body.
 */

export interface PhoneRequest {
  /** Header names in lower case, as Node and API Gateway give them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The URL as the provider requested it (Twilio signs it). */
  readonly url: string;
  /** A webhook's form parameters (Twilio signs them); none for a handshake. */
  readonly params?: Readonly<Record<string, string>>;
  /** A webhook's body exactly as received (Telnyx signs it); empty for a handshake. */
  readonly rawBody?: Buffer;
}

export type PhoneSignatureSettings = Pick<Config['phone'], 'provider' | 'verifySignature' | 'twilioAuthToken' | 'telnyxPublicKey'>;

export function signedByProvider(phone: PhoneSignatureSettings, request: PhoneRequest, now: Date): boolean {
  if (phone.provider === 'telnyx') {
    return signedByTelnyx(
      { publicKey: phone.telnyxPublicKey, verify: phone.verifySignature },
      { signature: request.headers[TELNYX_SIGNATURE_HEADER], timestamp: request.headers[TELNYX_TIMESTAMP_HEADER], payload: request.rawBody ?? Buffer.alloc(0) },
      now,
    );
  }
  return signedByTwilio({ authToken: phone.twilioAuthToken, verify: phone.verifySignature }, request.headers[TWILIO_SIGNATURE_HEADER], request.url, request.params);
}

/**
 * Whether the relay's WebSocket handshake may be admitted. Twilio signs it like a webhook. Telnyx
 * documents its signature for webhooks only, so an unsigned Telnyx handshake is admitted on the
 * per-call socket URL alone (call-binding.ts: handed out only in the answer to a signed webhook and
 * checked against the call's setup); a signature it does carry must still be valid.
 */
export function handshakeAdmitted(phone: PhoneSignatureSettings, request: PhoneRequest, now: Date): boolean {
  if (phone.provider === 'telnyx' && request.headers[TELNYX_SIGNATURE_HEADER] === undefined && request.headers[TELNYX_TIMESTAMP_HEADER] === undefined) {
    return true;
  }
  return signedByProvider(phone, request, now);
}

/** The headers of a Node request or an API Gateway event, names in lower case. */
export function lowerCaseHeaders(headers: Readonly<Record<string, string | string[] | undefined>> | null | undefined): Record<string, string | string[] | undefined> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}
