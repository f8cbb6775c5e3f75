import { randomUUID } from 'node:crypto';
import { ALEXA_BUILT_IN_INTENTS } from '../../interaction-models/lib/platforms';
import { expectValidSsml } from './ssml-checks';
import type { Express } from 'express';
import request from 'supertest';
import type { IntentName } from '../../lambda/core/intents';
import { intentRequest, launchRequest } from './alexa-envelopes';
import { webhookRequest, mainInvocation } from './google-requests';
import { carriedState } from './sealed-state';
import { expectWithinListenBudget } from './listen-time-budget';

/** A slot as the shopper said it, with the slot-type value id when the platform resolved one. */
export type SlotInput = string | { readonly value: string; readonly id: string };

/** What the shopper heard and saw after one turn, the same shape on both platforms. */
export interface Heard {
  readonly ssml: string;
  /** The speech without markup, whitespace collapsed. */
  readonly text: string;
  readonly listening: boolean;
  readonly linkAccount: boolean;
  readonly card?: { readonly title?: string; readonly text?: string };
  /** The session state the platform will send back on the next turn (unwrapped from its seal). */
  readonly state: unknown;
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface Conversation {
  readonly platform: 'alexa' | 'google';
  /** The platform's id for this conversation (Alexa's sessionId, Google's session.id). */
  readonly sessionId: string;
  /** Replaces what the platform carries as Shopvoice's state into the next turn: a forger's move. */
  carry(state: unknown): void;
  launch(): Promise<Heard>;
  say(intent: IntentName, slots?: Record<string, SlotInput>): Promise<Heard>;
  /** Sends the last request again, byte for byte: what a platform does when a response is lost. */
  resend(): Promise<Heard>;
  /** The locale of the turns from now on: a device in a multilingual mode hears each request in its own. */
  speakIn(locale: string): void;
}

export interface ConversationOptions {
  readonly token?: string;
  readonly locale?: string;
  readonly screen?: boolean;
}

export function speechText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!:])/g, '$1')
    .trim();
}


/** An Alexa conversation over `POST /alexa`, carrying sessionAttributes from turn to turn. */
export function alexaConversation(app: Express, options: ConversationOptions = {}): Conversation {
  const sessionId = `amzn1.echo-api.session.${randomUUID()}`;
  let attributes: Record<string, unknown> = {};
  let isNew = true;
  let locale = options.locale;
  const envelopeOptions = () => ({ sessionId, accessToken: options.token, locale, attributes, newSession: isNew, screen: options.screen });

  let last: object = {};

  async function send(envelope: object): Promise<Heard> {
    last = envelope;
    const response = await request(app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(envelope));
    isNew = false;
    const body = response.body as Record<string, unknown>;
    const inner = (body.response ?? {}) as Record<string, any>;
    attributes = (body.sessionAttributes as Record<string, unknown>) ?? {};
    const ssml = String(inner.outputSpeech?.ssml ?? '');
    const heard: Heard = {
      ssml,
      text: speechText(ssml),
      listening: inner.shouldEndSession === false,
      linkAccount: inner.card?.type === 'LinkAccount',
      card: inner.card?.type === 'Simple' ? { title: inner.card.title, text: inner.card.content } : undefined,
      state: carriedState(attributes.shopvoice),
      status: response.status,
      body,
    };
    expectWithinListenBudget('alexa', envelope, heard);
    return heard;
  }

  return {
    platform: 'alexa',
    sessionId,
    carry(state) {
      attributes = { ...attributes, shopvoice: state };
    },
    launch: () => send(launchRequest(envelopeOptions())),
    say(intent, slots = {}) {
      const name = ALEXA_BUILT_IN_INTENTS.includes(intent) ? `AMAZON.${intent}` : intent;
      const alexaSlots = Object.fromEntries(
        Object.entries(slots).map(([slot, value]) => [slot, typeof value === 'string' ? value : { value: value.value, id: value.id }]),
      );
      return send(intentRequest(name, alexaSlots, envelopeOptions()));
    },
    resend: () => send(last),
    speakIn(next) {
      locale = next;
    },
  };
}

const GOOGLE_SYSTEM_INTENTS: Partial<Record<IntentName, string>> = {
  CancelIntent: 'actions.intent.CANCEL',
  FallbackIntent: 'actions.intent.NO_MATCH_1',
};

/** A Google conversation over `POST /google`, carrying session.params and the scene from turn to turn. */
/** A conversation on Google, which also passes on words its own model could not place. */
export interface GoogleConversation extends Conversation {
  /** Google's no-match: the words as its speech recognizer heard them, with no intent of the project. */
  unmatched(text: string): Promise<Heard>;
}

export function googleConversation(app: Express, options: ConversationOptions = {}): GoogleConversation {
  const sessionId = `ABwppHF${randomUUID().replace(/-/g, '')}`;
  let sessionParams: Record<string, unknown> = {};
  let scene = 'actions.scene.START_CONVERSATION';
  let locale = options.locale;
  const requestOptions = () => ({ sessionId, bearerToken: options.token, locale, sessionParams, scene, screen: options.screen });

  let last: object = {};

  async function send(body: object): Promise<Heard> {
    last = body;
    const response = await request(app).post('/google').send(body);
    const json = response.body as Record<string, any>;
    sessionParams = json.session?.params ?? sessionParams;
    const next: string | undefined = json.scene?.next?.name;
    if (next) scene = next;
    const ssml = String(json.prompt?.firstSimple?.speech ?? '');
    const card = json.prompt?.content?.card;
    const heard: Heard = {
      ssml,
      text: speechText(ssml),
      listening: scene !== 'actions.scene.END_CONVERSATION' && scene !== 'AccountLinking',
      linkAccount: next === 'AccountLinking',
      card: card ? { title: card.title, text: card.text } : undefined,
      state: carriedState(sessionParams.shopvoice),
      status: response.status,
      body: json,
    };
    expectWithinListenBudget('google', body, heard);
    return heard;
  }

  return {
    platform: 'google',
    sessionId,
    carry(state) {
      sessionParams = { ...sessionParams, shopvoice: state };
    },
    launch: () => send(mainInvocation(requestOptions())),
    say(intent, slots = {}) {
      const params = Object.fromEntries(
        Object.entries(slots).map(([slot, value]) => [
          slot,
          typeof value === 'string'
            ? { original: value, resolved: /^\d+$/.test(value) ? Number(value) : value }
            : { original: value.value, resolved: value.id },
        ]),
      );
      return send(webhookRequest(GOOGLE_SYSTEM_INTENTS[intent] ?? intent, params, requestOptions()));
    },
    unmatched: (text) => send(webhookRequest('actions.intent.NO_MATCH_1', {}, { ...requestOptions(), query: text })),
    resend: () => send(last),
    speakIn(next) {
      locale = next;
    },
  };
}

export const PLATFORMS = [
  ['alexa', alexaConversation],
  ['google', googleConversation],
] as const;

/** Asserts a turn was answered (HTTP 200) with well-formed SSML for its platform, and returns it. */
export function answered(heard: Heard, platform: 'alexa' | 'google'): Heard {
  expect(heard.status).toBe(200);
  expectValidSsml(heard.ssml, platform);
  return heard;
}
