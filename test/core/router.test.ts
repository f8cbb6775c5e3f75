import type { Commerce, Shopper } from '../../lambda/commerce/ports';
import type { Assistance, Flow, FlowContext } from '../../lambda/core/flow';
import type { Reply } from '../../lambda/core/reply';
import { end, listen } from '../../lambda/core/replies';
import { createRouter } from '../../lambda/core/router';
import { freshSessionState, readSessionState, type SessionState } from '../../lambda/core/session-state';
import type { IntentName } from '../../lambda/core/intents';
import type { Turn, TurnEvent } from '../../lambda/core/turn';
import { text } from '../../lambda/speech/speech';

/** Each answer names who gave it, so the tests can see the routing decision. */
function said(who: string) {
  return (context: FlowContext): Reply => end(context.turn, [text(who)]);
}

const escalations: { reason: string; facts: unknown }[] = [];
const assistance: Assistance = {
  launch: said('launch'),
  help: said('help'),
  stop: said('stop'),
  cancel: said('cancel'),
  talkToPerson: async (context, reason, facts) => {
    escalations.push({ reason, facts });
    return said('person')(context);
  },
  repeat: said('repeat'),
  notUnderstood: said('not-understood'),
  linkAccount: said('link-account'),
  apologize: (context) => ({ ...said('apology')(context), state: context.turn.state }),
  sessionEnded: said('session-ended'),
};

const ava: Shopper = { id: 'shopper-ava', givenName: 'Ava', familyName: 'Stone', email: 'ava@example.com', locale: 'en-US' };
const logged: { conversation: string; heard: string; said?: string }[] = [];
const commerce = {
  shoppers: { findById: async (id: string) => (id === ava.id ? ava : undefined) },
  conversations: {
    append: async (conversation: string, turn: { heard: string; said?: string }) => {
      logged.push({ conversation, heard: turn.heard, said: turn.said });
    },
    turns: async () => [],
  },
} as unknown as Commerce;

const orderFlow: Flow = {
  name: 'order-status',
  needsShopper: true,
  startsOn: ['OrderStatusIntent'],
  start: async (context) =>
    listen(context.turn, [text(`orders for ${(await context.shopper.profile())?.givenName}`)], [text('more?')], {
      active: { flow: 'order-status', step: 'offered-more', data: {} },
    }),
  continue: async (context, active) =>
    context.turn.event.kind === 'intent' && context.turn.event.intent === 'YesIntent' ? said(`continued ${active.step}`)(context) : undefined,
  help: (context, active) => said(`help for ${active.step}`)(context),
  handoffFacts: (active) => ({ topic: `orders at ${active.step}` }),
};

const brokenFlow: Flow = {
  name: 'discovery',
  needsShopper: false,
  startsOn: ['FindProductIntent'],
  start: async () => {
    throw new Error('backend down');
  },
};

const errors: unknown[] = [];
const route = createRouter({
  flows: [orderFlow, brokenFlow],
  assistance,
  commerce,
  store: { name: 'Test Store', supportPhone: '18005550199', timeZone: 'UTC', followUpBusinessDays: 1 },
  verifyAccessToken: async (token) => (token === 'good' ? { shopperId: 'shopper-ava' } : undefined),
  onError: (error) => errors.push(error),
});

function turn(event: TurnEvent, options: { token?: string; state?: SessionState } = {}): Turn {
  return {
    platform: 'alexa',
    locale: 'en-US',
    event,
    state: options.state ?? freshSessionState(),
    accessToken: options.token,
    device: { screen: false },
    requestId: 'r1',
    sessionId: 's1',
  };
}

const intent = (name: IntentName): TurnEvent => ({ kind: 'intent', intent: name, slots: {} });
const words = (reply: Reply) => reply.speech.map((part) => (part.kind === 'text' ? part.text : '')).join('');

