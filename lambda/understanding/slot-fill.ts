import type { CalendarDay } from './calendar';
import type { LanguageModel, SlotType, SlotTypeValue } from './language-model';
import { type DateLean, spokenDate } from './spoken-dates';
import { spokenDigits, spokenNumber, spokenOrdinal } from './spoken-numbers';
import type { Token } from './tokens';
import { INFLECTED, type WordDistance } from './word-match';
import type { WordWeights } from './word-weights';

/** A slot as the platform would fill it. */
export interface SlotFill {
  readonly slot: string;
  readonly type: string;
  /** The words as the shopper said them. */
  readonly spoken: string;
  /** What the platform puts in the slot: digits for numbers, an AMAZON.DATE value for dates, else what was said. */
  readonly value: string;
  /** Entity resolution for custom slot types: the value the words name, or 'no-match'. */
  readonly resolution?: { readonly id: string; readonly name: string } | 'no-match';
}

/** A span of tokens in a slot, and what it costs the sample's score. */
export interface SpanFill {
  readonly cost: number;
  /** `value` only where the platform converts what was said (numbers, dates). */
  readonly fill: Omit<SlotFill, 'slot' | 'spoken' | 'value'> & { readonly value?: string };
}

export interface SlotContext {
  readonly model: LanguageModel;
  readonly weights: WordWeights;
  readonly distance: WordDistance;
  /** The model's words near a word said, and how far apart. */
  readonly near: (said: string) => ReadonlyMap<string, number>;
  /** Today where the shopper is, for relative dates. */
  readonly today: () => CalendarDay;
  /** Which way "monday" or "in march" points. */
  readonly dateLean: DateLean;
  /** Whether a slot of a custom type takes words its type does not list, as Alexa's slots do. */
  readonly takesUnlisted: (slot: string) => boolean;
  /** Whether a free-text slot keeps the preposition said just before it ("for women", "under fifty"). */
  readonly keepsPreposition: (slot: string) => boolean;
}

/** Free text: anything the shopper says fits, so only the words around it tell the intent. */
export const FREE_TEXT_TYPE = 'AMAZON.SearchQuery';

/** The longest span each kind of slot may take, in tokens. */
const LONGEST = { number: 10, date: 7, open: 6 } as const;
/**
 * Words in a slot of a custom type that name none of its values: accepted, as on Alexa, but less
 * sure than a listed value, so "sneakers" beats "these sneakers". Still a little cheaper than
 * leaving a word unexplained (see align.ts), so "hydration vest" stays one value.
 */
const UNLISTED_WORD_COST = 0.6;
/**
 * Words no sample uses before a listed value describe it ("ethiopian coffee", "merino socks"): the
 * value is named, the description stays in what was said. Cheaper than leaving the words out of
 * the slot (see align.ts), so the item the shopper named keeps its words.
 */
const DESCRIBING_WORD_COST = 0.3;
/** Words of a free-text slot; words the samples use cost more, so a query does not swallow another intent. */
const QUERY_WORD_COST = 0.25;
const QUERY_KNOWN_WORD_COST = 0.6;

export function longestSpan(type: string, model: LanguageModel): number {
  // An unlisted value is no longer than the longest listed one: "hydration vest", not a whole sentence.
  const custom = model.types.get(type);
  if (custom) return custom.longestPhrase;
  if (type === FREE_TEXT_TYPE) return Number.POSITIVE_INFINITY;
  if (type === 'AMAZON.DATE') return LONGEST.date;
  if (isNumberType(type)) return LONGEST.number;
  return LONGEST.open;
}

function isNumberType(type: string): boolean {
  return type === 'AMAZON.NUMBER' || type === 'AMAZON.FOUR_DIGIT_NUMBER' || type === 'AMAZON.Ordinal';
}

function phraseCost(phrase: readonly string[], words: readonly string[], distance: WordDistance): number | undefined {
  if (phrase.length !== words.length) return undefined;
  let cost = 0;
  for (const [index, word] of words.entries()) {
    const apart = distance(phrase[index] ?? '', word);
    if (apart === undefined) return undefined;
    cost += apart;
  }
  return cost;
}

