import { groupedTelephone, type Speech, type SpeechPart } from '../../speech/speech';

/**
 * Speech as the phone says it: plain sentences for the relay's text-to-speech. The relay passes
 * SSML tags in tokens through to some voices and not to others, so no markup is sent at all:
 * pauses become punctuation, digits are spaced so each is read on its own, dates are written out
 * in the call's language, and the characters markup is made of never reach the voice.
 */

/** The words a TTS reads for `&`, by language; markup characters themselves are never sent. */
const AND_WORDS: Readonly<Record<string, string>> = { en: 'and', de: 'und' };

const ENDS_WITH_PUNCTUATION = /[,.;:!?…]\s*$/;

function spaced(characters: string): string {
  return [...characters].join(' ');
}

/** "2026-12-03" → "December 3" (en-US), "3. Dezember" (de-DE): within a call the year is implied. */
function writtenDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', day: 'numeric' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A phone number in its groups, each digit on its own: "1, 8 0 0, 5 5 5, 0 1 9 9". */
function writtenTelephone(number: string): string {
  return groupedTelephone(number)
    .split(/[\s-]+/)
    .filter((group) => group !== '')
    .map((group) => spaced(group.replace(/\D/g, '')))
    .join(', ');
}

/** Text the voice can read as written: no control characters, and nothing a voice could take for a tag or an entity. */
function safeText(value: string, locale: string): string {
  const and = AND_WORDS[locale.split('-')[0] ?? ''] ?? AND_WORDS.en!;
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F\uFFFE\uFFFF]/g, ' ')
      .replace(/[<>]/g, ' ')
      .replace(/&/g, ` ${and} `)
  );
}

function partText(part: SpeechPart, locale: string, before: string): string {
  switch (part.kind) {
    case 'text':
    case 'foreign':
      return safeText(part.text, locale);
    case 'pause':
      // A pause is heard as the comma a reader would pause at.
      return before.trim() === '' || ENDS_WITH_PUNCTUATION.test(before) ? ' ' : ', ';
    case 'digits':
      return spaced(part.digits);
    case 'date':
      return writtenDate(part.iso, locale);
    case 'telephone':
      return writtenTelephone(part.number);
    case 'cheerful':
      return phoneText(part.parts, locale);
  }
}

/** The whole speech as one plain text, in the call's language. */
export function phoneText(speech: Speech, locale: string): string {
  let text = '';
  for (const part of speech) text += partText(part, locale, text);
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,([.;:!?])/g, '$1')
    .replace(/^[\s,]+|[\s,]+$/g, '');
}

/**
 * The text cut into sentences, to be sent as tokens one after the other: the first one can be
 * spoken while the rest is on its way. Tokens are joined by the relay as they are, so each but the
 * last keeps the space after it. A full stop after a digit ("am 3. Dezember") ends no sentence.
 */
export function sentenceTokens(text: string): string[] {
  const sentences = text.split(/(?<=[^\d\s][.!?])\s+(?=\S)/);
  return sentences.map((sentence, index) => (index < sentences.length - 1 ? `${sentence} ` : sentence)).filter((token) => token.trim() !== '');
}
