import { matchSample, type PreparedSample, prepareSample, type SaidUtterance, saidUtterance, type SampleMatch, type SpanCache } from './align';
import type { CalendarDay } from './calendar';
import { withoutLeadingAcknowledgement } from './edges';
import { answeringIntents, answerOnlyIntents, bareAnswer, type ExpectedAnswer } from './expected-answers';
import { freeTextOfPhrase } from './free-text';
import { type ImpliedValue, impliedValues, saidImpliedValues } from './implied-values';
import { productPhrase } from './product-phrase';
import { withoutCorrectedNumbers, withoutCorrectedPhrase } from './repairs';
import { FALLBACK_INTENT, type IntentModel, type LanguageModel } from './language-model';
import { intentVocabulary, type IntentVocabulary, vocabularyShare } from './intent-vocabulary';
import type { SlotContext, SlotFill } from './slot-fill';
import type { DateLean } from './spoken-dates';
import { spottedSlots } from './spotted-slots';
import { tokenize } from './tokens';
import { nearWordsIndex } from './word-match';
import { wordWeights } from './word-weights';

export type { SlotFill } from './slot-fill';

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

/** What the shopper meant, in the terms of the interaction model. */
export interface Reading {
  /** As the model names it, e.g. `OrderStatusIntent` or `AMAZON.HelpIntent`; the fallback intent when nothing fits. */
  readonly intent: string;
  /** Every slot the intent declares, filled or not. */
  readonly slotNames: readonly string[];
  /** The slots filled, in the order of the matched sample. */
  readonly slots: readonly SlotFill[];
  /** How sure the reading is, 0–1: the best intent's score, or how exactly a bare answer named its value. */
  readonly confidence: number;
  /** The best intents with their scores (0–1), best first. */
  readonly candidates: readonly IntentScore[];
  /** The sample that matched best, as written in the model. */
  readonly sample?: string;
  /** Set when the words were nothing but an answer to the open question. */
  readonly bareAnswer?: boolean;
}

/** Where the shopper is in the conversation, and when. */
export interface ReadingContext {
  /** What the open question accepts; a fitting answer wins over every other reading. */
  readonly expecting?: readonly ExpectedAnswer[];
  /** Today where the shopper is, for relative dates; asked for only when a date is said. */
  readonly today?: () => CalendarDay;
}

export interface UnderstanderOptions {
  /** Which way "monday" or "in march" points; Alexa reads them forward. */
  readonly dateLean?: DateLean;
  /**
   * The custom-typed slots that take words their type does not list (a shopper's own name for
   * their item); the others take only listed values. Every slot, as on Alexa, when not given.
   */
  readonly openSlots?: ReadonlySet<string>;
  /** Today, when a reading's context does not say. */
  readonly today?: () => CalendarDay;
  /** Free-text slots that keep the preposition said before them: a change "for women", "under fifty". */
  readonly prepositionalSlots?: ReadonlySet<string>;
}

/** Below this score the model does not cover what was said, and the fallback intent answers. */
export const FALLBACK_BELOW = 0.55;
/**
 * An intent that answers the open question needs less: the question tells what is coming, as it
 * tells a listener. It still has to be said in words of its own samples.
 */
const ANSWER_FALLBACK_BELOW = 0.45;
/** How much an answer to the open question is preferred over a reading as something else. */
const ANSWER_PREFERENCE = 0.12;
/**
 * An answer to a question nobody asked is less likely than a request that says the same: "the
 * blender arrived broken" starts a return more surely than it gives a reason.
 */
const UNASKED_ANSWER_PENALTY = 0.05;
/** Product words alone are a search, but less surely so than a request in words of the samples. */
const PRODUCT_PHRASE_CONFIDENCE = 0.6;
/** A request matched less well than this loses to words that are nothing but a product. */
const PRODUCT_PHRASE_OVER = 0.85;
/** A bare answer that names its value exactly is as sure as a reading gets. */
const BARE_ANSWER_CONFIDENCE = 0.97;
/** Share of an intent's score that comes from its best sample; the rest from the words it uses at all. */
const SAMPLE_SHARE = 0.7;
const CANDIDATES_SHOWN = 3;

/** The best sample's match, with the slot values the sample names in its own words. */
type BestMatch = SampleMatch & { readonly sample?: string; readonly implied?: readonly ImpliedValue[] };

interface Scored {
  readonly intent: IntentModel;
  readonly score: number;
  readonly match: BestMatch;
}

/** An intent with its samples prepared for scoring. */
interface PreparedIntent {
  readonly vocabulary: IntentVocabulary;
  readonly samples: readonly (PreparedSample & { readonly implied: readonly ImpliedValue[] })[];
}

