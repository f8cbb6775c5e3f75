import type { IntentName } from '../../lambda/core/intents';
import { ALEXA_BUILT_IN_INTENTS, GOOGLE } from '../../interaction-models/lib/platforms';

/**
 * The requests the bench sends, shaped as Alexa and Actions Builder send them. Built here rather
 * than borrowed from test/support: the bench needs fixed bodies it can send thousands of times
 * (no fresh ids or clock per request), and tools must not depend on the test tree.
 */

/** A slot as heard, or as heard and resolved by the platform to a slot-type value id. */
export type SpokenSlot = string | { readonly spoken: string; readonly id: string };

/** One thing the shopper says, in platform-neutral terms. */
export interface SpokenTurn {
  readonly intent: IntentName;
  readonly slots?: Readonly<Record<string, SpokenSlot>>;
  /** What Google heard, word for word (Alexa never tells). */
  readonly utterance?: string;
}

/** Where a conversation stands between turns, as each platform carries it. */
export interface AlexaSession {
  readonly attributes: Record<string, unknown>;
  readonly isNew: boolean;
}

export interface GoogleSession {
  readonly params: Record<string, unknown>;
  readonly scene: string;
}

export const NEW_ALEXA_SESSION: AlexaSession = { attributes: {}, isNew: true };
export const NEW_GOOGLE_SESSION: GoogleSession = { params: {}, scene: 'actions.scene.START_CONVERSATION' };

export const SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-0000000be7c4';
const ALEXA_USER = { userId: 'amzn1.ask.account.BENCH' };
const ALEXA_SESSION_ID = 'amzn1.echo-api.session.bench';
const GOOGLE_SESSION_ID = 'ABwppHFbench';
/** A fixed instant: with signature and timestamp checks off, nothing reads it, and fixed bodies stay comparable. */
const TIMESTAMP = '2026-11-26T15:00:00Z';

function alexaEnvelope(request: Record<string, unknown>, session: AlexaSession, accessToken: string | undefined) {
  const user = accessToken ? { ...ALEXA_USER, accessToken } : ALEXA_USER;
  const application = { applicationId: SKILL_ID };
  return {
    version: '1.0',
    session: { new: session.isNew, sessionId: ALEXA_SESSION_ID, application, attributes: session.attributes, user },
    context: {
      System: {
        application,
        user,
        device: { deviceId: 'amzn1.ask.device.BENCH', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: { requestId: 'amzn1.echo-api.request.bench', timestamp: TIMESTAMP, locale: 'en-US', ...request },
  };
}

/** A shopper opening the skill: unlinked, or linked when an access token is given. */
export function alexaLaunch(accessToken?: string) {
  return alexaEnvelope({ type: 'LaunchRequest' }, NEW_ALEXA_SESSION, accessToken);
}

function alexaSlot(name: string, slot: SpokenSlot) {
  const heard = { name, value: typeof slot === 'string' ? slot : slot.spoken, confirmationStatus: 'NONE', source: 'USER' };
  if (typeof slot === 'string') return heard;
  const authority = `amzn1.er-authority.echo-sdk.${SKILL_ID}.${name}`;
  const match = { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: slot.id, id: slot.id } }] };
  return { ...heard, resolutions: { resolutionsPerAuthority: [match] } };
}

export function alexaIntent(turn: SpokenTurn, session: AlexaSession, accessToken?: string) {
  const name = ALEXA_BUILT_IN_INTENTS.includes(turn.intent) ? `AMAZON.${turn.intent}` : turn.intent;
  const slots = Object.fromEntries(Object.entries(turn.slots ?? {}).map(([slot, value]) => [slot, alexaSlot(slot, value)]));
  return alexaEnvelope(
    { type: 'IntentRequest', dialogState: 'COMPLETED', intent: { name, confirmationStatus: 'NONE', slots } },
    session,
    accessToken,
  );
}

function googleIntentName(intent: IntentName): string {
  if (intent === 'CancelIntent') return GOOGLE.cancelIntent;
  if (intent === 'FallbackIntent') return GOOGLE.noMatchIntents[0];
  return intent;
}

function googleBody(intent: { name: string; params: Record<string, unknown>; query: string }, session: GoogleSession, bearerToken: string | undefined) {
  return {
    handler: { name: GOOGLE.handler },
    intent,
    scene: { name: session.scene, slotFillingStatus: 'UNSPECIFIED', slots: {} },
    session: { id: GOOGLE_SESSION_ID, params: session.params, typeOverrides: [], languageCode: '' },
    user: {
      locale: 'en-US',
      params: bearerToken ? { bearerToken } : {},
      accountLinkingStatus: bearerToken ? 'LINKED' : 'NOT_LINKED',
      verificationStatus: 'VERIFIED',
    },
    home: { params: {} },
    device: { capabilities: ['SPEECH', 'RICH_RESPONSE', 'LONG_FORM_AUDIO'] },
  };
}

/** An unlinked shopper opening the Action. */
export function googleMain() {
  return googleBody({ name: GOOGLE.mainIntent, params: {}, query: 'talk to northwind outfitters' }, NEW_GOOGLE_SESSION, undefined);
}

export function googleIntent(turn: SpokenTurn, session: GoogleSession, bearerToken?: string) {
  const params = Object.fromEntries(
    Object.entries(turn.slots ?? {}).map(([slot, value]) => [
      slot,
      typeof value === 'string' ? { original: value, resolved: value } : { original: value.spoken, resolved: value.id },
    ]),
  );
  return googleBody({ name: googleIntentName(turn.intent), params, query: turn.utterance ?? '' }, session, bearerToken);
}

/** The event API Gateway's HTTP API (payload 2.0) hands the Google Lambda for a webhook call. */
export function httpApiEvent(path: string, body: unknown) {
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'bench.execute-api.us-east-1.amazonaws.com' },
    requestContext: {
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'Google-ActionsOnGoogle/1.0' },
      routeKey: `POST ${path}`,
      stage: '$default',
      requestId: 'bench-request',
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}
