import { INTENTS, INTENT_SLOTS } from '../../lambda/core/intents';
import { slotExamples } from './google';
import { ALEXA_BUILT_IN_INTENTS, GOOGLE_SYSTEM_INTENTS, isBuiltInSlotType, isGoogleCustomIntent } from './platforms';
import type { LocaleModel, Source } from './schema';

/**
 * Checks on the source itself: the contract with the router, references, duplicates, locale
 * parity and coverage. Each returns human-readable problems; an empty list means it passes.
 * Platform rules are checked on the generated output (alexa-checks, google-checks).
 */

/** The intents a conversation starts with: they need the most ways of being said. */
export const STARTING_INTENTS: readonly string[] = [
  'OrderStatusIntent',
  'ReturnItemIntent',
  'ReorderIntent',
  'FindProductIntent',
  'TalkToAgentIntent',
];
/** Shoppers open with these in many more ways than any other: forty is a floor, not a goal. */
export const MIN_STARTING_SAMPLES = 40;

export interface Contract {
  readonly intents: readonly string[];
  readonly slots: Readonly<Record<string, readonly string[]>>;
}

/** The router's intents and slots (lambda/core/intents.ts). */
export const ROUTER_CONTRACT: Contract = { intents: INTENTS, slots: INTENT_SLOTS };

const SLOT_REFERENCE = /\{(\w+)\}/g;

export function slotsIn(sample: string): string[] {
  return [...sample.matchAll(SLOT_REFERENCE)].map((match) => match[1] ?? '');
}

/** Case, spacing and apostrophe style do not make two samples different. */
export function normalizeSample(sample: string): string {
  return sample.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Every router intent is modelled, every modelled intent is routed, with the router's slot names. */
export function contractProblems(model: LocaleModel, contract: Contract = ROUTER_CONTRACT): string[] {
  const problems: string[] = [];
  const where = model.locale;
  for (const name of contract.intents) {
    if (!Object.hasOwn(model.intents, name)) problems.push(`${where}: ${name} is handled by the router but not modelled`);
  }
  for (const [name, intent] of Object.entries(model.intents)) {
    if (!contract.intents.includes(name)) {
      problems.push(`${where}: ${name} is modelled but the router does not handle it`);
      continue;
    }
    const expectedSlots = contract.slots[name] ?? [];
    const slots = Object.keys(intent.slots);
    if (!sameSet(slots, expectedSlots)) {
      problems.push(`${where}: ${name} has slots [${slots.join(', ')}], the router expects [${expectedSlots.join(', ')}]`);
    }
    const builtIn = ALEXA_BUILT_IN_INTENTS.includes(name);
    if (builtIn && intent.alexa !== `AMAZON.${name}`) problems.push(`${where}: ${name} must be alexa: AMAZON.${name}`);
    if (!builtIn && intent.alexa !== undefined) problems.push(`${where}: ${name} is a custom intent on Alexa, not ${intent.alexa}`);
    const system = GOOGLE_SYSTEM_INTENTS[name];
    if (intent.google !== system) {
      problems.push(
        `${where}: ${name} must be ${system === undefined ? 'a Google custom intent' : `google: ${system}`}, not ${intent.google ?? 'custom'}`,
      );
    }
  }
  return problems;
}

/** Every slot's type is built in or declared, and every declared type is used. */
export function slotTypeProblems(model: LocaleModel): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const [name, intent] of Object.entries(model.intents)) {
    for (const [slotName, slot] of Object.entries(intent.slots)) {
      used.add(slot.type);
      if (!isBuiltInSlotType(slot.type) && !Object.hasOwn(model.types, slot.type)) {
        problems.push(`${model.locale}: ${name}.${slotName} has type ${slot.type}, which is not declared under types`);
      }
    }
  }
  for (const [type, definition] of Object.entries(model.types)) {
    if (!used.has(type)) problems.push(`${model.locale}: type ${type} is declared but no slot uses it`);
    if (Object.keys(definition.values).length === 0) {
      problems.push(`${model.locale}: type ${type} has no values${definition.catalog ? ' (the catalog gave it none: see catalog in project.yaml)' : ''}`);
    }
  }
  return problems;
}

/** Samples reference only their intent's slots, and every slot can be filled by some sample. */
export function slotUsageProblems(model: LocaleModel): string[] {
  const problems: string[] = [];
  for (const [name, intent] of Object.entries(model.intents)) {
    const referenced = new Set(intent.samples.flatMap(slotsIn));
    for (const slot of referenced) {
      if (!Object.hasOwn(intent.slots, slot)) problems.push(`${model.locale}: ${name} samples use {${slot}}, which is not a slot of ${name}`);
    }
    for (const slot of Object.keys(intent.slots)) {
      if (!referenced.has(slot)) problems.push(`${model.locale}: ${name}.${slot} appears in no sample`);
    }
  }
  return problems;
}

/** No sample (normalised) belongs to two intents, or twice to one. */
export function duplicateSampleProblems(model: LocaleModel): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const [name, intent] of Object.entries(model.intents)) {
    for (const sample of intent.samples) {
      const key = normalizeSample(sample);
      const first = owner.get(key);
      if (first === undefined) owner.set(key, name);
      else if (first === name) problems.push(`${model.locale}: "${sample}" appears twice in ${name}`);
      else problems.push(`${model.locale}: "${sample}" is a sample of both ${first} and ${name}`);
    }
  }
  return problems;
}

