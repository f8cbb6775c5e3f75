import { yamlFile, type GeneratedFile } from './files';
import { GOOGLE, googleSlotType, isBuiltInSlotType, isGoogleCustomIntent } from './platforms';
import type { IntentDefinition, LocaleModel, Project, Source } from './schema';

/** Order numbers Google's training phrases are annotated with; Google reads digits fine. */
const NUMBER_EXAMPLES: readonly string[] = ['10452', '3318', '58217', '904', '21763'];

export const GOOGLE_ROOT = 'actions';

const webhook = { webhookHandler: GOOGLE.handler };

function localeDir(model: LocaleModel, project: Project): string {
  return model.google.locale === project.google.defaultLocale ? '' : `${model.google.locale}/`;
}

export function defaultGoogleLocale(source: Source): LocaleModel {
  const model = source.locales.find((candidate) => candidate.google.locale === source.project.google.defaultLocale);
  if (model === undefined) {
    throw new Error(`No locale file has google.locale ${source.project.google.defaultLocale} (project.yaml google.defaultLocale)`);
  }
  return model;
}

/** [[a1, a2], [b1]] → [a1, b1, a2]: consecutive examples come from different values. */
function interleave(lists: readonly (readonly string[])[]): string[] {
  const longest = Math.max(0, ...lists.map((list) => list.length));
  const result: string[] = [];
  for (let index = 0; index < longest; index += 1) {
    for (const list of lists) {
      const item = list[index];
      if (item !== undefined) result.push(item);
    }
  }
  return result;
}

/** The values a slot's annotations cycle through; apostrophes would end Google's quoted example early. */
export function slotExamples(model: LocaleModel, intentName: string, slotName: string): string[] {
  const slot = model.intents[intentName]?.slots[slotName];
  if (slot === undefined) return [];
  const candidates =
    slot.examples ??
    (slot.type === 'number'
      ? NUMBER_EXAMPLES
      : isBuiltInSlotType(slot.type)
        ? []
        : interleave(Object.values(model.types[slot.type]?.values ?? {})));
  return candidates.filter((example) => !example.includes("'"));
}

/** `when will my {item} arrive` → `when will my ($item 'sneakers' auto=false) arrive`. */
export function trainingPhrases(model: LocaleModel, intentName: string, intent: IntentDefinition): string[] {
  const used = new Map<string, number>();
  return intent.samples.map((sample) =>
    sample.replace(/\{(\w+)\}/g, (_match, slotName: string) => {
      const examples = slotExamples(model, intentName, slotName);
      const turn = used.get(slotName) ?? 0;
      used.set(slotName, turn + 1);
      const example = examples[turn % Math.max(examples.length, 1)];
      if (example === undefined) {
        throw new Error(`${model.locale} ${intentName}: slot ${slotName} has no example value for Google`);
      }
      return `($${slotName} '${example}' auto=false)`;
    }),
  );
}

function intentFiles(source: Source, defaults: LocaleModel): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const model of source.locales) {
    const dir = localeDir(model, source.project);
    for (const [name, intent] of Object.entries(model.intents)) {
      if (!isGoogleCustomIntent(intent)) continue;
      const phrases = { trainingPhrases: trainingPhrases(model, name, intent) };
      if (model !== defaults) {
        // Parameters are not localizable: the default locale's file declares them for every locale.
        files.push(yamlFile(`${GOOGLE_ROOT}/custom/intents/${dir}${name}.yaml`, phrases));
        continue;
      }
      const parameters = Object.entries(intent.slots).map(([slotName, slot]) => ({
        name: slotName,
        type: { name: googleSlotType(slot.type) },
      }));
      files.push(
        yamlFile(`${GOOGLE_ROOT}/custom/intents/${name}.yaml`, {
          ...(parameters.length > 0 ? { parameters } : {}),
          ...phrases,
        }),
      );
    }
  }
  return files;
}

function typeFiles(source: Source, defaults: LocaleModel): GeneratedFile[] {
  return source.locales.flatMap((model) =>
    Object.entries(model.types).map(([name, type]) => {
      const entities = Object.fromEntries(
        Object.entries(type.values).map(([id, synonyms]) => [id, { synonyms: [...synonyms] }]),
      );
      const synonym =
        model === defaults
          ? // Fuzzy matching lets "sneaker" find the value listed as "sneakers"; an open type also
            // passes on words it does not list ("the blender"), as Alexa does.
            { matchType: 'FUZZY_MATCH', ...(type.open ? { acceptUnknownValues: true } : {}), entities }
          : { entities };
      return yamlFile(`${GOOGLE_ROOT}/custom/types/${localeDir(model, source.project)}${name}.yaml`, { synonym });
    }),
  );
}

/** Google's names for the intents a shopper can trigger, and for silence: custom intent names and system intents. */
export function googleIntentEvents(defaults: LocaleModel): string[] {
  const custom = Object.entries(defaults.intents)
    .filter(([, intent]) => isGoogleCustomIntent(intent))
    .map(([name]) => name)
    .sort();
  const system = Object.values(defaults.intents).flatMap((intent) =>
    intent.google === 'actions.intent.CANCEL'
      ? [GOOGLE.cancelIntent]
      : intent.google === 'no-match'
        ? [...GOOGLE.noMatchIntents]
        : [],
  );
  return [...custom, ...[...system, ...GOOGLE.noInputIntents].sort()];
}