/** The slot-type value the words name (entity resolution), with how loosely they name it. */
function resolveValue(type: SlotType, words: readonly string[], context: SlotContext) {
  let best: { value: SlotTypeValue; cost: number } | undefined;
  // Only phrases whose first word is near the first word said can name the value.
  for (const first of context.near(words[0] ?? '').keys()) {
    for (const { value, phrase } of type.phrasesByFirstWord.get(first) ?? []) {
      const cost = phraseCost(phrase, words, context.distance);
      if (cost !== undefined && (best === undefined || cost < best.cost)) best = { value, cost };
    }
  }
  return best;
}

/** A listed value named by the last words, after words that describe it and nothing else. */
function describedValue(type: SlotType, words: readonly string[], context: SlotContext) {
  const { weights, model } = context;
  for (let head = 1; head < words.length; head += 1) {
    const describing = words.slice(0, head);
    const describes = describing.every((word) => !weights.knows(word) && !weights.isFiller(word)) && spokenNumber(describing, model.language.numbers) === undefined;
    if (!describes) return undefined;
    const named = resolveValue(type, words.slice(head), context);
    if (named) return { value: named.value, cost: named.cost + describing.reduce((sum, word) => sum + DESCRIBING_WORD_COST * weights.weight(word), 0) };
  }
  return undefined;
}

/**
 * Words after a preposition that only describe what comes before it, as Romance languages put them
 * ("casa de campaña", "mochila para el perro"): no word a sample uses, no number, no date ("del lunes").
 */
function describesAfterJoin(describing: readonly string[], context: SlotContext): boolean {
  const { weights, model } = context;
  const { articles, numbers } = model.language;
  return (
    describing.some((word) => !articles.includes(word)) &&
    describing.every((word) => articles.includes(word) || (!weights.knows(word) && !weights.isFiller(word))) &&
    spokenNumber(describing, numbers) === undefined &&
    spokenDate(describing, model.language, context.today(), context.dateLean) === undefined
  );
}

const listedForOtherThanProducts = new WeakMap<LanguageModel, ReadonlySet<string>>();

/**
 * The words of the types that name no product (a reason, a size, an ordinal): the types a search
 * takes beside its free text name and describe products ("bleu", "imperméable"), the rest do not.
 */
function wordsListedForOtherThanProducts(model: LanguageModel): ReadonlySet<string> {
  let words = listedForOtherThanProducts.get(model);
  if (!words) {
    const searches = model.intents.filter((intent) => [...intent.slots.values()].includes(FREE_TEXT_TYPE));
    const productTypes = new Set(searches.flatMap((intent) => [...intent.slots.values()]));
    words = new Set([...model.types].filter(([name]) => !productTypes.has(name)).flatMap(([, type]) => type.values.flatMap((value) => value.phrases.flat())));
    listedForOtherThanProducts.set(model, words);
  }
  return words;
}

/** The words that join a description to the noun before it: the language's own, else its prepositions. */
const nounJoiners = (context: SlotContext) => context.model.language.describedAfterNoun?.joiners ?? context.model.language.prepositions;

