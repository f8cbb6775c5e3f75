import { createHmac, randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * The spoken four-digit PIN a store can require before any order is placed by voice. Only its
 * scrypt hash is stored, with a salt of its own per shopper; the PIN itself is never kept, said
 * back or logged.
 */

/** Wrong PINs in a row that lock purchasing for the shopper. */
export const PIN_TRIES_BEFORE_LOCKOUT = 3;

const FOUR_DIGITS = /^[0-9]{4}$/;
const SCHEME = 'scrypt';
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
/** OWASP's minimum for scrypt (N=2^17 would cost ~128 MB per attempt, too much for a Lambda). */
const COST = { N: 16_384, r: 8, p: 1 } as const;
/** scrypt needs 128·N·r bytes; leave headroom over Node's 32 MB default. */
const MAX_MEMORY = 64 * 1024 * 1024;

export function isFourDigitPin(value: string): boolean {
  return FOUR_DIGITS.test(value);
}

function derive(pin: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (salt and hash base64url): the cost travels with the hash, so it can rise later. */
export async function hashPurchasePin(pin: string, salt: Buffer = randomBytes(SALT_BYTES)): Promise<string> {
  if (!isFourDigitPin(pin)) throw new Error('A purchase PIN is four digits');
  const key = await derive(pin, salt, COST);
  return [SCHEME, COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface StoredHash {
  readonly cost: { readonly N: number; readonly r: number; readonly p: number };
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseStoredHash(stored: string): StoredHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== SCHEME || salt === undefined || key === undefined || rest.length > 0) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(cost).every((value) => Number.isInteger(value) && value > 0)) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Whether `pin` is the PIN behind `stored`; compared in constant time. A malformed hash matches nothing. */
export async function verifyPurchasePin(pin: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed || !isFourDigitPin(pin)) return false;
  // Cost parameters scrypt rejects (N not a power of two) make the hash malformed too.
  const key = await derive(pin, parsed.salt, parsed.cost).catch(() => undefined);
  return key !== undefined && key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * Names a wrong PIN without keeping it: an HMAC of the PIN keyed by the shopper's stored hash, so
 * the store can tell the same wrong PIN said again (a platform's retry, which tells a guesser
 * nothing new) from a new guess. It means nothing outside that shopper's record.
 */
export function wrongPinKey(pin: string, storedHash: string): string {
  return createHmac('sha256', storedHash).update(pin, 'utf8').digest('base64url');
}
