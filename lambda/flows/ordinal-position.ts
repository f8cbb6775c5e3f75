import type { SlotValue } from '../core/turn';

/** Ordinal slot value ids (interaction-models' Ordinal type) → a position among `count` options. */
const POSITIONS: Readonly<Record<string, (count: number, focus: number | undefined) => number | undefined>> = {
  first: () => 0,
  second: () => 1,
  third: () => 2,
  last: (count) => count - 1,
  // "The other one" names one of two: not the one in focus, else not the one offered first.
  other: (count, focus) => (count === 2 ? 1 - (focus ?? 0) : undefined),
};

/**
 * Which of `count` options "the second one" or "the last one" names; undefined when it names none
 * of them. `focus` is the option the conversation is about, if one is ("the other one" is not it).
 */
export function ordinalPosition(ordinal: SlotValue, count: number, focus?: number): number | undefined {
  const position = POSITIONS[ordinal.id ?? ordinal.spoken.trim().toLowerCase()]?.(count, focus);
  return position !== undefined && position >= 0 && position < count ? position : undefined;
}
