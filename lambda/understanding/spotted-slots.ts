import type { IntentModel } from './language-model';
import { freeTextEdges, trimmedRange } from './edges';
import { fillSpan, FREE_TEXT_TYPE, type SlotContext, type SlotFill } from './slot-fill';
import { spokenNumber } from './spoken-numbers';
import { type Tokenized, typedText } from './tokens';

/** The longest run of words looked at for one value. */
const LONGEST_SPOTTED = 4;
/** How loosely spotted words may name a listed value: another form of a word, not a slip. */
const MOST_SPOTTING_COST = 0.25;

type SlotKind = 'date' | 'listed' | 'number';

function kindOf(type: string, context: SlotContext): SlotKind | undefined {
  if (type === 'AMAZON.DATE') return 'date';
  if (type === 'AMAZON.NUMBER') return 'number';
  return context.model.types.has(type) ? 'listed' : undefined;
}

/**
 * Slots the matched sample left empty, filled from words it did not explain: a reason, a date or a
 * quantity said around a request in words of its own ("the sweater is too tight, can i send
 * it back"). Only what names a slot's value outright counts: a value its type lists in words the
 * samples do not use for requests, a date, and a number where the intent takes one number alone.
 * Dates go first, so "two days ago" is no quantity. Free text, once filled, holds everything.
 */
export function spottedSlots(intent: IntentModel, filled: readonly SlotFill[], explained: readonly boolean[], utterance: Tokenized, context: SlotContext): SlotFill[] {
  const free = explained.map((taken) => !taken);
  const freeText = [...intent.slots].find(([, type]) => type === FREE_TEXT_TYPE)?.[0];
  if (freeText !== undefined) {
    // The typed slots of a free-text intent are there for the platform's sake: the free text holds it all.
    if (filled.some((fill) => fill.slot === freeText)) return [];
    const words = unexplainedWords(free, utterance, context);
    return words ? [{ slot: freeText, type: FREE_TEXT_TYPE, spoken: words, value: words }] : [];
  }
  const empty = [...intent.slots].filter(([slot]) => !filled.some((fill) => fill.slot === slot));
  const numberSlots = [...intent.slots].filter(([, type]) => kindOf(type, context) === 'number');
  const spotted: SlotFill[] = [];
  for (const kind of ['date', 'listed', 'number'] as const) {
    for (const [slot, type] of empty) {
      if (kindOf(type, context) !== kind || (kind === 'number' && numberSlots.length !== 1)) continue;
      const fill = spot(slot, type, kind, free, utterance, context);
      if (fill) spotted.push(fill);
    }
  }
  return spotted;
}

function spot(slot: string, type: string, kind: SlotKind, free: boolean[], utterance: Tokenized, context: SlotContext): SlotFill | undefined {
  const { tokens } = utterance;
  const numbers = context.model.language.numbers;
  for (let length = Math.min(LONGEST_SPOTTED, tokens.length); length >= 1; length -= 1) {
    for (let start = 0; start + length <= tokens.length; start += 1) {
      if (!free.slice(start, start + length).every(Boolean)) continue;
      const words = tokens.slice(start, start + length);
      // A number word alone names no listed value: "one" in "the blue one" is no ordinal. Nor do
      // words the samples use for requests alone: "track" in "is it on track" is no item.
      if (kind === 'listed' && spokenNumber(words.map((token) => token.word), numbers) !== undefined) continue;
      // Nor is an article a count: "ein" in "hab ein zelt bestellt" is no quantity.
      if (kind === 'number' && words.length === 1 && context.model.language.articles.includes(words[0]?.word ?? '')) continue;
      // Nor is a length of time: "two weeks ago", "ça fait dix jours".
      if (kind === 'number' && context.model.language.dates.periods[tokens[start + length]?.word ?? ''] !== undefined) continue;
      const span = fillSpan(type, words, context);
      // ...unless several of them name the value exactly: "passt nicht" is a reason in any request.
      const namedOutright = words.length >= 2 && span?.cost === 0;
      if (kind === 'listed' && !namedOutright && words.every((token) => context.weights.knows(token.word))) continue;
      const named = kind === 'listed' ? span?.fill.resolution !== undefined && span.fill.resolution !== 'no-match' : span?.fill.value !== undefined;
      if (!span || !named || span.cost > MOST_SPOTTING_COST) continue;
      for (let token = start; token < start + length; token += 1) free[token] = false;
      const spoken = typedText(utterance, words);
      const { value, ...fill } = span.fill;
      return { slot, spoken, value: value ?? spoken, ...fill };
    }
  }
  return undefined;
}

/** The longest run of words the sample did not explain, when it says something: free text a sample had no room for. */
function unexplainedWords(free: readonly boolean[], utterance: Tokenized, context: SlotContext): string | undefined {
  const { tokens } = utterance;
  const edges = freeTextEdges(context.model.language);
  const knows = (at: number) => context.weights.knows(tokens[at]?.word ?? '');
  let best: { start: number; end: number } | undefined;
  for (let start = 0; start < tokens.length; start += 1) {
    if (!free[start]) continue;
    let end = start;
    while (end < tokens.length && free[end]) end += 1;
    const run = trimmedRange(tokens, { start, end }, edges);
    // Words the samples use at either end are the rest of a request, not a description ("what", "für").
    while (run.start < run.end && knows(run.start)) run.start += 1;
    while (run.end > run.start && knows(run.end - 1)) run.end -= 1;
    if (run.end > run.start && (!best || run.end - run.start > best.end - best.start)) best = run;
    start = end;
  }
  return best && typedText(utterance, tokens.slice(best.start, best.end));
}
