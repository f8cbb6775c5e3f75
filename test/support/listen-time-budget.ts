import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { GOOGLE } from '../../interaction-models/lib/platforms';
import { LISTEN_BUDGET, type ListenSample } from '../../tools/listen-time/distribution';
import { estimateListenTime, type ListenPlatform } from '../../tools/listen-time/estimate';
import { activeFlowIn, flowOfReply } from '../../tools/listen-time/reply-flow';
import { carriedState } from './sealed-state';

/**
 * Every reply a conversation test hears goes through the listen-time estimate: one over the
 * budget fails the test, and every estimate is written down for the summary printed at the end of
 * the run (test/support/listen-time.global-teardown.ts).
 */

/** Where this run's estimates are written, one file per jest worker; set by the global setup. */
export const LISTEN_TIME_DIR_VARIABLE = 'SHOPVOICE_LISTEN_TIME_DIR';

/** One reply as written down for the summary. */
export interface RecordedReply extends ListenSample {
  /** 'http' when the run reaches the store over commerce-api.yaml (the over-http project). */
  readonly store: string;
  readonly testFile: string;
  readonly text: string;
}

/** The reply as the conversation helpers read it. */
export interface HeardReply {
  readonly ssml: string;
  /** The speech without markup. */
  readonly text: string;
  /** The session state (unsealed) the reply leaves for the next turn. */
  readonly state: unknown;
}

type Json = Record<string, any>;

/** What a request asked, in what language, and with which state: all read from the request itself. */
export function describeRequest(platform: ListenPlatform, body: object): { request: string; locale: string; before: unknown } {
  const json = body as Json;
  if (platform === 'alexa') {
    const { request } = json;
    const name = request?.type === 'LaunchRequest' ? 'launch' : (request?.intent?.name?.replace(/^AMAZON\./, '') ?? request?.type);
    return { request: String(name ?? 'unknown'), locale: String(request?.locale ?? 'en-US'), before: carriedState(json.session?.attributes?.shopvoice) };
  }
  const intent = String(json.intent?.name ?? '');
  const name =
    intent === GOOGLE.mainIntent ? 'launch' : intent === GOOGLE.cancelIntent ? 'CancelIntent' : (GOOGLE.noMatchIntents as readonly string[]).includes(intent) ? 'FallbackIntent' : intent;
  return { request: name || 'unknown', locale: String(json.user?.locale ?? 'en-US'), before: carriedState(json.session?.params?.shopvoice) };
}

function currentTestFile(): string {
  const testPath = expect.getState().testPath;
  return testPath ? path.relative(process.cwd(), testPath) : 'unknown';
}

function record(reply: RecordedReply): void {
  const dir = process.env[LISTEN_TIME_DIR_VARIABLE];
  if (!dir) return;
  appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify(reply)}\n`);
}

/**
 * Estimates how long the reply to `sent` takes to say, writes it down, and throws when it is over
 * the limit. No reply is exempt.
 */
export function expectWithinListenBudget(platform: ListenPlatform, sent: object, reply: HeardReply): void {
  if (reply.ssml === '') return;
  const { request, locale, before } = describeRequest(platform, sent);
  const { seconds, words } = estimateListenTime(reply.ssml, { platform, locale });
  const flow = flowOfReply({ request, before: activeFlowIn(before), after: activeFlowIn(reply.state) });
  record({
    flow,
    platform,
    locale,
    seconds,
    words,
    store: process.env.SHOPVOICE_TEST_COMMERCE ?? 'embedded',
    testFile: currentTestFile(),
    text: reply.text,
  });
  if (seconds > LISTEN_BUDGET.limitSeconds) {
    throw new Error(
      `This ${platform} reply (${flow}, ${request}) takes about ${seconds.toFixed(1)} s to say, ` +
        `over the ${LISTEN_BUDGET.limitSeconds} s listen-time limit (${words} words): "${reply.text}"`,
    );
  }
}
