import * as z from '../zod-mini';
import { SpeechPartSchema } from '../speech/speech';

/**
 * Conversation state kept in the platform session (Alexa sessionAttributes, Google session.params),
 * so any server instance can answer any turn. Versioned: a state from another version is dropped
 * rather than misread.
 */
export const SESSION_STATE_VERSION = 1;

/** Where every platform keeps the state in its session (Alexa sessionAttributes, Google session.params). */
export const SESSION_STATE_KEY = 'shopvoice';

/**
 * The most a reply's session state may take, as UTF-8 JSON. The state rides inside the reply, and
 * Alexa refuses a response over 24 KB: a third of that leaves the rest for up to 8,000 characters
 * of SSML, the reprompt, a card and the seal around the state. The router keeps every reply's
 * state under it (reply-limits.ts); flows keep far less.
 */
export const MAX_SESSION_STATE_BYTES = 8 * 1024;

/** How many bytes a state takes as the JSON the platform carries. */
export function sessionStateBytes(state: SessionState): number {
  return Buffer.byteLength(JSON.stringify(state), 'utf8');
}

const ActiveFlowSchema = z.object({
  flow: z.string().check(z.minLength(1), z.maxLength(40)),
  step: z.string().check(z.minLength(1), z.maxLength(40)),
  /** Owned by the flow, which validates it with its own schema. */
  data: z._default(z.record(z.string(), z.unknown()), {}),
  /** The answer to this step is a secret (a PIN): what the shopper says to it is never written down. */
  secret: z.optional(z.boolean()),
});

const SessionStateSchema = z.object({
  v: z.literal(SESSION_STATE_VERSION),
  active: z.optional(ActiveFlowSchema),
  /** Consecutive turns not understood; the fallback never loops more than twice. */
  misunderstood: z._default(z.int().check(z.gte(0), z.lte(100)), 0),
  /** What was said last, for "repeat that". */
  lastSpeech: z.optional(z.array(SpeechPartSchema).check(z.maxLength(200))),
});

export type ActiveFlow = z.infer<typeof ActiveFlowSchema>;
export type SessionState = z.infer<typeof SessionStateSchema>;

export function freshSessionState(): SessionState {
  return { v: SESSION_STATE_VERSION, misunderstood: 0 };
}

/** Reads state from a platform session; anything missing, foreign or malformed starts fresh. */
export function readSessionState(raw: unknown): SessionState {
  const parsed = SessionStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : freshSessionState();
}