function transitionFor(intent: string): { transitionToScene?: string } {
  // Google ends the conversation after its cancel intent and the final silence; the project says so
  // rather than leave it to the webhook.
  return intent === GOOGLE.cancelIntent || intent === GOOGLE.finalNoInputIntent ? { transitionToScene: GOOGLE.endConversation } : {};
}

function globalFiles(defaults: LocaleModel): GeneratedFile[] {
  const main = yamlFile(`${GOOGLE_ROOT}/custom/global/${GOOGLE.mainIntent}.yaml`, {
    handler: webhook,
    transitionToScene: GOOGLE.conversationScene,
  });
  return [
    main,
    ...googleIntentEvents(defaults).map((intent) =>
      yamlFile(`${GOOGLE_ROOT}/custom/global/${intent}.yaml`, { handler: webhook, ...transitionFor(intent) }),
    ),
  ];
}

function sceneFiles(defaults: LocaleModel): GeneratedFile[] {
  const conversation = {
    intentEvents: googleIntentEvents(defaults).map((intent) => ({ handler: webhook, intent, ...transitionFor(intent) })),
  };
  const outcome = (status: string) => ({
    condition: `session.params.${GOOGLE.accountLinkingSlot} == "${status}"`,
    handler: webhook,
    transitionToScene: GOOGLE.conversationScene,
  });
  const accountLinking = {
    conditionalEvents: [
      {
        // Guests (no Voice Match) cannot link; the webhook explains and the conversation carries on.
        condition: 'user.verificationStatus != "VERIFIED"',
        handler: webhook,
        transitionToScene: GOOGLE.conversationScene,
      },
      { condition: 'user.verificationStatus == "VERIFIED"', transitionToScene: GOOGLE.accountLinkingSystemScene },
    ],
  };
  const accountLinkingSystem = {
    conditionalEvents: [outcome('LINKED'), outcome('REJECTED'), outcome('ERROR')],
    slots: [
      {
        commitBehavior: { writeSessionParam: GOOGLE.accountLinkingSlot },
        config: {
          '@type': 'type.googleapis.com/google.actions.conversation.v3.SignInSpec',
          opt_context: `$session.params.${GOOGLE.accountLinkingContextParam}`,
        },
        defaultValue: { sessionParam: GOOGLE.accountLinkingSlot },
        name: GOOGLE.accountLinkingSlot,
        required: true,
        type: { name: 'actions.type.AccountLinking' },
      },
    ],
  };
  const scenes = `${GOOGLE_ROOT}/custom/scenes`;
  return [
    yamlFile(`${scenes}/${GOOGLE.conversationScene}.yaml`, conversation),
    yamlFile(`${scenes}/${GOOGLE.accountLinkingScene}.yaml`, accountLinking),
    yamlFile(`${scenes}/${GOOGLE.accountLinkingSystemScene}.yaml`, accountLinkingSystem),
  ];
}

function localizedSettings(model: LocaleModel, project: Project) {
  return {
    developerEmail: project.google.developerEmail,
    developerName: project.google.developerName,
    displayName: model.google.displayName,
    fullDescription: model.google.fullDescription,
    privacyPolicyUrl: project.links.privacyPolicyUrl,
    pronunciation: model.google.pronunciation,
    sampleInvocations: [...model.google.sampleInvocations],
    shortDescription: model.google.shortDescription,
    smallLogoImage: project.google.smallLogoImage,
    termsOfServiceUrl: project.links.termsOfUseUrl,
    voice: project.google.voice,
  };
}

function settingsFiles(source: Source, defaults: LocaleModel): GeneratedFile[] {
  const { project } = source;
  const settings = {
    accountLinking: {
      // Google allows account creation by voice only with Google Sign-In; shoppers sign up on the store's site.
      enableAccountCreation: false,
      linkingType: 'OAUTH',
      authGrantType: 'AUTH_CODE',
      appClientId: project.accountLinking.clientId,
      authorizationUrl: project.accountLinking.authorizationUrl,
      tokenUrl: project.accountLinking.tokenUrl,
      scopes: [...project.accountLinking.scopes],
      useBasicAuthHeader: true,
    },
    category: project.google.category,
    defaultLocale: project.google.defaultLocale,
    localizedSettings: localizedSettings(defaults, project),
    projectId: project.google.projectId,
    testingInstructions: project.google.testingInstructions,
  };
  return [
    yamlFile(`${GOOGLE_ROOT}/settings/settings.yaml`, settings),
    ...source.locales
      .filter((model) => model !== defaults)
      .map((model) =>
        yamlFile(`${GOOGLE_ROOT}/settings/${model.google.locale}/settings.yaml`, {
          localizedSettings: localizedSettings(model, project),
        }),
      ),
  ];
}

export function googleFiles(source: Source): GeneratedFile[] {
  const defaults = defaultGoogleLocale(source);
  return [
    yamlFile(`${GOOGLE_ROOT}/manifest.yaml`, { version: '1.0' }),
    yamlFile(`${GOOGLE_ROOT}/actions/actions.yaml`, { custom: { [GOOGLE.mainIntent]: {} } }),
    yamlFile(`${GOOGLE_ROOT}/webhooks/${GOOGLE.webhook}.yaml`, {
      handlers: [{ name: GOOGLE.handler }],
      httpsEndpoint: { baseUrl: source.project.google.webhookUrl },
    }),
    ...settingsFiles(source, defaults),
    ...globalFiles(defaults),
    ...sceneFiles(defaults),
    ...intentFiles(source, defaults),
    ...typeFiles(source, defaults),
  ];
}