describe('router', () => {
  it('answers a launch and a session end', async () => {
    expect(words(await route(turn({ kind: 'launch' })))).toBe('launch');
    expect(words(await route(turn({ kind: 'session-ended', reason: 'USER_INITIATED' })))).toBe('session-ended');
  });

  it('asks an unlinked shopper to link before a flow that needs one', async () => {
    expect(words(await route(turn(intent('OrderStatusIntent'))))).toBe('link-account');
    expect(words(await route(turn(intent('OrderStatusIntent'), { token: 'forged' })))).toBe('link-account');
    expect(words(await route(turn(intent('OrderStatusIntent'), { token: 'good' })))).toBe('orders for Ava');
  });

  it('gives the flow in progress the answer, and global intents win over it', async () => {
    const started = await route(turn(intent('OrderStatusIntent'), { token: 'good' }));
    const state = started.state;
    expect(words(await route(turn(intent('YesIntent'), { token: 'good', state })))).toBe('continued offered-more');
    expect(words(await route(turn(intent('HelpIntent'), { token: 'good', state })))).toBe('help for offered-more');
    expect(words(await route(turn(intent('StopIntent'), { token: 'good', state })))).toBe('stop');
    expect(words(await route(turn(intent('TalkToAgentIntent'), { token: 'good', state })))).toBe('person');
    expect(words(await route(turn(intent('CancelIntent'), { token: 'good', state })))).toBe('cancel');
  });

  it('escalates a dispute, a request for an exception and an angry shopper, with what the flow in progress knows', async () => {
    const started = await route(turn(intent('OrderStatusIntent'), { token: 'good' }));
    escalations.length = 0;
    for (const name of ['DisputeIntent', 'PolicyExceptionIntent', 'FrustrationIntent', 'TalkToAgentIntent'] as const) {
      expect(words(await route(turn(intent(name), { token: 'good', state: started.state })))).toBe('person');
    }
    expect(escalations).toEqual([
      { reason: 'dispute', facts: { topic: 'orders at offered-more' } },
      { reason: 'policy-exception', facts: { topic: 'orders at offered-more' } },
      { reason: 'shopper-upset', facts: { topic: 'orders at offered-more' } },
      { reason: 'shopper-asked', facts: { topic: 'orders at offered-more' } },
    ]);
    await route(turn(intent('FrustrationIntent')));
    expect(escalations.at(-1)).toEqual({ reason: 'shopper-upset', facts: undefined });
  });

  it('logs every answered turn of a conversation, with what was said back', async () => {
    logged.length = 0;
    await route(turn({ kind: 'launch' }));
    await route(turn(intent('HelpIntent')));
    await route(turn({ kind: 'session-ended', reason: 'USER_INITIATED' }));
    expect(logged).toEqual([
      { conversation: 'alexa:s1', heard: 'launch', said: 'launch' },
      { conversation: 'alexa:s1', heard: 'HelpIntent', said: 'help' },
    ]);
  });

  it('treats an answer nobody asked for as not understood, and repeats on request', async () => {
    expect(words(await route(turn(intent('YesIntent'))))).toBe('not-understood');
    expect(words(await route(turn(intent('FallbackIntent'))))).toBe('not-understood');
    expect(words(await route(turn(intent('RepeatIntent'))))).toBe('repeat');
  });

  it('apologises when a flow fails, keeping the state so the shopper can retry', async () => {
    const state: SessionState = { ...freshSessionState(), active: { flow: 'order-status', step: 'offered-more', data: { remaining: ['1'] } } };
    const reply = await route(turn(intent('FindProductIntent'), { state }));
    expect(words(reply)).toBe('apology');
    expect(reply.state).toEqual(state);
    expect(errors).toHaveLength(1);
  });

  it('refuses two flows starting on one intent', () => {
    expect(() => createRouter({ flows: [orderFlow, { ...orderFlow, name: 'assistance' }], assistance, commerce, store: { name: 'x', supportPhone: '1', timeZone: 'UTC', followUpBusinessDays: 1 }, verifyAccessToken: async () => undefined })).toThrow(/Two flows/);
  });
});

describe('session state', () => {
  it('starts fresh from anything missing, foreign or from another version', () => {
    expect(readSessionState(undefined)).toEqual(freshSessionState());
    expect(readSessionState({ v: 99, misunderstood: 1 })).toEqual(freshSessionState());
    expect(readSessionState('<script>')).toEqual(freshSessionState());
    expect(readSessionState({ v: 1, misunderstood: -5 })).toEqual(freshSessionState());
  });

  it('round-trips a valid state', () => {
    const state: SessionState = { v: 1, misunderstood: 1, active: { flow: 'order-status', step: 'offered-more', data: { remaining: ['1042'] } }, lastSpeech: [{ kind: 'text', text: 'hi' }] };
    expect(readSessionState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
