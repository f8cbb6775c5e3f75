import { randomInt } from 'node:crypto';

/** Collisions are rare (a million references); this bound only stops a broken generator looping. */
const MAX_REFERENCE_DRAWS = 50;
const SIX_DIGITS = /^[0-9]{6}$/;

export function drawSixDigitReference(): string {
  // No leading zero, so the reference survives anyone treating it as a number.
  return String(randomInt(100_000, 1_000_000));
}

/**
 * Draws six-digit references until `claim` accepts one (returns a result) rather than finding it
 * taken (returns undefined). Runs inside the caller's transaction.
 */
export function claimFreshReference<T>(draw: () => string, claim: (reference: string) => T | undefined, what: string): T {
  for (let attempt = 0; attempt < MAX_REFERENCE_DRAWS; attempt += 1) {
    const reference = draw();
    if (!SIX_DIGITS.test(reference)) throw new Error(`${what} references must be six digits`);
    const claimed = claim(reference);
    if (claimed !== undefined) return claimed;
  }
  throw new Error(`Could not draw a free ${what.toLowerCase()} reference`);
}
