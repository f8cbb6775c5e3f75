import type { IntentName } from './intents';
import type { Turn } from './turn';

/** Intents that lead to an order being placed (always confirmed first). */
const PURCHASE_INTENTS: ReadonlySet<IntentName> = new Set(['ReorderIntent', 'BuyIntent']);

/**
 * Words that ask to give something back. Per language, as a shopper says them; a locale without
 * an entry has no guard and relies on its model.
 */
const GIVING_BACK: Readonly<Record<string, RegExp>> = {
  en: /\b(return(ing|ed)?|send(ing)? (it |them |this |that |these |those )?back|give (it |them |this |that )?back|refund(ed|s)?|exchang(e|ing)|money back)\b/i,
  de: /(zurück(geben|gibt|schicken|schicke|senden|sende|zugeben)|rückgabe|rücksendung|retour\w*|umtausch\w*|erstatt\w*|geld zurück)/i,
};

/**
 * A return, refund or exchange never starts a purchase: when the words the shopper said ask to
 * give something back, a purchase intent (however it was understood) is read as a return. Only
 * channels that pass the utterance can be checked; Alexa's model carries the same rule in its samples.
 */
export function guardedIntent(turn: Turn, intent: IntentName): IntentName {
  if (!PURCHASE_INTENTS.has(intent) || !turn.utterance) return intent;
  const language = turn.locale.split('-')[0]?.toLowerCase() ?? '';
  return GIVING_BACK[language]?.test(turn.utterance) ? 'ReturnItemIntent' : intent;
}
