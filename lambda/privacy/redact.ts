/**
 * Personal data and secrets out of free text, before it is stored (shoppers' utterances) or
 * logged. Each match becomes a typed placeholder, so what remains still reads as a sentence and
 * can be counted ("the shopper gave a [phone]") but never read back.
 *
 * Placeholders: [email] [phone] [card] [iban] [address] [number] [token].
 *
 * Decisions:
 * - Every run of four or more digits becomes [number], order numbers included. A five-digit order
 *   number and a four-digit PIN, the last digits of a card or a house number cannot be told apart
 *   from the text alone, and whoever needs the order number has it from the slot, not the
 *   utterance. Shorter numbers ("3 pairs", "$150", "size 42") stay: they carry the meaning of the
 *   request and identify nobody. The one exception is a port in a URL (`http://localhost:3000`),
 *   which is configuration, not personal data.
 * - Four or more spoken digits in a row ("four two four two", "eins zwei drei vier") become
 *   [number], for the same reason, in every language a pack speaks: its number words are the pack's.
 * - Four or more digits said in short groups ("73 91", as a platform may write a PIN) become
 *   [number] as well, wherever in the conversation they were said.
 * - Matching is deliberately generous: a date written as 12.03.2024 loses its year. Losing a
 *   little meaning is better than keeping a PIN.
 * - Platform request and session ids stay readable (`amzn1.echo-api.request.<uuid>`, Google's
 *   session id): they name a request, not a person, and are how a log line is matched to it.
 *
 * Every pattern is anchored on a bounded quantifier, so the cost stays linear in the text's length.
 */

import { LOCALES, packOf } from '../languages/packs';
import { foldSpelling } from '../understanding/tokens';

type Rule = readonly [pattern: RegExp, replace: string | ((match: string, ...groups: string[]) => string)];

const PACKS = LOCALES.map(packOf);

/** How many digits a spoken number word stands for: "four" one, "fourteen" and "zweiundvierzig" two, "hundred" none, "double" one more. */
const DIGITS_OF_WORD: ReadonlyMap<string, number> = new Map(
  PACKS.flatMap(({ words: { numbers } }) => [
    ...Object.keys(numbers.units).map((word) => [word, 1] as const),
    ...Object.keys(numbers.teens).map((word) => [word, 2] as const),
    ...Object.keys(numbers.tens).map((word) => [word, 1] as const),
    ...numbers.hundred.map((word) => [word, 0] as const),
    // "cuarenta y dos", "diez mil": the words that join or scale the parts of one number go on with it.
    ...[...numbers.joiners, ...numbers.thousand].map((word) => [word, 0] as const),
    // "double four" says two digits: the repeat word counts the copies beyond the digit said.
    ...Object.entries(numbers.repeats ?? {}).map(([word, times]) => [word, times - 1] as const),
  ]),
);
const COMPOUND_SPLITTERS = PACKS.flatMap(({ words: { numbers } }) => (numbers.splitCompound ? [numbers.splitCompound] : []));
/** Tens and units of every pack, and the words that join them: "ninety" says two digits unless "one" completes it. */
const TENS_WORDS: ReadonlySet<string> = new Set(PACKS.flatMap(({ words: { numbers } }) => Object.keys(numbers.tens)));
const UNIT_WORDS: ReadonlySet<string> = new Set(PACKS.flatMap(({ words: { numbers } }) => Object.keys(numbers.units)));
const JOINER_WORDS: ReadonlySet<string> = new Set(PACKS.flatMap(({ words: { numbers } }) => numbers.joiners));

/** How many words `digitsOfWord` remembers before it starts afresh. */
const WORDS_KEPT = 4096;
/** Words already read, with the digits they say (null: not a number word). */
const wordsRead = new Map<string, number | null>();

/**
 * The digits a word says when it is a number word of any language ("vier", "quatre",
 * "zweiundvierzig"), else undefined. Remembered: every reply and utterance is read word by word, the
 * same words come back turn after turn, and reading one against every pack costs far more than a lookup.
 */
function digitsOfWord(typed: string): number | undefined {
  let digits = wordsRead.get(typed);
  if (digits === undefined) {
    digits = readDigitsOfWord(typed) ?? null;
    if (wordsRead.size >= WORDS_KEPT) wordsRead.clear();
    wordsRead.set(typed, digits);
  }
  return digits ?? undefined;
}

