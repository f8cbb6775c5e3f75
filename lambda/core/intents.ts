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
] as const;

export type IntentName = (typeof INTENTS)[number];

/** Slot names per intent: camelCase and identical on both platforms. */
export const INTENT_SLOTS = {
  OrderStatusIntent: ['orderNumber', 'item'],
  ReturnItemIntent: ['item', 'orderNumber'],
  ReorderIntent: ['item'],
  FindProductIntent: ['query'],
  TalkToAgentIntent: [],
  HelpIntent: [],
  StopIntent: [],
  CancelIntent: [],
  FallbackIntent: [],
  YesIntent: [],
  NoIntent: [],
  NextIntent: [],
  RepeatIntent: [],
} as const satisfies Record<IntentName, readonly string[]>;

export type SlotName<I extends IntentName> = (typeof INTENT_SLOTS)[I][number];

export function isIntentName(name: string): name is IntentName {
  return (INTENTS as readonly string[]).includes(name);
}
