import type { v1 } from 'ask-smapi-model';
import { ALEXA_REQUIRED_BUILT_INS } from './platforms';
import { ROUTER_CONTRACT, normalizeSample, slotsIn, type Contract } from './source-checks';

/**
 * Alexa's rules, checked on what `ask deploy` uploads: the interaction models, skill.json and the
 * skill-package layout. Each function returns problems; an empty list means it passes.
 */

type LanguageModel = v1.skill.interactionModel.LanguageModel;
type InteractionModelData = v1.skill.interactionModel.InteractionModelData;

/** Words an invocation name may not contain (wake words, launch phrases, connectors, "skill"/"app"). */
const FORBIDDEN_INVOCATION_WORDS = [
  'alexa', 'amazon', 'echo', 'computer', 'skill', 'app',
  'launch', 'ask', 'tell', 'load', 'begin', 'enable', 'open', 'start', 'play', 'run', 'use', 'resume',
  'to', 'from', 'by', 'if', 'and', 'whether',
];

/** A spoken word: letters, possessive/contracted apostrophes, hyphenated parts, or a one-letter abbreviation ("t."). */
const WORD = /^(?:[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+)*|\p{L}\.)$/u;
const SLOT_TOKEN = /^\{[A-Za-z]+\}$/;

/** Whether Alexa accepts `token` as one word of a sample or slot value. */
export function isSpokenWord(token: string): boolean {
  return WORD.test(token);
}

/**
 * Alexa's limits on one locale's interaction model. The slot values are counted with their
 * synonyms, and the model's size is what `ask deploy` uploads (SMAPI refuses a model definition
 * over a million characters): a large catalog reaches these long before anything else does.
 */
export interface AlexaLimits {
  readonly intents: number;
  readonly sampleCharacters: number;
  readonly slotValueCharacters: number;
  readonly slotValues: number;
  readonly modelCharacters: number;
}

export const ALEXA_LIMITS: AlexaLimits = {
  intents: 250,
  sampleCharacters: 200,
  slotValueCharacters: 140,
  slotValues: 50_000,
  modelCharacters: 1_000_000,
};

/** A model that Alexa would refuse for its size: too many intents or slot values, words too long. */
export function modelLimitProblems(locale: string, data: InteractionModelData, limits: AlexaLimits = ALEXA_LIMITS): string[] {
  const model = data.interactionModel.languageModel;
  const problems: string[] = [];
  if (model.intents.length > limits.intents) problems.push(`${locale}: ${model.intents.length} intents, Alexa allows ${limits.intents}`);
  for (const intent of model.intents) {
    for (const sample of intent.samples ?? []) {
      if (sample.length > limits.sampleCharacters) problems.push(`${locale} ${intent.name}: "${sample}" is longer than ${limits.sampleCharacters} characters`);
    }
  }
  let values = 0;
  for (const type of model.types ?? []) {
    for (const value of type.values ?? []) {
      for (const word of [value.name.value, ...value.name.synonyms]) {
        values += 1;
        if (word.length > limits.slotValueCharacters) problems.push(`${locale} ${type.name}: "${word}" is longer than ${limits.slotValueCharacters} characters`);
      }
    }
  }
  if (values > limits.slotValues) problems.push(`${locale}: ${values} slot values and synonyms, Alexa allows ${limits.slotValues}`);
  const size = JSON.stringify(data).length;
  if (size > limits.modelCharacters) problems.push(`${locale}: the model has ${size} characters, Alexa accepts ${limits.modelCharacters}`);
  return problems;
}

/**
 * Permissions the code actually uses (account linking is not one): the recognised speaker
 * (platforms/alexa-speaker.ts) and order notifications (platforms/alexa-proactive/).
 */
export const USED_PERMISSIONS: readonly string[] = ['alexa::person_id:read', 'alexa::devices:all:notifications:write'];

export function invocationNameProblems(locale: string, name: string, extraForbidden: readonly string[] = []): string[] {
  const problems: string[] = [];
  const words = name.split(' ');
  if (name !== name.trim() || words.some((word) => word === '')) problems.push(`${locale}: invocation name "${name}" has stray spaces`);
  if (name !== name.toLowerCase()) problems.push(`${locale}: invocation name "${name}" must be lowercase`);
  if (words.length < 2) problems.push(`${locale}: invocation name "${name}" needs at least two words`);
  for (const word of words) {
    if (word !== '' && !WORD.test(word)) problems.push(`${locale}: invocation name word "${word}" may only hold letters, apostrophes or an abbreviation's period`);
    if (/\d/.test(word)) problems.push(`${locale}: invocation name "${name}" must spell numbers out`);
    const lower = word.toLowerCase();
    if (FORBIDDEN_INVOCATION_WORDS.includes(lower) || extraForbidden.map((w) => w.toLowerCase()).includes(lower)) {
      problems.push(`${locale}: invocation name "${name}" may not contain "${word}"`);
    }
  }
  return problems;
}

