import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cardinalWords, characterWord, dateWords, type Language, languageOf, ordinalWords, speakingLocale, spokenLanguage } from './number-words';
import type { SpokenLanguage } from './languages/spoken-language';
import { runsTogether, syllablesIn } from './syllables';

export { syllablesIn };

/**
 * What a voice does with an SSML reply, as countable things: the words it says (numbers, dates and
 * digits spelled out the way the platforms read them), the pauses punctuation and markup ask for,
 * and explicit breaks. The estimate in ./estimate.ts puts seconds on these counts.
 */

/** Counts a reply's listen time is made of. Inside `<prosody rate>` they are scaled by 1/rate. */
export interface ListenFeatures {
  /** Spoken words, numbers and digits included. */
  readonly words: number;
  readonly syllables: number;
  /** Words that are single characters read one by one (say-as digits, characters, telephone). */
  readonly spelled: number;
  /** Comma-like pauses: , ; : dashes, list separators, `<break strength="medium">`. */
  readonly clausePauses: number;
  /** Sentence ends inside the reply: . ? !, `</s>`, `</p>`, `<break strength="strong">`. */
  readonly sentencePauses: number;
  /** Sum of `<break time>`s, in seconds: the platform waits exactly that long. */
  readonly breakSeconds: number;
  /** `<audio>` clips, whose length cannot be known without fetching them. */
  readonly audioClips: number;
}

export interface SpokenWord {
  readonly text: string;
  readonly syllables: number;
  readonly spelled: boolean;
}

export interface SpokenForm {
  readonly words: readonly SpokenWord[];
  readonly features: ListenFeatures;
}

type Pause = 'clause' | 'sentence';

type SpeechEvent =
  | { readonly kind: 'word'; readonly word: SpokenWord; readonly rate: number }
  | { readonly kind: 'pause'; readonly pause: Pause; readonly rate: number }
  | { readonly kind: 'break'; readonly seconds: number }
  | { readonly kind: 'audio' };

interface Context {
  readonly language: Language;
  /** The locale numbers and dates are read in (the reply's, or its language's default). */
  readonly locale: string;
  /** The speaking rate relative to the voice's own (1 = as the voice speaks). */
  readonly rate: number;
}

/** How a reply in the locale starts: its language, at the voice's own rate. */
function contextFor(locale: string): Context {
  return { language: languageOf(locale), locale: speakingLocale(locale), rate: 1 };
}

type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ':@';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // "0042" stays a string; numbers in speech are read from their text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Decodes numeric character references as well as the five XML entities.
  htmlEntities: true,
});

function wordEvent(text: string, context: Context, spelled = false): SpeechEvent {
  return { kind: 'word', word: { text, syllables: syllablesIn(text, context.language), spelled }, rate: context.rate };
}

/** Words that may come as a phrase ("pour cent", "uve doble"): one event each. */
function phraseEvents(phrase: string, context: Context): SpeechEvent[] {
  return phrase
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => wordEvent(word, context));
}

/** A character read on its own; a two-word letter name ("i griega") is one spelled character. */
function spelledEvents(character: string, context: Context): SpeechEvent[] {
  return characterWord(character, context.language)
    .split(' ')
    .map((word, index) => wordEvent(word, context, index === 0));
}

const pauseEvent = (pause: Pause, context: Context): SpeechEvent => ({ kind: 'pause', pause, rate: context.rate });

type Currency = keyof SpokenLanguage['currencies'];

const isCurrency = (symbol: string): symbol is Currency => symbol === '$' || symbol === '€' || symbol === '£';

interface NumberNotation {
  readonly group: string;
  readonly decimal: string;
  readonly shape: RegExp;
}

const notations = new Map<string, NumberNotation>();

const escapeForRegExp = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How the locale writes numbers, as Intl knows it: "1,250.50" in the United States (and es-US),
 * "1.250,50" in Germany, Spain and Italy, "1 250,50" in France (a narrow no-break space).
 */
function notationOf(locale: string): NumberNotation {
  let notation = notations.get(locale);
  if (!notation) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    const group = parts.find((part) => part.type === 'group')?.value ?? ',';
    const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
    const shape = new RegExp(`^(\\d{1,3}(?:${escapeForRegExp(group)}\\d{3})+|\\d+)(?:${escapeForRegExp(decimal)}(\\d+))?$`);
    notation = { group, decimal, shape };
    notations.set(locale, notation);
  }
  return notation;
}

/** A written number in the locale's notation. */
function parseNumber(text: string, locale: string): { whole: number; fraction?: string; decimal: string } | undefined {
  const { group, decimal, shape } = notationOf(locale);
  const match = shape.exec(text);
  if (!match) return undefined;
  const whole = Number(match[1]!.split(group).join(''));
  return match[2] === undefined ? { whole, decimal } : { whole, fraction: match[2], decimal };
}

