import type { NumberWords } from './languages/language';

/** One word of a spoken number. */
type Piece =
  | { readonly kind: 'digits'; readonly digits: string }
  | { readonly kind: 'unit' | 'teen' | 'tens'; readonly value: number }
  | { readonly kind: 'hundred' | 'thousand' | 'joiner' };

function piecesOfWord(word: string, numbers: NumberWords): Piece[] | undefined {
  if (/^\d+$/.test(word)) return [{ kind: 'digits', digits: word }];
  const unit = numbers.units[word];
  if (unit !== undefined) return [{ kind: 'unit', value: unit }];
  const teen = numbers.teens[word];
  if (teen !== undefined) return [{ kind: 'teen', value: teen }];
  const tens = numbers.tens[word];
  if (tens !== undefined) return [{ kind: 'tens', value: tens }];
  if (numbers.hundred.includes(word)) return [{ kind: 'hundred' }];
  if (numbers.thousand.includes(word)) return [{ kind: 'thousand' }];
  if (numbers.joiners.includes(word)) return [{ kind: 'joiner' }];
  const parts = numbers.splitCompound?.(word);
  if (!parts || parts.length < 2) return undefined;
  const pieces = parts.map((part) => piecesOfWord(part, numbers));
  return pieces.every((piece) => piece !== undefined) ? pieces.flat() : undefined;
}

interface Parsed {
  readonly value: number;
  readonly next: number;
}

/** A number below 100 at `at`: "forty two", "zweiundvierzig" (unit, joiner, tens), "twelve", "seven". */
function belowHundred(pieces: readonly Piece[], at: number): Parsed | undefined {
  const first = pieces[at];
  const second = pieces[at + 1];
  const third = pieces[at + 2];
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

/** "four hundred and two", "hundert", "forty". */
function belowThousand(pieces: readonly Piece[], at: number): Parsed | undefined {
  const lead = pieces[at]?.kind === 'unit' && pieces[at + 1]?.kind === 'hundred' ? belowHundred(pieces, at) : undefined;
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

/**
 * The digits of a spoken number, or undefined unless every word belongs to it. Numbers said in
 * groups are joined the way people read order numbers: "ten forty two" and "one zero four two"
 * are both 1042, "1 0 4 2" too.
 */
export function spokenDigits(words: readonly string[], numbers: NumberWords): string | undefined {
  const pieces: Piece[] = [];
  for (const word of words) {
    const ofWord = piecesOfWord(word, numbers);
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
