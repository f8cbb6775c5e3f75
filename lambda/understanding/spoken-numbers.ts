import type { NumberWords } from './languages/language';
import { foldSpelling } from './tokens';

/**
 * The one reader of spoken numbers: order numbers and PINs said digit by digit or in groups,
 * quantities, ordinals, days of the month, and prices inside a product request.
 */

/** One word of a spoken number. */
type Piece =
  | { readonly kind: 'digits'; readonly digits: string }
  | { readonly kind: 'unit' | 'teen' | 'tens'; readonly value: number; readonly takesTeen?: boolean }
  | { readonly kind: 'hundred' | 'thousand' | 'joiner' | 'one-before-multiplier' };

function piecesOfWord(typed: string, numbers: NumberWords): Piece[] | undefined {
  if (/^\d+$/.test(typed)) return [{ kind: 'digits', digits: typed }];
  // "fünf" and "fuenf" alike.
  const word = foldSpelling(typed);
  const unit = numbers.units[word];
  if (unit !== undefined) return [{ kind: 'unit', value: unit }];
  const teen = numbers.teens[word];
  if (teen !== undefined) return [{ kind: 'teen', value: teen }];
  const tens = numbers.tens[word];
  if (tens !== undefined) return [{ kind: 'tens', value: tens, ...(numbers.teensAfterTens?.includes(tens) ? { takesTeen: true } : {}) }];
  if (numbers.hundred.includes(word)) return [{ kind: 'hundred' }];
  if (numbers.thousand.includes(word)) return [{ kind: 'thousand' }];
  if (numbers.joiners.includes(word)) return [{ kind: 'joiner' }];
  if (numbers.oneBeforeMultiplier.includes(word)) return [{ kind: 'one-before-multiplier' }];
  const parts = numbers.splitCompound?.(word);
  if (!parts || parts.length < 2) return undefined;
  const pieces = parts.map((part) => piecesOfWord(part, numbers));
  return pieces.every((piece) => piece !== undefined) ? pieces.flat() : undefined;
}

interface Parsed {
  readonly value: number;
  readonly next: number;
}

/** A number below 100 at `at`: "forty two", "zweiundvierzig" (unit, joiner, tens), "treinta y uno" (tens, joiner, unit), "twelve", "seven". */
function belowHundred(pieces: readonly Piece[], at: number): Parsed | undefined {
  const first = pieces[at];
  const second = pieces[at + 1];
  const third = pieces[at + 2];
  // "twenty and one hundred" is two numbers: the unit counts what follows it.
  const unitAfterJoiner = second?.kind === 'joiner' && third?.kind === 'unit' && third.value > 0 && !isMultiplier(pieces[at + 3]);
  if (first?.kind === 'tens' && unitAfterJoiner) return { value: first.value + third.value, next: at + 3 };
  // Seventy and ninety counted on from sixty and eighty: "soixante douze", "soixante et onze", "quatre vingt dix".
  const teenAt = second?.kind === 'joiner' ? at + 2 : at + 1;
  const teen = pieces[teenAt];
  if (first?.kind === 'tens' && first.takesTeen && teen?.kind === 'teen') return { value: first.value + teen.value, next: teenAt + 1 };
  if (first?.kind === 'tens') {
    return second?.kind === 'unit' && second.value > 0 ? { value: first.value + second.value, next: at + 2 } : { value: first.value, next: at + 1 };
  }
  if (first?.kind === 'unit' && second?.kind === 'joiner' && third?.kind === 'tens') return { value: third.value + first.value, next: at + 3 };
  if (first?.kind === 'teen' || first?.kind === 'unit') return { value: first.value, next: at + 1 };
  return undefined;
}

function skipJoiner(pieces: readonly Piece[], at: number): number {
  return pieces[at]?.kind === 'joiner' ? at + 1 : at;
}

function isMultiplier(piece: Piece | undefined): boolean {
  return piece?.kind === 'hundred' || piece?.kind === 'thousand';
}

/** "a" before "hundred" or "thousand" is one; anywhere else it is no number. */
function oneBeforeMultiplier(pieces: readonly Piece[], at: number): Parsed | undefined {
  return pieces[at]?.kind === 'one-before-multiplier' && isMultiplier(pieces[at + 1]) ? { value: 1, next: at + 1 } : undefined;
}

