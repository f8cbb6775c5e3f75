import type { SupportedLocale } from '../speech/i18n';
import { BUNDLED_MODELS } from './bundled-models';
import { calendarDayOfKey } from './calendar';
import type { ExpectedAnswer } from './expected-answers';
import { type IntentName, isIntentName } from '../core/intents';
import { PACKS } from '../languages/packs';
import { type LanguageModel, languageModelFromAlexa, mixedLanguageModel, neutralIntentName } from './language-model';
import { mixedLanguage } from './languages/mixed-language';
import { createUnderstander, type Reading, type ReadingContext } from './understand';

export type { ExpectedAnswer } from './expected-answers';
export { EXPECTED_ANSWERS, isExpectedAnswer } from './expected-answers';

/** What a text channel heard, and where in the conversation. */
export interface UnderstandingRequest {
  readonly text: string;
  /** e.g. "en-US"; another region of a language the assistant speaks reads as that language. */
  readonly locale: string;
  /** What the open question accepts ("size", "confirm", …): a fitting answer wins over every other reading. */
  readonly expecting?: readonly ExpectedAnswer[];
  /** Today in the store's calendar ("2026-11-26"), for "last week" or "on monday". */
  readonly today?: string;
  /**
   * Only the locale's own words, not those of the language its shoppers mix in: how the phone tells
   * a caller who speaks another language altogether from one who mixes a word of it in.
   */
  readonly ownWordsOnly?: boolean;
}

/** A slot as the shopper filled it. */
export interface UnderstoodSlot {
  /** The words as said ("running shoes", "ten forty two"). */
  readonly spoken: string;
  /** Digits for numbers ("1042"), an AMAZON.DATE value for dates ("2026-W47"), else the words said. */
  readonly value: string;
  /** The slot-type value the words name ("shoes" for "running shoes"), where the type lists one. */
  readonly id?: string;
  readonly canonical?: string;
}

export interface Understood {
  /** FallbackIntent when nothing the assistant understands fits. */
  readonly intent: IntentName;
  readonly slots: Readonly<Record<string, UnderstoodSlot>>;
  /** 0–1. */
  readonly confidence: number;
  /** The words were nothing but an answer to the open question ("medium", "two"). */
  readonly bareAnswer: boolean;
}

/**
 * The slots that take words their type does not list: what shoppers call the things they bought
 * or look for is open-ended, and is matched against their own orders and the catalog. A reason, a
 * size, an ordinal or "my last order" is one of the values listed, or not understood.
 */
const OPEN_SLOTS: ReadonlySet<string> = new Set(['item', 'category']);

/** A change to a search keeps what it is for or under: "for women" is not "women", "under fifty" not "fifty". */
const PREPOSITIONAL_SLOTS: ReadonlySet<string> = new Set(['refinement']);

/** A reading this sure in the locale's own words is taken without trying the language its shoppers mix in. */
const SURE_IN_ONE_LANGUAGE = 0.75;

/** One locale's generated model, compiled, and how text is read against it. */
export interface ModelUnderstanding {
  readonly model: LanguageModel;
  read(text: string, context?: ReadingContext): Reading;
}

/**
 * Compiles an Alexa interaction model (`skill-package/interactionModels/custom/<locale>.json`) for
 * reading text. The product reads the bundled models; the dev tools read the files, so a model
 * `npm run models` just wrote is understood at once.
 */
export function understandingOfModel(alexaModel: unknown, locale: string): ModelUnderstanding {
  return understandingOf(languageModelFromAlexa(alexaModel, locale));
}

function understandingOf(model: LanguageModel): ModelUnderstanding {
  // Shoppers name a date only to say when they got something: "on monday" is the last one.
  return { model, read: createUnderstander(model, { dateLean: 'past', openSlots: OPEN_SLOTS, prepositionalSlots: PREPOSITIONAL_SLOTS }) };
}

const understandings = new Map<SupportedLocale, ModelUnderstanding>();

function localeOf(locale: string): SupportedLocale | undefined {
  const locales = Object.keys(BUNDLED_MODELS) as SupportedLocale[];
  const language = locale.split('-')[0]?.toLowerCase();
  return (
    locales.find((candidate) => candidate.toLowerCase() === locale.toLowerCase()) ??
    locales.find((candidate) => candidate.split('-')[0] === language)
  );
}

/** Compiled on first use, once per locale and process. */
function understandingFor(locale: string): ModelUnderstanding {
  const supported = localeOf(locale);
  if (!supported) throw new Error(`No interaction model for ${locale}; there are: ${Object.keys(BUNDLED_MODELS).join(', ')}`);
  let understanding = understandings.get(supported);
  if (!understanding) {
    understanding = understandingOfModel(BUNDLED_MODELS[supported], supported);
    understandings.set(supported, understanding);
  }
  return understanding;
}

const mixedUnderstandings = new Map<SupportedLocale, ModelUnderstanding | null>();

/**
 * For a locale whose shoppers mix another language in ("dónde está my order"), both languages'
 * samples, values and words in one model; compiled on first use, when the locale's own reading of
 * something was unsure.
 */
function mixedUnderstandingFor(locale: string): ModelUnderstanding | undefined {
  const supported = localeOf(locale);
  if (!supported) return undefined;
  let mixed = mixedUnderstandings.get(supported);
  if (mixed === undefined) {
    const partner = PACKS[supported].mixesWith;
    const own = understandingFor(supported).model;
    const other = partner !== undefined && isUnderstoodLocale(partner) ? understandingFor(partner).model : undefined;
    mixed = other ? understandingOf(mixedLanguageModel(own, other, mixedLanguage(own.language, other.language))) : null;
    mixedUnderstandings.set(supported, mixed);
  }
  return mixed ?? undefined;
}

/** The locales understood, e.g. ["en-US", "de-DE"]. */
export function understoodLocales(): readonly string[] {
  return Object.keys(BUNDLED_MODELS);
}

export function isUnderstoodLocale(locale: string): boolean {
  return localeOf(locale) !== undefined;
}

/** A reading of the model, in the core's terms: intent names without Alexa's prefix, slots by name. */
export function understoodFrom(reading: Reading): Understood {
  const name = neutralIntentName(reading.intent);
  const known = isIntentName(name);
  const slots: Record<string, UnderstoodSlot> = {};
  for (const fill of known ? reading.slots : []) {
    const resolved = fill.resolution !== undefined && fill.resolution !== 'no-match' ? fill.resolution : undefined;
    slots[fill.slot] = { spoken: fill.spoken, value: fill.value, ...(resolved ? { id: resolved.id, canonical: resolved.name } : {}) };
  }
  return {
    intent: known ? name : 'FallbackIntent',
    slots,
    confidence: known ? reading.confidence : 0,
    bareAnswer: known && reading.bareAnswer === true,
  };
}

/**
 * Text → intent, slots and confidence, for the channels that hear words rather than intents (the
 * phone, Google's free text, the dev console and chat).
 */
export function understand(request: UnderstandingRequest): Understood {
  const { today } = request;
  const context: ReadingContext = {
    ...(request.expecting ? { expecting: request.expecting } : {}),
    ...(today ? { today: () => calendarDayOfKey(today) } : {}),
  };
  const own = understandingFor(request.locale).read(request.text, context);
  if (own.confidence >= SURE_IN_ONE_LANGUAGE || request.ownWordsOnly === true) return understoodFrom(own);
  // Unsure in the locale's own words: the shopper may have mixed in the language they also speak.
  const mixed = mixedUnderstandingFor(request.locale)?.read(request.text, context);
  return understoodFrom(mixed && mixed.confidence > own.confidence ? mixed : own);
}
