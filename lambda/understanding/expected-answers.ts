import { type IntentModel, type LanguageModel, neutralIntentName } from './language-model';
import { fillSpan, FREE_TEXT_TYPE, type SlotContext, type SlotFill } from './slot-fill';
import { answerEdges, longestPhraseAt, trimmedRange } from './edges';
import type { Language } from './languages/language';
import { type Token, type Tokenized, typedText } from './tokens';

/**
 * What the open question accepts as its answer: "which one do you mean?" (item), "why are you
 * sending it back?" (reason), "how many?" (quantity), a yes/no confirmation (confirm), "which
 * size?" (size), "what's your voice PIN?" (pin), "want to hear the others?" (more), and what to do
 * with search results just read (results).
 */
export const EXPECTED_ANSWERS = ['item', 'reason', 'quantity', 'confirm', 'size', 'pin', 'more', 'results'] as const;

export type ExpectedAnswer = (typeof EXPECTED_ANSWERS)[number];

/** The intents (core names) that answer each question. */
const ANSWER_INTENTS: Readonly<Record<ExpectedAnswer, readonly string[]>> = {
  item: ['SelectItemIntent'],
  reason: ['ReturnReasonIntent'],
  quantity: ['QuantityIntent'],
  confirm: ['YesIntent', 'NoIntent'],
  size: ['ChangeSizeIntent'],
  pin: ['PinIntent'],
  more: ['YesIntent', 'NoIntent', 'NextIntent'],
  // Most likely first: a bare "the second one" picks a result (and hears about it); it buys nothing.
  results: ['SelectItemIntent', 'ProductDetailIntent', 'BuyIntent', 'CheaperIntent', 'RefineSearchIntent', 'NextIntent'],
};

export function isExpectedAnswer(value: string): value is ExpectedAnswer {
  return (EXPECTED_ANSWERS as readonly string[]).includes(value);
}

/** Questions whose answers mean nothing unasked: "it's broken", "two", "one two three four". */
const ONLY_WHEN_ASKED: readonly ExpectedAnswer[] = ['reason', 'quantity', 'pin'];

/** The model's intents that are nothing but an answer to a question ("it arrived broken" is a reason). */
export function answerOnlyIntents(model: LanguageModel): readonly IntentModel[] {
  return answeringIntents(model, ONLY_WHEN_ASKED);
}

/** The model's intents that answer any of the questions, in the order the questions were given. */
export function answeringIntents(model: LanguageModel, expecting: readonly ExpectedAnswer[]): readonly IntentModel[] {
  const names = [...new Set(expecting.flatMap((answer) => ANSWER_INTENTS[answer]))];
  return names.flatMap((name) => model.intents.filter((intent) => neutralIntentName(intent.name) === name));
}

/** A whole utterance taken as the value of one slot of an answering intent. */
export interface BareAnswer {
  readonly intent: IntentModel;
  readonly slot: SlotFill;
  /** 0 when the words are the value exactly; more for another form of it or a slip. */
  readonly cost: number;
}

/**
 * The parts of an utterance that may be the answer, most likely first: what follows a repair ("a
 * medium, no wait, a large"), what comes before a negation ("the earbuds, not the speaker"), and
 * the whole.
 */
function answerParts(tokens: readonly Token[], language: Language): (readonly Token[])[] {
  const parts: (readonly Token[])[] = [];
  for (let at = tokens.length - 1; at >= 0; at -= 1) {
    const repair = longestPhraseAt(tokens, at, language.repairs);
    if (repair > 0 && at + repair < tokens.length) {
      parts.push(tokens.slice(at + repair));
      break;
    }
  }
  for (let at = 1; at < tokens.length; at += 1) {
    if (longestPhraseAt(tokens, at, language.negations) > 0) {
      parts.push(tokens.slice(0, at));
      break;
    }
  }
  parts.push(tokens);
  return parts;
}

/**
 * The utterance as a bare answer to the open question: nothing but a value of a slot the
 * answering intents take ("medium", "a medium", "two", "one two three four", "too small").
 * Free text and words the slot type does not list never count: they could be anything.
 */
export function bareAnswer(utterance: Tokenized, intents: readonly IntentModel[], context: SlotContext): BareAnswer | undefined {
  if (intents.length === 0) return undefined;
  const { language } = context.model;
  const edges = answerEdges(language);
  // An article may start the value itself: French "un deux trois quatre" is a PIN, "une" a count.
  const keepingArticles = { ...edges, leading: edges.leading.filter((word) => !language.articles.includes(word)) };
  for (const part of answerParts(utterance.tokens, language)) {
    for (const around of [edges, keepingArticles]) {
      const { start, end } = trimmedRange(part, { start: 0, end: part.length }, around);
      const answer = valueOf(part.slice(start, end), utterance, intents, context);
      if (answer) return answer;
    }
  }
  return undefined;
}

/** The words as the value of one slot of an answering intent, the most exact reading first. */
function valueOf(tokens: readonly Token[], utterance: Tokenized, intents: readonly IntentModel[], context: SlotContext): BareAnswer | undefined {
  if (tokens.length === 0) return undefined;
  let best: BareAnswer | undefined;
  for (const intent of intents) {
    for (const [slot, type] of intent.slots) {
      if (type === FREE_TEXT_TYPE) continue;
      const span = fillSpan(type, tokens, context);
      if (!span) continue;
      // Words no type lists answer only where the slot takes any name ("um, the unicycle").
      const unlisted = span.fill.resolution === 'no-match' || (span.fill.resolution === undefined && span.fill.value === undefined);
      if (unlisted && !context.takesUnlisted(slot)) continue;
      // A near miss is a mishearing only when the words heard mean nothing else here: "weiter" is
      // the model's own word for the next page, not a misheard "zweiter".
      if (span.cost > 0 && tokens.every((token) => context.weights.knows(token.word))) continue;
      if (best && best.cost <= span.cost) continue;
      const spoken = typedText(utterance, tokens);
      const { value, ...fill } = span.fill;
      best = { intent, cost: span.cost, slot: { slot, spoken, value: value ?? spoken, ...fill } };
    }
  }
  return best;
}
