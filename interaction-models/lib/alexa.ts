import type { v1 } from 'ask-smapi-model';
import { jsonFile, type GeneratedFile } from './files';
import { ALEXA_REQUIRED_BUILT_INS, alexaIntentName, alexaSlotType } from './platforms';
import type { LocaleModel, Project, Source } from './schema';

type InteractionModelData = v1.skill.interactionModel.InteractionModelData;
type AlexaIntent = v1.skill.interactionModel.Intent;
type SkillManifestEnvelope = v1.skill.Manifest.SkillManifestEnvelope;
type AccountLinkingRequest = v1.skill.accountLinking.AccountLinkingRequest;

export const ALEXA_PATHS = {
  skillManifest: 'skill-package/skill.json',
  interactionModel: (locale: string) => `skill-package/interactionModels/custom/${locale}.json`,
  accountLinking: 'account-linking/accountLinking.json',
} as const;

/**
 * The skill's icons, drawn by `npm run icons` (tools/icons/) into the skill package, where
 * `ask deploy` uploads them from: the two sizes the skill store shows.
 */
export const ALEXA_ICONS = {
  small: { size: 108, file: 'skill-package/assets/images/icon-108.png' },
  large: { size: 512, file: 'skill-package/assets/images/icon-512.png' },
} as const;

/** How skill.json names a file of the skill package: `file://` and its path inside skill-package/. */
export function packageFileUri(file: string): string {
  return `file://${file.replace(/^skill-package\//, '')}`;
}

/** Kept out of every committed file; whoever runs `ask smapi update-account-linking-info` fills it in. */
export const CLIENT_SECRET_PLACEHOLDER = '<client-secret>';

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byKey = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function alexaInteractionModel(model: LocaleModel): InteractionModelData {
  const intents: AlexaIntent[] = Object.entries(model.intents).map(([name, intent]) => {
    const slots = Object.entries(intent.slots).map(([slotName, slot]) => ({
      name: slotName,
      type: alexaSlotType(slot.type),
    }));
    return {
      name: alexaIntentName(name, intent),
      ...(slots.length > 0 ? { slots } : {}),
      samples: [...intent.samples],
    };
  });
  for (const name of ALEXA_REQUIRED_BUILT_INS) {
    if (!intents.some((intent) => intent.name === name)) intents.push({ name, samples: [] });
  }

  const types = byKey(Object.entries(model.types)).map(([name, type]) => ({
    name,
    values: byKey(Object.entries(type.values)).map(([id, [value, ...synonyms]]) => ({
      id,
      name: { value: value ?? id, synonyms },
    })),
  }));

  return {
    interactionModel: {
      languageModel: {
        invocationName: model.invocationName,
        modelConfiguration: { fallbackIntentSensitivity: { level: model.fallbackIntentSensitivity } },
        intents: intents.sort(byName),
        types,
      },
    },
  };
}

export function alexaSkillManifest(source: Source): SkillManifestEnvelope {
  const { project, locales } = source;
  const publishing = Object.fromEntries(
    locales.map((model) => [
      model.locale,
      {
        name: model.alexa.name,
        summary: model.alexa.summary,
        description: model.alexa.description,
        examplePhrases: [...model.alexa.examplePhrases],
        keywords: [...model.alexa.keywords],
        smallIconUri: packageFileUri(ALEXA_ICONS.small.file),
        largeIconUri: packageFileUri(ALEXA_ICONS.large.file),
      },
    ]),
  );
  const privacyLocales = Object.fromEntries(
    locales.map((model) => [
      model.locale,
      { privacyPolicyUrl: project.links.privacyPolicyUrl, termsOfUseUrl: project.links.termsOfUseUrl },
    ]),
  );
  return {
    manifest: {
      manifestVersion: '1.0',
      publishingInformation: {
        locales: publishing,
        isAvailableWorldwide: false,
        distributionCountries: [...project.alexa.distributionCountries].sort() as v1.skill.Manifest.DistributionCountries[],
        distributionMode: 'PUBLIC',
        category: project.alexa.category,
        testingInstructions: project.alexa.testingInstructions,
      },
      privacyAndCompliance: { ...project.alexa.privacy, locales: privacyLocales },
      // Skill personalization: a recognised speaker's own linked account, and who may hear order
      // details on a shared device (lambda/household/); notifications of order status (lambda/events/).
      permissions: [{ name: 'alexa::person_id:read' }, { name: 'alexa::devices:all:notifications:write' }],
      apis: {
        custom: {
          endpoint: { uri: project.alexa.endpointUri },
          interfaces: [],
        },
      },
      // When a shopper disables the skill, Alexa tells the same function, which forgets what the
      // skill kept from their voice (lambda/platforms/alexa.ts); and when they subscribe to order
      // notifications or withdraw the permission (lambda/platforms/alexa-proactive/skill-events.ts).
      // The skill publishes one proactive event, its orders' progress (lambda/events/).
      events: {
        endpoint: { uri: project.alexa.endpointUri },
        subscriptions: [
          { eventName: 'SKILL_DISABLED' },
          { eventName: 'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED' },
          { eventName: 'SKILL_PERMISSION_ACCEPTED' },
          { eventName: 'SKILL_PERMISSION_CHANGED' },
        ],
        publications: [{ eventName: 'AMAZON.OrderStatus.Updated' }],
      },
    },
  };
}

/** The body `ask smapi update-account-linking-info --account-linking-request file:…` takes. */
export function alexaAccountLinking(project: Project): AccountLinkingRequest {
  const linking = project.accountLinking;
  return {
    accountLinkingRequest: {
      type: 'AUTH_CODE',
      authorizationUrl: linking.authorizationUrl,
      domains: [...linking.domains],
      clientId: linking.clientId,
      scopes: [...linking.scopes],
      accessTokenUrl: linking.tokenUrl,
      clientSecret: CLIENT_SECRET_PLACEHOLDER,
      accessTokenScheme: 'HTTP_BASIC',
      defaultTokenExpirationInSeconds: 3600,
      // Shoppers can browse and search before linking; the flows ask for linking when they need it.
      skipOnEnablement: true,
    },
  };
}

export function alexaFiles(source: Source): GeneratedFile[] {
  return [
    jsonFile(ALEXA_PATHS.skillManifest, alexaSkillManifest(source)),
    jsonFile(ALEXA_PATHS.accountLinking, alexaAccountLinking(source.project)),
    ...source.locales.map((model) => jsonFile(ALEXA_PATHS.interactionModel(model.locale), alexaInteractionModel(model))),
  ];
}
