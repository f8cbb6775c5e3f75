import type { SlotValue } from '../../core/turn';
import { wordsMatch } from '../order-status/match-item';
import { ordinalPosition } from '../ordinal-position';
import type { ReorderOption } from './reorder-state';

/**
 * Which option an answer picks: by position ("the second one"), or by what it is ("the dog food"),
 * its words before its category. Undefined when it fits none, or more than one.
 */
export function pickOption(options: readonly ReorderOption[], ordinal: SlotValue | undefined, item: SlotValue | undefined): ReorderOption | undefined {
  if (ordinal) {
    const position = ordinalPosition(ordinal, options.length);
    return position === undefined ? undefined : options[position];
  }
  if (!item) return undefined;
  const byWords = options.filter((option) => wordsMatch(option.name, item.spoken));
  const named = byWords.length > 0 ? byWords : options.filter((option) => option.category === item.id);
  return named.length === 1 ? named[0] : undefined;
}
