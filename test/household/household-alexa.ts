import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { ALEXA_BUILT_IN_INTENTS } from '../../interaction-models/lib/platforms';
import type { IntentName } from '../../lambda/core/intents';
import { intentRequest, launchRequest } from '../support/alexa-envelopes';
import { type Heard, speechText } from '../support/conversation';
import { carriedState } from '../support/sealed-state';
import { expectValidSsml } from '../support/ssml-checks';

/** Someone in the room, as Alexa sees them on one request. */
export interface Voice {
  /** Alexa recognised them: `context.System.person` is sent. */
  readonly recognised?: {
    readonly personId: string;
    /** Their own account-linking token, when they linked their own account (person-level linking). */
    readonly token?: string;
    /** `authenticationConfidenceLevel.level`. */
    readonly level?: number;
  };
}

/** One Echo registered to an Amazon account, with the account's own link (the token in context.System.user). */
export interface Echo {
  readonly userId: string;
  readonly accountToken?: string;
}

/** An Alexa session on a shared Echo: each turn says who Alexa heard speak. */
export interface HouseholdSession {
  launch(voice: Voice): Promise<Heard>;
  say(voice: Voice, intent: IntentName, slots?: Record<string, string>): Promise<Heard>;
}

/** Adds what skill personalization adds to a request: `person` in context.System, beside the account's `user`. */
function asHeardOn(envelope: ReturnType<typeof intentRequest>, echo: Echo, voice: Voice) {
  const user = { userId: echo.userId, ...(echo.accountToken ? { accessToken: echo.accountToken } : {}) };
  const recognised = voice.recognised;
  const person = recognised
    ? {
        personId: recognised.personId,
        ...(recognised.token ? { accessToken: recognised.token } : {}),
        ...(recognised.level !== undefined ? { authenticationConfidenceLevel: { level: recognised.level } } : {}),
      }
    : undefined;
  return {
    ...envelope,
    session: { ...envelope.session, user },
    context: { ...envelope.context, System: { ...envelope.context.System, user, ...(person ? { person } : {}) } },
  };
}

export function householdSession(app: Express, echo: Echo, options: { readonly locale?: string } = {}): HouseholdSession {
  const sessionId = `amzn1.echo-api.session.${randomUUID()}`;
  let attributes: Record<string, unknown> = {};
  let isNew = true;

  async function send(envelope: object): Promise<Heard> {
    const response = await request(app).post('/alexa').set('content-type', 'application/json').send(JSON.stringify(envelope));
    isNew = false;
    const body = response.body as Record<string, any>;
    const inner = (body.response ?? {}) as Record<string, any>;
    attributes = (body.sessionAttributes as Record<string, unknown>) ?? {};
    const ssml = String(inner.outputSpeech?.ssml ?? '');
    expect(response.status).toBe(200);
    expectValidSsml(ssml, 'alexa');
    return {
      ssml,
      text: speechText(ssml),
      listening: inner.shouldEndSession === false,
      linkAccount: inner.card?.type === 'LinkAccount',
      card: inner.card?.type === 'Simple' ? { title: inner.card.title, text: inner.card.content } : undefined,
      state: carriedState(attributes.shopvoice),
      status: response.status,
      body,
    };
  }

  const envelopeOptions = () => ({ sessionId, locale: options.locale, attributes, newSession: isNew });
  return {
    launch: (voice) => send(asHeardOn(launchRequest(envelopeOptions()) as ReturnType<typeof intentRequest>, echo, voice)),
    say(voice, intent, slots = {}) {
      const name = ALEXA_BUILT_IN_INTENTS.includes(intent) ? `AMAZON.${intent}` : intent;
      return send(asHeardOn(intentRequest(name, slots, envelopeOptions()), echo, voice));
    },
  };
}
