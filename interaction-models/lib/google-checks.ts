import { parse } from 'yaml';
import { GOOGLE, GOOGLE_SYSTEM_INTENTS } from './platforms';
import { ROUTER_CONTRACT, type Contract } from './source-checks';

/**
 * Actions Builder's rules, checked on the project `gactions push` uploads: file layout, required
 * fields, and that every intent, type, scene and webhook handler referenced exists. Files are keyed
 * by their path inside the project (`custom/intents/OrderStatusIntent.yaml`).
 */

const SYSTEM_INTENTS = new Set([
  'actions.intent.MAIN',
  'actions.intent.CANCEL',
  'actions.intent.NO_MATCH_1',
  'actions.intent.NO_MATCH_2',
  'actions.intent.NO_MATCH_FINAL',
  'actions.intent.NO_INPUT_1',
  'actions.intent.NO_INPUT_2',
  'actions.intent.NO_INPUT_FINAL',
]);
const SYSTEM_TYPES = new Set([
  'actions.type.Number',
  'actions.type.FreeText',
  'actions.type.AccountLinking',
  'actions.type.DateTime',
  'actions.type.Date',
  'actions.type.Time',
]);
const SYSTEM_SCENES = new Set(['actions.scene.END_CONVERSATION']);
const LINKING_TYPES = ['GOOGLE_SIGN_IN', 'OAUTH_AND_GOOGLE_SIGN_IN', 'OAUTH'];
/** The directory category this project must be listed in. */
const CATEGORY = 'SHOPPING';
const REQUIRED_LOCALIZED_SETTINGS = [
  'displayName',
  'pronunciation',
  'shortDescription',
  'fullDescription',
  'smallLogoImage',
  'developerName',
  'developerEmail',
  'privacyPolicyUrl',
  'voice',
];
/** `($param 'example' auto=false)` inside a training phrase. */
const ANNOTATION = /\(\$(\w+) '([^']*)'(?: auto=(?:true|false))?\)/g;

const LANG = '[a-z]{2}(?:-[A-Z]{2}|-419)?';
const NAME = '[A-Za-z][\\w.]*';
/** The paths gactions accepts (google/actions/sdk/v2/config_file.proto). */
const ALLOWED_PATHS = [
  '^manifest\\.yaml$',
  `^settings/(?:${LANG}/)?settings\\.yaml$`,
  '^settings/accountLinkingSecret\\.yaml$',
  `^actions/(?:${LANG}/)?actions\\.yaml$`,
  `^webhooks/${NAME}\\.yaml$`,
  `^custom/intents/(?:${LANG}/)?${NAME}\\.yaml$`,
  `^custom/types/(?:${LANG}/)?${NAME}\\.yaml$`,
  `^custom/prompts/(?:${LANG}/)?${NAME}\\.yaml$`,
  `^custom/global/${NAME}\\.yaml$`,
  `^custom/scenes/${NAME}\\.yaml$`,
  '^resources/.+',
].map((pattern) => new RegExp(pattern));

type Yaml = Record<string, unknown>;