/** "four hundred and two", "a hundred", "hundert", "forty". */
function belowThousand(pieces: readonly Piece[], at: number): Parsed | undefined {
  const one = oneBeforeMultiplier(pieces, at);
  // "a thousand": the thousand is counted by the caller.
  if (one && pieces[one.next]?.kind === 'thousand') return one;
  const lead = one ?? (pieces[at]?.kind === 'unit' && pieces[at + 1]?.kind === 'hundred' ? belowHundred(pieces, at) : undefined);
  const hundredAt = lead ? lead.next : at;
  if (pieces[hundredAt]?.kind !== 'hundred') return belowHundred(pieces, at);
  const hundreds = (lead?.value ?? 1) * 100;
  const rest = belowHundred(pieces, skipJoiner(pieces, hundredAt + 1));
  return rest ? { value: hundreds + rest.value, next: rest.next } : { value: hundreds, next: hundredAt + 1 };
}

/** One number said the long way: "two thousand and twenty six", "tausendzweiundvierzig". */
function cardinalAt(pieces: readonly Piece[], at: number): Parsed | undefined {
  const lead = belowThousand(pieces, at);
  const thousandAt = lead ? lead.next : at;
  if (pieces[thousandAt]?.kind !== 'thousand') return lead;
  const thousands = (lead?.value ?? 1) * 1000;
  const rest = belowThousand(pieces, skipJoiner(pieces, thousandAt + 1));
  return rest ? { value: thousands + rest.value, next: rest.next } : { value: thousands, next: thousandAt + 1 };
}

/** "double four" → "44": a repeat word and the one digit it repeats; undefined for anything else. */
function repeatedDigit(word: string, next: string | undefined, numbers: NumberWords): Piece | undefined {
  const times = numbers.repeats?.[foldSpelling(word)];
  if (times === undefined || next === undefined) return undefined;
  const [digit, ...more] = piecesOfWord(next, numbers) ?? [];
  const value = digit?.kind === 'unit' ? String(digit.value) : digit?.kind === 'digits' && digit.digits.length === 1 ? digit.digits : undefined;
  return value === undefined || more.length > 0 ? undefined : { kind: 'digits', digits: value.repeat(times) };
}

/** Number words a language says as several ("dix sept", "quatre vingts"), longest first: most languages have none. */
const numberPhrasesOf = new WeakMap<NumberWords, readonly (readonly string[])[]>();

function numberPhrases(numbers: NumberWords): readonly (readonly string[])[] {
  let phrases = numberPhrasesOf.get(numbers);
  if (!phrases) {
    phrases = [...Object.keys(numbers.units), ...Object.keys(numbers.teens), ...Object.keys(numbers.tens)]
      .filter((key) => key.includes(' '))
      .map((key) => key.split(' '))
      .sort((a, b) => b.length - a.length);
    numberPhrasesOf.set(numbers, phrases);
  }
  return phrases;
}

/** The words with each number word said as several joined into one, as the number words list it ("quatre vingt dix" → "quatre vingt", "dix"). */
function withNumberPhrases(words: readonly string[], numbers: NumberWords): readonly string[] {
  const phrases = numberPhrases(numbers);
  if (phrases.length === 0) return words;
  const joined: string[] = [];
  for (let at = 0; at < words.length; at += 1) {
    const phrase = phrases.find((parts) => parts.every((part, offset) => foldSpelling(words[at + offset] ?? '') === part));
    joined.push(phrase ? phrase.join(' ') : (words[at] ?? ''));
    if (phrase) at += phrase.length - 1;
  }
  return joined;
}

/**
 * The digits of a spoken number, or undefined unless every word belongs to it. Numbers said in
 * groups are joined the way people read order numbers: "ten forty two" and "one zero four two"
 * are both 1042, "1 0 4 2" too.
 */
