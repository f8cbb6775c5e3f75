import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SessionState } from './session-state';
import type { Platform } from './turn';

/**
 * Session state travels through the platform (Alexa sessionAttributes, Google session.params) and
 * comes back with the next request, where anybody able to send a request could have changed it.
 * So it travels sealed: the state next to an HMAC-SHA256 of it under SESSION_STATE_SECRET, bound
 * to the conversation it was written for. A state whose seal does not check out is never read.
 */

export const MIN_SESSION_STATE_SECRET_LENGTH = 32;

/** What the platform carries between turns. */
export interface SealedSessionState {
  /** The state as JSON: readable, but worthless once changed. */
  readonly state: unknown;
  /** HMAC-SHA256 (base64url) over the conversation and the state. */
  readonly mac: string;
}

/** The conversation a state was written for: replayed into any other, its seal fails. */
export interface StateBinding {
  readonly platform: Platform;
  readonly sessionId: string;
}

/** Why a carried state was dropped; the state itself is never part of it. */
export type StateRejection =
  /** Something was carried, but not a sealed state (no MAC, or not the sealed shape). */
  | 'unsealed'
  /** The MAC does not match: the state was changed, comes from another conversation, or was sealed under another secret. */
  | 'bad-seal'
  /** Nested deeper than any state Shopvoice writes, so it was not even looked at. */
  | 'too-deep';

export interface SessionStateSealOptions {
  /** At least MIN_SESSION_STATE_SECRET_LENGTH characters. */
  readonly secret: string;
  /** Told once for every carried state that is dropped. Must not throw. */
  readonly onRejected?: (rejection: StateRejection, binding: StateBinding) => void;
}

export interface SessionStateSeal {
  seal(state: SessionState, binding: StateBinding): SealedSessionState;
  /**
   * The carried state when its seal checks out for this conversation. Undefined when nothing was
   * carried, or when the seal fails (and `onRejected` hears why): the conversation starts fresh.
   */
  open(carried: unknown, binding: StateBinding): unknown;
}

/** Shopvoice's states are a few levels deep; anything much deeper was not written by it. */
const MAX_DEPTH = 32;
/** Names what the MAC is for, so no other HMAC under the same key can stand in for it. */
const PURPOSE = 'shopvoice-session-state/1';
const MAC_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

class TooDeepError extends Error {}

/**
 * JSON with object keys sorted, so the same value always gives the same text, whatever order its
 * keys came back in from the platform. Follows JSON.stringify for what JSON cannot hold.
 */
function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new TooDeepError();
  if (Array.isArray(value)) return `[${value.map((item) => (isJsonValue(item) ? canonicalJson(item, depth + 1) : 'null')).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => isJsonValue((value as Record<string, unknown>)[key]))
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function isJsonValue(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
}

function isSealed(carried: unknown): carried is { state: unknown; mac: string } {
  if (typeof carried !== 'object' || carried === null) return false;
  const { state, mac } = carried as Record<string, unknown>;
  return state !== undefined && typeof mac === 'string';
}

export function createSessionStateSeal(options: SessionStateSealOptions): SessionStateSeal {
  const { secret } = options;
  if (secret.length < MIN_SESSION_STATE_SECRET_LENGTH) {
    throw new Error(`The session state secret must be at least ${MIN_SESSION_STATE_SECRET_LENGTH} characters`);
  }

  function macOf(state: unknown, binding: StateBinding): Buffer {
    const signed = canonicalJson([PURPOSE, binding.platform, binding.sessionId, state]);
    return createHmac('sha256', secret).update(signed, 'utf8').digest();
  }

  function reject(rejection: StateRejection, binding: StateBinding): undefined {
    options.onRejected?.(rejection, binding);
    return undefined;
  }

  return {
    seal(state, binding) {
      // Exactly what goes over the wire, so what is signed is what comes back.
      const wire: unknown = JSON.parse(JSON.stringify(state));
      return { state: wire, mac: macOf(wire, binding).toString('base64url') };
    },

    open(carried, binding) {
      if (carried === undefined || carried === null) return undefined;
      if (!isSealed(carried) || !BASE64URL.test(carried.mac)) return reject('unsealed', binding);
      let expected: Buffer;
      try {
        expected = macOf(carried.state, binding);
      } catch (error) {
        if (error instanceof TooDeepError) return reject('too-deep', binding);
        throw error;
      }
      const given = Buffer.from(carried.mac, 'base64url');
      if (given.length !== MAC_BYTES || !timingSafeEqual(given, expected)) return reject('bad-seal', binding);
      return carried.state;
    },
  };
}