function isRecord(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Yaml {
  return isRecord(value) ? value : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.yaml'.length);
}

interface Project {
  /** The parsed YAML files; a file that does not parse is reported once and left out. */
  readonly docs: Map<string, Yaml>;
  /** Every path, parsed or not, so one broken file does not make everything referring to it dangle. */
  readonly paths: readonly string[];
  readonly problems: string[];
}

function parseProject(files: ReadonlyMap<string, string>): Project {
  const docs = new Map<string, Yaml>();
  const problems: string[] = [];
  for (const [path, text] of files) {
    if (!ALLOWED_PATHS.some((pattern) => pattern.test(path))) problems.push(`${path}: not a path gactions accepts`);
    if (!path.endsWith('.yaml')) continue;
    let doc: unknown;
    try {
      doc = parse(text, { uniqueKeys: true });
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
      continue;
    }
    if (doc === null || doc === undefined) doc = {};
    if (!isRecord(doc)) problems.push(`${path}: must be a YAML mapping`);
    else docs.set(path, doc);
  }
  return { docs, paths: [...files.keys()], problems };
}

/** Locale folders used anywhere in the project (`de`, `fr`), sorted. */
function localeFolders(docs: Map<string, Yaml>): string[] {
  const folders = new Set<string>();
  const pattern = new RegExp(`^(?:settings|actions|custom/intents|custom/types|custom/prompts)/(${LANG})/`);
  for (const path of docs.keys()) {
    const folder = pattern.exec(path)?.[1];
    if (folder !== undefined) folders.add(folder);
  }
  return [...folders].sort();
}

function settingsProblems(docs: Map<string, Yaml>, locales: string[]): string[] {
  const problems: string[] = [];
  const settings = docs.get('settings/settings.yaml');
  if (settings === undefined) return ['settings/settings.yaml is missing'];
  for (const field of ['projectId', 'defaultLocale', 'category']) {
    if (typeof settings[field] !== 'string' || settings[field] === '') problems.push(`settings/settings.yaml: ${field} is missing`);
  }
  if (settings.category !== CATEGORY) problems.push(`settings/settings.yaml: category must be ${CATEGORY}`);
  if (locales.includes(String(settings.defaultLocale))) {
    problems.push(`settings/settings.yaml: the default locale ${String(settings.defaultLocale)} must not also have a locale folder`);
  }
  const required = (path: string, localized: Yaml) => {
    for (const field of REQUIRED_LOCALIZED_SETTINGS) {
      if (typeof localized[field] !== 'string' || localized[field] === '') problems.push(`${path}: localizedSettings.${field} is missing`);
    }
  };
  required('settings/settings.yaml', asRecord(settings.localizedSettings));
  const linking = asRecord(settings.accountLinking);
  if (!LINKING_TYPES.includes(String(linking.linkingType))) problems.push('settings/settings.yaml: accountLinking.linkingType is missing');
  if (typeof linking.enableAccountCreation !== 'boolean') problems.push('settings/settings.yaml: accountLinking.enableAccountCreation is missing');
  if (linking.linkingType === 'OAUTH') {
    if (linking.enableAccountCreation === true) problems.push('settings/settings.yaml: OAUTH linking cannot enable account creation by voice');
    if (linking.authGrantType !== 'AUTH_CODE' && linking.authGrantType !== 'IMPLICIT') {
      problems.push('settings/settings.yaml: accountLinking.authGrantType must be AUTH_CODE or IMPLICIT');
    }
    const urls = linking.authGrantType === 'AUTH_CODE' ? ['authorizationUrl', 'tokenUrl'] : ['authorizationUrl'];
    for (const field of ['appClientId', ...urls]) {
      if (typeof linking[field] !== 'string' || linking[field] === '') problems.push(`settings/settings.yaml: accountLinking.${field} is missing`);
    }
  }
  for (const locale of locales) {
    const path = `settings/${locale}/settings.yaml`;
    const localized = docs.get(path);
    if (localized === undefined) {
      problems.push(`${path} is missing (locale ${locale} has intents or types)`);
      continue;
    }
    const extra = Object.keys(localized).filter((key) => key !== 'localizedSettings');
    if (extra.length > 0) problems.push(`${path}: only localizedSettings may be localized, not ${extra.join(', ')}`);
    required(path, asRecord(localized.localizedSettings));
  }
  return problems;
}

/** Names of the custom intents and types the default locale defines. */
function defaults(paths: readonly string[], dir: 'custom/intents' | 'custom/types'): Set<string> {
  const pattern = new RegExp(`^${dir}/(${NAME})\\.yaml$`);
  return new Set(paths.flatMap((path) => pattern.exec(path)?.[1] ?? []));
}

function intentProblems(project: Project, locales: string[], types: Set<string>): string[] {
  const { docs, paths } = project;
  const problems: string[] = [];
  const intents = defaults(paths, 'custom/intents');
  const parametersOf = new Map<string, Set<string>>();
  for (const intent of intents) {
    const path = `custom/intents/${intent}.yaml`;
    const doc = asRecord(docs.get(path));
    const names = new Set<string>();
    for (const parameter of asArray(doc.parameters)) {
      const { name, type } = asRecord(parameter);
      const typeName = asRecord(type).name;
      if (typeof name !== 'string' || name === '') problems.push(`${path}: a parameter has no name`);
      else names.add(name);
      if (typeof typeName !== 'string' || (!types.has(typeName) && !SYSTEM_TYPES.has(typeName))) {
        problems.push(`${path}: parameter ${String(name)} has type ${String(typeName)}, which does not exist`);
      }
    }
    parametersOf.set(intent, names);
  }
  for (const [path, doc] of docs) {
    const match = new RegExp(`^custom/intents/(?:(${LANG})/)?(${NAME})\\.yaml$`).exec(path);
    if (match === null) continue;
    const [, locale, intent = ''] = match;
    const phrases = asArray(doc.trainingPhrases);
    if (phrases.length === 0) problems.push(`${path}: trainingPhrases is empty`);
    if (locale !== undefined) {
      if (!intents.has(intent)) problems.push(`${path}: ${intent} has no default-locale file custom/intents/${intent}.yaml`);
      const extra = Object.keys(doc).filter((key) => key !== 'trainingPhrases');
      if (extra.length > 0) problems.push(`${path}: only trainingPhrases may be localized, not ${extra.join(', ')}`);
    }
    const declared = parametersOf.get(intent) ?? new Set<string>();
    for (const phrase of phrases) {
      if (typeof phrase !== 'string' || phrase.trim() === '') {
        problems.push(`${path}: a training phrase is empty`);
        continue;
      }
      for (const annotation of phrase.matchAll(ANNOTATION)) {
        if (!declared.has(annotation[1] ?? '')) problems.push(`${path}: "${phrase}" annotates $${annotation[1]}, which is not a parameter`);
      }
      const stray = phrase.replace(ANNOTATION, '');
      if (/\(\$|\{\w+\}/.test(stray)) problems.push(`${path}: "${phrase}" has a malformed parameter annotation`);
    }
  }
  for (const locale of locales) {
    for (const intent of intents) {
      if (!paths.includes(`custom/intents/${locale}/${intent}.yaml`)) problems.push(`custom/intents/${locale}/${intent}.yaml is missing`);
    }
  }
  return problems;
}

/** Google resolves a synonym to one entity: listed under two, it resolves to either. */
function sharedSynonymProblems(path: string, entities: Record<string, unknown>): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const [id, entity] of Object.entries(entities)) {
    for (const synonym of asArray(asRecord(entity).synonyms)) {
      const key = String(synonym).toLowerCase();
      const first = owner.get(key);
      if (first !== undefined && first !== id) problems.push(`${path}: "${String(synonym)}" is a synonym of both ${first} and ${id}`);
      else owner.set(key, id);
    }
  }
  return problems;
}

