import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import { type Config, loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { LOCALES } from '../../lambda/speech/i18n';
import { type RecordedStoreRequest, type RecordingStoreApi, startRecordingStoreApi } from '../../tools/bench/recording-store-api';
import { inSequence, ROUND_TRIP_SCRIPT, roundTripBudget, type ScriptedTurn } from '../../tools/bench/round-trip-script';
import { alexaConversation, answered, type Conversation, type Heard } from '../support/conversation';
import { TEST_NOW } from '../support/test-app';

/**
 * How many times each turn of issue 23's script waits on the store: the skill over
 * STORE_ADAPTER=http, the real store API server, real Alexa envelopes through the express app. A
 * turn reads in one round trip and writes in one more; a read that can only be asked with the
 * answer of another (tools/bench/round-trip-script.ts says which, and why) costs one more. The
 * store answers every request a little late, so that requests sent together overlap and requests
 * sent one after the other do not: what is counted is the order of requests, never their time.
 */

/** Long enough that two requests sent at once are both in flight together, even on a busy machine. */
const STORE_DELAY_MS = 40;

interface CountedTurn {
  readonly label: string;
  readonly operations: readonly string[];
  /** Each request's method, path and query string. */
  readonly openings: readonly string[];
  readonly inSequence: number;
  readonly budget: number;
}

let store: RecordingStoreApi;
let app: Express;
let config: Config;
let dataDir: string;
let close: () => void;

function opening(request: RecordedStoreRequest): string {
  return `${request.method} ${request.path}`;
}

/** Until the reads the adapter makes as it starts (the catalog vocabulary of each locale) are answered. */
async function startUpReadsAnswered(): Promise<void> {
  const answered = () => store.requests.filter((request) => request.operation === 'catalogVocabulary' && request.answeredAt !== undefined).length;
  for (let waited = 0; answered() < LOCALES.length; waited += 1) {
    if (waited > 1_000) throw new Error('the store adapter did not read the catalog vocabulary of every locale as it started');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  store = await startRecordingStoreApi({ delayMs: STORE_DELAY_MS, now: TEST_NOW });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-round-trips-'));
  config = loadConfig({
    NODE_ENV: 'test',
    SHOPVOICE_DATA_DIR: dataDir,
    ALEXA_VERIFY_SIGNATURE: 'false',
    STORE_ADAPTER: 'http',
    STORE_API_URL: store.url,
  });
  const server = createServer(config, createLogger('silent'), { clock: () => TEST_NOW });
  app = server.app;
  close = () => server.shopvoice.close();
  await startUpReadsAnswered();
});

afterAll(async () => {
  close();
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function say(conversation: Conversation, turn: ScriptedTurn): Promise<Heard> {
  if (turn.say === 'launch') return conversation.launch();
  const spoken = typeof turn.say === 'function' ? await turn.say(store.embedded.store) : turn.say;
  const slots = Object.fromEntries(
    Object.entries(spoken.slots ?? {}).map(([name, slot]) => [name, typeof slot === 'string' ? slot : { value: slot.spoken, id: slot.id }]),
  );
  return conversation.say(spoken.intent, slots);
}

function stepOf(heard: Heard): string {
  const active = (heard.state as { active?: { flow: string; step: string } } | undefined)?.active;
  return active ? `${active.flow}/${active.step}` : 'none';
}

/** Says every scripted turn, in order, and what each asked of the store. */
async function countScript(): Promise<CountedTurn[]> {
  const counted: CountedTurn[] = [];
  for (const scripted of ROUND_TRIP_SCRIPT) {
    const token = await signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId: scripted.shopperId });
    const conversation = alexaConversation(app, { token });
    for (const turn of scripted.turns) {
      store.forget();
      const heard = answered(await say(conversation, turn), 'alexa');
      expect({ turn: turn.label, step: stepOf(heard) }).toEqual({ turn: turn.label, step: turn.after });
      const requests = [...store.requests];
      // Every request of the turn was answered before its reply: nothing of it still runs.
      expect({ turn: turn.label, open: requests.filter((request) => request.answeredAt === undefined).map(opening) }).toEqual({ turn: turn.label, open: [] });
      counted.push({
        label: turn.label,
        operations: requests.map((request) => request.operation ?? opening(request)),
        openings: requests.map(opening),
        inSequence: inSequence(requests.map((request) => ({ start: request.receivedAt, end: request.answeredAt }))),
        budget: roundTripBudget(turn),
      });
      for (const request of requests) expect({ turn: turn.label, request: opening(request), known: request.operation !== undefined }).toMatchObject({ known: true });
      // Nothing is asked of the store twice in one turn.
      const openings = requests.map(opening);
      expect({ turn: turn.label, repeated: openings.filter((each, index) => openings.indexOf(each) !== index) }).toEqual({ turn: turn.label, repeated: [] });
    }
  }
  return counted;
}

describe('store round trips per turn, over STORE_ADAPTER=http', () => {
  let counted: CountedTurn[];
  beforeAll(async () => {
    counted = await countScript();
  });

  it('counts every scripted turn, each of which asks the store for something', () => {
    expect(counted.map((turn) => turn.label)).toEqual(ROUND_TRIP_SCRIPT.flatMap((scripted) => scripted.turns.map((turn) => turn.label)));
    expect(counted.filter((turn) => turn.operations.length === 0).map((turn) => turn.label)).toEqual([]);
  });

  it('keeps every turn within its round trips in sequence: one to read, one more to write', () => {
    const over = counted.filter((turn) => turn.inSequence > turn.budget).map((turn) => `${turn.label}: ${turn.inSequence} in sequence (${turn.operations.join(', ')})`);
    expect(over).toEqual([]);
    // A turn that does not write, and needs no answer to ask its next read, reads in one round trip.
    const plainReads = ROUND_TRIP_SCRIPT.flatMap((scripted) => scripted.turns).filter((turn) => !turn.writes && !turn.dependentRead);
    expect(plainReads.length).toBeGreaterThanOrEqual(8);
    for (const turn of plainReads) expect({ turn: turn.label, budget: roundTripBudget(turn) }).toEqual({ turn: turn.label, budget: 1 });
  });

  it('never waits for the shopper’s record on turns that need only their id', () => {
    const byLabel = new Map(counted.map((turn) => [turn.label, turn.operations]));
    for (const label of ['where is my order', 'order by number', 'order by item', 'return: item', 'return: confirm item', 'product search']) {
      expect({ label, operations: byLabel.get(label) }).toEqual({ label, operations: expect.not.arrayContaining(['findShopper']) });
    }
    // The welcome says the shopper's name: the one read a linked launch makes.
    expect(byLabel.get('launch (linked)')).toEqual(['findShopper']);
  });

  it('asks for the orders a status answer can be about, not the whole order history', () => {
    const byLabel = new Map(counted.map((turn) => [turn.label, turn.openings]));
    expect(byLabel.get('where is my order')).toEqual([expect.stringMatching(/^GET \/shoppers\/[^/?]+\/orders\?(?:.*&)?openOrDeliveredSince=/)]);
  });

  it('reads the return policy once for the whole conversation, and the product being bought without its category when it has sizes', () => {
    expect(counted.flatMap((turn) => turn.operations).filter((operation) => operation === 'returnPolicy')).toHaveLength(1);
    const byLabel = new Map(counted.map((turn) => [turn.label, turn.operations]));
    expect([...(byLabel.get('buy → asks the size') ?? [])].sort()).toEqual(['findProduct', 'findShopper']);
    // The size answer also asks for the quote the confirmation reads (tax and delivery), beside the product.
    expect([...(byLabel.get('the size answer') ?? [])].sort()).toEqual(['findProduct', 'findShopper', 'quoteOrder']);
    // The catalog's words were read as the adapter started: no search waits on them.
    expect(byLabel.get('product search')).toEqual(['searchProducts']);
  });
});
