import type { Sample } from './language-model';
import { FREE_TEXT_TYPE, fillSpan, longestSpan, type SlotContext, type SlotFill, type SpanFill } from './slot-fill';
import { type Token, type Tokenized, typedText } from './tokens';

/** How well one sample matches what was said, and the slots it fills. */
export interface SampleMatch {
  /** 1 for the sample word for word; lower for every word missing, added or changed. */
  readonly similarity: number;
  readonly slots: readonly SlotFill[];
}

/** Fills of the same span with the same slot type, shared by every sample scored against one utterance. */
export type SpanCache = Map<string, SpanFill | undefined>;

/** What a slot weighs on each side of the match: filled, it counts as words matched; empty, as words missing. */
const SLOT_WEIGHT = 0.35;
/** People add words to a request more freely than they drop its words: an added word costs less. */
const ADDED_WORD_SHARE = 0.7;
/** The share of a sample's words (by weight) that must be said for the sample to count at all. */
const LEAST_SAID_SHARE = 0.3;
/** The same for samples with a free-text slot, which could take anything but for their carrier phrase. */
const LEAST_SAID_SHARE_AROUND_FREE_TEXT = 0.5;
/** The share of the utterance (by weight) a sample must explain to keep its whole similarity. */
const FULLY_EXPLAINED_SHARE = 0.5;

/** One move of the alignment, kept at the cell it leads to. */
interface Step {
  readonly cost: number;
  readonly from?: { readonly part: number; readonly token: number };
  /** The weight of the sample word this step matched. */
  readonly matched?: number;
  /** The weight of the words this step explains: the word matched, or the words a slot took. */
  readonly explained?: number;
  readonly fill?: { readonly slot: string; readonly start: number; readonly span: SpanFill };
}

/** The utterance's tokens with their weights summed up front, so a span's weight is one subtraction. */
class WeightedTokens {
  private readonly before: number[] = [0];

  constructor(
    readonly tokens: readonly Token[],
    weight: (word: string) => number,
  ) {
    for (const token of tokens) this.before.push((this.before[this.before.length - 1] ?? 0) + weight(token.word));
  }

  span(start: number, end: number): number {
    return (this.before[end] ?? 0) - (this.before[start] ?? 0);
  }

  get total(): number {
    return this.span(0, this.tokens.length);
  }
}

/**
 * The cheapest alignment of the sample with the utterance: a weighted edit distance in which a
 * slot takes a run of words its type accepts. Returns the step at every reachable cell.
 */
function align(sample: Sample, said: WeightedTokens, context: SlotContext, cache: SpanCache) {
  const { parts } = sample;
  const { tokens } = said;
  const weight = (word: string) => context.weights.weight(word);
  const width = tokens.length + 1;
  const steps: (Step | undefined)[] = [{ cost: 0 }];
  const stepAt = (part: number, token: number) => steps[part * width + token];
  const relax = (part: number, token: number, step: Step) => {
    if ((stepAt(part, token)?.cost ?? Number.POSITIVE_INFINITY) > step.cost) steps[part * width + token] = step;
  };

  for (let part = 0; part <= parts.length; part += 1) {
    for (let token = 0; token <= tokens.length; token += 1) {
      const here = stepAt(part, token);
      if (!here) continue;
      const from = { part, token };
      const next = tokens[token];
      if (next) relax(part, token + 1, { cost: here.cost + ADDED_WORD_SHARE * said.span(token, token + 1), from });
      const expected = parts[part];
      if (!expected) continue;
      if (expected.kind === 'word') {
        relax(part + 1, token, { cost: here.cost + weight(expected.word), from });
        const apart = next && context.distance(expected.word, next.word);
        if (next && apart !== undefined) {
          const cost = here.cost + apart * weight(expected.word);
          relax(part + 1, token + 1, { cost, from, matched: weight(expected.word), explained: said.span(token, token + 1) });
        }
        continue;
      }
      relax(part + 1, token, { cost: here.cost + 2 * SLOT_WEIGHT, from });
      const last = Math.min(tokens.length, token + longestSpan(expected.type, context.model));
      for (let end = token + 1; end <= last; end += 1) {
        const key = `${expected.type} ${token} ${end}`;
        if (!cache.has(key)) cache.set(key, fillSpan(expected.type, tokens.slice(token, end), context));
        const span = cache.get(key);
        if (span) relax(part + 1, end, { cost: here.cost + span.cost, from, explained: said.span(token, end), fill: { slot: expected.slot, start: token, span } });
      }
    }
  }
  return stepAt;
}

/** Walks the cheapest alignment back from its end: the slots it filled and the weight it matched. */
function readAlignment(stepAt: ReturnType<typeof align>, sample: Sample, utterance: Tokenized) {
  const slots: SlotFill[] = [];
  let matched = 0;
  let explained = 0;
  let at = { part: sample.parts.length, token: utterance.tokens.length };
  let step = stepAt(at.part, at.token);
  const cost = step?.cost ?? Number.POSITIVE_INFINITY;
  while (step?.from) {
    matched += step.matched ?? 0;
    explained += step.explained ?? 0;
    if (step.fill) {
      const spoken = typedText(utterance, utterance.tokens.slice(step.fill.start, at.token));
      const { value, ...fill } = step.fill.span.fill;
      slots.unshift({ slot: step.fill.slot, spoken, value: value ?? spoken, ...fill });
    }
    at = step.from;
    step = stepAt(at.part, at.token);
  }
  return { cost, slots, matched, explained };
}

const NO_MATCH: SampleMatch = { similarity: 0, slots: [] };

/** Scores a sample against the utterance, between 0 and 1. */
export function matchSample(sample: Sample, utterance: Tokenized, context: SlotContext, cache: SpanCache): SampleMatch {
  const weight = (word: string) => context.weights.weight(word);
  const sampleWords = sample.parts.reduce((sum, part) => sum + (part.kind === 'word' ? weight(part.word) : 0), 0);
  // A slot is no sample without the words around it: "find {query}" needs "find".
  const freeText = sample.parts.some((part) => part.kind === 'slot' && part.type === FREE_TEXT_TYPE);
  const leastSaid = (freeText ? LEAST_SAID_SHARE_AROUND_FREE_TEXT : LEAST_SAID_SHARE) * sampleWords;
  // Most samples share too few words with the utterance to ever count: skip aligning them.
  const sayable = sample.parts.reduce(
    (sum, part) => sum + (part.kind === 'word' && utterance.tokens.some((token) => context.distance(part.word, token.word) !== undefined) ? weight(part.word) : 0),
    0,
  );
  if (sampleWords > 0 && sayable < leastSaid) return NO_MATCH;

  const said = new WeightedTokens(utterance.tokens, weight);
  const { cost, slots, matched, explained } = readAlignment(align(sample, said, context, cache), sample, utterance);
  if (sampleWords > 0 && matched < leastSaid) return NO_MATCH;
  const slotCount = sample.parts.filter((part) => part.kind === 'slot').length;
  const mass = sampleWords + slotCount * 2 * SLOT_WEIGHT + said.total;
  const similarity = mass === 0 ? 0 : Math.max(0, 1 - cost / mass);
  // A short sample inside a long utterance ("the {ordinal}" in "who won the game last night")
  // explains too little of it to count for much.
  const explainedShare = said.total === 0 ? 0 : explained / said.total;
  return { similarity: similarity * Math.min(1, explainedShare / FULLY_EXPLAINED_SHARE), slots };
}
