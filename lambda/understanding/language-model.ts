import * as z from 'zod';
import { languageOf } from './languages/languages';
import type { Language } from './languages/language';
import { tokenize } from './tokens';

/** Alexa's fallback intent: what anything the model does not cover becomes. */
export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

const BUILT_IN_PREFIX = 'AMAZON.';

/** The intent's name in the conversation core: Alexa's built-ins without their prefix. */
export function neutralIntentName(modelName: string): string {
  return modelName.startsWith(BUILT_IN_PREFIX) ? modelName.slice(BUILT_IN_PREFIX.length) : modelName;
}

export type SamplePart =
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'slot'; readonly slot: string; readonly type: string };

export interface Sample {
  /** As written in the model, for showing which sample matched. */
  readonly text: string;
  readonly parts: readonly SamplePart[];
}

export interface IntentModel {
  /** As the platform model names it: `OrderStatusIntent`, `AMAZON.HelpIntent`. */
  readonly name: string;
  /** Slot name → slot type, in the order the model declares them. */
  readonly slots: ReadonlyMap<string, string>;
  readonly samples: readonly Sample[];
}

export interface SlotTypeValue {
  readonly id: string;
  readonly name: string;
  /** The value's name and synonyms, as token words. */
  readonly phrases: readonly (readonly string[])[];
}

export interface SlotType {
  readonly values: readonly SlotTypeValue[];
  /** The most words any value's name or synonym has. */
  readonly longestPhrase: number;
  /** Every name and synonym by its first word, to find the ones a span may name without trying all. */
  readonly phrasesByFirstWord: ReadonlyMap<string, readonly { readonly value: SlotTypeValue; readonly phrase: readonly string[] }[]>;
}

/** One locale's interaction model, compiled for matching. */
export interface LanguageModel {
  readonly locale: string;
  readonly language: Language;
  /** The invocation name as token words. */
  readonly invocation: readonly string[];
  readonly intents: readonly IntentModel[];
  /** Custom slot types by name. */
  readonly types: ReadonlyMap<string, SlotType>;
}

const AlexaModelSchema = z.object({
  interactionModel: z.object({
    languageModel: z.object({
      invocationName: z.string(),
      intents: z.array(
        z.object({
          name: z.string(),
          slots: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
          samples: z.array(z.string()).optional(),
        }),
      ),
      types: z
        .array(
          z.object({
            name: z.string(),
            values: z.array(
              z.object({ id: z.string().optional(), name: z.object({ value: z.string(), synonyms: z.array(z.string()).optional() }) }),
            ),
          }),
        )
        .optional(),
    }),
  }),
});

function words(text: string, language: Language): string[] {
  return tokenize(text, language).tokens.map((token) => token.word);
}

function compileSample(text: string, slots: ReadonlyMap<string, string>, language: Language, intent: string): Sample {
  const parts: SamplePart[] = [];
  for (const chunk of text.split(/(\{[^}]+\})/)) {
    const slot = /^\{([^}]+)\}$/.exec(chunk)?.[1];
    if (slot === undefined) {
      parts.push(...words(chunk, language).map((word) => ({ kind: 'word' as const, word })));
      continue;
    }
    const type = slots.get(slot);
    if (type === undefined) throw new Error(`${intent}: the sample "${text}" names the slot {${slot}}, which the intent does not declare`);
    parts.push({ kind: 'slot', slot, type });
  }
  return { text, parts };
}

function slotType(values: readonly SlotTypeValue[]): SlotType {
  const phrasesByFirstWord = new Map<string, { value: SlotTypeValue; phrase: readonly string[] }[]>();
  for (const value of values) {
    for (const phrase of value.phrases) {
      const first = phrase[0];
      if (first === undefined) continue;
      const list = phrasesByFirstWord.get(first) ?? [];
      list.push({ value, phrase });
      phrasesByFirstWord.set(first, list);
    }
  }
  const longestPhrase = Math.max(0, ...values.flatMap((value) => value.phrases.map((phrase) => phrase.length)));
  return { values, longestPhrase, phrasesByFirstWord };
}

/** Compiles an Alexa interaction model (skill-package/interactionModels/custom/<locale>.json). */
export function languageModelFromAlexa(json: unknown, locale: string): LanguageModel {
  const model = AlexaModelSchema.parse(json).interactionModel.languageModel;
  const language = languageOf(locale);
  const intents = model.intents.map((intent): IntentModel => {
    const slots = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type]));
    return { name: intent.name, slots, samples: (intent.samples ?? []).map((sample) => compileSample(sample, slots, language, intent.name)) };
  });
  const types = new Map(
    (model.types ?? []).map((type): [string, SlotType] => [
      type.name,
      slotType(
        type.values.map((value) => ({
          id: value.id ?? value.name.value,
          name: value.name.value,
          phrases: [value.name.value, ...(value.name.synonyms ?? [])].map((phrase) => words(phrase, language)),
        })),
      ),
    ]),
  );
  return { locale, language, invocation: words(model.invocationName, language), intents, types };
}

/**
 * One model for shoppers who speak `first`'s language and mix in `second`'s: both models' samples
 * for each intent, each slot-type value named by the words of both, read with `language` (both
 * languages' words). Intents, slots and value ids are the same in every locale, so they line up.
 */
export function mixedLanguageModel(first: LanguageModel, second: LanguageModel, language: Language): LanguageModel {
  const secondIntents = new Map(second.intents.map((intent) => [intent.name, intent]));
  const intents = first.intents.map((intent) => ({ ...intent, samples: [...intent.samples, ...(secondIntents.get(intent.name)?.samples ?? [])] }));
  const types = new Map(
    [...first.types].map(([name, type]): [string, SlotType] => {
      const secondValues = new Map((second.types.get(name)?.values ?? []).map((value) => [value.id, value]));
      return [name, slotType(type.values.map((value) => ({ ...value, phrases: [...value.phrases, ...(secondValues.get(value.id)?.phrases ?? [])] })))];
    }),
  );
  return { locale: first.locale, language, invocation: first.invocation, intents, types };
}
