import { matchSample, type SampleMatch, type SpanCache } from './align';
import { type CalendarDay, calendarDayIn } from './calendar';
import { FALLBACK_INTENT, type LanguageModel } from './language-model';
import { intentVocabulary, type IntentVocabulary, vocabularyShare } from './intent-vocabulary';
import { afterInvocation } from './invocation';
import type { SlotContext, SlotFill } from './slot-fill';
import { type Tokenized, tokenize } from './tokens';
import { distancesToSaid, wordDistanceFor } from './word-match';
import { wordWeights } from './word-weights';

export type { SlotFill } from './slot-fill';

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

/** What the shopper meant, in the terms of the platform model. */
export type Understanding =
  /** "open northwind outfitters": the skill opens without a request. */
  | { readonly kind: 'launch' }
  | {
      readonly kind: 'intent';
      /** As the model names it, e.g. `OrderStatusIntent` or `AMAZON.HelpIntent`; the fallback intent when nothing fits. */
      readonly intent: string;
      /** Every slot the intent declares, filled or not. */
      readonly slotNames: readonly string[];
      /** The slots filled, in the order of the matched sample. */
      readonly slots: readonly SlotFill[];
      /** The best intents with their scores (0–1), best first. */
      readonly candidates: readonly IntentScore[];
      /** The sample that matched best, as written in the model. */
      readonly sample?: string;
      /** The shopper named the skill along with the request ("ask northwind outfitters where is my order"). */
      readonly invoked: boolean;
    };

export interface UnderstandingOptions {
  /** For dates: "tomorrow" depends on today. */
  readonly now?: () => Date;
  readonly timeZone?: string;
}

/** Below this score the model does not cover what was said, and the fallback intent answers. */
export const FALLBACK_BELOW = 0.55;
/** Share of an intent's score that comes from its best sample; the rest from the words it uses at all. */
const SAMPLE_SHARE = 0.7;
const CANDIDATES_SHOWN = 3;

/** An intent's score: mostly how well its best sample matches, partly how many of the words it knows. */
function scoreIntent(vocabulary: IntentVocabulary, utterance: Tokenized, context: SlotContext, cache: SpanCache) {
  let best: SampleMatch & { sample?: string } = { similarity: 0, slots: [] };
  for (const sample of vocabulary.intent.samples) {
    const match = matchSample(sample, utterance, context, cache);
    if (match.similarity > best.similarity) best = { ...match, sample: sample.text };
  }
  const share = vocabularyShare(vocabulary, utterance, context.weights);
  return { intent: vocabulary.intent, score: SAMPLE_SHARE * best.similarity + (1 - SAMPLE_SHARE) * share, match: best };
}

/** Understands text in one locale against its compiled model. */
export function createUnderstanding(model: LanguageModel, options: UnderstandingOptions = {}): (text: string) => Understanding {
  const weights = wordWeights(model);
  const distance = wordDistanceFor(model.language);
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const vocabularies: IntentVocabulary[] = model.intents
    .filter((intent) => intent.samples.length > 0)
    .map((intent) => intentVocabulary(intent, model));
  const knownWords = new Set(vocabularies.flatMap((vocabulary) => [...vocabulary.words]));

  return (text) => {
    const tokenized = tokenize(text, model.language);
    const { invoked, rest } = afterInvocation(tokenized.tokens, model.invocation);
    if (invoked && rest.length === 0) return { kind: 'launch' };
    const utterance: Tokenized = { tokens: rest, typed: tokenized.typed };
    let today: CalendarDay | undefined;
    const context: SlotContext = {
      model,
      weights,
      distance: distancesToSaid(rest.map((token) => token.word), knownWords, distance),
      today: () => (today ??= calendarDayIn(now(), timeZone)),
    };
    const cache: SpanCache = new Map();
    const scored = vocabularies.map((vocabulary) => scoreIntent(vocabulary, utterance, context, cache));
    scored.sort((a, b) => b.score - a.score);
    const candidates = scored
      .slice(0, CANDIDATES_SHOWN)
      .map(({ intent, score }) => ({ intent: intent.name, score: Math.round(score * 1000) / 1000 }));
    const best = scored[0];
    if (!best || best.score < FALLBACK_BELOW || rest.length === 0) {
      return { kind: 'intent', intent: FALLBACK_INTENT, slotNames: [], slots: [], candidates, invoked };
    }
    return {
      kind: 'intent',
      intent: best.intent.name,
      slotNames: [...best.intent.slots.keys()],
      slots: best.match.slots,
      candidates,
      sample: best.match.sample,
      invoked,
    };
  };
}
