import type { CurrencyCode } from '../../commerce/ports';
import { grammarFor, type QueryGrammar } from './grammar';
import type { CatalogVocabulary, PriceRange, ProductQuery } from '../../commerce/product-query';
import { type QueryToken, readNumbers } from './spoken-numbers';

/** "around 80" means roughly this share either side. */
const AROUND_SHARE = 0.2;
/** The longest vocabulary term, in words ("double extra large", "trail running shoes"). */
const LONGEST_TERM = 4;

const CURRENCY_SYMBOLS: Readonly<Record<string, CurrencyCode>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

/** A word's form for matching: lowercase, without plural or adjective endings. */
export function stem(word: string, plural: QueryGrammar['plural']): string {
  if (plural === 'german') {
    if (word.length <= 4) return word;
    const ending = ['en', 'er', 'es', 'em', 'e', 'n'].find((candidate) => word.endsWith(candidate));
    return ending ? word.slice(0, -ending.length) : word;
  }
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lowercase words without punctuation; currency symbols become words of their own. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/([$€£])/g, ' $1 ')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/[^\p{L}\p{N}$€£.,' ]+/gu, ' ')
    .replace(/(?<!\d)[.,]|[.,](?!\d)/g, ' ')
    .replace(/'(?=\s|$)|(?<=\s|^)'/g, ' ')
    .replace(/'s\b/g, 's')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

type Target =
  | { readonly kind: 'category'; readonly id: string }
  | { readonly kind: 'attribute'; readonly name: string; readonly value: string }
  | { readonly kind: 'brand'; readonly name: string };

/** Vocabulary terms by their stemmed words, built once per vocabulary and locale. */
export class VocabularyIndex {
  private readonly targets = new Map<string, Target[]>();

  constructor(
    vocabulary: CatalogVocabulary,
    readonly grammar: QueryGrammar,
  ) {
    for (const brand of vocabulary.brands) this.add(brand, { kind: 'brand', name: brand });
    for (const category of vocabulary.categories) {
      for (const term of category.terms) this.add(term, { kind: 'category', id: category.id });
    }
    for (const attribute of vocabulary.attributes) {
      for (const term of attribute.terms) this.add(term, { kind: 'attribute', name: attribute.name, value: attribute.value });
    }
    this.currency = vocabulary.currency;
  }

  readonly currency: CurrencyCode;

  key(words: readonly string[]): string {
    return words.map((word) => stem(word, this.grammar.plural)).join(' ');
  }

  private add(term: string, target: Target): void {
    const key = this.key(wordsOf(term));
    if (key.length === 0) return;
    const existing = this.targets.get(key) ?? [];
    if (!existing.some((known) => JSON.stringify(known) === JSON.stringify(target))) existing.push(target);
    this.targets.set(key, existing);
  }

  lookup(words: readonly string[]): readonly Target[] {
    return this.targets.get(this.key(words)) ?? [];
  }

  hasSize(value: string): boolean {
    return this.lookup([value.toLowerCase()]).some((target) => target.kind === 'attribute' && target.name === 'size');
  }
}

class TokenCursor {
  private readonly used: boolean[];

  constructor(readonly tokens: readonly QueryToken[]) {
    this.used = tokens.map(() => false);
  }

  wordAt(index: number): string | undefined {
    const token = this.tokens[index];
    return token?.kind === 'word' && !this.used[index] ? token.text : undefined;
  }

  numberAt(index: number): number | undefined {
    const token = this.tokens[index];
    return token?.kind === 'number' && !this.used[index] ? token.value : undefined;
  }

  /** Length in tokens of the longest phrase starting at `index`, or 0. */
  phraseAt(index: number, phrases: readonly string[]): number {
    let best = 0;
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      if (words.length > best && words.every((word, offset) => this.wordAt(index + offset) === word)) best = words.length;
    }
    return best;
  }

  use(from: number, count: number): void {
    for (let index = from; index < from + count; index += 1) this.used[index] = true;
  }

  isUsed(index: number): boolean {
    return this.used[index] ?? true;
  }
}

/** A number at `index`, with an optional currency word or symbol after it: its length in tokens. */
function amountAt(cursor: TokenCursor, index: number, grammar: QueryGrammar): { value: number; length: number; currency: boolean } | undefined {
  const value = cursor.numberAt(index);
  if (value === undefined) return undefined;
  const currencyWords = Object.values(grammar.currencies).flat();
  const after = cursor.phraseAt(index + 1, [...currencyWords, ...Object.keys(CURRENCY_SYMBOLS)]);
  return { value, length: 1 + after, currency: after > 0 };
}

/** "$150" reads "$ 150": a symbol before the amount is only a currency marker. */
function skipCurrencySymbol(cursor: TokenCursor, index: number): number {
  const word = cursor.wordAt(index);
  return word !== undefined && word in CURRENCY_SYMBOLS ? 1 : 0;
}

const toMinor = (value: number) => Math.round(value * 100);

function readPrice(cursor: TokenCursor, grammar: QueryGrammar): { price: PriceRange; cheapestFirst: boolean } {
  let price: PriceRange = {};
  let cheapestFirst = false;
  for (let index = 0; index < cursor.tokens.length; index += 1) {
    const cheap = cursor.phraseAt(index, grammar.cheap);
    if (cheap > 0) {
      cheapestFirst = true;
      cursor.use(index, cheap);
      continue;
    }
    const between = cursor.phraseAt(index, grammar.between);
    if (between > 0) {
      const lowAt = index + between + skipCurrencySymbol(cursor, index + between);
      const low = amountAt(cursor, lowAt, grammar);
      const join = low ? cursor.phraseAt(lowAt + low.length, grammar.rangeJoin) : 0;
      const highAt = lowAt + (low?.length ?? 0) + join;
      const high = join > 0 ? amountAt(cursor, highAt + skipCurrencySymbol(cursor, highAt), grammar) : undefined;
      if (low && high) {
        const highStart = highAt + skipCurrencySymbol(cursor, highAt);
        price = { minMinor: toMinor(Math.min(low.value, high.value)), maxMinor: toMinor(Math.max(low.value, high.value)) };
        cursor.use(index, highStart + high.length - index);
        index = highStart + high.length - 1;
        continue;
      }
    }
    const bounds: [readonly string[], (value: number) => PriceRange][] = [
      [grammar.upperBound, (value) => ({ ...price, maxMinor: toMinor(value) })],
      [grammar.lowerBound, (value) => ({ ...price, minMinor: toMinor(value) })],
      [grammar.around, (value) => ({ minMinor: toMinor(value * (1 - AROUND_SHARE)), maxMinor: toMinor(value * (1 + AROUND_SHARE)) })],
      // "from 50" without an upper end is a lower bound.
      [grammar.between, (value) => ({ ...price, minMinor: toMinor(value) })],
    ];
    for (const [phrases, bound] of bounds) {
      const length = cursor.phraseAt(index, phrases);
      if (length === 0) continue;
      const at = index + length + skipCurrencySymbol(cursor, index + length);
      const amount = amountAt(cursor, at, grammar);
      if (!amount) continue;
      price = bound(amount.value);
      cursor.use(index, at + amount.length - index);
      index = at + amount.length - 1;
      break;
    }
  }
  // A bare amount with a currency ("150 dollars") is a budget.
  for (let index = 0; index < cursor.tokens.length; index += 1) {
    const at = index + skipCurrencySymbol(cursor, index);
    const amount = amountAt(cursor, at, grammar);
    if (amount && (amount.currency || at > index) && price.maxMinor === undefined) {
      price = { ...price, maxMinor: toMinor(amount.value) };
      cursor.use(index, at + amount.length - index);
    }
  }
  return { price, cheapestFirst };
}

function readSize(cursor: TokenCursor, index: VocabularyIndex, attributes: Record<string, string[]>): void {
  const grammar = index.grammar;
  const spokenSizes = Object.keys(grammar.sizes);
  for (let at = 0; at < cursor.tokens.length; at += 1) {
    const sizeWord = cursor.phraseAt(at, grammar.sizeWords);
    const valueAt = at + sizeWord;
    const phrase = cursor.phraseAt(valueAt, spokenSizes);
    const spoken = phrase > 0 ? cursor.tokens.slice(valueAt, valueAt + phrase).map((token) => (token.kind === 'word' ? token.text : '')).join(' ') : undefined;
    const numeric = sizeWord > 0 ? cursor.numberAt(valueAt) : undefined;
    const literal = sizeWord > 0 && phrase === 0 ? cursor.wordAt(valueAt) : undefined;
    const value = spoken ? grammar.sizes[spoken] : numeric !== undefined ? String(numeric) : literal?.toUpperCase();
    if (value === undefined || !index.hasSize(value)) continue;
    attributes.size = [value];
    cursor.use(at, sizeWord + Math.max(phrase, 1));
  }
}

function readVocabulary(cursor: TokenCursor, index: VocabularyIndex) {
  let category: string | undefined;
  let brand: string | undefined;
  const attributes: Record<string, string[]> = {};
  const hints: string[] = [];
  readSize(cursor, index, attributes);
  for (let at = 0; at < cursor.tokens.length; at += 1) {
    for (let length = Math.min(LONGEST_TERM, cursor.tokens.length - at); length >= 1; length -= 1) {
      const words: string[] = [];
      for (let offset = 0; offset < length; offset += 1) {
        const word = cursor.wordAt(at + offset);
        if (word === undefined) break;
        words.push(word);
      }
      if (words.length < length) continue;
      const targets = index.lookup(words);
      if (targets.length === 0) continue;
      // One phrase may name several things ("running" is a use and part of "running shoes"):
      // a brand or category wins over an attribute, and a category already named stays.
      const named = targets.find((target) => target.kind === 'brand') ?? targets.find((target) => target.kind === 'category' && !category);
      if (named?.kind === 'brand') brand = named.name;
      else if (named?.kind === 'category') {
        category = named.id;
        // "headphones" names the audio category, and headphones should come before speakers.
        if (index.key(words) !== index.key(wordsOf(named.id.replace(/-/g, ' ')))) hints.push(words.join(' '));
      }
      else {
        for (const target of targets) {
          if (target.kind !== 'attribute') continue;
          const values = (attributes[target.name] ??= []);
          if (!values.includes(target.value)) values.push(target.value);
          break;
        }
        if (!targets.some((target) => target.kind === 'attribute')) continue;
      }
      cursor.use(at, length);
      at += length - 1;
      break;
    }
  }
  return { category, brand, attributes, hints };
}

/**
 * Understands a spoken product request ("a waterproof jacket for hiking under $150") as a
 * structured query, using the catalog's own vocabulary and the locale's grammar.
 */
export function understandQuery(text: string, index: VocabularyIndex): ProductQuery {
  const grammar = index.grammar;
  const cursor = new TokenCursor(readNumbers(wordsOf(text), grammar));
  const { price, cheapestFirst } = readPrice(cursor, grammar);
  const { category, brand, attributes, hints } = readVocabulary(cursor, index);
  const stopWords = new Set(grammar.stopWords);
  const words: string[] = [];
  cursor.tokens.forEach((token, at) => {
    if (cursor.isUsed(at) || token.kind !== 'word' || stopWords.has(token.text) || token.text in CURRENCY_SYMBOLS) return;
    if (!words.includes(token.text)) words.push(token.text);
  });
  return {
    ...(category ? { category } : {}),
    ...(brand ? { brand } : {}),
    attributes,
    words,
    hints,
    price,
    cheapestFirst,
  };
}

/** Indexes by vocabulary: a catalog hands out the same vocabulary object until it changes. */
const indexes = new WeakMap<CatalogVocabulary, Map<string, VocabularyIndex>>();

export function vocabularyIndex(vocabulary: CatalogVocabulary, locale: string): VocabularyIndex {
  const byLocale = indexes.get(vocabulary) ?? new Map<string, VocabularyIndex>();
  indexes.set(vocabulary, byLocale);
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const index = new VocabularyIndex(vocabulary, grammarFor(locale));
  byLocale.set(locale, index);
  return index;
}
