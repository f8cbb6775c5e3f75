import type { SlotValue } from '../core/turn';

/** Ordinal slot value ids (interaction-models' Ordinal type) → a position among `count` options. */
const POSITIONS: Readonly<Record<string, (count: number) => number>> = {
  first: () => 0,
  second: () => 1,
  third: () => 2,
  last: (count) => count - 1,
};

/** Which of `count` options "the second one" or "the last one" names; undefined when it names none of them. */
export function ordinalPosition(ordinal: SlotValue, count: number): number | undefined {
  const position = POSITIONS[ordinal.id ?? ordinal.spoken.trim().toLowerCase()]?.(count);
  return position !== undefined && position >= 0 && position < count ? position : undefined;
}
