import type { Commerce, Shopper, TurnEvent, TurnEvents } from '../../lambda/commerce/ports';
import type { Assistance, Flow, FlowContext } from '../../lambda/core/flow';
import type { IntentName } from '../../lambda/core/intents';
import type { Reply } from '../../lambda/core/reply';
import { end, listen } from '../../lambda/core/replies';
import { createRouter, flowAndStepOf, TurnEventNotRecordedError, turnOutcome, type RouterDependencies } from '../../lambda/core/router';
import { freshSessionState, type SessionState } from '../../lambda/core/session-state';
import { shopperHash } from '../../lambda/core/shopper-hash';
import { createTurnWrites } from '../../lambda/core/turn-writes';
import type { Turn, TurnEvent as HeardEvent } from '../../lambda/core/turn';
import { text } from '../../lambda/speech/speech';

/** The router's side of turn events: outcome rules, flow and step, the shopper hash, utterances, and a sink that fails. */

const SECRET = 'router-test-shopper-hash-secret-0123456789';
const said = (who: string) => (context: FlowContext): Reply => end(context.turn, [text(who)]);

const assistance: Assistance = {
  launch: (context) => listen(context.turn, [text('welcome')], [text('what?')]),
  help: said('help'),
  stop: said('stop'),
  cancel: said('cancel'),
  talkToPerson: async (context) => ({ ...said('person')(context), handedOff: 'ticket' }),
  repeat: said('repeat'),
  notUnderstood: (context) => listen(context.turn, [text('pardon?')], [text('what?')]),
  linkAccount: said('link-account'),
  apologize: (context) => ({ ...listen(context.turn, [text('sorry')], [text('again?')]), state: context.turn.state }),
  sessionEnded: said('session-ended'),
};

const ava: Shopper = { id: 'shopper-ava', givenName: 'Ava', familyName: 'Stone', email: 'ava@example.com', locale: 'en-US' };
const commerce = {
  shoppers: { findById: async (id: string) => (id === ava.id ? ava : undefined) },
  conversations: { append: async () => {}, turns: async () => [] },
} as unknown as Commerce;

const checkoutFlow: Flow = {
  name: 'checkout',
  needsShopper: true,
  startsOn: ['BuyIntent'],
  start: async (context) =>
    listen(context.turn, [text('your PIN?')], [text('PIN?')], { active: { flow: 'checkout', step: 'pin', data: {}, secret: true } }),
  continue: async (context) => ({
    ...end(context.turn, [text('placed')]),
    achieved: { goal: 'order-placed', orderValue: { minor: 2_499, currency: 'USD' } },
  }),
};
const statusFlow: Flow = {
  name: 'order-status',
  needsShopper: true,
  startsOn: ['OrderStatusIntent'],
  start: async (context) => ({ ...end(context.turn, [text('on its way')]), achieved: { goal: 'order-status-given' } }),
};
const brokenFlow: Flow = {
  name: 'discovery',
  needsShopper: false,
  startsOn: ['FindProductIntent'],
  start: async () => {
    throw new Error('catalog down');
  },
};

function memorySink(): TurnEvents & { readonly events: TurnEvent[] } {
  const events: TurnEvent[] = [];
  return {
    events,
    record: async (event) => {
      events.push(event);
    },
    list: async () => events,
    purgeBefore: async () => 0,
    forgetShopper: async () => 0,
  };
}

function routerWith(sink: TurnEvents, overrides: Partial<RouterDependencies> & { storeUtterances?: boolean } = {}) {
  const errors: unknown[] = [];
  const turnWrites = createTurnWrites();
  const route = createRouter({
    flows: [checkoutFlow, statusFlow, brokenFlow],
    assistance,
    commerce,
    store: { name: 'Test Store', supportPhone: '18005550199', timeZone: 'UTC', followUpBusinessDays: 1 },
    verifyAccessToken: async (token) => (token === 'good' ? { shopperId: ava.id } : undefined),
    clock: () => new Date('2026-11-26T15:00:00Z'),
    onError: (error) => errors.push(error),
    turnEvents: { sink, shopperHashSecret: SECRET, storeUtterances: overrides.storeUtterances ?? false, redact: (words) => words.replace(/\d/g, '#') },
    turnWrites,
    ...overrides,
  });
  return { route, errors, turnWrites };
}

function turn(event: HeardEvent, options: { token?: string; state?: SessionState; utterance?: string } = {}): Turn {
  return {
    platform: 'google',
    locale: 'en-US',
    event,
    state: options.state ?? freshSessionState(),
    accessToken: options.token,
    utterance: options.utterance,
    device: { screen: false },
    requestId: 'r1',
    sessionId: 's1',
  };
}
const intent = (name: IntentName): HeardEvent => ({ kind: 'intent', intent: name, slots: {} });

