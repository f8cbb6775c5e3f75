import type { ExpectedAnswer } from '../understanding/expected-answers';
import type { IntentName } from './intents';
import type { Slots, Turn } from './turn';

/** Words a platform heard but could not place, with where the conversation is. */
export interface TextToRead {
  readonly text: string;
  readonly locale: string;
  /** What the open question accepts: a fitting answer wins over every other reading. */
  readonly expecting: readonly ExpectedAnswer[];
  /** Today where the store is, e.g. "2026-11-26", for "last week" or "on monday". */
  readonly today: string;
}

/** Shopvoice's own reading of such words; FallbackIntent when they are out of its scope too. */
export interface TextReading {
  readonly intent: IntentName;
  readonly slots: Slots;
}

export type TextReader = (text: TextToRead) => TextReading;

/**
 * A turn the platform could not place although it heard words (Google's no-match with its
 * query text), as Shopvoice's own understanding reads them: the same reading the console, the chat
 * and the phone get, with the question in progress. Any other turn is left as it is.
 */
export function withOwnReading(turn: Turn, read: TextReader, context: { readonly expecting: readonly ExpectedAnswer[]; readonly today: string }): Turn {
  const { event, utterance } = turn;
  if (event.kind !== 'intent' || event.intent !== 'FallbackIntent' || turn.silent || !utterance?.trim()) return turn;
  const reading = read({ text: utterance, locale: turn.locale, ...context });
  if (reading.intent === 'FallbackIntent') return turn;
  return { ...turn, event: { kind: 'intent', intent: reading.intent, slots: reading.slots } };
}
