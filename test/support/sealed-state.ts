import type { Config } from '../../lambda/config';
import { createSessionStateSeal, type SealedSessionState } from '../../lambda/core/sealed-state';
import { SESSION_STATE_VERSION, type SessionState } from '../../lambda/core/session-state';
import type { Platform } from '../../lambda/core/turn';

/** A session state secret for tests that build the platform adapters themselves. */
export const TEST_SESSION_STATE_SECRET = 'test-session-state-secret-0123456789abcdef';

/** The seal of adapters built directly in tests; it drops failing state silently. */
export const testStateSeal = createSessionStateSeal({ secret: TEST_SESSION_STATE_SECRET });

/** The state inside what the platform carries (it travels sealed: `{ state, mac }`). */
export function carriedState(carried: unknown): unknown {
  return typeof carried === 'object' && carried !== null ? (carried as { state?: unknown }).state : undefined;
}

/** A whole session state from the parts a test cares about. */
export function sessionState(parts: Partial<SessionState> = {}): SessionState {
  return { v: SESSION_STATE_VERSION, misunderstood: 0, ...parts };
}

/**
 * Seals `state` for one conversation with the secret of `config`: what a forger holding the
 * deployment's secret (or a deployment that signs nothing) can send.
 */
export function sealedWith(config: Pick<Config, 'sessionStateSecret'>, platform: Platform, sessionId: string, state: unknown): SealedSessionState {
  return createSessionStateSeal({ secret: config.sessionStateSecret }).seal(state as SessionState, { platform, sessionId });
}