/** A locale that groups digits with a space ("1 250" in French): the groups are joined into one token before words are split. */
function joinSpacedGroups(text: string, locale: string): string {
  return /\s/.test(notationOf(locale).group) ? text.replace(/(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '') : text;
}

/** Beyond this a run of digits is an identifier, read digit by digit, not a quantity. */
const LONGEST_QUANTITY = 1e12;

function numberWords(text: string, context: Context, currency?: Currency): SpeechEvent[] | undefined {
  const number = parseNumber(text, context.locale);
  if (!number) return undefined;
  const { language } = context;
  if (number.whole >= LONGEST_QUANTITY) return [...text.replace(/\D/g, '')].map((digit) => wordEvent(characterWord(digit, language), context, true));
  const spoken = spokenLanguage(language);
  const words = cardinalWords(number.whole, language);
  if (currency) {
    const [major, minor] = spoken.currencies[currency];
    words.push(major);
    const cents = number.fraction ? Number(number.fraction.padEnd(2, '0').slice(0, 2)) : 0;
    if (cents > 0) words.push(spoken.centsJoiner, ...cardinalWords(cents, language), minor);
  } else if (number.fraction) {
    words.push(spoken.decimalWord(number.decimal), ...[...number.fraction].map((digit) => characterWord(digit, language)));
  }
  return words.map((word) => wordEvent(word, context));
}

/** A short all-capitals word with no vowel after its first letter is spelled ("UPS", "DHL", "XXL"); "NASA" is a word. */
const SPELLED_ACRONYM = /^[A-Z]{2,4}$/;

function coreWords(core: string, context: Context): SpeechEvent[] {
  const { language } = context;
  const spoken = spokenLanguage(language);
  const symbol = spoken.symbols[core];
  if (symbol) return phraseEvents(symbol, context);
  const currency = /^([$€£])(.+)$/.exec(core);
  if (currency && isCurrency(currency[1]!)) return numberWords(currency[2]!, context, currency[1]) ?? coreWords(currency[2]!, context);
  if (isCurrency(core)) return [wordEvent(spoken.currencies[core][0], context)];
  const percent = /^(.+)%$/.exec(core);
  if (percent) return [...coreWords(percent[1]!, context), ...phraseEvents(spoken.symbols['%']!, context)];
  const number = numberWords(core, context);
  if (number) return number;
  const ordinal = spoken.writtenOrdinal?.exec(core);
  if (ordinal) return ordinalWords(Number(ordinal[1]), language).map((word) => wordEvent(word, context));
  if (SPELLED_ACRONYM.test(core) && !/[AEIOU]/.test(core.slice(1))) return [...core].flatMap((letter) => spelledEvents(letter, context));
  // Compounds and mixed tokens: "well-known", "and/or", "GTX2" are several words.
  const pieces = core.split(/[-/–—]+|(?<=\d)(?=\D)|(?<=\D)(?=\d)/).filter((piece) => /[\p{L}\p{N}]/u.test(piece));
  if (pieces.length > 1) return pieces.flatMap((piece) => coreWords(piece, context));
  if (pieces.length === 0) return [];
  return [wordEvent(core.replace(/[^\p{L}\p{N}'’]/gu, ''), context)];
}

const CLAUSE_MARKS = /[,;:…]|^[-–—]+$/;
const SENTENCE_MARKS = /[.?!]/;

/** Plain text: words, with the pauses its punctuation asks for. */
function textEvents(text: string, context: Context): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  for (const token of joinSpacedGroups(text, context.locale).split(/\s+/).filter((piece) => piece.length > 0)) {
    // A symbol said as a word stays in the core, even standing alone (French writes "20 %").
    const match = /^([^\p{L}\p{N}%$€£&+@=]*)(.*?)([^\p{L}\p{N}%€$£&+@=]*)$/u.exec(token)!;
    const [, leading = '', core = '', trailing = ''] = match;
    if (core === '') {
      // A mark standing alone: " — ", " … ", " . ".
      if (SENTENCE_MARKS.test(leading) && !/^\.{2,}$/.test(leading)) events.push(pauseEvent('sentence', context));
      else if (CLAUSE_MARKS.test(leading) || /^\.{2,}$/.test(leading)) events.push(pauseEvent('clause', context));
      continue;
    }
    events.push(...coreWords(core, context));
    if (SENTENCE_MARKS.test(trailing)) events.push(pauseEvent('sentence', context));
    else if (CLAUSE_MARKS.test(trailing)) events.push(pauseEvent('clause', context));
  }
  return events;
}

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ATTRIBUTES);
}

function attributesOf(node: XmlNode): Readonly<Record<string, string>> {
  return (node[ATTRIBUTES] as Record<string, string> | undefined) ?? {};
}

function textContent(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      const tag = tagOf(node);
      if (tag === TEXT) return String(node[TEXT]);
      return tag ? textContent(node[tag] as XmlNode[]) : '';
    })
    .join('');
}

