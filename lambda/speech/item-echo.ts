import type { Voice } from './voice';

/** Longer than this, what the shopper said is not worth repeating back: it costs seconds and tells them nothing new. */
const MAX_ECHOED_WORDS = 3;

/**
 * Whether an item the shopper named can be said back in "I couldn't find any …": a short noun
 * phrase without its own determiner ("blender", "running shoes", but not "the one for my sister",
 * which would read "any the one …"). The determiners are the locale's (`grammar.determiners`).
 */
export function echoesItem(voice: Voice, item: string): boolean {
  const words = item.trim().toLocaleLowerCase(voice.locale).split(/\s+/).filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_ECHOED_WORDS) return false;
  const determiners = new Set(voice.line('grammar.determiners').split(/\s+/));
  return !determiners.has(words[0]!);
}
