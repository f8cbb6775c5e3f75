import { z } from 'zod';
import { GOOGLE_ACCOUNT_LINKING_SCENE, GOOGLE_END_SCENE } from './platform-intents';
import { speechText } from './speech-text';

/** What the shopper hears and sees after one turn, the same on both platforms. */
export interface HeardReply {
  /** The reply's SSML as the platform would speak it; empty when it says nothing. */
  readonly ssml: string;
  /** The same as text, pauses shown as "…". */
  readonly text: string;
  /** What is said when the shopper stays silent (Alexa's reprompt). */
  readonly reprompt?: string;
  readonly card?: { readonly title: string; readonly text: string };
  readonly suggestions: readonly string[];
  /** The platform asks the shopper to link their account. */
  readonly linkAccount: boolean;
  /** The conversation is over: the next thing said opens a new session. */
  readonly sessionEnded: boolean;
  /** What the platform carries to the next turn (Alexa sessionAttributes, Google session.params). */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Google's scene after this turn. */
  readonly scene?: string;
  /** What an Echo Show draws: the APL RenderDocument directive, when the skill sent one. */
  readonly screen?: AplScreen;
}

export interface AplScreen {
  readonly token?: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly datasources?: Readonly<Record<string, unknown>>;
}

const RenderDocumentSchema = z.object({
  type: z.literal('Alexa.Presentation.APL.RenderDocument'),
  token: z.string().optional(),
  document: z.record(z.string(), z.unknown()),
  datasources: z.record(z.string(), z.unknown()).optional(),
});

const AlexaResponseSchema = z.object({
  sessionAttributes: z.record(z.string(), z.unknown()).optional(),
  response: z.object({
    outputSpeech: z.object({ ssml: z.string().optional() }).optional(),
    reprompt: z.object({ outputSpeech: z.object({ ssml: z.string().optional() }).optional() }).optional(),
    card: z.object({ type: z.string(), title: z.string().optional(), content: z.string().optional() }).optional(),
    shouldEndSession: z.boolean().optional(),
    directives: z.array(z.unknown()).optional(),
  }),
});

/** `locale` is the request's: dates in the reply are shown in its words. */
export function readAlexaResponse(body: unknown, locale?: string): HeardReply {
  const { sessionAttributes, response } = AlexaResponseSchema.parse(body);
  const ssml = response.outputSpeech?.ssml ?? '';
  const repromptSsml = response.reprompt?.outputSpeech?.ssml;
  const card = response.card?.type === 'Simple' ? { title: response.card.title ?? '', text: response.card.content ?? '' } : undefined;
  const screen = (response.directives ?? []).map((directive) => RenderDocumentSchema.safeParse(directive)).find((parsed) => parsed.success)?.data;
  return {
    ssml,
    text: speechText(ssml, locale),
    ...(repromptSsml ? { reprompt: speechText(repromptSsml, locale) } : {}),
    ...(card ? { card } : {}),
    suggestions: [],
    linkAccount: response.card?.type === 'LinkAccount',
    // Alexa keeps the session open only when the skill asks for it.
    sessionEnded: response.shouldEndSession !== false,
    attributes: sessionAttributes ?? {},
    ...(screen ? { screen } : {}),
  };
}

const GoogleResponseSchema = z.object({
  prompt: z
    .object({
      firstSimple: z.object({ speech: z.string().optional() }).optional(),
      content: z.object({ card: z.object({ title: z.string().optional(), text: z.string().optional() }).optional() }).optional(),
      suggestions: z.array(z.object({ title: z.string() })).optional(),
    })
    .optional(),
  scene: z.object({ next: z.object({ name: z.string() }).optional() }).optional(),
  session: z.object({ params: z.record(z.string(), z.unknown()).optional() }).optional(),
});

/**
 * `scene` and `attributes` are those the request carried: Google stays in the scene and keeps the
 * session params unless the response changes them.
 */
export function readGoogleResponse(body: unknown, scene: string, attributes: Readonly<Record<string, unknown>>, locale?: string): HeardReply {
  const { prompt, scene: nextScene, session } = GoogleResponseSchema.parse(body);
  const ssml = prompt?.firstSimple?.speech ?? '';
  const card = prompt?.content?.card;
  const after = nextScene?.next?.name ?? scene;
  return {
    ssml,
    text: speechText(ssml, locale),
    ...(card ? { card: { title: card.title ?? '', text: card.text ?? '' } } : {}),
    suggestions: (prompt?.suggestions ?? []).map((suggestion) => suggestion.title),
    linkAccount: after === GOOGLE_ACCOUNT_LINKING_SCENE,
    // Locally nobody signs in on Google's linking page, so asking to link ends the conversation too.
    sessionEnded: after === GOOGLE_END_SCENE || after === GOOGLE_ACCOUNT_LINKING_SCENE,
    attributes: session?.params ?? attributes,
    scene: after,
  };
}
