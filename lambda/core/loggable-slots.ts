import type { IntentName } from './intents';
import type { Slots, Turn } from './turn';

/** Intents whose slots are secrets wherever they are heard. */
const SECRET_INTENTS: ReadonlySet<IntentName> = new Set(['PinIntent']);

/**
 * The slots of a turn that may be written down (the conversation log, and from it handoff tickets):
 * none when the turn answers a secret question or names a secret, whichever intent the platform
 * heard. A PIN misheard as "three" in a quantity slot is still a PIN.
 */
export function loggableSlots(turn: Turn): Slots {
  const { event } = turn;
  if (event.kind !== 'intent' || turn.state.active?.secret || SECRET_INTENTS.has(event.intent)) return {};
  return event.slots;
}
