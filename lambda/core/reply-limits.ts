import { renderSsml } from '../speech/ssml';
import type { Voice } from '../speech/voice';
import { listen } from './replies';
import type { Reply } from './reply';
import { MAX_SESSION_STATE_BYTES, type SessionState, sessionStateBytes } from './session-state';
import type { Turn } from './turn';

/**
 * Alexa refuses output speech over 8,000 characters of SSML (and the whole response over 24 KB);
 * the margin keeps a reply that comes close from being refused for what a platform adds around it.
 * Flows and the store's limits (commerce/http/wire-limits.ts) keep replies far shorter: this is
 * the last line, for whatever got past them.
 */
export const MAX_SPEECH_SSML_CHARS = 7_500;

/** A reply whose speech would be too long for the platform to say. */
export class ReplyTooLongError extends Error {
  override readonly name = 'ReplyTooLongError';

  constructor(readonly ssmlChars: number) {
    super(`The reply's speech would take ${ssmlChars} characters of SSML, more than ${MAX_SPEECH_SSML_CHARS}`);
  }
}

export interface ReplyLimitContext {
  readonly turn: Turn;
  readonly voice: Voice;
  /** What to say instead of a reply too long to say. */
  readonly apologize: (error: ReplyTooLongError) => Reply;
}

/** The longer of the speech and the reprompt, in Alexa's SSML (the longer dialect). */
function ssmlChars(reply: Reply): number {
  const speech = renderSsml(reply.speech, 'alexa').length;
  return reply.next === 'listen' ? Math.max(speech, renderSsml(reply.reprompt, 'alexa').length) : speech;
}

/**
 * Keeps a reply's state under MAX_SESSION_STATE_BYTES: first "repeat that" loses what it would
 * repeat; if the state is still too big, what the flow in progress keeps cannot travel, so that
 * flow ends here and the shopper is told, rather than the platform refusing the whole reply.
 */
function withStateWithinLimit(reply: Reply, { turn, voice }: ReplyLimitContext): Reply {
  if (sessionStateBytes(reply.state) <= MAX_SESSION_STATE_BYTES) return reply;
  const { lastSpeech: _repeatable, ...withoutRepeat } = reply.state;
  const lighter: SessionState = withoutRepeat;
  if (sessionStateBytes(lighter) <= MAX_SESSION_STATE_BYTES) return { ...reply, state: lighter };
  return listen(turn, voice.say('assistance.lostTrack'), voice.say('assistance.whatCanIDoReprompt'));
}

/** The reply as it may leave the core: speech the platforms can say, and state under its cap. */
export function withinReplyLimits(reply: Reply, context: ReplyLimitContext): Reply {
  const chars = ssmlChars(reply);
  const sayable = chars > MAX_SPEECH_SSML_CHARS ? context.apologize(new ReplyTooLongError(chars)) : reply;
  return withStateWithinLimit(sayable, context);
}