/** A listed value named by the first words, described after a preposition: "mochila para perro", "café de Colombia". */
function describedAfter(type: SlotType, words: readonly string[], context: SlotContext) {
  const { weights, model } = context;
  const joiners = nounJoiners(context);
  const describedBy = (from: number) => words.slice(from).reduce((sum, word) => sum + DESCRIBING_WORD_COST * weights.weight(word), 0);
  for (let joiner = words.length - 2; joiner >= 1; joiner -= 1) {
    if (!joiners.includes(words[joiner] ?? '') || !describesAfterJoin(words.slice(joiner + 1), context)) continue;
    const named = resolveValue(type, words.slice(0, joiner), context);
    if (named) return { value: named.value, cost: named.cost + describedBy(joiner) };
  }
  // Described with no joiner at all, where the language says so ("couverture lestée"), by words
  // that are no form of a request's own words either ("reçues" after "chaussures" is "reçu").
  if (!model.language.describedAfterNoun?.bare) return undefined;
  const requestWord = (word: string) => [...context.near(word)].some(([near, apart]) => apart <= INFLECTED && weights.knows(near));
  // Nor is it a word the model lists for anything but products ("le bonnet gratte": a reason), nor a date.
  const otherWords = wordsListedForOtherThanProducts(model);
  if (spokenDate(words, model.language, context.today(), context.dateLean) !== undefined) return undefined;
  for (let end = words.length - 1; end >= 1; end -= 1) {
    if (!describesAfterJoin(words.slice(end), context) || words.slice(end).some((word) => requestWord(word) || otherWords.has(word))) continue;
    const named = resolveValue(type, words.slice(0, end), context);
    if (named) return { value: named.value, cost: named.cost + describedBy(end) };
  }
  return undefined;
}

/** How `tokens` fill a slot of `type`, or undefined when they cannot (e.g. words in a number slot). */
export function fillSpan(type: string, tokens: readonly Token[], context: SlotContext): SpanFill | undefined {
  const { model, weights } = context;
  const words = tokens.map((token) => token.word);
  const numbers = model.language.numbers;
  // An unlisted value is made of words the samples never use: "stuff" in "where's my stuff" is no
  // item. Nor is a number, which has slots of its own: "size twelve" is no size name. What a
  // preposition joins to the name describes it ("casa de campaña"), and may be any words but those.
  const unlisted = () => {
    const joiners = nounJoiners(context);
    const joiner = words.findIndex((word, at) => at > 0 && joiners.includes(word));
    const name = joiner > 0 && describesAfterJoin(words.slice(joiner + 1), context) ? words.slice(0, joiner) : words;
    // Nor is a date: "le mois dernier" is when, not what.
    const isDate = () => spokenDate(words, model.language, context.today(), context.dateLean) !== undefined;
    return name.some((word) => weights.knows(word) || weights.isFiller(word)) || spokenNumber(words, numbers) !== undefined || isDate()
      ? undefined
      : { cost: words.reduce((sum, word) => sum + UNLISTED_WORD_COST * weights.weight(word), 0), fill: { type } };
  };
  switch (type) {
    case 'AMAZON.NUMBER': {
      // "Both" and "a couple" are counts, not number words: only a count slot takes them, and only alone.
      const value = numbers.pair?.includes(words.join(' ')) ? '2' : spokenNumber(words, numbers);
      return value === undefined ? undefined : { cost: 0, fill: { type, value } };
    }
    case 'AMAZON.FOUR_DIGIT_NUMBER': {
      // Digits as said: a PIN may start with zero.
      const value = spokenDigits(words, numbers);
      return value?.length === 4 ? { cost: 0, fill: { type, value } } : undefined;
    }
    case 'AMAZON.Ordinal': {
      const value = spokenOrdinal(words, numbers);
      return value === undefined ? undefined : { cost: 0, fill: { type, value: String(value) } };
    }
    case 'AMAZON.DATE': {
      const value = spokenDate(words, model.language, context.today(), context.dateLean);
      return value === undefined ? undefined : { cost: 0, fill: { type, value } };
    }
    case FREE_TEXT_TYPE: {
      const cost = words.reduce((sum, word) => sum + weights.weight(word) * (weights.knows(word) ? QUERY_KNOWN_WORD_COST : QUERY_WORD_COST), 0);
      return { cost, fill: { type } };
    }
  }
  const custom = model.types.get(type);
  if (!custom) return unlisted();
  const match = resolveValue(custom, words, context) ?? describedValue(custom, words, context) ?? describedAfter(custom, words, context);
  if (!match) {
    const open = unlisted();
    return open && { cost: open.cost, fill: { type, resolution: 'no-match' } };
  }
  return { cost: match.cost, fill: { type, resolution: { id: match.value.id, name: match.value.name } } };
}
