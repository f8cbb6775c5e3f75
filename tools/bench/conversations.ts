import {
  alexaIntent,
  type AlexaSession,
  googleIntent,
  type GoogleSession,
  NEW_ALEXA_SESSION,
  NEW_GOOGLE_SESSION,
  type SpokenTurn,
} from './requests';

export type Platform = 'alexa' | 'google';

export const PLATFORMS: readonly Platform[] = ['alexa', 'google'];

/** Where Shopvoice keeps its conversation state in each platform's session (see the README). */
const STATE_KEY = 'shopvoice';

/**
 * One conversation as a platform carries it: says turns as that platform's requests, reads the
 * answers (failing on anything that is not a spoken answer) and carries the session forward.
 */
export interface PlatformConversation {
  readonly platform: Platform;
  requestFor(turn: SpokenTurn): object;
  heard(answer: unknown): void;
  /** The flow step Shopvoice has in progress after the last answer, from the state it sent back. */
  active(): ActiveStep | undefined;
  /**
   * A copy of one of this conversation's requests, moved into a conversation of its own. The state
   * it carries is sealed for its own conversation, so it only survives the move when `reseal`
   * seals it again for the new one (as only a holder of the server's secret can).
   */
  asNewConversation(request: object, conversation: number | string, reseal?: Reseal): object;
}

/** Seals state carried in one conversation for another: `from` and `to` are the platform's session ids. */
export type Reseal = (carried: unknown, from: string, to: string) => unknown;

export interface ActiveStep {
  readonly flow: string;
  readonly step: string;
}

type Json = Record<string, unknown>;

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Json)[key];
  }
  return current;
}

function expectSpeech(platform: Platform, speech: unknown, answer: unknown): void {
  if (typeof speech !== 'string' || speech.trim() === '') {
    throw new Error(`bench: ${platform} gave no spoken answer: ${String(JSON.stringify(answer)).slice(0, 300)}`);
  }
}

/** The state travels sealed (lambda/core/sealed-state.ts): readable under `state`, next to its MAC. */
function activeStepIn(state: unknown): ActiveStep | undefined {
  const flow = field(state, STATE_KEY, 'state', 'active', 'flow');
  const step = field(state, STATE_KEY, 'state', 'active', 'step');
  return typeof flow === 'string' && typeof step === 'string' ? { flow, step } : undefined;
}

/** How one platform carries a conversation: its requests, where its answers keep speech and session. */
interface PlatformWire<Session> {
  readonly initial: Session;
  request(turn: SpokenTurn, session: Session, token: string | undefined): object;
  speech(answer: unknown): unknown;
  next(answer: unknown, session: Session): Session;
  /** The platform session Shopvoice keeps its state in. */
  state(session: Session): unknown;
  /** The field of the request's `session` that names the conversation. */
  readonly sessionIdKey: string;
  /** The field of the request's `session` that carries Shopvoice's state. */
  readonly carriesKey: string;
}

const asJson = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null ? (value as Json) : undefined);

const ALEXA_WIRE: PlatformWire<AlexaSession> = {
  initial: NEW_ALEXA_SESSION,
  request: (turn, session, token) => alexaIntent(turn, session, token),
  speech: (answer) => field(answer, 'response', 'outputSpeech', 'ssml'),
  next: (answer) => ({ attributes: asJson(field(answer, 'sessionAttributes')) ?? {}, isNew: false }),
  state: (session) => session.attributes,
  sessionIdKey: 'sessionId',
  carriesKey: 'attributes',
};

const GOOGLE_WIRE: PlatformWire<GoogleSession> = {
  initial: NEW_GOOGLE_SESSION,
  request: (turn, session, token) => googleIntent(turn, session, token),
  speech: (answer) => field(answer, 'prompt', 'firstSimple', 'speech'),
  next(answer, session) {
    const next = field(answer, 'scene', 'next', 'name');
    return { params: asJson(field(answer, 'session', 'params')) ?? session.params, scene: typeof next === 'string' ? next : session.scene };
  },
  state: (session) => session.params,
  sessionIdKey: 'id',
  carriesKey: 'params',
};

function conversationOver<Session>(platform: Platform, wire: PlatformWire<Session>, token: string | undefined): PlatformConversation {
  let session = wire.initial;
  return {
    platform,
    requestFor: (turn) => wire.request(turn, session, token),
    heard(answer) {
      expectSpeech(platform, wire.speech(answer), answer);
      session = wire.next(answer, session);
    },
    active: () => activeStepIn(wire.state(session)),
    asNewConversation(request, conversation, reseal) {
      const copy = structuredClone(request);
      const named = asJson(field(copy, 'session'));
      if (!named) throw new Error(`bench: a ${platform} request without a session`);
      const from = String(named[wire.sessionIdKey]);
      const to = `${from}-${conversation}`;
      named[wire.sessionIdKey] = to;
      const carries = asJson(named[wire.carriesKey]);
      if (reseal && carries?.[STATE_KEY] !== undefined) carries[STATE_KEY] = reseal(carries[STATE_KEY], from, to);
      return copy;
    },
  };
}

export interface AnswerReading {
  /** The SSML, or undefined when the answer carries no speech. */
  readonly speech: string | undefined;
  readonly active: ActiveStep | undefined;
}

function readWith<Session>(wire: PlatformWire<Session>, answer: unknown): AnswerReading {
  const speech = wire.speech(answer);
  return {
    speech: typeof speech === 'string' && speech.trim() !== '' ? speech : undefined,
    active: activeStepIn(wire.state(wire.next(answer, wire.initial))),
  };
}

/** What one answer, taken on its own, says and which flow step it leaves in progress. Never throws. */
export function readAnswer(platform: Platform, answer: unknown): AnswerReading {
  return platform === 'alexa' ? readWith(ALEXA_WIRE, answer) : readWith(GOOGLE_WIRE, answer);
}

/** A new conversation on each platform, for a linked shopper when a token is given. */
export const CONVERSATIONS: Readonly<Record<Platform, (token?: string) => PlatformConversation>> = {
  alexa: (token) => conversationOver('alexa', ALEXA_WIRE, token),
  google: (token) => conversationOver('google', GOOGLE_WIRE, token),
};
