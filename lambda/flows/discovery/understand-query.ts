import type { ProductQuery } from '../../commerce/product-query';
import { readPrice, CURRENCY_SYMBOLS } from './read-price';
import { readNumbers } from './spoken-numbers';
import { TokenCursor } from './token-cursor';
import type { VocabularyIndex } from './vocabulary-index';
import { wordsOf } from './words';

/** The longest vocabulary term, in words ("double extra large", "trail running shoes"). */
const LONGEST_TERM = 4;

/** The `length` words from `from` on, unless a number or an already read word is among them. */
function wordsFrom(cursor: TokenCursor, from: number, length: number): string[] | undefined {
  const words: string[] = [];
  for (let at = from; at < from + length; at += 1) {
    const word = cursor.wordAt(at);
    if (word === undefined) return undefined;
    words.push(word);
  }
  return words;
}

/** Whether the words from `from` on, `length` of them, are part of a longer phrase the catalog knows ("medium roast"). */
function partOfLongerTerm(cursor: TokenCursor, index: VocabularyIndex, from: number, length: number): boolean {
  for (let start = Math.max(0, from + length - LONGEST_TERM); start <= from; start += 1) {
    for (let end = from + length; end - start <= LONGEST_TERM; end += 1) {
      const words = wordsFrom(cursor, start, end - start);
      if (words === undefined) break;
      if (end - start > length && index.lookup(words).length > 0) return true;
    }
  }
  return false;
}

/** "Size 10", "size medium", or a size word alone, when the catalog carries that size and names nothing longer with it. */
function readSize(cursor: TokenCursor, index: VocabularyIndex, attributes: Record<string, string[]>): void {
  const grammar = index.grammar;
  const spokenSizes = Object.keys(grammar.sizes);
  for (let at = 0; at < cursor.tokens.length; at += 1) {
    const sizeWord = cursor.phraseAt(at, grammar.sizeWords);
    const valueAt = at + sizeWord;
    const phrase = cursor.phraseAt(valueAt, spokenSizes);
    if (sizeWord === 0 && phrase > 0 && partOfLongerTerm(cursor, index, at, phrase)) continue;
    const spoken = phrase > 0 ? cursor.tokens.slice(valueAt, valueAt + phrase).map((token) => (token.kind === 'word' ? token.text : '')).join(' ') : undefined;
    const numeric = sizeWord > 0 ? cursor.numberAt(valueAt) : undefined;
    const literal = sizeWord > 0 && phrase === 0 ? cursor.wordAt(valueAt) : undefined;
    const value = spoken ? grammar.sizes[spoken] : numeric !== undefined ? String(numeric) : literal?.toUpperCase();
    if (value === undefined || !index.hasSize(value)) continue;
    attributes.size = [value];
    cursor.use(at, sizeWord + Math.max(phrase, 1));
  }
}

/** Brands, categories and attribute values the catalog knows, longest phrase first. */
function readVocabulary(cursor: TokenCursor, index: VocabularyIndex) {
  let category: string | undefined;
  let brand: string | undefined;
  const attributes: Record<string, string[]> = {};
  const hints: string[] = [];
  readSize(cursor, index, attributes);
  for (let at = 0; at < cursor.tokens.length; at += 1) {
    for (let length = Math.min(LONGEST_TERM, cursor.tokens.length - at); length >= 1; length -= 1) {
      const words = wordsFrom(cursor, at, length);
      if (words === undefined) continue;
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
