import type { BuiltInSlotType, IntentDefinition } from './schema';

/** How the neutral names of the source become each platform's names. The adapters rely on these. */

export const ALEXA_SLOT_TYPES: Readonly<Record<BuiltInSlotType, string>> = {
  number: 'AMAZON.NUMBER',
  'search-query': 'AMAZON.SearchQuery',
  date: 'AMAZON.DATE',
  /** Keeps leading zeros, unlike AMAZON.NUMBER: PINs. */
  'four-digit-number': 'AMAZON.FOUR_DIGIT_NUMBER',
};

export const GOOGLE_SLOT_TYPES: Readonly<Record<BuiltInSlotType, string>> = {
  number: 'actions.type.Number',
  'search-query': 'actions.type.FreeText',
  date: 'actions.type.DateTime',
  'four-digit-number': 'actions.type.Number',
};

/** Alexa rejects a model without these; the skill never needs to act on them, so they are not in the source. */
export const ALEXA_REQUIRED_BUILT_INS: readonly string[] = ['AMAZON.NavigateHomeIntent'];

export const GOOGLE = {
  /** The one webhook handler every intent and event calls. */
  handler: 'shopvoice',
  /** `webhooks/<name>.yaml`. */
  webhook: 'shopvoice',
  mainIntent: 'actions.intent.MAIN',
  cancelIntent: 'actions.intent.CANCEL',
  noMatchIntents: ['actions.intent.NO_MATCH_1', 'actions.intent.NO_MATCH_2', 'actions.intent.NO_MATCH_FINAL'],
  /**
   * Silence: Google sends these when the shopper says nothing. The first two reach the router as a
   * turn not understood (it says again what it can do); after the final one the conversation ends.
   */
  noInputIntents: ['actions.intent.NO_INPUT_1', 'actions.intent.NO_INPUT_2', 'actions.intent.NO_INPUT_FINAL'],
  /** The silence after which Google ends the conversation, and the project says so. */
  finalNoInputIntent: 'actions.intent.NO_INPUT_FINAL',
  conversationScene: 'Conversation',
  accountLinkingScene: 'AccountLinking',
  /** Actions Builder names the system account-linking scene after the scene that starts it. */
  accountLinkingSystemScene: 'AccountLinking_AccountLinking',
  endConversation: 'actions.scene.END_CONVERSATION',
  /** Session param the system account-linking scene writes LINKED, REJECTED or ERROR into. */
  accountLinkingSlot: 'AccountLinkingSlot',
  /** Session param the adapter fills with the localized reason Google reads before linking. */
  accountLinkingContextParam: 'accountLinkingContext',
} as const;

export function isBuiltInSlotType(type: string): type is BuiltInSlotType {
  return Object.hasOwn(ALEXA_SLOT_TYPES, type);
}

export function alexaSlotType(type: string): string {
  return isBuiltInSlotType(type) ? ALEXA_SLOT_TYPES[type] : type;
}

export function googleSlotType(type: string): string {
  return isBuiltInSlotType(type) ? GOOGLE_SLOT_TYPES[type] : type;
}

export function alexaIntentName(name: string, intent: IntentDefinition): string {
  return intent.alexa ?? name;
}

/** Intents that are custom intents on Google (everything not mapped to a system intent). */
export function isGoogleCustomIntent(intent: IntentDefinition): boolean {
  return intent.google === undefined;
}

/** The intents that are Alexa built-ins (`AMAZON.<name>`); the Alexa adapter strips the prefix. */
export const ALEXA_BUILT_IN_INTENTS: readonly string[] = [
  'HelpIntent',
  'StopIntent',
  'CancelIntent',
  'FallbackIntent',
  'YesIntent',
  'NoIntent',
  'NextIntent',
  'RepeatIntent',
];

/** The intents that are Google system intents; every other intent is a Google custom intent of the same name. */
export const GOOGLE_SYSTEM_INTENTS: Readonly<Record<string, string>> = {
  CancelIntent: 'actions.intent.CANCEL',
  FallbackIntent: 'no-match',
};
