import type { SealedSessionState } from '../../lambda/core/sealed-state';
import { readSessionState, SESSION_STATE_KEY } from '../../lambda/core/session-state';
import { expectedAnswersFor } from '../../lambda/flows/expected-answers';
import type { ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import type { HandlerRequest } from '@assistant/conversation/dist/api/schema';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { LocalReading, LocalUnderstanding } from '../nlu/model-files';
import { type AlexaAsk, alexaRequest, newAlexaSessionId } from './alexa-request';
import type { ConversationSettings, LocalSession } from './conversation-settings';
import { googleRequest, newGoogleSessionId } from './google-request';
import { type HeardReply, readAlexaResponse, readGoogleResponse } from './heard-reply';
import type { PlatformResponse, Platforms } from './in-process-platforms';
import { GOOGLE_LAUNCH_INTENT, GOOGLE_START_SCENE, googleIntentName } from './platform-intents';

/** One turn: what was said, how it was understood, what went through the adapter and what came back. */
export interface Exchange {
  readonly said: string;
  readonly understanding: LocalReading;
  /** What the platform called the request: `IntentRequest` intents, `LaunchRequest`, Google's intent names. */
  readonly sentAs: string;
  readonly request: RequestEnvelope | HandlerRequest;
  readonly response: PlatformResponse;
  /** Undefined when the adapter answered with an error status. */
  readonly reply?: HeardReply;
  /** The session the next turn continues; undefined once the conversation is over. */
  readonly session?: LocalSession;
}

export interface LocalAssistant {
  readonly understanding: LocalUnderstanding;
  /** What the shopper says next, in the session so far (none to start one). */
  takeTurn(settings: ConversationSettings, session: LocalSession | undefined, said: string): Promise<Exchange>;
}

export interface LocalAssistantOptions {
  readonly understanding: LocalUnderstanding;
  readonly platforms: Platforms;
  readonly accessToken: (shopperId: string) => Promise<string>;
  /** The skill id requests carry; the configured one, so a skill-id check passes. */
  readonly skillId: string;
}

/** Skill id of local requests when no ALEXA_SKILL_ID is configured. */
export const LOCAL_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000000';

function alexaAsk(understanding: LocalReading): AlexaAsk {
  return understanding.kind === 'launch'
    ? { kind: 'launch' }
    : { kind: 'intent', intent: understanding.intent, slotNames: understanding.slotNames, slots: understanding.slots };
}

/** One request through one adapter, and what came back. */
type Sent = Pick<Exchange, 'sentAs' | 'request' | 'response' | 'reply'>;

interface Sending {
  readonly settings: ConversationSettings;
  readonly session: LocalSession;
  readonly understood: LocalReading;
  readonly said: string;
  readonly token?: string;
}

async function viaAlexa(platforms: Platforms, skillId: string, { settings, session, understood, token }: Sending): Promise<Sent> {
  const request = alexaRequest({ ask: alexaAsk(understood), settings, session, skillId, accessToken: token });
  const response = await platforms.alexa(request);
  const sentAs = request.request.type === 'IntentRequest' ? request.request.intent.name : request.request.type;
  return { sentAs, request, response, ...(response.status === 200 ? { reply: readAlexaResponse(response.body, settings.locale) } : {}) };
}

async function viaGoogle(platforms: Platforms, { settings, session, understood, said, token }: Sending): Promise<Sent> {
  const sentAs = understood.kind === 'launch' ? GOOGLE_LAUNCH_INTENT : googleIntentName(understood.intent);
  const slots = understood.kind === 'launch' ? [] : understood.slots;
  const request = googleRequest({ intent: sentAs, slots, query: said, settings, session, bearerToken: token });
  const response = await platforms.google(request);
  const scene = session.scene ?? GOOGLE_START_SCENE;
  return { sentAs, request, response, ...(response.status === 200 ? { reply: readGoogleResponse(response.body, scene, session.attributes, settings.locale) } : {}) };
}

/**
 * What the question the assistant left open accepts, read from the state the last response left in
 * the session. Only a hint for reading the next words: the server checks the state's seal itself.
 */
function openQuestionOf(session: LocalSession | undefined): readonly ExpectedAnswer[] {
  const carried = session?.attributes[SESSION_STATE_KEY] as Partial<SealedSessionState> | undefined;
  return expectedAnswersFor(readSessionState(carried?.state).active);
}

/** Talks to the real adapters the way the platforms would, from text typed by a developer. */
export function createLocalAssistant(options: LocalAssistantOptions): LocalAssistant {
  const { understanding, platforms } = options;

  return {
    understanding,
    async takeTurn(settings, session, said) {
      const understood = understanding.understand(settings.locale, said, { expecting: openQuestionOf(session) });
      // Naming the skill opens a new session, as it does on a device.
      const opens = !session || understood.kind === 'launch' || understood.invoked;
      const current: LocalSession = opens
        ? { id: settings.platform === 'alexa' ? newAlexaSessionId() : newGoogleSessionId(), turns: 0, attributes: {} }
        : session;
      const token = settings.shopperId ? await options.accessToken(settings.shopperId) : undefined;
      const sending: Sending = { settings, session: current, understood, said, ...(token ? { token } : {}) };
      const sent = settings.platform === 'alexa' ? await viaAlexa(platforms, options.skillId, sending) : await viaGoogle(platforms, sending);
      const reply = sent.reply;
      const next: LocalSession | undefined =
        reply && !reply.sessionEnded
          ? { id: current.id, turns: current.turns + 1, attributes: reply.attributes, ...(reply.scene ? { scene: reply.scene } : {}) }
          : undefined;
      return { said, understanding: understood, ...sent, ...(next ? { session: next } : {}) };
    },
  };
}
