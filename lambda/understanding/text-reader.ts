import type { TextReader } from '../core/own-reading';
import type { SlotValue } from '../core/turn';
import { isUnderstoodLocale, understand } from './understanding';

/**
 * The understanding as the core asks for it (core/own-reading.ts): slots as a platform would send
 * them, numbers and dates as their values, listed values with their ids. A locale without a model
 * reads as out of scope.
 */
export const readWithOwnUnderstanding: TextReader = ({ text, locale, expecting, today }) => {
  if (!isUnderstoodLocale(locale)) return { intent: 'FallbackIntent', slots: {} };
  const understood = understand({ text, locale, expecting, today });
  const slots: Record<string, SlotValue> = {};
  for (const [name, slot] of Object.entries(understood.slots)) {
    const id = slot.id ?? (slot.value === slot.spoken ? undefined : slot.value);
    slots[name] = { spoken: slot.spoken, ...(id === undefined ? {} : { id }), ...(slot.canonical ? { canonical: slot.canonical } : {}) };
  }
  return { intent: understood.intent, slots };
};