/** Characters, numbers and slot placement Alexa accepts in one sample utterance. */
export function sampleProblems(where: string, sample: string, slotTypes: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const tokens = sample.split(' ');
  if (sample !== sample.trim() || tokens.some((token) => token === '')) problems.push(`${where}: "${sample}" has stray spaces`);
  for (const token of tokens) {
    if (token === '' || SLOT_TOKEN.test(token)) continue;
    if (/\d/.test(token)) problems.push(`${where}: "${sample}" must spell numbers out ("${token}")`);
    else if (!WORD.test(token)) problems.push(`${where}: "${sample}" has characters Alexa rejects ("${token}")`);
  }
  const slots = slotsIn(sample);
  for (const slot of slots) {
    if (!slotTypes.has(slot)) problems.push(`${where}: "${sample}" uses {${slot}}, which is not a slot of the intent`);
  }
  for (const [index, slot] of slots.entries()) {
    if (slots.indexOf(slot) !== index) problems.push(`${where}: "${sample}" uses {${slot}} twice`);
  }
  for (let index = 1; index < tokens.length; index += 1) {
    if (SLOT_TOKEN.test(tokens[index] ?? '') && SLOT_TOKEN.test(tokens[index - 1] ?? '')) {
      problems.push(`${where}: "${sample}" has two slots with no words between them`);
    }
  }
  const words = tokens.filter((token) => token !== '' && !SLOT_TOKEN.test(token));
  if (slots.some((slot) => slotTypes.get(slot) === 'AMAZON.SearchQuery')) {
    if (words.length === 0) problems.push(`${where}: "${sample}" is only an AMAZON.SearchQuery slot; it needs a carrier phrase`);
    if (slots.length > 1) problems.push(`${where}: "${sample}" puts other slots next to an AMAZON.SearchQuery slot`);
  }
  return problems;
}

/** The interaction model for one locale: invocation name, intents, slots, types and samples. */
export function interactionModelProblems(
  locale: string,
  data: InteractionModelData,
  contract: Contract = ROUTER_CONTRACT,
): string[] {
  const model = data.interactionModel.languageModel;
  const problems = invocationNameProblems(locale, model.invocationName);
  if (model.modelConfiguration?.fallbackIntentSensitivity?.level === undefined) {
    problems.push(`${locale}: modelConfiguration.fallbackIntentSensitivity is missing`);
  }
  const customTypes = new Set((model.types ?? []).map((type) => type.name));
  const names = model.intents.map((intent) => intent.name);
  for (const intent of model.intents) {
    const where = `${locale} ${intent.name}`;
    if (!/^(AMAZON\.)?[A-Za-z_]+$/.test(intent.name)) problems.push(`${where}: intent names hold letters and underscores only`);
    const routed = intent.name.replace(/^AMAZON\./, '');
    if (!contract.intents.includes(routed) && !ALEXA_REQUIRED_BUILT_INS.includes(intent.name)) {
      problems.push(`${where}: the router has no ${routed}`);
    }
    const slotTypes = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type ?? '']));
    for (const [slot, type] of slotTypes) {
      if (!type.startsWith('AMAZON.') && !customTypes.has(type)) problems.push(`${where}: slot ${slot} has type ${type}, which the model does not define`);
    }
    const samples = intent.samples ?? [];
    if (!intent.name.startsWith('AMAZON.') && samples.length === 0) problems.push(`${where}: a custom intent needs samples`);
    for (const sample of samples) problems.push(...sampleProblems(where, sample, slotTypes));
  }
  for (const name of contract.intents) {
    if (!names.includes(name) && !names.includes(`AMAZON.${name}`)) problems.push(`${locale}: the router's ${name} is missing`);
  }
  for (const name of ALEXA_REQUIRED_BUILT_INS) {
    if (!names.includes(name)) problems.push(`${locale}: Alexa requires ${name}`);
  }
  for (const name of new Set(names)) {
    if (names.indexOf(name) !== names.lastIndexOf(name)) problems.push(`${locale}: intent ${name} is defined twice`);
  }
  for (const type of model.types ?? []) {
    const ids = new Set<string>();
    for (const value of type.values ?? []) {
      if (value.id !== undefined) {
        if (ids.has(value.id)) problems.push(`${locale} ${type.name}: value id ${value.id} is used twice`);
        ids.add(value.id);
      }
      for (const word of [value.name.value, ...value.name.synonyms]) {
        problems.push(...sampleProblems(`${locale} ${type.name}`, word, new Map()));
      }
    }
  }
  problems.push(...modelLimitProblems(locale, data));
  return problems;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching what a shopper could say for a sample, slots filled with their values. */
