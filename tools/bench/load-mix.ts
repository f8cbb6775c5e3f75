import autocannon from 'autocannon';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { DEMO_SHOPPER_PROFILES } from '../../lambda/commerce/sqlite/demo-shoppers';
import { loadConfig } from '../../lambda/config';
import { CONVERSATIONS, type Platform } from './conversations';
import { type Judgement, judgeAnswer, type Verdict } from './load-answers';
import type { SpokenTurn } from './requests';
import { ORDER_STATUS_SCENARIO } from './scenarios';
import type { ServerProcess } from './server-process';
import type { LoadSettings } from './settings';

/**
 * The mix of turns the load runs send (every demo shopper asking where their orders are and looking
 * for a product, on both platforms), and how every answer to it is judged.
 */

interface DiscoveryRequest {
  readonly query: string;
  readonly utterance: string;
}

/** What shoppers ask for when they browse, as heard and as the query slot holds it; the demo shoppers take one each. */
const DISCOVERY_REQUESTS: readonly [DiscoveryRequest, ...DiscoveryRequest[]] = [
  { query: 'waterproof jacket for hiking under 150 dollars', utterance: 'I need a waterproof jacket for hiking under $150' },
  { query: 'running shoes', utterance: "I'm looking for running shoes" },
  { query: 'cheap headphones', utterance: 'find me some cheap headphones' },
  { query: 'dark roast coffee beans', utterance: 'do you have dark roast coffee beans' },
  { query: 'wool rug', utterance: 'I want a wool rug' },
  { query: 'dog food', utterance: 'show me dog food' },
];
/** The step every discovery answer with products leaves open ("want details on one of them?"). */
const DISCOVERY_RESULTS_STEP = 'discovery/results';

const PLATFORM_PATHS: Readonly<Record<Platform, string>> = { alexa: '/alexa', google: '/google' };
const JSON_HEADERS = { 'content-type': 'application/json' };
/** Stands for the conversation id in a body; every request swaps in a new one, so each turn opens its own session. */
const CONVERSATION_MARK = '@conversation@';
const FAILURE_EXAMPLES = 5;

/** One body of the mix: a turn of one demo shopper on one platform. */
export interface MixEntry {
  readonly id: string;
  readonly flow: 'order-status' | 'discovery';
  readonly platform: Platform;
  readonly shopperId: string;
  readonly turn: SpokenTurn;
  /** The step a good answer must leave, when every shopper's good answer leaves the same one. */
  readonly requiredStep?: string;
}

/**
 * Every demo shopper asks where their orders are and looks for a product, on both platforms. The
 * order-status answers differ with each shopper's story (one order, several, a late one offering a
 * person); the entries alternate flow and platform, so neighbours in the rotation differ.
 */
function mixEntries(): MixEntry[] {
  return DEMO_SHOPPER_PROFILES.flatMap((shopper, index) => {
    const { query, utterance } = DISCOVERY_REQUESTS[index % DISCOVERY_REQUESTS.length] ?? DISCOVERY_REQUESTS[0];
    const discovery: SpokenTurn = { intent: 'FindProductIntent', slots: { query }, utterance };
    const orderStatus = (platform: Platform): MixEntry => ({
      id: `order-status/${shopper.id}/${platform}`,
      flow: 'order-status',
      platform,
      shopperId: shopper.id,
      turn: ORDER_STATUS_SCENARIO.measured,
    });
    const discover = (platform: Platform): MixEntry => ({
      id: `discovery/${shopper.id}/${platform}`,
      flow: 'discovery',
      platform,
      shopperId: shopper.id,
      turn: discovery,
      requiredStep: DISCOVERY_RESULTS_STEP,
    });
    return [orderStatus('alexa'), discover('google'), orderStatus('google'), discover('alexa')];
  });
}

/** A mix entry ready to send: its body with the conversation id left open, and the step its answer leaves. */
export interface PreparedEntry extends MixEntry {
  readonly path: string;
  readonly template: string;
  readonly utterance: string;
  expectedStep: string;
  answered: number;
}

const withConversation = (template: string, conversation: string) => template.replace(CONVERSATION_MARK, conversation);

