import type { PinAttempt } from '../../lambda/commerce/ports';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';

const NOW = new Date('2026-11-26T15:00:00Z');
const LOCKOUT_MS = 30 * 60_000;
/** Ava's demo PIN (README "Reorders"). */
const AVA_PIN = '7391';

let store: EmbeddedStore;
beforeEach(() => {
  store = openEmbeddedStore(':memory:', { now: NOW });
});
afterEach(() => store.close());

const attempt = (pin: string, overrides: Partial<PinAttempt> = {}): PinAttempt => ({ shopperId: 'shopper-ava', pin, at: NOW, lockoutMs: LOCKOUT_MS, ...overrides });

describe('PurchasePins', () => {
  it('accepts the right PIN and counts wrong ones down', async () => {
    const pins = store.commerce.purchasePins;
    expect(await pins.status('shopper-ava', NOW)).toEqual({ kind: 'ready' });
    expect(await pins.check(attempt('1234'))).toEqual({ kind: 'wrong', triesLeft: 2 });
    expect(await pins.check(attempt('4321'))).toEqual({ kind: 'wrong', triesLeft: 1 });
    expect(await pins.check(attempt(AVA_PIN))).toEqual({ kind: 'accepted' });
    // A right PIN clears the wrong ones before it.
    expect(await pins.check(attempt('1234'))).toEqual({ kind: 'wrong', triesLeft: 2 });
  });

  it('locks after the third wrong PIN in a row, even against the right one, until the lockout runs out', async () => {
    const pins = store.commerce.purchasePins;
    await pins.check(attempt('1111'));
    await pins.check(attempt('2222'));
    const until = new Date(NOW.getTime() + LOCKOUT_MS);
    expect(await pins.check(attempt('3333'))).toEqual({ kind: 'locked', until });
    expect(await pins.check(attempt(AVA_PIN))).toEqual({ kind: 'locked', until });
    expect(await pins.status('shopper-ava', new Date(until.getTime() - 1))).toEqual({ kind: 'locked', until });

    const later = new Date(until.getTime() + 1);
    expect(await pins.status('shopper-ava', later)).toEqual({ kind: 'ready' });
    expect(await pins.check(attempt('1111', { at: later }))).toEqual({ kind: 'wrong', triesLeft: 2 });
    expect(await pins.check(attempt(AVA_PIN, { at: later }))).toEqual({ kind: 'accepted' });
  });

  it('counts the same wrong PIN said again at once (a platform retry) once, and keeps no PIN', async () => {
    const pins = store.commerce.purchasePins;
    const retried = attempt('1111');
    expect(await pins.check(retried)).toEqual({ kind: 'wrong', triesLeft: 2 });
    expect(await pins.check(retried)).toEqual({ kind: 'wrong', triesLeft: 2 });
    expect(await pins.check(retried)).toEqual({ kind: 'wrong', triesLeft: 2 });
    const row = store.db.prepare<[], { last_attempt_key: string }>("SELECT last_attempt_key FROM purchase_pins WHERE shopper_id = 'shopper-ava'").get();
    expect(row?.last_attempt_key).toMatch(/^[\w-]{43}$/);
    expect(row?.last_attempt_key).not.toContain('1111');
    expect(await pins.check(attempt('2222'))).toEqual({ kind: 'wrong', triesLeft: 1 });
  });

  it('counts every one of several wrong PINs checked at once', async () => {
    const outcomes = await Promise.all([attempt('1111'), attempt('2222'), attempt('3333')].map((each) => store.commerce.purchasePins.check(each)));
    expect(outcomes.filter((outcome) => outcome.kind === 'locked')).toHaveLength(1);
    expect(await store.commerce.purchasePins.check(attempt(AVA_PIN))).toMatchObject({ kind: 'locked' });
  });

  it('knows a shopper without a PIN, and stores only a salted scrypt hash for those with one', async () => {
    expect(await store.commerce.purchasePins.status('shopper-nobody', NOW)).toEqual({ kind: 'not-set' });
    expect(await store.commerce.purchasePins.check(attempt('1234', { shopperId: 'shopper-nobody' }))).toEqual({ kind: 'not-set' });
    const hashes = store.db.prepare<[], { pin_hash: string }>('SELECT pin_hash FROM purchase_pins').all().map((row) => row.pin_hash);
    expect(hashes).toHaveLength(6);
    for (const hash of hashes) expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(new Set(hashes.map((hash) => hash.split('$')[4])).size).toBe(6);
  });
});