function samplePattern(sample: string, slotTypes: ReadonlyMap<string, string>, model: LanguageModel): string {
  return normalizeSample(sample)
    .split(/(\{\w+\})/)
    .map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part)?.[1];
      if (slot === undefined) return escapeRegExp(part);
      const type = slotTypes.get(slot) ?? '';
      const custom = model.types?.find((candidate) => candidate.name === type);
      // A number is said in digits or in up to three words ("twenty one"), a PIN in four: a
      // slot-only number sample ("{quantity}", "{pin}") must not make every phrase look like a sample.
      if (custom === undefined && type === 'AMAZON.FOUR_DIGIT_NUMBER') return '(?:\\d{4}|\\p{L}+(?: \\p{L}+){3})';
      if (custom === undefined) return type === 'AMAZON.NUMBER' ? '(?:\\d+|\\p{L}+(?: \\p{L}+){0,2})' : '.+';
      const words = (custom.values ?? []).flatMap((value) => [value.name.value, ...value.name.synonyms]);
      return `(?:${words.map((word) => escapeRegExp(normalizeSample(word))).join('|')})`;
    })
    .join('');
}

export interface ExamplePhraseGrammar {
  /** Words said before the invocation name: "open", "ask". */
  readonly launchWords: readonly string[];
  /** Words allowed between the invocation name and the request: "to", "for". */
  readonly connectorWords: readonly string[];
}

/**
 * skill.json example phrases are "Alexa, <launch word> <invocation name> [<connector>] [<sample>]",
 * where the request is one of the model's sample utterances with its slots filled.
 */
export function examplePhraseProblems(
  locale: string,
  phrases: readonly string[],
  model: LanguageModel,
  grammar: ExamplePhraseGrammar,
): string[] {
  const problems: string[] = [];
  if (phrases.length === 0 || phrases.length > 3) problems.push(`${locale}: skill.json needs one to three example phrases`);
  const patterns = model.intents.flatMap((intent) => {
    const slotTypes = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type ?? '']));
    return (intent.samples ?? []).map((sample) => new RegExp(`^${samplePattern(sample, slotTypes, model)}$`, 'u'));
  });
  const invocation = normalizeSample(model.invocationName);
  for (const phrase of phrases) {
    const spoken = normalizeSample(phrase).replace(/[.?!]$/, '');
    const prefix = 'alexa, ';
    if (!spoken.startsWith(prefix)) {
      problems.push(`${locale}: example phrase "${phrase}" must start with "Alexa, "`);
      continue;
    }
    const rest = spoken.slice(prefix.length);
    const launch = grammar.launchWords
      .map((word) => normalizeSample(word))
      .find((word) => rest === `${word} ${invocation}` || rest.startsWith(`${word} ${invocation} `));
    if (launch === undefined) {
      problems.push(`${locale}: example phrase "${phrase}" must be "Alexa, <${grammar.launchWords.join('|')}> ${invocation} …"`);
      continue;
    }
    const request = rest.slice(`${launch} ${invocation}`.length).trim();
    if (request === '') continue;
    const candidates = [
      request,
      ...grammar.connectorWords
        .map((word) => normalizeSample(word))
        .filter((word) => request.startsWith(`${word} `))
        .map((word) => request.slice(word.length + 1)),
    ];
    if (!candidates.some((candidate) => patterns.some((pattern) => pattern.test(candidate)))) {
      problems.push(`${locale}: example phrase "${phrase}" is not one of the model's sample utterances`);
    }
  }
  return problems;
}

const LOCALE_FILE = /^skill-package\/interactionModels\/custom\/([a-z]{2}-[A-Z]{2})\.json$/;

