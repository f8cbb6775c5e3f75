import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { loadConfig } from '../../lambda/config';
import { createServer } from '../../lambda/server';
import { answered, type Conversation, type ConversationOptions, type Heard, PLATFORMS } from '../support/conversation';
import { type FaultyStore, type FaultyStoreAdapterOptions, type StoreRequest, startFaultyStore } from '../support/faulty-store';
import { TEST_NOW } from '../support/test-app';

/**
 * The real skill (express, both platforms, the router and every flow) with the store's ports going
 * over HTTP to a faulty store API, and the skill's own state embedded in the same in-memory store.
 */

/** What the shopper hears when the store's systems fail (en-US, the demo store's phone number). */
export const STORE_DOWN = "Sorry, the store isn't answering. Try again in a minute, or call 1-800-555-0199.";

/**
 * The adapter settings the fault tests run with: one call may take 700 ms in all, one attempt 300 ms,
 * and retries follow each other at once. A hung GET is thus tried three times before the call gives up.
 */
export const FAULT_ADAPTER: FaultyStoreAdapterOptions = { timeoutMs: 700, attemptTimeoutMs: 300, retries: 2 };

/** A store this much slower than usual is still well within one attempt's time. */
export const SLOW_BUT_IN_TIME_MS = 80;

/**
 * Bound on a turn whose store call hangs: the call's deadline plus room for everything else the turn
 * does on a busy test machine. A behaviour bound (the shopper is answered, well within Alexa's 8 s),
 * not a speed benchmark.
 */
export const HUNG_TURN_BOUND_MS = (FAULT_ADAPTER.timeoutMs ?? 0) + 2_500;

/** Alexa gives up on a skill after 8 seconds. */
export const ALEXA_DEADLINE_MS = 8_000;

/** A failure the skill logged for a turn whose shopper heard an apology. */
export interface LoggedFailure {
  readonly msg: string;
  readonly error?: { readonly name: string; readonly message: string };
}

export interface FaultApp {
  readonly store: FaultyStore;
  readonly app: Express;
  /** What the skill logged at error level, in order. */
  readonly failures: LoggedFailure[];
  converse(platform: 'alexa' | 'google', shopperId?: string, options?: ConversationOptions): Promise<Conversation>;
  close(): Promise<void>;
}

export async function startFaultApp(adapter: FaultyStoreAdapterOptions = FAULT_ADAPTER): Promise<FaultApp> {
  const store = await startFaultyStore();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-faults-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SHOPVOICE_DATA_DIR: dataDir,
    ALEXA_VERIFY_SIGNATURE: 'false',
    // The turn's own time budget is well above the store call's deadline here, so what these tests
    // see is the adapter's doing; and no progressive response is planned within it (the test
    // envelopes name Amazon's real API endpoint, which tests must not call).
    TURN_BUDGET_MS: '2500',
    PROGRESS_AFTER_MS: '2000',
  });
  const failures: LoggedFailure[] = [];
  const logger = pino(
    { level: 'error' },
    {
      write(line: string) {
        failures.push(JSON.parse(line) as LoggedFailure);
      },
    },
  );
  const { app, shopvoice } = createServer(config, logger, {
    adapters: { store: store.adapter(adapter), state: store.embedded.state },
    clock: () => TEST_NOW,
  });
  return {
    store,
    app,
    failures,
    async converse(platform, shopperId, options = {}) {
      const token = shopperId
        ? await signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId })
        : undefined;
      const start = PLATFORMS.find(([name]) => name === platform)![1];
      return start(app, { ...(token ? { token } : {}), ...options });
    },
    async close() {
      shopvoice.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The turn's answer and how long it took to come. */
export async function timed(turn: Promise<Heard>): Promise<{ heard: Heard; ms: number }> {
  const started = performance.now();
  const heard = await turn;
  return { heard, ms: performance.now() - started };
}

/** The body of a reply carries no trace of the code that failed. */
export function expectNoStackTrace(heard: Heard): void {
  const body = JSON.stringify(heard.body);
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(body).not.toMatch(/Store(Unavailable|Data|Rejected)Error|TypeError|SyntaxError|ZodError/);
}

/**
 * How a write whose answer was lost may be spoken: either it was done, or the shopper is told the
 * store could not be reached or the write could not be confirmed, and that holds the step so a
 * "yes" can be said again. Never both in one reply.
 */
export function writeOutcome(heard: Heard, done: RegExp): 'done' | 'not-confirmed' {
  const wasDone = done.test(heard.text);
  // Never "the store isn't answering" for a write that may have gone through: the shopper is told it was not confirmed.
  const notConfirmed = heard.text !== STORE_DOWN && /\b(didn't|couldn't) confirm\b/i.test(heard.text);
  expect({ text: heard.text, wasDone, notConfirmed }).toEqual(expect.objectContaining({ wasDone: !notConfirmed, notConfirmed: !wasDone }));
  return wasDone ? 'done' : 'not-confirmed';
}

/** The failures the skill logged for turns it apologised for, by error name. */
export function failedWith(app: FaultApp): string[] {
  return app.failures.filter((failure) => failure.msg === 'turn failed').map((failure) => failure.error?.name ?? 'unknown');
}

/** The store-down apology, spoken well-formed, still listening, with no stack trace anywhere. */
export function apologised(heard: Heard, platform: 'alexa' | 'google'): Heard {
  answered(heard, platform);
  expect(heard.text).toBe(STORE_DOWN);
  expect(heard.listening).toBe(true);
  expectNoStackTrace(heard);
  return heard;
}

/** Every POST carried an Idempotency-Key, and it was the same one each time; returns it. */
export function expectOneKey(requests: readonly StoreRequest[]): string {
  const keys = requests.map((request) => request.idempotencyKey);
  expect(keys[0]).toEqual(expect.stringMatching(/\S/));
  expect(keys).toEqual(requests.map(() => keys[0]));
  return keys[0]!;
}