function charactersEvents(content: string, context: Context): SpeechEvent[] {
  return [...content.replace(/[^\p{L}\p{N}]/gu, '')].flatMap((character) => spelledEvents(character, context));
}

/** A telephone number: digit by digit, with a short pause between its groups. */
function telephoneEvents(content: string, context: Context): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  const groups = content.split(/[\s\-().]+/).filter((group) => group.length > 0);
  groups.forEach((group, index) => {
    if (index > 0) events.push(pauseEvent('clause', context));
    if (group.startsWith('+')) events.push(...phraseEvents(spokenLanguage(context.language).symbols['+']!, context));
    events.push(...charactersEvents(group, context));
  });
  return events;
}

/** The order of day, month and year in a say-as date's `format` ("mdy", "yyyymmdd", "mmdd"…). */
function fieldOrder(format: string | undefined, fields: number): string[] {
  const order = [...new Set((format ?? '').toLowerCase().replace(/[^dmy]/g, ''))];
  if (order.length === fields) return order;
  return fields === 2 ? ['m', 'd'] : fields === 1 ? ['d'] : ['y', 'm', 'd'];
}

function dateEvents(content: string, format: string | undefined, context: Context): SpeechEvent[] | undefined {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const read = (field: string) => (/^\d+$/.test(field) ? Number(field) : undefined);
  const compact = /^([\d?]{4})([\d?]{2})([\d?]{2})$/.exec(content.trim());
  if (compact) {
    [year, month, day] = [read(compact[1]!), read(compact[2]!), read(compact[3]!)];
  } else {
    const fields = content.trim().split(/[-/.\s]+/);
    const order = fieldOrder(format, fields.length);
    fields.forEach((field, index) => {
      const value = read(field);
      if (order[index] === 'y') year = value;
      else if (order[index] === 'm') month = value;
      else if (order[index] === 'd') day = value;
    });
  }
  const words = dateWords({ year, month, day }, context.locale);
  return words && words.length > 0 ? words.map((word) => wordEvent(word, context)) : undefined;
}

function sayAsEvents(attributes: Readonly<Record<string, string>>, content: string, context: Context): SpeechEvent[] {
  const interpretAs = (attributes['interpret-as'] ?? '').toLowerCase();
  const { language } = context;
  switch (interpretAs) {
    case 'digits':
    case 'characters':
    case 'spell-out':
    case 'verbatim':
      return charactersEvents(content, context);
    case 'telephone':
      return telephoneEvents(content, context);
    case 'cardinal':
    case 'number': {
      const digits = content.replace(/[^\d-]/g, '');
      return /^-?\d+$/.test(digits) ? cardinalWords(Number(digits), language).map((word) => wordEvent(word, context)) : textEvents(content, context);
    }
    case 'ordinal': {
      const digits = content.replace(/\D/g, '');
      return digits ? ordinalWords(Number(digits), language).map((word) => wordEvent(word, context)) : textEvents(content, context);
    }
    case 'date':
      return dateEvents(content, attributes.format, context) ?? textEvents(content, context);
    case 'time':
      return textEvents(content.replace(/[:h]/g, ' '), context);
    case 'expletive':
      // Bleeped: one beep, about a word long.
      return [wordEvent('beep', context)];
    default:
      return textEvents(content, context);
  }
}

/** The words a platform says for a `<say-as>` element, in the reply's locale. */
export function sayAsWords(attributes: Readonly<Record<string, string>>, content: string, locale: string): string[] {
  return sayAsEvents(attributes, content, contextFor(locale)).flatMap((event) => (event.kind === 'word' ? [event.word.text] : []));
}

const NAMED_RATES: Readonly<Record<string, number>> = { 'x-slow': 0.6, slow: 0.8, medium: 1, default: 1, fast: 1.25, 'x-fast': 1.5 };

/** `<prosody rate>`: "80%", "+10%", a named rate; anything unreadable leaves the rate as it is. */
function prosodyRate(value: string | undefined): number {
  if (!value) return 1;
  const named = NAMED_RATES[value.trim().toLowerCase()];
  if (named) return named;
  const percent = /^([+-]?)(\d+(?:\.\d+)?)%$/.exec(value.trim());
  if (!percent) return 1;
  const amount = Number(percent[2]) / 100;
  const rate = percent[1] === '+' ? 1 + amount : percent[1] === '-' ? 1 - amount : amount;
  return rate > 0 ? rate : 1;
}

