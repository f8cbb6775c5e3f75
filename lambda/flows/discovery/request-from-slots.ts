import { slotDigits, slotOf, type Turn } from '../../core/turn';
import type { QueryGrammar } from './grammar';

/** The ProductAttribute value the interaction models give "cheap", "affordable", "günstig". */
const CHEAP = 'cheap';

/**
 * A product request said without a lead-in ("a waterproof jacket for hiking under 150 dollars")
 * reaches Alexa as its parts, since Alexa takes a free search query only after a lead-in: category
 * "waterproof jacket", attribute "hiking", maxPrice 150. Alexa does not say where in the sentence
 * each part was, so they are put back in the order a product is described (what it is like, what it
 * is, what it may cost), with the locale's own word for each price bound; the query parser reads
 * the words, not their order. Empty when the turn has none of these parts.
 */
export function requestFromSlots(turn: Turn, grammar: QueryGrammar): string {
  const parts: string[] = [];
  const attribute = slotOf(turn, 'attribute');
  if (attribute) {
    const spoken = attribute.spoken.trim().toLowerCase();
    // "Affordable" is only cheap to the parser if the locale's grammar lists it.
    parts.push(attribute.id === CHEAP && !grammar.cheap.includes(spoken) ? (grammar.cheap[0] ?? spoken) : spoken);
  }
  const category = slotOf(turn, 'category');
  if (category) parts.push(category.spoken.trim());
  const maxPrice = slotDigits(slotOf(turn, 'maxPrice'));
  if (maxPrice && grammar.upperBound[0]) parts.push(`${grammar.upperBound[0]} ${maxPrice}`);
  const price = slotDigits(slotOf(turn, 'price'));
  if (price && grammar.around[0]) parts.push(`${grammar.around[0]} ${price}`);
  return parts.filter((part) => part !== '').join(' ');
}