function typeProblems(docs: Map<string, Yaml>, locales: string[], types: Set<string>): string[] {
  const problems: string[] = [];
  const entitiesOf = (doc: Yaml) => asRecord(asRecord(doc.synonym).entities);
  for (const type of types) {
    const path = `custom/types/${type}.yaml`;
    const doc = asRecord(docs.get(path));
    const kinds = ['synonym', 'regularExpression', 'freeText'].filter((kind) => kind in doc);
    if (kinds.length !== 1) problems.push(`${path}: needs exactly one of synonym, regularExpression or freeText`);
    const synonym = asRecord(doc.synonym);
    if ('synonym' in doc) {
      if (synonym.matchType !== undefined && !['EXACT_MATCH', 'FUZZY_MATCH'].includes(String(synonym.matchType))) {
        problems.push(`${path}: synonym.matchType must be EXACT_MATCH or FUZZY_MATCH`);
      }
      if (Object.keys(entitiesOf(doc)).length === 0) problems.push(`${path}: synonym.entities is empty`);
    }
    for (const [id, entity] of Object.entries(entitiesOf(doc))) {
      if (asArray(asRecord(entity).synonyms).length === 0) problems.push(`${path}: entity ${id} has no synonyms`);
    }
    problems.push(...sharedSynonymProblems(path, entitiesOf(doc)));
    for (const locale of locales) {
      const localizedPath = `custom/types/${locale}/${type}.yaml`;
      const localized = docs.get(localizedPath);
      if (localized === undefined) {
        if ('synonym' in doc) problems.push(`${localizedPath} is missing`);
        continue;
      }
      problems.push(...sharedSynonymProblems(localizedPath, entitiesOf(localized)));
      const expected = Object.keys(entitiesOf(doc)).sort().join();
      const actual = Object.keys(entitiesOf(localized)).sort().join();
      if (expected !== actual) problems.push(`${localizedPath}: entities [${actual}] differ from the default locale's [${expected}]`);
      const extra = Object.keys(asRecord(localized.synonym)).filter((key) => key !== 'entities');
      if (extra.length > 0 || Object.keys(localized).some((key) => key !== 'synonym')) {
        problems.push(`${localizedPath}: only synonym.entities may be localized`);
      }
    }
  }
  for (const path of docs.keys()) {
    const match = new RegExp(`^custom/types/${LANG}/(${NAME})\\.yaml$`).exec(path);
    if (match !== null && !types.has(match[1] ?? '')) problems.push(`${path}: has no default-locale file`);
  }
  return problems;
}

interface Handler {
  readonly where: string;
  readonly handler: unknown;
  readonly transitionToScene: unknown;
}

