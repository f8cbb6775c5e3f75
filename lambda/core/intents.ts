/**
 * The platform-neutral intent names. Adapters map their platform's names onto these
 * (Alexa's `AMAZON.HelpIntent` → `HelpIntent`, Google's `actions.intent.CANCEL` → `CancelIntent`).
 */
export const INTENTS = [
  'OrderStatusIntent',
  'ReturnItemIntent',
  'ReorderIntent',
  'FindProductIntent',
  'TalkToAgentIntent',
  'HelpIntent',
  'StopIntent',
  'CancelIntent',
  'FallbackIntent',
  'YesIntent',
  'NoIntent',
  'NextIntent',
  'RepeatIntent',
  'SelectItemIntent',
  'ReturnReasonIntent',
  'QuantityIntent',
  'DisputeIntent',
  'PolicyExceptionIntent',
  'FrustrationIntent',
  'ProductDetailIntent',
  'CheaperIntent',
  'RefineSearchIntent',
  'BuyIntent',
  'PinIntent',
  'ChangeSizeIntent',
] as const;

export type IntentName = (typeof INTENTS)[number];

/** Slot names per intent: camelCase and identical on both platforms. */
export const INTENT_SLOTS = {
  OrderStatusIntent: ['orderNumber', 'item'],
  ReturnItemIntent: ['item', 'orderNumber', 'date', 'reason', 'quantity'],
  /** "Reorder my usual coffee", "reorder my last order" (lastOrder), "order my usual" (neither). */
  ReorderIntent: ['item', 'lastOrder'],
  /**
   * "I'm looking for a rain jacket" (query, after a lead-in); "a waterproof jacket for hiking under
   * 150 dollars" said on its own comes as its parts, since Alexa hears a free query only after a lead-in.
   */
  FindProductIntent: ['query', 'category', 'attribute', 'maxPrice', 'price'],
  TalkToAgentIntent: [],
  HelpIntent: [],
  StopIntent: [],
  CancelIntent: [],
  FallbackIntent: [],
  YesIntent: [],
  NoIntent: [],
  NextIntent: [],
  RepeatIntent: [],
  /** "The second one", "the boots": an answer to "which one?". */
  SelectItemIntent: ['ordinal', 'item'],
  /** "They don't fit": an answer to "why are you sending it back?". */
  ReturnReasonIntent: ['reason'],
  /** "Two", "all of them" (no number): an answer to "how many?". */
  QuantityIntent: ['quantity'],
  DisputeIntent: [],
  PolicyExceptionIntent: [],
  /** An angry or fed-up shopper: a person takes over. */
  FrustrationIntent: [],
  /** "Tell me about the second one": details on a product just offered. */
  ProductDetailIntent: ['ordinal'],
  /** "Something cheaper": the last search, below the cheapest product offered. */
  CheaperIntent: [],
  /** "In blue", "something for running instead": changes part of the last search. */
  RefineSearchIntent: ['refinement'],
  /** "Order it", "buy the first one": checkout for a product just offered. */
  BuyIntent: ['ordinal'],
  /** "My PIN is 1 2 3 4": the purchase PIN, a secret never written down (see core/loggable-slots). */
  PinIntent: ['pin'],
  /** "The bigger bag", "size medium", "size ten": another size of the item being ordered. */
  ChangeSizeIntent: ['size', 'sizeNumber'],
} as const satisfies Record<IntentName, readonly string[]>;

export type SlotName<I extends IntentName> = (typeof INTENT_SLOTS)[I][number];

export function isIntentName(name: string): name is IntentName {
  return (INTENTS as readonly string[]).includes(name);
}