export function spokenDigits(said: readonly string[], numbers: NumberWords): string | undefined {
  const words = withNumberPhrases(said, numbers);
  const pieces: Piece[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const repeated = repeatedDigit(words[index] ?? '', words[index + 1], numbers);
    if (repeated) {
      pieces.push(repeated);
      index += 1;
      continue;
    }
    const ofWord = piecesOfWord(words[index] ?? '', numbers);
    if (!ofWord) return undefined;
    pieces.push(...ofWord);
  }
  let digits = '';
  let at = 0;
  while (at < pieces.length) {
    const piece = pieces[at];
    if (piece?.kind === 'digits') {
      digits += piece.digits;
      at += 1;
      continue;
    }
    const group = cardinalAt(pieces, at);
    if (!group) return undefined;
    digits += String(group.value);
    at = group.next;
  }
  return digits === '' ? undefined : digits;
}

/** A spoken number as Alexa's AMAZON.NUMBER gives it: digits without leading zeros. */
export function spokenNumber(words: readonly string[], numbers: NumberWords): string | undefined {
  const digits = spokenDigits(words, numbers);
  return digits === undefined ? undefined : digits.replace(/^0+(?=\d)/, '');
}

/** A number written as one word, for ordinals built from cardinals ("sechsundzwanzig" + "sten"). */
export function cardinalWord(word: string, numbers: NumberWords): number | undefined {
  const pieces = piecesOfWord(word, numbers);
  if (!pieces) return undefined;
  const parsed = cardinalAt(pieces, 0);
  return parsed && parsed.next === pieces.length ? parsed.value : undefined;
}

/** "third", "twenty first", "26th", "sechsundzwanzigsten" → the number; undefined otherwise. */
export function spokenOrdinal(words: readonly string[], numbers: NumberWords): number | undefined {
  const last = words[words.length - 1];
  if (last === undefined || words.length > 2) return undefined;
  const ordinal = numbers.ordinal(last, (word) => cardinalWord(word, numbers));
  if (ordinal === undefined) return undefined;
  if (words.length === 1) return ordinal;
  const tens = numbers.tens[words[0] ?? ''];
  return tens !== undefined && ordinal < 10 ? tens + ordinal : undefined;
}

/** A word of free text, or a number it spelled out ("one hundred fifty" → 150, "149.99" → 149.99). */
export type NumberOrWord = { readonly kind: 'word'; readonly text: string } | { readonly kind: 'number'; readonly value: number };

/** Digits as typed, with cents after a point or a comma ("149.99", "149,99"). */
const TYPED_AMOUNT = /^\d+(?:[.,]\d{1,2})?$/;

/** The number words of one word (a compound is several), with the word each came from. */
function piecesWithWords(words: readonly string[], from: number, numbers: NumberWords) {
  const pieces: Piece[] = [];
  const wordOf: number[] = [];
  for (let index = from; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (TYPED_AMOUNT.test(word) && !/^\d+$/.test(word)) break;
    const ofWord = piecesOfWord(word, numbers);
    if (!ofWord) break;
    for (const piece of ofWord) {
      pieces.push(piece);
      wordOf.push(index);
    }
  }
  return { pieces, wordOf };
}

/**
 * Reads the numbers said inside free text, each a number of its own: "between fifty and eighty"
 * is 50 and 80, "a hundred and fifty" is 150, "a jacket" stays words.
 */
export function numbersIn(said: readonly string[], numbers: NumberWords): NumberOrWord[] {
  const words = withNumberPhrases(said, numbers);
  const read: NumberOrWord[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] ?? '';
    if (TYPED_AMOUNT.test(word)) {
      read.push({ kind: 'number', value: Number(word.replace(',', '.')) });
      index += 1;
      continue;
    }
    const { pieces, wordOf } = piecesWithWords(words, index, numbers);
    const parsed = pieces[0]?.kind === 'digits' ? undefined : cardinalAt(pieces, 0);
    // A number ends with a word: part of a compound word is no number.
    const lastWord = parsed ? wordOf[parsed.next - 1] : undefined;
    const whole = parsed && lastWord !== undefined && wordOf[parsed.next] !== lastWord;
    if (parsed && whole && lastWord !== undefined) {
      read.push({ kind: 'number', value: parsed.value });
      index = lastWord + 1;
    } else {
      read.push({ kind: 'word', text: word });
      index += 1;
    }
  }
  return read;
}
