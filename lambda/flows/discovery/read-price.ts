import type { CurrencyCode } from '../../commerce/ports';
import type { PriceRange } from '../../commerce/product-query';
import type { QueryGrammar } from './grammar';
import type { TokenCursor } from './token-cursor';

/** "around 80" means roughly this share either side. */
const AROUND_SHARE = 0.2;

export const CURRENCY_SYMBOLS: Readonly<Record<string, CurrencyCode>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

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

/** Price bounds and "cheap" words, taken out of the query. */
export function readPrice(cursor: TokenCursor, grammar: QueryGrammar): { price: PriceRange; cheapestFirst: boolean } {
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