const BREAK_STRENGTHS: Readonly<Record<string, Pause | undefined>> = {
  none: undefined,
  'x-weak': undefined,
  weak: 'clause',
  medium: 'clause',
  strong: 'sentence',
  // A paragraph break; timed as a sentence end, the longest pause punctuation makes.
  'x-strong': 'sentence',
};

/** `<break time="250ms">`, "1.5s"; undefined when there is no time. */
function breakSeconds(time: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/i.exec(time ?? '');
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2]!.toLowerCase() === 'ms' ? value / 1000 : value;
}

function breakEvents(attributes: Readonly<Record<string, string>>, context: Context): SpeechEvent[] {
  const seconds = breakSeconds(attributes.time);
  if (seconds !== undefined) return [{ kind: 'break', seconds }];
  const strength = (attributes.strength ?? 'medium').toLowerCase();
  const pause = BREAK_STRENGTHS[strength];
  return pause ? [pauseEvent(pause, context)] : [];
}

function walk(nodes: readonly XmlNode[], context: Context): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag) continue;
    if (tag === TEXT) {
      events.push(...textEvents(String(node[TEXT]), context));
      continue;
    }
    const children = (node[tag] as XmlNode[] | undefined) ?? [];
    const attributes = attributesOf(node);
    switch (tag) {
      case 'break':
        events.push(...breakEvents(attributes, context));
        break;
      case 'say-as':
        events.push(...sayAsEvents(attributes, textContent(children), context));
        break;
      case 'sub':
        events.push(...textEvents(attributes.alias ?? textContent(children), context));
        break;
      case 'audio':
        events.push({ kind: 'audio' });
        break;
      case 'mark':
      case 'desc':
        break;
      case 'prosody':
        events.push(...walk(children, { ...context, rate: context.rate * prosodyRate(attributes.rate) }));
        break;
      case 's':
      case 'p':
        events.push(...walk(children, context), pauseEvent('sentence', context));
        break;
      default:
        // speak, lang, voice, emphasis, phoneme, w, amazon:emotion / domain / effect and the like
        // change how words sound, not how many there are.
        events.push(...walk(children, context));
    }
  }
  return events;
}

/**
 * Punctuation pauses next to each other are one pause (the longer), and none is heard before the
 * first word or after the last: the reply starts and ends there.
 */
function settlePauses(events: readonly SpeechEvent[]): SpeechEvent[] {
  const settled: SpeechEvent[] = [];
  for (const event of events) {
    const previous = settled.at(-1);
    if (event.kind === 'pause' && previous?.kind === 'pause') {
      if (event.pause === 'sentence') settled[settled.length - 1] = event;
      continue;
    }
    settled.push(event);
  }
  const first = settled.findIndex((event) => event.kind !== 'pause');
  if (first < 0) return settled.filter((event) => event.kind !== 'pause');
  let last = settled.length - 1;
  while (last >= 0 && settled[last]!.kind === 'pause') last -= 1;
  return settled.slice(first, last + 1);
}

function parse(ssml: string): XmlNode[] {
  const trimmed = ssml.trim();
  const document = trimmed.startsWith('<speak') ? trimmed : `<speak>${trimmed}</speak>`;
  const validation = XMLValidator.validate(document);
  if (validation !== true) throw new Error(`listen time: the SSML is not well-formed XML (${validation.err.msg}, line ${validation.err.line})`);
  return parser.parse(document) as XmlNode[];
}

/** The words and pauses of an SSML reply (or plain text) in the given locale. */
export function spokenForm(ssml: string, locale: string): SpokenForm {
  if (ssml.trim() === '') return { words: [], features: { words: 0, syllables: 0, spelled: 0, clausePauses: 0, sentencePauses: 0, breakSeconds: 0, audioClips: 0 } };
  const events = settlePauses(walk(parse(ssml), contextFor(locale)));
  const words: SpokenWord[] = [];
  const features = { words: 0, syllables: 0, spelled: 0, clausePauses: 0, sentencePauses: 0, breakSeconds: 0, audioClips: 0 };
  const { language } = contextFor(locale);
  let previous: SpeechEvent | undefined;
  for (const event of events) {
    if (event.kind === 'word') {
      words.push(event.word);
      features.words += 1 / event.rate;
      features.syllables += event.word.syllables / event.rate;
      const joined = previous?.kind === 'word' && !previous.word.spelled && !event.word.spelled && runsTogether(previous.word.text, event.word.text, language);
      if (joined) features.syllables -= 1 / event.rate;
      if (event.word.spelled) features.spelled += 1 / event.rate;
    } else if (event.kind === 'pause') {
      if (event.pause === 'clause') features.clausePauses += 1 / event.rate;
      else features.sentencePauses += 1 / event.rate;
    } else if (event.kind === 'break') {
      features.breakSeconds += event.seconds;
    } else {
      features.audioClips += 1;
    }
    previous = event;
  }
  return { words, features };
}