describe('turnOutcome', () => {
  const base = { state: freshSessionState(), speech: [] };
  const listening: Reply = { ...base, next: 'listen', reprompt: [] };
  const ending: Reply = { ...base, next: 'end' };
  const clean = { failed: false, fellBack: false };

  it.each([
    ['an apology after a failure', 'error', listening, { failed: true, fellBack: false }],
    ['a goal achieved', 'resolved', { ...ending, achieved: { goal: 'return-created' } } as Reply, clean],
    ['a goal achieved while listening', 'resolved', { ...listening, achieved: { goal: 'product-chosen' } } as Reply, clean],
    ['a ticket filed', 'handed-off', { ...ending, handedOff: 'ticket' } as Reply, clean],
    ['a guest given the phone number', 'handed-off', { ...ending, handedOff: 'phone' } as Reply, clean],
    ['the fallback', 'fell-back', listening, { failed: false, fellBack: true }],
    ['a question', 'asked', listening, clean],
    ['an answer that closes', 'answered', ending, clean],
    ['a request to link the account', 'answered', { ...base, next: 'link-account' } as Reply, clean],
  ])('%s is %s', (_name, outcome, reply, trace) => {
    expect(turnOutcome(reply, trace)).toBe(outcome);
  });

  it('puts a failure before anything the reply says', () => {
    expect(turnOutcome({ ...ending, achieved: { goal: 'order-status-given' } }, { failed: true, fellBack: true })).toBe('error');
  });
});

describe('flowAndStepOf', () => {
  const before = { ...freshSessionState(), active: { flow: 'returns', step: 'reason', data: {} } };
  const reply = (active?: { flow: string; step: string }): Reply => ({ state: { ...freshSessionState(), active: active && { ...active, data: {} } }, speech: [], next: 'end' });

  it('names the step the reply leaves in progress', () => {
    expect(flowAndStepOf(turn(intent('YesIntent'), { state: before }), reply({ flow: 'returns', step: 'confirm' }), {})).toEqual({ flow: 'returns', step: 'confirm' });
  });
  it('names a flow that started and finished on the turn, without a step', () => {
    expect(flowAndStepOf(turn(intent('OrderStatusIntent'), { state: before }), reply(), { started: 'order-status' })).toEqual({ flow: 'order-status' });
  });
  it('names the step the turn closed otherwise', () => {
    expect(flowAndStepOf(turn(intent('StopIntent'), { state: before }), reply(), {})).toEqual({ flow: 'returns', step: 'reason' });
    expect(flowAndStepOf(turn({ kind: 'launch' }), reply(), {})).toEqual({});
  });
});

