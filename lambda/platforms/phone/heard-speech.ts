import { plainText, type Speech } from '../../speech/speech';
import { phoneText } from './phone-speech';

/**
 * What a caller who spoke over the assistant heard of it. The relay's `interrupt` message says
 * how far the voice got (`utteranceUntilInterrupt`, the text of the tokens spoken until then);
 * this maps that text back onto the speech it was made from, so the conversation learns which
 * parts were heard in full, in words the flows can compare with what they said.
 */

/** How many first words tell which talk the caller heard. */
const WORDS_THAT_NAME_THE_TALK = 3;

/** The words of a text, as a voice reads them: case and punctuation do not tell them apart. */
function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= words.length && prefix.every((word, index) => words[index] === word);
}

/** Whether `words` begin with `start`, whose last word the voice may have been cut off in. */
function beginsWith(words: readonly string[], start: readonly string[]): boolean {
  return start.every((word, index) => (index === start.length - 1 ? (words[index] ?? '').startsWith(word) : words[index] === word));
}

/**
 * The leading parts of `said` that the caller heard in full before the voice stopped at
 * `utteranceUntilInterrupt`. A part the voice was still in the middle of is not counted as heard.
 */
export function heardParts(said: Speech, utteranceUntilInterrupt: string, locale: string): Speech {
  const heard = wordsOf(utteranceUntilInterrupt);
  let whole = 0;
  for (let count = 1; count <= said.length; count += 1) {
    const spoken = wordsOf(phoneText(said.slice(0, count), locale));
    if (spoken.length > heard.length) break;
    if (startsWith(heard, spoken)) whole = count;
    else break;
  }
  return said.slice(0, whole);
}

/**
 * What the caller heard of `said`, as the Turn tells it (`heardOfLastReply`): undefined when they
 * heard every word of it, for then nothing was missed.
 */
export function heardOfReply(said: Speech, utteranceUntilInterrupt: string, locale: string): string | undefined {
  // Words that do not begin as the reply does were said over another talk (the progress line before it).
  const heard = wordsOf(utteranceUntilInterrupt).slice(0, WORDS_THAT_NAME_THE_TALK);
  if (!beginsWith(wordsOf(phoneText(said, locale)), heard)) return undefined;
  const parts = heardParts(said, utteranceUntilInterrupt, locale);
  return parts.length === said.length ? undefined : plainText(parts);
}
