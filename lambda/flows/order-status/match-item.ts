import type { Catalog, Order, OrderLine } from '../../commerce/ports';
import { EMPTY_QUERY } from '../../commerce/product-query';
import type { SlotValue } from '../../core/turn';
import { LOCALES, packOf } from '../../languages/packs';
import { foldSpelling } from '../../understanding/tokens';

/**
 * Words that say nothing about which item the shopper means: every language's articles, determiners,
 * fillers and prepositions ("the", "mes", "del", "die"), whatever language the item was named in.
 */
const FILLER = new Set([
  'my', 'new', 'order', 'package', 'stuff', 'thing', 'things', 'of', 'and',
  ...LOCALES.flatMap((locale) => {
    const { articles, determiners, fillers, prepositions } = packOf(locale).words;
    return [...articles, ...determiners, ...fillers, ...prepositions].filter((word) => !word.includes(' ')).map((word) => foldSpelling(word));
  }),
]);

function words(value: string): string[] {
  return foldSpelling(value.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !FILLER.has(word));
}

/** "shoes" and "shoe" are the same thing to a shopper. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Whether an order line is what the shopper called `item` ("the running shoes", "coffee"). */
export function lineMatches(line: OrderLine, item: SlotValue): boolean {
  if (item.id && item.id === line.category) return true;
  const wanted = words(item.spoken).map(stem);
  if (wanted.length === 0) return false;
  const have = new Set(words(`${line.spokenName} ${line.name} ${line.category} ${line.variant?.color ?? ''}`).map(stem));
  return wanted.every((word) => have.has(word));
}

export function ordersWithItem(orders: readonly Order[], item: SlotValue): Order[] {
  return orders.filter((order) => order.lines.some((line) => lineMatches(line, item)));
}

/** Whether every word the shopper said ("the Colombia coffee") is in `description`. */
export function wordsMatch(description: string, spoken: string): boolean {
  const wanted = words(spoken).map(stem);
  const have = new Set(words(description).map(stem));
  return wanted.length > 0 && wanted.every((word) => have.has(word));
}

/**
 * Whether the item's category may stand in for the shopper's words when none of their lines has
 * those words: only when the store sells nothing by them, so the words are just another name for
 * the category ("sneakers" where the shoes are called shoes). "Speaker" names products the store
 * sells, so it never means the shopper's earbuds, though both are audio.
 */
export async function categoryMayStandIn(catalog: Catalog, item: SlotValue): Promise<boolean> {
  if (!item.id) return false;
  const said = words(item.spoken);
  if (said.length === 0) return true;
  const page = await catalog.search({ ...EMPTY_QUERY, words: said }, { offset: 0, limit: 1 });
  return page.products.length === 0;
}
