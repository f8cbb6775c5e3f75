import type { IntentModel, LanguageModel } from './language-model';
import type { Tokenized } from './tokens';
import type { WordWeights } from './word-weights';

/** Every word an intent can be said with: its samples' words and the values its slots take. */
export interface IntentVocabulary {
  readonly intent: IntentModel;
  readonly words: ReadonlySet<string>;
}

export function intentVocabulary(intent: IntentModel, model: LanguageModel): IntentVocabulary {
  const sampleWords = intent.samples.flatMap((sample) => sample.parts.flatMap((part) => (part.kind === 'word' ? [part.word] : [])));
  const valueWords = [...intent.slots.values()].flatMap((type) => (model.types.get(type)?.values ?? []).flatMap((value) => value.phrases.flat()));
  return { intent, words: new Set([...sampleWords, ...valueWords]) };
}

/** How much of what was said (by weight) belongs to the intent's vocabulary, in any order: 0–1. */
export function vocabularyShare(vocabulary: IntentVocabulary, utterance: Tokenized, weights: WordWeights): number {
  let said = 0;
  let shared = 0;
  for (const { word } of utterance.tokens) {
    said += weights.weight(word);
    if (vocabulary.words.has(word)) shared += weights.weight(word);
  }
  return said === 0 ? 0 : shared / said;
}
