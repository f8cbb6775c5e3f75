import type { IncomingMessage } from 'node:http';
// The webhooks module alone: the package's index loads the whole REST client.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';

/**
 * Twilio signs the TwiML webhook and the ConversationRelay WebSocket handshake with
 * `X-Twilio-Signature`: an HMAC of the URL it requested (and a webhook's POST parameters) keyed with
 * the account's auth token. Checked with Twilio's own helper.
 */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

export interface TwilioSignatureCheck {
  /** Without it nothing can be signed, so nothing passes. */
  readonly authToken?: string;
  /** Off only outside production, for local testing (config refuses it in production). */
  readonly verify: boolean;
}

/** Whether the request was signed by Twilio for this URL and these parameters. */
export function signedByTwilio(
  check: TwilioSignatureCheck,
  signature: string | string[] | undefined,
  url: string,
  params: Readonly<Record<string, string>> = {},
): boolean {
  if (!check.verify) return true;
  if (!check.authToken || typeof signature !== 'string' || signature === '') return false;
  try {
    return validateRequest(check.authToken, signature, url, { ...params });
  } catch {
    return false;
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

/**
 * The URL Twilio requested, as it signed it: the configured public URL when there is one (a proxy
 * may rewrite Host), else the Host the request names, with the scheme the proxy in front saw
 * (`X-Forwarded-Proto`). A WebSocket's URL has ws/wss where its page would have http/https.
 */
export function requestedUrl(request: IncomingMessage, kind: 'http' | 'websocket', publicUrl?: string): string {
  const path = request.url ?? '/';
  let origin: string;
  if (publicUrl) origin = new URL(publicUrl).origin;
  else {
    const encrypted = Boolean((request.socket as { encrypted?: boolean }).encrypted);
    const scheme = firstHeader(request.headers['x-forwarded-proto']) ?? (encrypted ? 'https' : 'http');
    origin = `${scheme === 'https' || scheme === 'wss' ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
  }
  return kind === 'websocket' ? `${origin.replace(/^http/, 'ws')}${path}` : `${origin}${path}`;
}