/** Every event handler and transition in global intents and scenes. */
function eventsOf(docs: Map<string, Yaml>): {
  handlers: Handler[];
  intents: { where: string; intent: string }[];
  problems: string[];
} {
  const handlers: Handler[] = [];
  const intents: { where: string; intent: string }[] = [];
  const problems: string[] = [];
  for (const [path, doc] of docs) {
    if (path.startsWith('custom/global/')) {
      handlers.push({ where: path, handler: doc.handler, transitionToScene: doc.transitionToScene });
      intents.push({ where: path, intent: fileName(path) });
    }
    if (!path.startsWith('custom/scenes/')) continue;
    if (doc.onEnter !== undefined) handlers.push({ where: `${path} onEnter`, handler: doc.onEnter, transitionToScene: undefined });
    for (const [index, event] of asArray(doc.intentEvents).entries()) {
      const { intent, handler, transitionToScene } = asRecord(event);
      handlers.push({ where: `${path} intentEvents[${index}]`, handler, transitionToScene });
      intents.push({ where: `${path} intentEvents[${index}]`, intent: String(intent) });
    }
    for (const [index, event] of asArray(doc.conditionalEvents).entries()) {
      const { condition, handler, transitionToScene } = asRecord(event);
      if (typeof condition !== 'string' || condition === '') problems.push(`${path}: conditionalEvents[${index}] has no condition`);
      handlers.push({ where: `${path} conditionalEvents[${index}]`, handler, transitionToScene });
    }
  }
  return { handlers, intents, problems };
}

function referenceProblems(project: Project, types: Set<string>): string[] {
  const { docs, paths } = project;
  const found: string[] = [];
  const customIntents = defaults(paths, 'custom/intents');
  const scenes = new Set(paths.filter((path) => path.startsWith('custom/scenes/')).map(fileName));
  const webhookHandlers = new Set<string>();
  for (const [path, doc] of docs) {
    if (!path.startsWith('webhooks/')) continue;
    const names = asArray(doc.handlers).map((handler) => asRecord(handler).name);
    if (names.length === 0) found.push(`${path}: handlers is empty`);
    for (const name of names) if (typeof name === 'string') webhookHandlers.add(name);
    const endpoint = asRecord(doc.httpsEndpoint).baseUrl;
    const inline = asRecord(doc.inlineCloudFunction).executeFunction;
    if (typeof endpoint === 'string' ? !endpoint.startsWith('https://') : typeof inline !== 'string') {
      found.push(`${path}: needs httpsEndpoint.baseUrl (https) or inlineCloudFunction`);
    }
  }
  const { handlers, intents, problems: eventProblems } = eventsOf(docs);
  found.push(...eventProblems);
  for (const { where, handler, transitionToScene } of handlers) {
    const webhook = asRecord(handler).webhookHandler;
    if (webhook !== undefined && (typeof webhook !== 'string' || !webhookHandlers.has(webhook))) {
      found.push(`${where}: webhook handler ${String(webhook)} is not declared in webhooks/`);
    }
    if (transitionToScene !== undefined && !scenes.has(String(transitionToScene)) && !SYSTEM_SCENES.has(String(transitionToScene))) {
      found.push(`${where}: scene ${String(transitionToScene)} does not exist`);
    }
    if (handler === undefined && transitionToScene === undefined) found.push(`${where}: neither handles the event nor transitions`);
  }
  for (const { where, intent } of intents) {
    if (!customIntents.has(intent) && !SYSTEM_INTENTS.has(intent)) found.push(`${where}: intent ${intent} does not exist`);
  }
  const reachable = new Set(intents.map(({ intent }) => intent));
  for (const intent of customIntents) {
    if (!reachable.has(intent)) found.push(`custom/intents/${intent}.yaml: no global intent or scene event handles it`);
  }
  for (const [path, doc] of docs) {
    if (!path.startsWith('custom/scenes/')) continue;
    for (const slot of asArray(doc.slots)) {
      const type = asRecord(asRecord(slot).type).name;
      if (typeof type !== 'string' || (!types.has(type) && !SYSTEM_TYPES.has(type))) found.push(`${path}: slot type ${String(type)} does not exist`);
    }
  }
  for (const [path, doc] of docs) {
    if (!/^actions\/(?:[^/]+\/)?actions\.yaml$/.test(path)) continue;
    for (const intent of Object.keys(asRecord(doc.custom))) {
      if (!paths.includes(`custom/global/${intent}.yaml`)) found.push(`${path}: ${intent} has no custom/global/${intent}.yaml`);
    }
  }
  return found;
}

