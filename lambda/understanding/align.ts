import { freeTextEdges, trimmedRange } from './edges';
import type { Sample } from './language-model';
import type { WordWeights } from './word-weights';
import { FREE_TEXT_TYPE, fillSpan, longestSpan, type SlotContext, type SlotFill, type SpanFill } from './slot-fill';
import { type Token, type Tokenized, typedText } from './tokens';

/** How well one sample matches what was said, and the slots it fills. */
export interface SampleMatch {
  /** 1 for the sample word for word; lower for every word missing, added or changed. */
  readonly similarity: number;
  readonly slots: readonly SlotFill[];
  /** The token after the last one matched to a word the sample has before its first slot: its lead-in ("is there a"). */
  readonly leadInEnd: number;
  /** Per token: matched to a word of the sample or taken by a slot. */
  readonly explainedTokens: readonly boolean[];
  /** Per part of the sample: a word the utterance said (near enough). */
  readonly saidParts?: readonly boolean[];
}

/** Fills of the same span with the same slot type, shared by every sample scored against one utterance. */
export type SpanCache = Map<string, Map<number, SpanFill | undefined>>;

/** Spans are numbered by where they start and end; no utterance has this many words. */
const SPAN_KEY_BASE = 4096;

/** What a slot weighs on each side of the match: filled, it counts as words matched; empty, as words missing. */
const SLOT_WEIGHT = 0.35;
/** People add words to a request more freely than they drop its words: an added word costs less. */
const ADDED_WORD_SHARE = 0.7;
/**
 * Words before or after the whole request cost less again: people set the scene around what they
 * ask for ("the zipper broke on the first hike, so i'd like to send it back"). Not next to a slot, whose
 * words they could be.
 */
const CONTEXT_WORD_SHARE = 0.35;
/** The share of a sample's words (by weight) that must be said for the sample to count at all. */
const LEAST_SAID_SHARE = 0.3;
/** The same for samples with a free-text slot, which could take anything but for their carrier phrase. */
const LEAST_SAID_SHARE_AROUND_FREE_TEXT = 0.7;
/**
 * A sample of two or more slots whose words weigh less than one telling word ("{category} for
 * {attribute}") is nothing but its slots: only their listed values can make it, or any two words
 * joined by "for" would be a product.
 */
const LISTED_VALUES_ONLY_BELOW = 1;
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
export class WeightedTokens {
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

/** A sample with what scoring it needs worked out once: the weight of each of its words. */
export interface PreparedSample {
  readonly sample: Sample;
  /** Per part: the word's weight, 0 for a slot. */
  readonly weights: readonly number[];
  /** The weight of all its words. */
  readonly wordWeight: number;
  readonly slotCount: number;
  /** It has a free-text slot: it could take anything but for its carrier phrase. */
  readonly freeText: boolean;
  /** Its slots take only values their types list. */
  readonly listedValuesOnly: boolean;
}

export function prepareSample(sample: Sample, weights: WordWeights): PreparedSample {
  const partWeights = sample.parts.map((part) => (part.kind === 'word' ? weights.weight(part.word) : 0));
  const wordWeight = partWeights.reduce((sum, weight) => sum + weight, 0);
  const freeText = sample.parts.some((part) => part.kind === 'slot' && part.type === FREE_TEXT_TYPE);
  return {
    sample,
    weights: partWeights,
    wordWeight,
    slotCount: sample.parts.filter((part) => part.kind === 'slot').length,
    freeText,
    listedValuesOnly: !freeText && sample.parts.filter((part) => part.kind === 'slot').length >= 2 && wordWeight < LISTED_VALUES_ONLY_BELOW,
  };
}

/** What was said, with what every sample's scoring shares worked out once. */
export interface SaidUtterance {
  readonly utterance: Tokenized;
  readonly weighted: WeightedTokens;
  /** Per token: the model's words near it, and how far apart. */
  readonly near: readonly ReadonlyMap<string, number>[];
  /** The model's words near any word said. */
  readonly sayable: ReadonlySet<string>;
}

export function saidUtterance(utterance: Tokenized, weights: WordWeights, near: (word: string) => ReadonlyMap<string, number>): SaidUtterance {
  const nearTokens = utterance.tokens.map((token) => near(token.word));
  return {
    utterance,
    weighted: new WeightedTokens(utterance.tokens, (word) => weights.weight(word)),
    near: nearTokens,
    sayable: new Set(nearTokens.flatMap((words) => [...words.keys()])),
  };
}

/**
 * The cheapest alignment of the sample with the utterance: a weighted edit distance in which a
 * slot takes a run of words its type accepts. Returns the step at every reachable cell.
 */
function align(prepared: PreparedSample, said: SaidUtterance, context: SlotContext, cache: SpanCache) {
  const { parts } = prepared.sample;
  const { tokens } = said.weighted;
  const weighted = said.weighted;
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
      const around = (part === 0 && parts[0]?.kind === 'word') || (part === parts.length && parts[part - 1]?.kind === 'word');
      if (next) relax(part, token + 1, { cost: here.cost + (around ? CONTEXT_WORD_SHARE : ADDED_WORD_SHARE) * weighted.span(token, token + 1), from });
      const expected = parts[part];
      if (!expected) continue;
      if (expected.kind === 'word') {
        const weight = prepared.weights[part] ?? 0;
        relax(part + 1, token, { cost: here.cost + weight, from });
        const apart = next && said.near[token]?.get(expected.word);
        if (next && apart !== undefined) {
          relax(part + 1, token + 1, { cost: here.cost + apart * weight, from, matched: weight, explained: weighted.span(token, token + 1) });
        }
        continue;
      }
      relax(part + 1, token, { cost: here.cost + 2 * SLOT_WEIGHT, from });
      const last = Math.min(tokens.length, token + longestSpan(expected.type, context.model));
      let spans = cache.get(expected.type);
      if (!spans) cache.set(expected.type, (spans = new Map()));
      for (let end = token + 1; end <= last; end += 1) {
        const key = token * SPAN_KEY_BASE + end;
        if (!spans.has(key)) spans.set(key, fillSpan(expected.type, tokens.slice(token, end), context));
        const span = spans.get(key);
        // Words a custom type does not list (free text and numbers are no custom type).
        const unlisted = span?.fill.resolution === 'no-match';
        if (span && unlisted && (prepared.listedValuesOnly || !context.takesUnlisted(expected.slot))) continue;
        if (span) relax(part + 1, end, { cost: here.cost + span.cost, from, explained: weighted.span(token, end), fill: { slot: expected.slot, start: token, span } });
      }
    }
  }
  return stepAt;
}

