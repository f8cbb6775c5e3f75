import type { Speech } from '../speech/speech';
import type { Display } from './display';
import type { Card, Reply } from './reply';
import type { ActiveFlow, SessionState } from './session-state';
import type { Turn } from './turn';

interface Extras {
  readonly card?: Card;
  readonly suggestions?: readonly string[];
  readonly display?: Display;
}

function nextState(turn: Turn, speech: Speech, active: ActiveFlow | undefined, misunderstood = 0): SessionState {
  return { v: turn.state.v, active, misunderstood, lastSpeech: [...speech] };
}

/** Say something and keep listening; `active` is the step the next answer belongs to. */
export function listen(
  turn: Turn,
  speech: Speech,
  reprompt: Speech,
  options: Extras & { readonly active?: ActiveFlow; readonly misunderstood?: number } = {},
): Reply {
  const { active, misunderstood, ...extras } = options;
  return { next: 'listen', speech, reprompt, state: nextState(turn, speech, active, misunderstood), ...extras };
}

/** Say something and close the conversation. */
export function end(turn: Turn, speech: Speech, extras: Extras = {}): Reply {
  return { next: 'end', speech, state: nextState(turn, speech, undefined), ...extras };
}

/** Ask the shopper to link their account before going on. */
export function linkAccount(turn: Turn, speech: Speech): Reply {
  return { next: 'link-account', speech, state: nextState(turn, speech, undefined) };
}
