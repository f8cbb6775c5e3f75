import { Card, conversation, type ConversationV3, type ConversationV3App, Simple, Suggestion } from '@assistant/conversation';
import type { RequestHandler } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isIntentName, type IntentName } from '../core/intents';
import type { Reply } from '../core/reply';
import type { Router } from '../core/router';
import type { SessionStateSeal } from '../core/sealed-state';
import { readSessionState, SESSION_STATE_KEY } from '../core/session-state';
import type { SlotValue, Turn, TurnEvent } from '../core/turn';
import { plainText } from '../speech/speech';
import { renderSsml } from '../speech/ssml';
import { withAccountLinkingToken } from './google-account-token';

/** The one webhook handler every Actions Builder intent and scene calls. */
export const GOOGLE_HANDLER = 'shopvoice';
/** Scenes of the Actions Builder project (actions/custom/scenes). */
export const GOOGLE_SCENES = {
  conversation: 'Conversation',
  accountLinking: 'AccountLinking',
  end: 'actions.scene.END_CONVERSATION',
} as const;

const LINKING_REASON_KEY = 'accountLinkingContext';
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
const GOOGLE_CERTS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
/** Suggestion chips longer than this are rejected by Google. */
const SUGGESTION_MAX_LENGTH = 25;

function intentName(googleName: string): IntentName | 'launch' {
  if (googleName === '' || googleName === 'actions.intent.MAIN') return 'launch';
  if (googleName === 'actions.intent.CANCEL') return 'CancelIntent';
  // The last silence Google waits through: the project ends the conversation there, so the shopper hears goodbye.
  if (googleName === 'actions.intent.NO_INPUT_FINAL') return 'StopIntent';
  if (googleName.startsWith('actions.intent.NO_MATCH') || googleName.startsWith('actions.intent.NO_INPUT')) {
    return 'FallbackIntent';
  }
  return isIntentName(googleName) ? googleName : 'FallbackIntent';
}

/** Google's DateTime slot value ({ year, month, day, … }) as the ISO day or month the flows read. */
function dateTimeId(resolved: unknown): string | undefined {
  if (typeof resolved !== 'object' || resolved === null) return undefined;
  const { year, month, day } = resolved as Record<string, unknown>;
  if (typeof year !== 'number' || typeof month !== 'number') return undefined;
  const yearMonth = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return typeof day === 'number' ? `${yearMonth}-${String(day).padStart(2, '0')}` : yearMonth;
}

/** Scenes of the account-linking path: whatever the outcome, the conversation starts over from them. */
const ACCOUNT_LINKING_SCENES = new Set(['AccountLinking', 'AccountLinking_AccountLinking']);

function turnEvent(conv: ConversationV3): TurnEvent {
  if (ACCOUNT_LINKING_SCENES.has(conv.scene?.name ?? '')) return { kind: 'launch' };
  const name = intentName(conv.intent?.name ?? '');
  if (name === 'launch') return { kind: 'launch' };
  const slots: Record<string, SlotValue> = {};
  for (const [slot, value] of Object.entries(conv.intent?.params ?? {})) {
    const spoken = value.original ?? (value.resolved === undefined ? '' : String(value.resolved));
    if (spoken === '') continue;
    const resolved = value.resolved;
    const id = typeof resolved === 'string' || typeof resolved === 'number' ? String(resolved) : dateTimeId(resolved);
    slots[slot] = id !== undefined && id !== spoken ? { spoken, id } : { spoken };
  }
  return { kind: 'intent', intent: name, slots };
}

export function googleTurn(conv: ConversationV3, stateSeal: SessionStateSeal): Turn {
  const token = conv.user?.params?.bearerToken;
  const capabilities = (conv.device?.capabilities ?? []).map(String);
  return {
    platform: 'google',
    locale: conv.user?.locale || conv.session?.languageCode || 'en-US',
    event: turnEvent(conv),
    utterance: conv.intent?.query || undefined,
    ...(conv.intent?.name?.startsWith('actions.intent.NO_INPUT') ? { silent: true } : {}),
    state: readSessionState(stateSeal.open(conv.session?.params?.[SESSION_STATE_KEY], { platform: 'google', sessionId: conv.session?.id ?? '' })),
    accessToken: typeof token === 'string' ? token : undefined,
    device: { screen: capabilities.includes('RICH_RESPONSE') },
    requestId: conv.session?.id ?? '',
    sessionId: conv.session?.id ?? '',
  };
}

