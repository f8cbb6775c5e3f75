import type { Order, OrderLine } from '../../commerce/ports';
import type { SlotValue } from '../../core/turn';

/** Words that say nothing about which item the shopper means. */
const FILLER = new Set(['my', 'the', 'a', 'an', 'new', 'order', 'package', 'stuff', 'thing', 'things', 'of', 'and']);

function words(value: string): string[] {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9äöüß]+/)
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
