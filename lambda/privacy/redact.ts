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
 *   [number], for the same reason.
 * - Four or more digits said in short groups ("73 91", as a platform may write a PIN) become
 *   [number] as well, wherever in the conversation they were said.
 * - Matching is deliberately generous: a date written as 12.03.2024 loses its year. Losing a
 *   little meaning is better than keeping a PIN.
 * - Platform request and session ids stay readable (`amzn1.echo-api.request.<uuid>`, Google's
 *   session id): they name a request, not a person, and are how a log line is matched to it.
 *
 * Every pattern is anchored on a bounded quantifier, so the cost stays linear in the text's length.
 */

type Rule = readonly [pattern: RegExp, replace: string | ((match: string, ...groups: string[]) => string)];

const STREET_WORDS_EN =
  'street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|terrace|parkway|pkwy|highway|hwy|crescent|alley';
const STREET_WORDS_DE_CAPITALISED = 'Weg|Gasse|Platz|Allee|Damm|Ufer|Chaussee|Steig|Pfad';

const DIGIT_WORDS = [
  // English
  'zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  // German
  'null', 'eins', 'zwei', 'zwo', 'drei', 'vier', 'fünf', 'fuenf', 'sechs', 'sieben', 'acht', 'neun',
];
const TWO_DIGIT_WORDS = [
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'zehn', 'elf', 'zwölf', 'zwoelf', 'dreizehn', 'vierzehn', 'fünfzehn', 'fuenfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn',
];
const TENS_WORDS = [
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'zwanzig', 'dreißig', 'dreissig', 'vierzig', 'fünfzig', 'fuenfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig',
];
/** "zweiundvierzig": one word, two digits. */
const GERMAN_COMPOUND = `(?:ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)und(?:${TENS_WORDS.slice(8).join('|')})`;
const NUMBER_TOKEN = `(?:\\d|${GERMAN_COMPOUND}|${[...TWO_DIGIT_WORDS, ...TENS_WORDS, ...DIGIT_WORDS, 'hundred', 'hundert'].join('|')})`;
const SPOKEN_RUN = new RegExp(`(?<![\\p{L}\\d])${NUMBER_TOKEN}(?:[\\s,-]{1,3}${NUMBER_TOKEN}){1,29}(?![\\p{L}\\d])`, 'giu');
const TWO_DIGIT_TOKEN = new RegExp(`^(?:${GERMAN_COMPOUND}|${TWO_DIGIT_WORDS.join('|')})$`, 'iu');
const NO_DIGIT_TOKEN = /^(?:hundred|hundert)$/i;

/** How many digits a run of number words says, roughly: "nineteen eighty four" is four, "two hundred fifty" three. */
function spokenDigits(run: string): number {
  return run
    .split(/[\s,-]+/)
    .filter((token) => token !== '')
    .reduce((sum, token) => sum + (TWO_DIGIT_TOKEN.test(token) ? 2 : NO_DIGIT_TOKEN.test(token) ? 0 : 1), 0);
}

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
  [/\b(?:[\p{L}\d._-]{1,64}\s{1,3}(?:dot|punkt|underscore|unterstrich)\s{1,3}){0,3}[\p{L}\d._-]{1,64}\s{1,3}(?:at|ät)\s{1,3}[\p{L}\d-]{1,63}(?:\s{1,3}(?:dot|punkt)\s{1,3}[\p{L}]{2,24}){1,3}\b/giu, '[email]'],
  // JWTs (three base64url segments, the first a JSON header) and other three-segment tokens.
  [/\beyJ[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{2,8192}\.?[A-Za-z0-9_-]{0,8192}/g, '[token]'],
  [/\b[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,8192}\b/g, '[token]'],
  // IBANs, written in groups of four or run together.
  [/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g, '[iban]'],
  // Long opaque secrets: 20 or more token characters with both letters and digits (keys, hashes, ids) ...
  [/(?<![A-Za-z0-9_=-])(?=[A-Za-z0-9_-]{0,4095}\d)(?=[A-Za-z0-9_-]{0,4095}[A-Za-z])[A-Za-z0-9_-]{20,4096}={0,2}(?![A-Za-z0-9_=-])/g, '[token]'],
  // ... and standard base64 with "+" or "/", mixed case and digits (a URL path is rarely all three).
  [/(?<![A-Za-z0-9+/=])(?=[A-Za-z0-9+/]{0,4095}\d)(?=[A-Za-z0-9+/]{0,4095}[a-z])(?=[A-Za-z0-9+/]{0,4095}[A-Z])(?=[A-Za-z0-9+/]{0,4095}[+/])[A-Za-z0-9+/]{24,4096}={0,2}(?![A-Za-z0-9+/=])/g, '[token]'],
  // Street addresses: "221B Baker Street", "12 main st", "Hauptstraße 5", "Berliner Straße 12a", "Am Weiher Weg 3".
  [new RegExp(`\\b\\d{1,5}[A-Za-z]?,?\\s{1,3}(?:[\\p{L}'.-]{1,40}\\s{1,3}){1,3}(?:${STREET_WORDS_EN})\\b\\.?`, 'giu'), '[address]'],
  [/(?<![\p{L}])[\p{L}]{1,40}(?:\s|-)(?:Straße|Strasse|Str\.)\s{0,3}\d{1,4}\s?[a-z]?\b/gu, '[address]'],
  // Street words that are also everyday words ("the same way") count only when written with capitals.
  [/\b\d{1,5}[A-Za-z]?,?\s{1,3}(?:[A-Z][\p{L}'.-]{0,40}\s{1,3}){1,3}(?:Way|Place|Court|Close|Square|Circle|Row|Walk|Grove|Gardens|Crescent)\b/gu, '[address]'],
  [/[\p{L}-]{0,40}(?:straße|strasse|str\.)\s{0,3}\d{1,4}\s?[a-z]?\b/giu, '[address]'],
  [new RegExp(`\\b[A-ZÄÖÜ][\\p{L}-]{0,40}(?:${STREET_WORDS_DE_CAPITALISED.toLowerCase()}|\\s(?:${STREET_WORDS_DE_CAPITALISED}))\\s{1,3}\\d{1,4}\\s?[a-z]?\\b`, 'gu'), '[address]'],
  [/\b(?:P\.?\s?O\.?\s?Box|Postfach)\s{0,3}\d{1,10}\b/gi, '[address]'],
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
  // Four or more digits spoken one by one (or in short groups).
  [SPOKEN_RUN, (run) => (spokenDigits(run) >= 4 ? '[number]' : run)],
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
  return result;
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
