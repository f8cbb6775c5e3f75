import type { ConversationTurn } from './ports';

/** A transcript is for a person to read, not a place for a runaway value to fill a store. */
const MAX_SAID_CHARACTERS = 2_000;
const MAX_SLOT_CHARACTERS = 200;

/** What the assistant said, cut to a readable length ('' when nothing was said). */
export function boundedSaid(said: string | undefined): string {
  return (said ?? '').slice(0, MAX_SAID_CHARACTERS);
}

/** The turn's slots with each heard value and id cut to a readable length. */
export function boundedSlots(slots: ConversationTurn['slots']): ConversationTurn['slots'] {
  return Object.fromEntries(
    Object.entries(slots).map(([name, value]) => [
      name,
      {
        spoken: value.spoken.slice(0, MAX_SLOT_CHARACTERS),
        ...(value.id !== undefined ? { id: value.id.slice(0, MAX_SLOT_CHARACTERS) } : {}),
      },
    ]),
  );
}
