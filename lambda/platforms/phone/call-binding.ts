import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Binds the relay's socket to the call Twilio asked about. Twilio signs the WebSocket handshake
 * over its URL alone, so a handshake for a bare `/phone` could be replayed to open a socket for any
 * call from any number. The TwiML answer therefore names the socket with this call's id, an expiry
 * and a MAC over both and the caller's number; the signed handshake carries them, and the socket
 * only goes on if the setup message names the same call from the same number.
 */

/** The relay connects right after the TwiML answer; this leaves room for a slow network, not for reuse. */
export const CALL_BINDING_TTL_MS = 5 * 60_000;
const MAC_BYTES = 32;

export interface CallBinding {
  readonly callSid: string;
  /** Epoch milliseconds. */
  readonly expires: number;
  readonly mac: string;
}

function macOf(secret: string, callSid: string, from: string, expires: number): Buffer {
  return createHmac('sha256', secret).update(`phone-call\n${callSid}\n${from}\n${expires}`, 'utf8').digest();
}

/** The query the socket URL carries for this call (the caller's number is in the MAC, never in the URL). */
export function bindCall(secret: string, callSid: string, from: string, now: Date): URLSearchParams {
  const expires = now.getTime() + CALL_BINDING_TTL_MS;
  return new URLSearchParams({ call: callSid, expires: String(expires), mac: macOf(secret, callSid, from, expires).toString('base64url') });
}

/** The binding a socket URL carries, when it carries one whole. */
export function bindingOf(url: string): CallBinding | undefined {
  const query = new URL(url, 'http://binding.invalid').searchParams;
  const callSid = query.get('call');
  const expires = Number(query.get('expires'));
  const mac = query.get('mac');
  if (!callSid || !mac || !Number.isSafeInteger(expires)) return undefined;
  return { callSid, expires, mac };
}

/** Whether the setup names the call the binding was made for, from the same number, before it expired. */
export function bindingAdmits(secret: string, binding: CallBinding, setup: { readonly callSid: string; readonly from?: string }, now: Date): boolean {
  if (setup.callSid !== binding.callSid || now.getTime() > binding.expires) return false;
  const given = Buffer.from(binding.mac, 'base64url');
  return given.length === MAC_BYTES && timingSafeEqual(given, macOf(secret, setup.callSid, setup.from ?? '', binding.expires));
}