/** Walks the cheapest alignment back from its end: the slots it filled and the weight it matched. */
function readAlignment(stepAt: ReturnType<typeof align>, sample: Sample, utterance: Tokenized, context: SlotContext) {
  const language = context.model.language;
  const slots: SlotFill[] = [];
  let matched = 0;
  let explained = 0;
  const firstSlot = sample.parts.findIndex((part) => part.kind === 'slot');
  const explainedTokens = utterance.tokens.map(() => false);
  const saidParts = sample.parts.map(() => false);
  let leadInEnd = 0;
  let at = { part: sample.parts.length, token: utterance.tokens.length };
  let step = stepAt(at.part, at.token);
  const cost = step?.cost ?? Number.POSITIVE_INFINITY;
  while (step?.from) {
    const wordMatch = step.matched !== undefined;
    if (wordMatch && step.from.part < firstSlot) leadInEnd = Math.max(leadInEnd, at.token);
    if (wordMatch) {
      explainedTokens[at.token - 1] = true;
      saidParts[at.part - 1] = true;
    }
    if (step.fill) for (let token = step.fill.start; token < at.token; token += 1) explainedTokens[token] = true;
    matched += step.matched ?? 0;
    explained += step.explained ?? 0;
    if (step.fill) {
      // Free text goes without the words around it that describe nothing ("some", "like").
      const range = { start: step.fill.start, end: at.token };
      const trimmed = step.fill.span.fill.type === FREE_TEXT_TYPE ? trimmedRange(utterance.tokens, range, freeTextEdges(language)) : range;
      const kept = trimmed.end > trimmed.start ? trimmed : range;
      // A change keeps what it is for or under ("for women", "under fifty"): the words before it said so.
      const before = utterance.tokens[kept.start - 1]?.word ?? '';
      const withPreposition = context.keepsPreposition(step.fill.slot) && language.prepositions.includes(before);
      const { start, end } = withPreposition ? { ...kept, start: kept.start - 1 } : kept;
      const spoken = typedText(utterance, utterance.tokens.slice(start, end));
      const { value, ...fill } = step.fill.span.fill;
      slots.unshift({ slot: step.fill.slot, spoken, value: value ?? spoken, ...fill });
    }
    at = step.from;
    step = stepAt(at.part, at.token);
  }
  return { cost, slots, matched, explained, leadInEnd, explainedTokens, saidParts };
}

const NO_MATCH: SampleMatch = { similarity: 0, slots: [], leadInEnd: 0, explainedTokens: [] };

/** Scores a sample against the utterance, between 0 and 1. */
export function matchSample(prepared: PreparedSample, said: SaidUtterance, context: SlotContext, cache: SpanCache): SampleMatch {
  const { sample, wordWeight } = prepared;
  // A slot is no sample without the words around it: "find {query}" needs "find".
  const leastSaid = (prepared.freeText ? LEAST_SAID_SHARE_AROUND_FREE_TEXT : LEAST_SAID_SHARE) * wordWeight;
  // Most samples share too few words with the utterance to ever count: skip aligning them.
  let sayable = 0;
  for (const [index, part] of sample.parts.entries()) if (part.kind === 'word' && said.sayable.has(part.word)) sayable += prepared.weights[index] ?? 0;
  if (wordWeight > 0 && sayable < leastSaid) return NO_MATCH;

  const { cost, slots, matched, explained, leadInEnd, explainedTokens, saidParts } = readAlignment(align(prepared, said, context, cache), sample, said.utterance, context);
  if (wordWeight > 0 && matched < leastSaid) return NO_MATCH;
  const total = said.weighted.total;
  const mass = wordWeight + prepared.slotCount * 2 * SLOT_WEIGHT + total;
  const similarity = mass === 0 ? 0 : Math.max(0, 1 - cost / mass);
  // A short sample inside a long utterance ("the {ordinal}" in "who won the game last night")
  // explains too little of it to count for much.
  const explainedShare = total === 0 ? 0 : explained / total;
  return { similarity: similarity * Math.min(1, explainedShare / FULLY_EXPLAINED_SHARE), slots, leadInEnd, explainedTokens, saidParts };
}
