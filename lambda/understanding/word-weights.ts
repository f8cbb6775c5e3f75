import type { LanguageModel } from './language-model';

/** How much a word tells intents apart: 1 for a word only one intent uses, less the more share it. */
export interface WordWeights {
  weight(word: string): number;
  /** Whether any sample of the model uses the word. */
  knows(word: string): boolean;
  /** "please", "um": words that never carry the request, unless a sample uses them. */
  isFiller(word: string): boolean;
}

/** "the", "my", "i": words every intent uses still say a little. */
const LEAST_WEIGHT = 0.15;
/** Words no sample uses, such as "parcel" or "hiking". */
const UNKNOWN_WEIGHT = 0.5;
const FILLER_WEIGHT = 0.05;

export function wordWeights(model: LanguageModel): WordWeights {
  const intentsUsing = new Map<string, number>();
  const withSamples = model.intents.filter((intent) => intent.samples.length > 0);
  for (const intent of withSamples) {
    const used = new Set(intent.samples.flatMap((sample) => sample.parts.flatMap((part) => (part.kind === 'word' ? [part.word] : []))));
    for (const word of used) intentsUsing.set(word, (intentsUsing.get(word) ?? 0) + 1);
  }
  const spread = Math.log(Math.max(2, withSamples.length));
  const isFiller = (word: string) => !intentsUsing.has(word) && model.language.fillers.includes(word);
  const known = new Map(
    [...intentsUsing].map(([word, count]) => [word, Math.min(1, LEAST_WEIGHT + (1 - LEAST_WEIGHT) * (Math.log(withSamples.length / count) / spread))]),
  );
  return {
    // A filler weighs little even where a sample says it ("uh huh"): "uh, no" is a no.
    weight: (word) => (model.language.fillers.includes(word) ? FILLER_WEIGHT : (known.get(word) ?? UNKNOWN_WEIGHT)),
    knows: (word) => intentsUsing.has(word),
    isFiller,
  };
}
