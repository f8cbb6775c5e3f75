import { freeTextEdges, trimmedRange } from './edges';
import type { IntentModel } from './language-model';
import { FREE_TEXT_TYPE, type SlotContext, type SlotFill } from './slot-fill';
import { type Tokenized, typedText } from './tokens';

/**
 * The free-text slot of a product request said without a lead-in. Alexa's free text
 * (AMAZON.SearchQuery) needs a carrier phrase, so the models also spell product phrases out with
 * typed slots ("{category} under {maxPrice} dollars"). A text channel has no such limit: the words
 * after the sample's lead-in are the request, and go in the free-text slot as they would after
 * "i'm looking for". Undefined when the intent has no free-text slot or the sample filled it.
 */
export function freeTextOfPhrase(
  intent: IntentModel,
  slots: readonly SlotFill[],
  match: { readonly leadInEnd: number; readonly explainedTokens: readonly boolean[] },
  utterance: Tokenized,
  context: SlotContext,
): SlotFill | undefined {
  const freeText = [...intent.slots].find(([, type]) => type === FREE_TEXT_TYPE)?.[0];
  if (freeText === undefined || slots.length === 0 || slots.some((fill) => fill.slot === freeText)) return undefined;
  const { tokens } = utterance;
  // Words of a lead-in the sample does not have ("is there a", "find me") are no part of the
  // product; words that describe it ("a good rain jacket", "cheap socks") are.
  const leadIn = leadInWords(intent);
  let start = match.leadInEnd;
  while (start < tokens.length && !match.explainedTokens[start] && leadIn.has(tokens[start]?.word ?? '')) start += 1;
  const { start: from, end } = trimmedRange(tokens, { start, end: tokens.length }, freeTextEdges(context.model.language));
  if (from >= end) return undefined;
  const spoken = typedText(utterance, tokens.slice(from, end));
  return { slot: freeText, type: FREE_TEXT_TYPE, spoken, value: spoken };
}

const leadInsByIntent = new WeakMap<IntentModel, ReadonlySet<string>>();

/** The words the intent's samples say before their first slot: how its requests begin. */
function leadInWords(intent: IntentModel): ReadonlySet<string> {
  let words = leadInsByIntent.get(intent);
  if (!words) {
    words = new Set(
      intent.samples.flatMap((sample) => {
        const firstSlot = sample.parts.findIndex((part) => part.kind === 'slot');
        return sample.parts.slice(0, firstSlot < 0 ? sample.parts.length : firstSlot).flatMap((part) => (part.kind === 'word' ? [part.word] : []));
      }),
    );
    leadInsByIntent.set(intent, words);
  }
  return words;
}