describe('the router records one event per turn', () => {
  it('with the outcome, goal, order value, flow and step, latency and the shopper as a hash only', async () => {
    const sink = memorySink();
    const { route, errors } = routerWith(sink);
    const launched = await route(turn({ kind: 'launch' }, { token: 'good' }));
    await route(turn(intent('FallbackIntent'), { token: 'good', state: launched.state }));
    await route(turn(intent('OrderStatusIntent'), { token: 'good' }));
    const asked = await route(turn(intent('BuyIntent'), { token: 'good' }));
    await route(turn(intent('PinIntent'), { token: 'good', state: asked.state }));
    await route(turn(intent('TalkToAgentIntent')));
    await route(turn(intent('FindProductIntent')));
    await route(turn({ kind: 'session-ended', reason: 'USER_INITIATED' }));

    expect(errors.map((error) => (error as Error).message)).toEqual(['catalog down']);
    const hash = shopperHash(SECRET, ava.id);
    expect(sink.events.map(({ intent: heard, outcome, goal, orderValue, flow, step, shopperHash: who }) => ({ heard, outcome, goal, orderValue, flow, step, who }))).toEqual([
      { heard: 'launch', outcome: 'asked', goal: undefined, orderValue: undefined, flow: undefined, step: undefined, who: hash },
      { heard: 'FallbackIntent', outcome: 'fell-back', goal: undefined, orderValue: undefined, flow: undefined, step: undefined, who: hash },
      { heard: 'OrderStatusIntent', outcome: 'resolved', goal: 'order-status-given', orderValue: undefined, flow: 'order-status', step: undefined, who: hash },
      { heard: 'BuyIntent', outcome: 'asked', goal: undefined, orderValue: undefined, flow: 'checkout', step: 'pin', who: hash },
      { heard: 'PinIntent', outcome: 'resolved', goal: 'order-placed', orderValue: { minor: 2_499, currency: 'USD' }, flow: 'checkout', step: 'pin', who: hash },
      { heard: 'TalkToAgentIntent', outcome: 'handed-off', goal: undefined, orderValue: undefined, flow: undefined, step: undefined, who: undefined },
      { heard: 'FindProductIntent', outcome: 'error', goal: undefined, orderValue: undefined, flow: 'discovery', step: undefined, who: undefined },
      { heard: 'session-ended', outcome: 'answered', goal: undefined, orderValue: undefined, flow: undefined, step: undefined, who: undefined },
    ]);
    for (const event of sink.events) {
      expect(event).toMatchObject({ platform: 'google', locale: 'en-US', conversationId: 'google:s1', at: new Date('2026-11-26T15:00:00Z') });
      expect(event.latencyMs).toBeGreaterThanOrEqual(0);
      expect(event.utterance).toBeUndefined();
      expect(JSON.stringify(event)).not.toContain('shopper-ava');
    }
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps what was said only when allowed, redacted, and never on a PIN step or for a PIN', async () => {
    const sink = memorySink();
    const off = routerWith(sink);
    await off.route(turn(intent('OrderStatusIntent'), { token: 'good', utterance: 'where is order 10694' }));
    expect(sink.events.at(-1)?.utterance).toBeUndefined();

    const { route } = routerWith(sink, { storeUtterances: true });
    await route(turn(intent('OrderStatusIntent'), { token: 'good', utterance: 'where is order 10694' }));
    expect(sink.events.at(-1)?.utterance).toBe('where is order #####');
    const asked = await route(turn(intent('BuyIntent'), { token: 'good', utterance: 'buy it' }));
    expect(sink.events.at(-1)?.utterance).toBe('buy it');
    await route(turn(intent('YesIntent'), { token: 'good', state: asked.state, utterance: 'seven three nine one' }));
    expect(sink.events.at(-1)?.utterance).toBeUndefined();
    await route(turn(intent('PinIntent'), { token: 'good', utterance: 'seven three nine one' }));
    expect(sink.events.at(-1)?.utterance).toBeUndefined();

    const noRedactor = routerWith(sink, { turnEvents: { sink, shopperHashSecret: SECRET, storeUtterances: true } });
    await noRedactor.route(turn(intent('OrderStatusIntent'), { token: 'good', utterance: 'where is order 10694' }));
    expect(sink.events.at(-1)?.utterance).toBeUndefined();
  });

  it('answers as usual when the sink throws, rejects or never answers, and reports it', async () => {
    const normal = await routerWith(memorySink()).route(turn(intent('OrderStatusIntent'), { token: 'good' }));
    const sinks: Record<string, TurnEvents> = {
      throws: { ...memorySink(), record: () => { throw new Error('sink broke'); } },
      rejects: { ...memorySink(), record: async () => { throw new Error('sink down'); } },
      hangs: { ...memorySink(), record: () => new Promise<void>(() => {}) },
    };
    for (const [how, sink] of Object.entries(sinks)) {
      const { route, errors, turnWrites } = routerWith(sink);
      const reply = await route(turn(intent('OrderStatusIntent'), { token: 'good' }));
      expect({ how, reply }).toEqual({ how, reply: normal });
      // As a Lambda function does before it returns: a write still running is given up on, and said so.
      await turnWrites.settle(20);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(TurnEventNotRecordedError);
      expect((errors[0] as TurnEventNotRecordedError).reason).toBe(how === 'hangs' ? 'timeout' : 'failed');
    }
  });

  it('answers without waiting for the event to be written, and reports one that was not confirmed once given up on', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: TurnEvents & { readonly events: TurnEvent[] } = { ...memorySink(), record: () => held };
    const { route, errors, turnWrites } = routerWith(slow);
    const reply = await route(turn(intent('OrderStatusIntent'), { token: 'good' }));
    expect(reply.achieved).toEqual({ goal: 'order-status-given' });
    // The reply is out; the conversation log took its line, the event is still being written, and nothing went wrong yet.
    await new Promise(setImmediate);
    expect(turnWrites.pending).toBe(1);
    expect(errors).toEqual([]);
    release();
    await turnWrites.settle(1_000);
    expect(turnWrites.pending).toBe(0);
    expect(errors).toEqual([]);

    const hung = routerWith({ ...memorySink(), record: () => new Promise<void>(() => {}) });
    await hung.route(turn(intent('OrderStatusIntent'), { token: 'good' }));
    expect(hung.errors).toEqual([]);
    await hung.turnWrites.settle(0);
    expect(hung.errors).toEqual([expect.objectContaining({ name: 'TurnEventNotRecordedError', reason: 'timeout' })]);
    expect(hung.turnWrites.pending).toBe(0);
  });

  it('answers as usual when reporting a lost event throws too', async () => {
    const sink: TurnEvents = { ...memorySink(), record: async () => { throw new Error('sink down'); } };
    const { route } = routerWith(sink, {
      onError: () => {
        throw new Error('logger broke');
      },
    });
    expect((await route(turn({ kind: 'launch' }))).next).toBe('listen');
  });

  it('records nothing, and still answers, without a sink', async () => {
    const { route } = routerWith(memorySink(), { turnEvents: undefined });
    expect((await route(turn({ kind: 'launch' }))).next).toBe('listen');
  });
});
