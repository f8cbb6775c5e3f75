import type { TurnEvent } from './turn';

/**
 * What a screen shows of an answer, in platform-neutral terms: the options just offered or the
 * orders just told, each already worded in the shopper's language. A platform with a screen draws
 * it its own way (Alexa: an APL document, platforms/alexa-screen/); voice never depends on it.
 */
export type Display = ProductOptionsDisplay | OrdersDisplay;

/** One product offered, at the place in the list that "the first one", "the second one" names. */
export interface ProductTile {
  readonly productId: string;
  readonly name: string;
  /** The price as written in the shopper's locale ("$139.00", "139,00 €"). */
  readonly price: string;
  /** Out of stock and the like; absent when it can be had now. */
  readonly note?: string;
  /** An https URL of the product's photo, when the store has one. */
  readonly imageUrl?: string;
}

/** The products a search just offered, in the order they were said. */
export interface ProductOptionsDisplay {
  readonly kind: 'product-options';
  readonly title: string;
  /** What touching does, e.g. "Touch one to hear more about it." */
  readonly hint: string;
  readonly products: readonly ProductTile[];
}

/** One order in a compact list: which order, what is in it, and where it is. */
export interface OrderRow {
  readonly orderNumber: string;
  /** "Order 10741". */
  readonly label: string;
  /** What is in it, e.g. "Trailblazer running shoes and 1 more". */
  readonly items: string;
  /** Its state in a few words, e.g. "Arrives Thu, Nov 28". */
  readonly state: string;
}

/** The orders an order-status answer is about. */
export interface OrdersDisplay {
  readonly kind: 'orders';
  readonly title: string;
  readonly hint: string;
  readonly orders: readonly OrderRow[];
}

/**
 * Touching something a screen shows does what saying it does: a product by its place in the list
 * ("the second one"), an order by its number ("where is order 10741").
 */
export type ScreenChoice = { readonly kind: 'product'; readonly position: number } | { readonly kind: 'order'; readonly orderNumber: string };

/** Where the Ordinal slot type's value ids name a place in a list ("the second one"). */
const ORDINAL_IDS = ['first', 'second', 'third'] as const;

/** The most places a screen's product list has that a touch can name. */
export const TOUCHABLE_POSITIONS = ORDINAL_IDS.length;

/** The turn a touch on the screen stands for: exactly what saying it would send. */
export function screenChoiceEvent(choice: ScreenChoice): TurnEvent | undefined {
  if (choice.kind === 'order') {
    return { kind: 'intent', intent: 'OrderStatusIntent', slots: { orderNumber: { spoken: choice.orderNumber } } };
  }
  const ordinal = ORDINAL_IDS[choice.position - 1];
  return ordinal ? { kind: 'intent', intent: 'SelectItemIntent', slots: { ordinal: { spoken: ordinal, id: ordinal, canonical: ordinal } } } : undefined;
}
