import { freeTextEdges, trimmedRange } from './edges';
import type { IntentModel } from './language-model';
import { fillSpan, FREE_TEXT_TYPE, type SlotContext, type SlotFill } from './slot-fill';
import { type Tokenized, typedText } from './tokens';

/** Listed values as loosely as this: another form of a word or a compound ending in it, no slips. */
const MOST_VALUE_COST = 0.4;

/**
 * Product words said with no lead-in at all ("linen shirts", "hiking backpack"): an intent with free text
 * whose typed slots name the catalog's things (categories, attributes) takes them as its free text
 * when every word is such a value or a word no sample uses (a description: "linen"), and a thing
 * is named (a value of a slot that names things, such as a category: "purple" alone is no
 * product). Asked for only when nothing else fits.
 */
export function productPhrase(intents: readonly IntentModel[], utterance: Tokenized, context: SlotContext): { intent: IntentModel; slot: SlotFill } | undefined {
  const { tokens } = utterance;
  const { start, end } = trimmedRange(tokens, { start: 0, end: tokens.length }, freeTextEdges(context.model.language));
  if (start >= end) return undefined;
  for (const intent of intents) {
    const freeText = [...intent.slots].find(([, type]) => type === FREE_TEXT_TYPE)?.[0];
    const typed = [...intent.slots].filter(([, type]) => context.model.types.has(type));
    const thingTypes = typed.filter(([slot]) => context.takesUnlisted(slot)).map(([, type]) => type);
    if (freeText === undefined || thingTypes.length === 0) continue;
    const phrase = tokens.slice(start, end);
    const named = namedTokens(phrase, [...new Set(typed.map(([, type]) => type))], context);
    const described = phrase.every((token, at) => named[at] || !context.weights.knows(token.word));
    if (!described || !namedTokens(phrase, thingTypes, context).some(Boolean)) continue;
    const spoken = typedText(utterance, tokens.slice(start, end));
    return { intent, slot: { slot: freeText, type: FREE_TEXT_TYPE, spoken, value: spoken } };
  }
  return undefined;
}

/** Per token: part of a value one of the types lists, longest values first. */
function namedTokens(tokens: Tokenized['tokens'], types: readonly string[], context: SlotContext): boolean[] {
  const named = tokens.map(() => false);
  const longest = Math.max(1, ...types.map((type) => context.model.types.get(type)?.longestPhrase ?? 1));
  for (let length = Math.min(longest, tokens.length); length >= 1; length -= 1) {
    for (let start = 0; start + length <= tokens.length; start += 1) {
      if (named.slice(start, start + length).some(Boolean)) continue;
      const span = tokens.slice(start, start + length);
      const listed = types.some((type) => {
        const fill = fillSpan(type, span, context);
        return fill !== undefined && fill.cost <= MOST_VALUE_COST && fill.fill.resolution !== undefined && fill.fill.resolution !== 'no-match';
      });
      if (listed) for (let at = start; at < start + length; at += 1) named[at] = true;
    }
  }
  return named;
}