function readDigitsOfWord(typed: string): number | undefined {
  if (/^\d$/.test(typed)) return 1;
  const word = foldSpelling(typed.toLowerCase());
  const known = DIGITS_OF_WORD.get(word) ?? DIGITS_OF_WORD.get(typed.toLowerCase());
  if (known !== undefined) return known;
  // A number written as one word ("zweiundvierzig", "ventitré") is read as two digits.
  return COMPOUND_SPLITTERS.some((split) => (split(word)?.length ?? 0) > 1) ? 2 : undefined;
}

const WORD = /[\p{L}\d]+/gu;
const BETWEEN_SPOKEN_DIGITS = /^[\s,-]{1,3}$/;
const MIN_SPOKEN_DIGITS = 4;

/**
 * Four or more digits spoken in a row, one by one or in short groups, in any language a pack speaks
 * ("four two four two", "eins zwei drei vier", "quatre-vingt-dix sept"), become [number].
 */
function redactSpokenDigits(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  // A tens word still waiting for its unit: "noventa" is 90 in "noventa cincuenta y uno" (9051), 9 in "noventa y uno".
  let run: { start: number; end: number; digits: number; tensOpen: boolean } | undefined;
  const close = (): void => {
    if (run && run.digits >= MIN_SPOKEN_DIGITS) {
      result += `${text.slice(copiedUpTo, run.start)}[number]`;
      copiedUpTo = run.end;
    }
    run = undefined;
  };
  for (const match of text.matchAll(WORD)) {
    const said = digitsOfWord(match[0]);
    const start = match.index;
    if (said === undefined) {
      close();
      continue;
    }
    const word = foldSpelling(match[0].toLowerCase());
    const continues = run !== undefined && BETWEEN_SPOKEN_DIGITS.test(text.slice(run.end, start));
    const completesTens = continues && run?.tensOpen === true && UNIT_WORDS.has(word);
    const digits = TENS_WORDS.has(word) ? 2 : completesTens ? 0 : said;
    const tensOpen = TENS_WORDS.has(word) || (continues && run?.tensOpen === true && JOINER_WORDS.has(word));
    if (run && continues) {
      run.end = start + match[0].length;
      run.digits += digits;
      run.tensOpen = tensOpen;
    } else {
      close();
      run = { start, end: start + match[0].length, digits, tensOpen };
    }
  }
  close();
  return result + text.slice(copiedUpTo);
}

const escapeAlternatives = (words: readonly string[]): string => words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const SPOKEN_AT = escapeAlternatives(PACKS.flatMap((pack) => pack.redaction.spokenEmail.at));
const SPOKEN_DOT = escapeAlternatives(PACKS.flatMap((pack) => pack.redaction.spokenEmail.dot));
const SPOKEN_UNDERSCORE = escapeAlternatives(PACKS.flatMap((pack) => pack.redaction.spokenEmail.underscore));
const SPOKEN_EMAIL = new RegExp(
  `\\b(?:[\\p{L}\\d._-]{1,64}\\s{1,3}(?:${SPOKEN_DOT}|${SPOKEN_UNDERSCORE})\\s{1,3}){0,3}[\\p{L}\\d._-]{1,64}\\s{1,3}(?:${SPOKEN_AT})\\s{1,3}[\\p{L}\\d-]{1,63}(?:\\s{1,3}(?:${SPOKEN_DOT})\\s{1,3}[\\p{L}]{2,24}){1,3}\\b`,
  'giu',
);
/** Every pack's ways of writing a street address, in pack order. */
const ADDRESS_RULES: readonly Rule[] = PACKS.flatMap((pack) => pack.redaction.addresses.map((pattern) => [pattern, '[address]'] as const));

const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

function phoneOrLeave(match: string): string {
  const digits = match.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15 || DATE_LIKE.test(match)) return match;
  return '[phone]';
}