/** An intent's score: mostly how well its best sample matches, partly how many of the words it knows. */
function scoreIntent({ vocabulary, samples }: PreparedIntent, said: SaidUtterance, context: SlotContext, cache: SpanCache): Scored {
  let best: BestMatch = { similarity: 0, slots: [], leadInEnd: 0, explainedTokens: [] };
  for (const prepared of samples) {
    const match = matchSample(prepared, said, context, cache);
    if (match.similarity > best.similarity) best = { ...match, sample: prepared.sample.text, implied: prepared.implied };
  }
  const share = vocabularyShare(vocabulary, said.utterance, context.weights);
  return { intent: vocabulary.intent, score: SAMPLE_SHARE * best.similarity + (1 - SAMPLE_SHARE) * share, match: best };
}

const round = (score: number) => Math.round(score * 1000) / 1000;

function todayFromClock(): CalendarDay {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Understands text in one locale against its compiled model. */
export function createUnderstander(model: LanguageModel, options: UnderstanderOptions = {}): (text: string, context?: ReadingContext) => Reading {
  const weights = wordWeights(model);
  const vocabularies: IntentVocabulary[] = model.intents
    .filter((intent) => intent.samples.length > 0)
    .map((intent) => intentVocabulary(intent, model));
  const nearWords = nearWordsIndex(
    vocabularies.flatMap((vocabulary) => [...vocabulary.words]),
    model.language,
  );
  const takesUnlisted = (slot: string) => options.openSlots?.has(slot) ?? true;
  const intents: PreparedIntent[] = vocabularies.map((vocabulary) => ({
    vocabulary,
    samples: vocabulary.intent.samples.map((sample) => ({
      ...prepareSample(sample, weights),
      implied: impliedValues(vocabulary.intent, sample, model, takesUnlisted),
    })),
  }));
  const answerOnly = new Set(answerOnlyIntents(model));
  const fallback: Omit<Reading, 'candidates'> = { intent: FALLBACK_INTENT, slotNames: [], slots: [], confidence: 0 };

  return (text, reading = {}) => {
    const heard = withoutLeadingAcknowledgement(tokenize(text, model.language), model.language);
    const utterance = withoutCorrectedPhrase(withoutCorrectedNumbers(heard, model.language), weights.knows, model.language);
    let today: CalendarDay | undefined;
    const context: SlotContext = {
      model,
      weights,
      distance: nearWords.distance,
      near: nearWords.near,
      today: () => (today ??= (reading.today ?? options.today ?? todayFromClock)()),
      dateLean: options.dateLean ?? 'future',
      takesUnlisted,
      keepsPreposition: (slot) => options.prepositionalSlots?.has(slot) ?? false,
    };
    const answering = answeringIntents(model, reading.expecting ?? []);
    const bare = bareAnswer(utterance, answering, context);
    if (bare) {
      return {
        intent: bare.intent.name,
        slotNames: [...bare.intent.slots.keys()],
        slots: [bare.slot],
        confidence: round(BARE_ANSWER_CONFIDENCE * (1 - Math.min(1, bare.cost) / 2)),
        candidates: [{ intent: bare.intent.name, score: 1 }],
        bareAnswer: true,
      };
    }

    const cache: SpanCache = new Map();
    const answers = new Set(answering);
    const said = saidUtterance(utterance, weights, nearWords.near);
    const scored = intents
      .map((intent) => scoreIntent(intent, said, context, cache))
      .map((entry) => ({ ...entry, preferred: entry.score + (answers.has(entry.intent) ? ANSWER_PREFERENCE : answerOnly.has(entry.intent) ? -UNASKED_ANSWER_PENALTY : 0) }))
      .sort((a, b) => b.preferred - a.preferred);
    const candidates = scored.slice(0, CANDIDATES_SHOWN).map(({ intent, score }) => ({ intent: intent.name, score: round(score) }));
    const best = scored[0];
    const least = best && answers.has(best.intent) ? ANSWER_FALLBACK_BELOW : FALLBACK_BELOW;
    const unsure = !best || best.score < least || utterance.tokens.length === 0;
    // Nothing but product words ("running shoes", "waterproof hiking boots") is a search, unless a
    // request matches well or the words answer the question in progress.
    if (unsure || (best.score < PRODUCT_PHRASE_OVER && !answers.has(best.intent))) {
      const product = productPhrase(model.intents, utterance, context);
      if (product) {
        return { intent: product.intent.name, slotNames: [...product.intent.slots.keys()], slots: [product.slot], confidence: PRODUCT_PHRASE_CONFIDENCE, candidates };
      }
      if (unsure) return { ...fallback, candidates };
    }
    if (!best) return { ...fallback, candidates };
    const phrase = freeTextOfPhrase(best.intent, best.match.slots, best.match, utterance, context);
    const matched = phrase ? [phrase] : best.match.slots;
    const implied = saidImpliedValues(best.match.implied ?? [], best.match.saidParts);
    const slots = [...matched, ...implied.filter((fill) => !matched.some((each) => each.slot === fill.slot))];
    return {
      intent: best.intent.name,
      slotNames: [...best.intent.slots.keys()],
      slots: [...slots, ...spottedSlots(best.intent, slots, best.match.explainedTokens, utterance, context)],
      confidence: round(best.score),
      candidates,
      ...(best.match.sample === undefined ? {} : { sample: best.match.sample }),
    };
  };
}