/** Within a type, a word resolves to one value only. */
export function typeValueProblems(model: LocaleModel): string[] {
  const problems: string[] = [];
  for (const [typeName, type] of Object.entries(model.types)) {
    const owner = new Map<string, string>();
    for (const [id, synonyms] of Object.entries(type.values)) {
      for (const synonym of synonyms) {
        const key = normalizeSample(synonym);
        const first = owner.get(key);
        if (first === undefined) owner.set(key, id);
        else problems.push(`${model.locale}: ${typeName} lists "${synonym}" under both ${first} and ${id}`);
      }
    }
  }
  return problems;
}

/** The intents a conversation starts with have enough ways of being said. */
export function sampleCoverageProblems(
  model: LocaleModel,
  intents: readonly string[] = STARTING_INTENTS,
  minimum: number = MIN_STARTING_SAMPLES,
): string[] {
  return intents.flatMap((name) => {
    const count = model.intents[name]?.samples.length ?? 0;
    return count >= minimum ? [] : [`${model.locale}: ${name} has ${count} samples, at least ${minimum} are needed`];
  });
}

/**
 * Custom intents need samples on both platforms. Alexa's fallback intent may have some: requests
 * that are out of the skill's scope (a joke, the weather) tune its out-of-domain model.
 */
export function samplePresenceProblems(model: LocaleModel): string[] {
  return Object.entries(model.intents).flatMap(([name, intent]) => {
    if (intent.alexa === undefined && intent.samples.length === 0) {
      return [`${model.locale}: ${name} is a custom intent and needs samples`];
    }
    if (intent.alexa !== undefined && isGoogleCustomIntent(intent) && intent.samples.length === 0) {
      return [`${model.locale}: ${name} is a Google custom intent and needs samples (training phrases)`];
    }
    return [];
  });
}

/** Google annotates every slot in a training phrase with an example value, so one must exist. */
export function googleExampleProblems(model: LocaleModel): string[] {
  const problems: string[] = [];
  for (const [name, intent] of Object.entries(model.intents)) {
    if (!isGoogleCustomIntent(intent)) continue;
    const slots = new Set(intent.samples.flatMap(slotsIn));
    for (const slot of slots) {
      if (Object.hasOwn(intent.slots, slot) && slotExamples(model, name, slot).length === 0) {
        problems.push(`${model.locale}: ${name}.${slot} needs examples (without apostrophes) for Google's training phrases`);
      }
    }
  }
  return problems;
}

/** What must be identical in every locale: intents, their platform mapping, slots, types and value ids. */
function shapeOf(model: LocaleModel): Map<string, string> {
  const shape = new Map<string, string>();
  for (const [name, intent] of Object.entries(model.intents)) {
    shape.set(`intent ${name}`, `alexa ${intent.alexa ?? 'custom'}, google ${intent.google ?? 'custom'}`);
    const used = new Set(intent.samples.flatMap(slotsIn));
    for (const [slotName, slot] of Object.entries(intent.slots)) {
      shape.set(`slot ${name}.${slotName}`, `type ${slot.type}, ${used.has(slotName) ? 'used' : 'unused'} in samples`);
    }
  }
  for (const [typeName, type] of Object.entries(model.types)) {
    shape.set(`type ${typeName}`, 'declared');
    for (const id of Object.keys(type.values)) shape.set(`type value ${typeName}.${id}`, 'declared');
  }
  return shape;
}

/** Locales differ in words only: an intent, slot, type or type value in one and not another fails. */
export function localeParityProblems(models: readonly LocaleModel[]): string[] {
  const [reference, ...others] = models;
  if (reference === undefined) return ['no locales'];
  const problems: string[] = [];
  const expected = shapeOf(reference);
  for (const model of others) {
    const actual = shapeOf(model);
    for (const [key, value] of expected) {
      const other = actual.get(key);
      if (other === undefined) problems.push(`${key} is in ${reference.locale} but not in ${model.locale}`);
      else if (other !== value) problems.push(`${key} is "${value}" in ${reference.locale} but "${other}" in ${model.locale}`);
    }
    for (const key of actual.keys()) {
      if (!expected.has(key)) problems.push(`${key} is in ${model.locale} but not in ${reference.locale}`);
    }
  }
  const seen = new Map<string, string>();
  for (const model of models) {
    const first = seen.get(model.google.locale);
    if (first !== undefined) problems.push(`${first} and ${model.locale} both use Google locale ${model.google.locale}`);
    seen.set(model.google.locale, model.locale);
  }
  return problems;
}

export function defaultLocaleProblems(source: Source): string[] {
  const found = source.locales.some((model) => model.google.locale === source.project.google.defaultLocale);
  return found ? [] : [`no locale file has google.locale ${source.project.google.defaultLocale} (project.yaml google.defaultLocale)`];
}

/** Every source check, for `npm run models` to refuse a broken source. */
export function sourceProblems(source: Source, contract: Contract = ROUTER_CONTRACT): string[] {
  return [
    ...defaultLocaleProblems(source),
    ...localeParityProblems(source.locales),
    ...source.locales.flatMap((model) => [
      ...contractProblems(model, contract),
      ...slotTypeProblems(model),
      ...slotUsageProblems(model),
      ...duplicateSampleProblems(model),
      ...typeValueProblems(model),
      ...samplePresenceProblems(model),
      ...sampleCoverageProblems(model),
      ...googleExampleProblems(model),
    ]),
  ];
}