/** Applied in order: secrets first (they contain anything), then addresses, cards and phones, then what digits are left. */
const RULES: readonly Rule[] = [
  // Authorization headers and key=value secrets keep their label, lose their value.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]{8,4096}=*/gi, '$1 [token]'],
  [
    /\b(access_?token|refresh_?token|id_?token|token|api_?key|apikey|secret|password|passwort|pwd|pin|client_secret|authorization)(["']?\s{0,3}[=:]\s{0,3}["']?)(?!\[|(?:Bearer|Basic)\s)[^\s"'&,;]{1,4096}/gi,
    '$1$2[token]',
  ],
  // E-mail addresses, written and spoken ("ava at example dot com", "ava ät beispiel punkt de").
  [/[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g, '[email]'],
  [SPOKEN_EMAIL, '[email]'],
  // JWTs (three base64url segments, the first a JSON header) and other three-segment tokens.
  [/\beyJ[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{2,8192}\.?[A-Za-z0-9_-]{0,8192}/g, '[token]'],
  [/\b[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,8192}\b/g, '[token]'],
  // IBANs, written in groups of four or run together.
  [/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g, '[iban]'],
  // Long opaque secrets: 20 or more token characters with both letters and digits (keys, hashes, ids) ...
  [/(?<![A-Za-z0-9_=-])(?=[A-Za-z0-9_-]{0,4095}\d)(?=[A-Za-z0-9_-]{0,4095}[A-Za-z])[A-Za-z0-9_-]{20,4096}={0,2}(?![A-Za-z0-9_=-])/g, '[token]'],
  // ... and standard base64 with "+" or "/", mixed case and digits (a URL path is rarely all three).
  [/(?<![A-Za-z0-9+/=])(?=[A-Za-z0-9+/]{0,4095}\d)(?=[A-Za-z0-9+/]{0,4095}[a-z])(?=[A-Za-z0-9+/]{0,4095}[A-Z])(?=[A-Za-z0-9+/]{0,4095}[+/])[A-Za-z0-9+/]{24,4096}={0,2}(?![A-Za-z0-9+/=])/g, '[token]'],
  // Street addresses, as each language writes them.
  ...ADDRESS_RULES,
  // Postcodes that carry letters (UK, Canada); digit-only ones fall to [number] below.
  [/\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g, '[address]'],
  [/\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/g, '[address]'],
  // Card numbers: 13 to 19 digits, in groups or not; never starting with 0 or +, as phone numbers do.
  [/(?<![\d+])[1-9](?:[ -]?\d){12,18}(?!\d)/g, '[card]'],
  // Phone numbers: 7 to 15 digits in groups, with a country code, an area code in brackets, or separators.
  [/(?<![\w+])(?:\+\d{1,3}|00\d{1,3}|\(\d{2,5}\)|\d{2,5})(?:[ ./-]{0,2}(?:\(\d{1,5}\)|\d{2,8})){1,5}(?![\w])/g, phoneOrLeave],
  // Whatever run of four or more digits is left: a PIN, an order number, a card's last four. URL ports stay.
  [/(?<!\/\/[\w.-]{1,253}:)(?<!\d)\d{4,}(?!\d)/g, '[number]'],
  // The same digits heard in short groups separated by spaces ("73 91", "7 391").
  [/(?<![\d.,])\d{1,3}(?: {1,2}\d{1,3}){1,7}(?![\d.,])/g, (run) => (run.replace(/\D/g, '').length >= 4 ? '[number]' : run)],
];

/**
 * Alexa's request and session ids (and their older EdwRequestId / SessionId forms) are a prefix and
 * a UUID; Google's session id, the one id its webhook requests carry, starts with "ABwppH".
 */
const PLATFORM_REQUEST_IDS =
  /(?<![\w.-])(?:(?:amzn1\.echo-api\.(?:request|session)|EdwRequestId|SessionId)\.[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|ABwppH[A-Za-z0-9_-]{10,200})(?![\w-])/g;

function redactFreeText(text: string): string {
  let result = text;
  for (const [pattern, replace] of RULES) {
    pattern.lastIndex = 0;
    result = typeof replace === 'string' ? result.replace(pattern, replace) : result.replace(pattern, replace);
  }
  return redactSpokenDigits(result);
}

/** The text with emails, phone numbers, addresses, card numbers, PINs and other long numbers, and tokens replaced by placeholders. */
export function redactText(text: string): string {
  let result = '';
  let from = 0;
  // Request ids are kept as they are; what lies between them is redacted.
  for (const id of text.matchAll(PLATFORM_REQUEST_IDS)) {
    result += redactFreeText(text.slice(from, id.index)) + id[0];
    from = id.index + id[0].length;
  }
  return result + redactFreeText(text.slice(from));
}

/** The placeholders `redactText` writes. */
export const REDACTION_PLACEHOLDERS = ['[email]', '[phone]', '[card]', '[iban]', '[address]', '[number]', '[token]'] as const;