function respond(conv: ConversationV3, turn: Turn, reply: Reply, stateSeal: SessionStateSeal): void {
  const screen = turn.device.screen;
  conv.session.params = { ...conv.session.params, [SESSION_STATE_KEY]: stateSeal.seal(reply.state, { platform: 'google', sessionId: turn.sessionId }) };
  // Google's sign-in prompt reads why linking is needed from this session parameter.
  if (reply.next === 'link-account') conv.session.params[LINKING_REASON_KEY] = plainText(reply.speech);
  if (reply.speech.length > 0) {
    conv.add(new Simple({ speech: renderSsml(reply.speech, 'google'), text: plainText(reply.speech) }));
  }
  if (screen && reply.card) conv.add(new Card({ title: reply.card.title, text: reply.card.text }));
  if (screen) {
    for (const title of reply.suggestions ?? []) {
      if (title.length <= SUGGESTION_MAX_LENGTH) conv.add(new Suggestion({ title }));
    }
  }
  const next =
    reply.next === 'end'
      ? GOOGLE_SCENES.end
      : reply.next === 'link-account'
        ? GOOGLE_SCENES.accountLinking
        : GOOGLE_SCENES.conversation;
  // Re-entering the scene the shopper is already in would replay its entry prompts.
  if (conv.scene?.name !== next) conv.scene.next = { name: next };
}

export interface GoogleAppOptions {
  readonly router: Router;
  /** Seals the state left in session.params, and checks the seal of what comes back. */
  readonly stateSeal: SessionStateSeal;
  readonly onError?: (error: unknown) => void;
}

/** A real @assistant/conversation app whose one handler hands every turn to the router. */
export function createGoogleApp(options: GoogleAppOptions): ConversationV3App<ConversationV3> {
  // `debug` stays off: the library would log whole requests, tokens included.
  const app = conversation({ debug: false });
  app.handle(GOOGLE_HANDLER, async (conv) => {
    const turn = googleTurn(conv, options.stateSeal);
    respond(conv, turn, await options.router(turn), options.stateSeal);
  });
  return app;
}

export interface GoogleWebhookOptions {
  readonly app: ConversationV3App<ConversationV3>;
  /** When set, requests must carry a Google-signed JWT whose audience is this project. */
  readonly projectId?: string;
  /** Google's signing keys; defaults to Google's published certificates (tests pass their own). */
  readonly signingKeys?: JWTVerifyGetKey;
  readonly onError?: (error: unknown) => void;
}

function isWebhookBody(body: unknown): body is { handler: { name: string } } {
  if (typeof body !== 'object' || body === null) return false;
  const handler = (body as { handler?: unknown }).handler;
  return typeof handler === 'object' && handler !== null && typeof (handler as { name?: unknown }).name === 'string';
}

/**
 * The express handler for `POST /google`: verifies Google's signature when a project id is set,
 * then runs the conversation app. Error bodies never carry details.
 */
export function createGoogleWebhook(options: GoogleWebhookOptions): RequestHandler {
  const { app, projectId } = options;
  const keys = projectId ? (options.signingKeys ?? createRemoteJWKSet(new URL(GOOGLE_CERTS_URL))) : undefined;
  return async (request, response) => {
    if (projectId && keys) {
      const signature = request.get('google-assistant-signature');
      try {
        if (!signature) throw new Error('missing signature');
        await jwtVerify(signature, keys, { audience: projectId, issuer: GOOGLE_ISSUERS });
      } catch {
        response.status(401).json({ error: 'request signature could not be verified' });
        return;
      }
    }
    if (!isWebhookBody(request.body)) {
      response.status(400).json({ error: 'not an Actions Builder webhook request' });
      return;
    }
    if (request.body.handler.name !== GOOGLE_HANDLER && request.body.handler.name !== 'actions.handler.HEALTH_CHECK') {
      response.status(400).json({ error: 'unknown webhook handler' });
      return;
    }
    try {
      const linked = withAccountLinkingToken(request.body, request.headers);
      const result = await app.handler(linked.body, linked.headers);
      response.status(result.status).set(result.headers ?? {}).json(result.body);
    } catch (error) {
      options.onError?.(error);
      response.status(500).json({ error: 'internal error' });
    }
  };
}