/** What `ask deploy` expects in skill-package/: file names, locales and skill.json's required fields. */
export function skillPackageProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const modelLocales: string[] = [];
  for (const file of files.keys()) {
    if (file === 'skill-package/skill.json' || file.startsWith('skill-package/assets/')) continue;
    const locale = LOCALE_FILE.exec(file)?.[1];
    if (locale !== undefined) modelLocales.push(locale);
    else if (file.startsWith('skill-package/')) problems.push(`${file}: not part of an Alexa skill package`);
  }
  const text = files.get('skill-package/skill.json');
  if (text === undefined) return [...problems, 'skill-package/skill.json is missing'];
  let envelope: v1.skill.Manifest.SkillManifestEnvelope;
  try {
    envelope = JSON.parse(text) as v1.skill.Manifest.SkillManifestEnvelope;
  } catch (error) {
    return [...problems, `skill-package/skill.json: ${(error as Error).message}`];
  }
  const manifest = envelope.manifest;
  if (manifest?.manifestVersion !== '1.0') problems.push('skill.json: manifest.manifestVersion must be "1.0"');
  const publishing = manifest?.publishingInformation;
  const locales = Object.keys(publishing?.locales ?? {}).sort();
  if (locales.join() !== [...modelLocales].sort().join()) {
    problems.push(`skill.json publishes [${locales.join(', ')}] but the interaction models are [${modelLocales.sort().join(', ')}]`);
  }
  for (const [locale, info] of Object.entries(publishing?.locales ?? {})) {
    for (const field of ['name', 'summary', 'description'] as const) {
      if (!info[field]) problems.push(`skill.json: publishingInformation.locales.${locale}.${field} is missing`);
    }
    if (!manifest?.privacyAndCompliance?.locales?.[locale]?.privacyPolicyUrl) {
      problems.push(`skill.json: privacyAndCompliance.locales.${locale}.privacyPolicyUrl is missing`);
    }
  }
  if (!publishing?.category) problems.push('skill.json: publishingInformation.category is missing');
  if (publishing?.isAvailableWorldwide === false && (publishing.distributionCountries ?? []).length === 0) {
    problems.push('skill.json: distributionCountries is empty but the skill is not available worldwide');
  }
  const privacy = manifest?.privacyAndCompliance;
  for (const field of ['allowsPurchases', 'usesPersonalInfo', 'isChildDirected', 'isExportCompliant', 'containsAds'] as const) {
    if (typeof privacy?.[field] !== 'boolean') problems.push(`skill.json: privacyAndCompliance.${field} must be true or false`);
  }
  if (!manifest?.apis?.custom?.endpoint?.uri) problems.push('skill.json: apis.custom.endpoint.uri is missing');
  if (!(manifest?.events?.subscriptions ?? []).some((subscription) => subscription.eventName === 'SKILL_DISABLED')) {
    problems.push('skill.json: events.subscriptions must include SKILL_DISABLED (a shopper who disables the skill is forgotten)');
  }
  if (manifest?.events?.endpoint?.uri !== manifest?.apis?.custom?.endpoint?.uri) {
    problems.push('skill.json: events.endpoint.uri must be the custom skill endpoint, the function that handles the events');
  }
  for (const permission of manifest?.permissions ?? []) {
    if (!USED_PERMISSIONS.includes(permission.name ?? '')) problems.push(`skill.json: permission ${permission.name} is not used by the code`);
  }
  return problems;
}

/** ask-cli v2's project file: the skill package only; serverless deploys the code. */
export function askResourcesProblems(text: string): string[] {
  let config: {
    askcliResourcesVersion?: unknown;
    profiles?: Record<string, { skillMetadata?: { src?: unknown }; code?: unknown; skillInfrastructure?: unknown }>;
  };
  try {
    config = JSON.parse(text) as typeof config;
  } catch (error) {
    return [`ask-resources.json: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (config.askcliResourcesVersion !== '2020-03-31') problems.push('ask-resources.json: askcliResourcesVersion must be "2020-03-31"');
  const profile = config.profiles?.default;
  if (profile === undefined) return [...problems, 'ask-resources.json: profiles.default is missing'];
  if (profile.skillMetadata?.src !== './skill-package') problems.push('ask-resources.json: profiles.default.skillMetadata.src must be "./skill-package"');
  if (profile.code !== undefined || profile.skillInfrastructure !== undefined) {
    problems.push('ask-resources.json: code and skillInfrastructure belong to serverless, not ask-cli');
  }
  return problems;
}