/** Every body of the mix for a server started with `serverSettings`, signed in with its development key. */
export async function prepareEntries(dataDir: string, serverSettings: Readonly<Record<string, string>>): Promise<PreparedEntry[]> {
  const config = loadConfig(serverSettings);
  const tokens = new Map<string, string>();
  for (const shopper of DEMO_SHOPPER_PROFILES) {
    // Signed with the development key in the server's data dir; the server reads it when a token first needs it.
    const token = await signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId: shopper.id, expiresIn: '2h' });
    tokens.set(shopper.id, token);
  }
  return mixEntries().map((entry) => {
    const conversation = CONVERSATIONS[entry.platform](tokens.get(entry.shopperId));
    const request = conversation.asNewConversation(conversation.requestFor(entry.turn), CONVERSATION_MARK);
    const utterance = entry.turn.utterance ?? entry.turn.intent;
    return { ...entry, path: PLATFORM_PATHS[entry.platform], template: JSON.stringify(request), utterance, expectedStep: 'none', answered: 0 };
  });
}

/**
 * Sends every body once before the load, and fails the bench unless each gets a real answer (the
 * discovery ones with products); what each answer leaves in progress becomes its expected step.
 */
export async function checkEntries(baseUrl: string, entries: readonly PreparedEntry[]): Promise<void> {
  for (const [index, entry] of entries.entries()) {
    const response = await fetch(`${baseUrl}${entry.path}`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: withConversation(entry.template, `check-${index}`),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`bench: load body ${entry.id} answered HTTP ${response.status}: ${body.slice(0, 300)}`);
    const judgement = judgeAnswer(entry.platform, body, entry.requiredStep);
    if (judgement.verdict !== 'answered') {
      throw new Error(`bench: load body ${entry.id} got ${judgement.verdict} (${judgement.step}): "${judgement.said.slice(0, 200)}"`);
    }
    entry.expectedStep = judgement.step;
  }
}

/** Answers that came back 2xx but were no real answer, by verdict, and the first few described. */
export interface Tally {
  readonly refused: Record<Exclude<Verdict, 'answered'>, number>;
  readonly examples: string[];
  /** Verdicts counted but not described: expected ones, which would crowd out the failures worth reading. */
  readonly undescribed: ReadonlySet<Verdict>;
}

export const emptyTally = (undescribed: readonly Verdict[] = []): Tally => ({
  refused: { apology: 0, 'link-account': 0, unexpected: 0 },
  examples: [],
  undescribed: new Set(undescribed),
});

export function noteExample(tally: Tally, example: string): void {
  if (tally.examples.length < FAILURE_EXAMPLES) tally.examples.push(example);
}

/** Judges every answer autocannon receives to one body. */
function judgeEvery(entry: PreparedEntry, tally: Tally) {
  return (status: number, body: string) => {
    if (status < 200 || status >= 300) {
      // autocannon counts these itself (non-2xx); the first few are kept to say what they were.
      noteExample(tally, `${entry.id}: HTTP ${status}: ${body.slice(0, 160)}`);
      return;
    }
    const judgement: Judgement =
      status === 200 ? judgeAnswer(entry.platform, body, entry.expectedStep) : { verdict: 'unexpected', step: 'none', said: `HTTP ${status}` };
    if (judgement.verdict === 'answered') {
      entry.answered += 1;
      return;
    }
    tally.refused[judgement.verdict] += 1;
    if (tally.undescribed.has(judgement.verdict)) return;
    noteExample(tally, `${entry.id}: ${judgement.verdict} (left ${judgement.step}, expected ${entry.expectedStep}): "${judgement.said.slice(0, 120)}"`);
  };
}

export async function runMix(server: ServerProcess, entries: PreparedEntry[], settings: LoadSettings, tally: Tally) {
  let conversations = 0;
  const requests = entries.map((entry) => ({
    method: 'POST',
    path: entry.path,
    headers: JSON_HEADERS,
    body: entry.template,
    setupRequest(request: autocannon.PreparedRequest): autocannon.PreparedRequest {
      conversations += 1;
      request.body = withConversation(entry.template, `load-${conversations}`);
      return request;
    },
    onResponse: judgeEvery(entry, tally),
  }));
  let connection = 0;
  const instance = autocannon({
    url: server.baseUrl,
    connections: settings.connections,
    duration: settings.durationSeconds,
    maxOverallRequests: settings.maxRequests,
    timeout: settings.timeoutSeconds,
    requests,
    // Each connection starts at another place in the mix, so the bodies in flight at once differ.
    setupClient(client) {
      const offset = connection % requests.length;
      connection += 1;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)].map((request) => ({ ...request })));
    },
  });
  instance.on('reqError', (error: Error) => noteExample(tally, `connection: ${error.message}`));
  // autocannon ends on its own at the duration; this stops it should it ever hang past every timeout.
  const guard = setTimeout(() => instance.stop(), (settings.durationSeconds + settings.timeoutSeconds + 10) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(guard);
  }
}
