import { GOOGLE, GOOGLE_SYSTEM_INTENTS } from '../../interaction-models/lib/platforms';

const ALEXA_BUILT_IN_PREFIX = 'AMAZON.';

/** The intent's name in the conversation core: Alexa's built-ins without their prefix. */
export function neutralIntentName(alexaName: string): string {
  return alexaName.startsWith(ALEXA_BUILT_IN_PREFIX) ? alexaName.slice(ALEXA_BUILT_IN_PREFIX.length) : alexaName;
}

/**
 * What Google sends for an intent of the Alexa model, by the generator's own mapping: a system
 * intent (`actions.intent.CANCEL`, the first no-match) or the custom intent of the same name.
 */
export function googleIntentName(alexaName: string): string {
  const neutral = neutralIntentName(alexaName);
  const system = GOOGLE_SYSTEM_INTENTS[neutral];
  if (system === 'no-match') return GOOGLE.noMatchIntents[0];
  return system ?? neutral;
}

export const GOOGLE_LAUNCH_INTENT = GOOGLE.mainIntent;
export const GOOGLE_WEBHOOK_HANDLER = GOOGLE.handler;
export const GOOGLE_CONVERSATION_SCENE = GOOGLE.conversationScene;
export const GOOGLE_ACCOUNT_LINKING_SCENE = GOOGLE.accountLinkingScene;
export const GOOGLE_END_SCENE = GOOGLE.endConversation;
/** The scene Google is in before the first turn of a conversation. */
export const GOOGLE_START_SCENE = 'actions.scene.START_CONVERSATION';