/** Layout, required fields and references of an Actions Builder project. */
export function googleProjectProblems(files: ReadonlyMap<string, string>): string[] {
  const project = parseProject(files);
  const { docs, paths, problems: found } = project;
  const manifest = docs.get('manifest.yaml');
  if (manifest === undefined) found.push('manifest.yaml is missing');
  else if (manifest.version !== '1.0') found.push('manifest.yaml: version must be "1.0"');
  const locales = localeFolders(docs);
  const types = defaults(paths, 'custom/types');
  return [
    ...found,
    ...settingsProblems(docs, locales),
    ...intentProblems(project, locales, types),
    ...typeProblems(docs, locales, types),
    ...referenceProblems(project, types),
  ];
}

/** What the Google adapter relies on: the router's intents, slot names, scenes and the one handler. */
export function googleContractProblems(files: ReadonlyMap<string, string>, contract: Contract = ROUTER_CONTRACT): string[] {
  const { docs, paths } = parseProject(files);
  const found: string[] = [];
  const customIntents = defaults(paths, 'custom/intents');
  for (const intent of customIntents) {
    if (!contract.intents.includes(intent)) found.push(`custom/intents/${intent}.yaml: the router has no ${intent}`);
  }
  for (const intent of contract.intents) {
    const system = GOOGLE_SYSTEM_INTENTS[intent];
    const needed =
      system === undefined ? [intent] : system === 'no-match' ? [...GOOGLE.noMatchIntents] : [system];
    for (const name of needed) {
      if (!paths.includes(`custom/global/${name}.yaml`)) found.push(`the router's ${intent} needs custom/global/${name}.yaml`);
    }
    if (system !== undefined) continue;
    const doc = docs.get(`custom/intents/${intent}.yaml`);
    if (doc === undefined) {
      found.push(`the router's ${intent} needs custom/intents/${intent}.yaml`);
      continue;
    }
    const parameters = asArray(doc.parameters).map((parameter) => String(asRecord(parameter).name)).sort();
    const expected = [...(contract.slots[intent] ?? [])].sort();
    if (parameters.join() !== expected.join()) {
      found.push(`custom/intents/${intent}.yaml: parameters [${parameters.join(', ')}], the router expects [${expected.join(', ')}]`);
    }
  }
  // Silence is no intent of the router's, but the adapter answers it: each no-input event needs its handler.
  for (const name of GOOGLE.noInputIntents) {
    if (!paths.includes(`custom/global/${name}.yaml`)) found.push(`silence (${name}) needs custom/global/${name}.yaml`);
  }
  const allHandlers = eventsOf(docs).handlers;
  for (const { where, handler } of allHandlers) {
    const webhook = asRecord(handler).webhookHandler;
    if (webhook !== undefined && webhook !== GOOGLE.handler) found.push(`${where}: calls ${String(webhook)}, not ${GOOGLE.handler}`);
  }
  const main = docs.get(`custom/global/${GOOGLE.mainIntent}.yaml`);
  if (main === undefined) found.push(`custom/global/${GOOGLE.mainIntent}.yaml is missing`);
  else if (main.transitionToScene !== GOOGLE.conversationScene) found.push(`${GOOGLE.mainIntent} must start in ${GOOGLE.conversationScene}`);
  for (const scene of [GOOGLE.conversationScene, GOOGLE.accountLinkingScene, GOOGLE.accountLinkingSystemScene]) {
    if (!docs.has(`custom/scenes/${scene}.yaml`)) found.push(`custom/scenes/${scene}.yaml is missing`);
  }
  const linking = docs.get(`custom/scenes/${GOOGLE.accountLinkingScene}.yaml`);
  const transitions = asArray(linking?.conditionalEvents).map((event) => asRecord(event).transitionToScene);
  if (!transitions.includes(GOOGLE.accountLinkingSystemScene)) {
    found.push(`${GOOGLE.accountLinkingScene} must transition verified users to ${GOOGLE.accountLinkingSystemScene}`);
  }
  const system = docs.get(`custom/scenes/${GOOGLE.accountLinkingSystemScene}.yaml`);
  const conditions = asArray(system?.conditionalEvents).map((event) => String(asRecord(event).condition));
  for (const status of ['LINKED', 'REJECTED', 'ERROR']) {
    if (!conditions.some((condition) => condition.includes(`"${status}"`))) {
      found.push(`${GOOGLE.accountLinkingSystemScene} does not handle the ${status} outcome`);
    }
  }
  const slotTypes = asArray(system?.slots).map((slot) => asRecord(asRecord(slot).type).name);
  if (!slotTypes.includes('actions.type.AccountLinking')) {
    found.push(`${GOOGLE.accountLinkingSystemScene} needs a slot of type actions.type.AccountLinking`);
  }
  return found;
}
