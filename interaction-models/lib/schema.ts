import { z } from 'zod';

/**
 * The shape of the language-model source: `project.yaml` (settings shared by every language) and
 * `lambda/languages/<locale>/model.yaml` (everything a shopper can say in one language). Every file is validated
 * here before anything is generated, so a typo fails with a path to the mistake.
 */

/** Alexa: letters and underscores, starting with a letter. Google accepts the same. */
const IntentNameSchema = z.string().regex(/^[A-Za-z][A-Za-z_]*$/, 'letters and underscores only');
const SlotNameSchema = z.string().regex(/^[a-z][A-Za-z]*$/, 'camelCase letters only');
const CustomTypeNameSchema = z.string().regex(/^[A-Z][A-Za-z]*$/, 'PascalCase letters only');
/** Value ids are what the code sees (the catalog's category ids), so they stay plain. */
const ValueIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens');
const PhraseSchema = z.string().trim().min(1);
const HttpsUrlSchema = z.string().regex(/^https:\/\/\S+$/, 'an https:// URL');

/** Slot types every platform has built in, named neutrally; custom types are declared per locale. */
export const BUILT_IN_SLOT_TYPES = ['number', 'search-query', 'date', 'four-digit-number'] as const;
export type BuiltInSlotType = (typeof BUILT_IN_SLOT_TYPES)[number];

const SlotTypeRefSchema = z
  .string()
  .refine(
    (type) => (BUILT_IN_SLOT_TYPES as readonly string[]).includes(type) || CustomTypeNameSchema.safeParse(type).success,
    `${BUILT_IN_SLOT_TYPES.join(', ')} or a custom type name in PascalCase`,
  );

/** A slot is its type (`item: ShoppingItem`), or an object when it needs example values too. */
const SlotSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { type: value } : value),
  z.strictObject({
    type: SlotTypeRefSchema,
    /** Values Google's training phrases are annotated with; needed where the type has no values of its own. */
    examples: z.array(PhraseSchema).min(1).optional(),
  }),
);
export type SlotDefinition = z.output<typeof SlotSchema>;

export const ALEXA_FALLBACK_SENSITIVITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
/** Google intents that are system intents rather than custom ones. */
export const GOOGLE_SYSTEM_MAPPINGS = ['actions.intent.CANCEL', 'no-match'] as const;

const IntentSchema = z.strictObject({
  /** The Alexa built-in intent this intent is on Alexa (`AMAZON.HelpIntent`); absent for custom intents. */
  alexa: z
    .string()
    .regex(/^AMAZON\.[A-Za-z]+Intent$/, 'an Alexa built-in intent such as AMAZON.HelpIntent')
    .optional(),
  /** The Google system intent this intent is on Google; absent for custom intents. */
  google: z.enum(GOOGLE_SYSTEM_MAPPINGS).optional(),
  slots: z.record(SlotNameSchema, SlotSchema).default({}),
  samples: z.array(PhraseSchema).default([]),
});
export type IntentDefinition = z.output<typeof IntentSchema>;

/** What a type's values can be filled with from the store's catalog (see catalog-types.ts). */
export const CATALOG_FILLS = ['items', 'attributes', 'sizes'] as const;
export type CatalogFill = (typeof CATALOG_FILLS)[number];

/** `id: [name, synonym, …]` — the first entry is the value's canonical name. */
const TypeSchema = z.strictObject({
  /**
   * `items`: one value per catalog category (the id is the category id), named by the category's
   * words, product types and spoken names; `attributes`: the values of the catalog's search
   * attributes; `sizes`: the catalog's sizes (its `size` option), lettered ones with their spelled
   * and spoken forms. Filled when models are generated; `values` adds words the catalog does not have.
   */
  catalog: z.enum(CATALOG_FILLS).optional(),
  /** Words outside the list still reach the code as said: Alexa always does this, Google when told to. */
  open: z.boolean().default(false),
  values: z.record(ValueIdSchema, z.array(PhraseSchema).min(1)).default({}),
});
export type TypeDefinition = z.output<typeof TypeSchema>;

export const LocaleModelSchema = z.strictObject({
  locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/, 'a locale such as en-US'),
  invocationName: PhraseSchema,
  fallbackIntentSensitivity: z.enum(ALEXA_FALLBACK_SENSITIVITIES),
  alexa: z.strictObject({
    name: PhraseSchema,
    summary: PhraseSchema.max(160),
    description: PhraseSchema.max(4000),
    /** At most three; each must be a real sample utterance said with the invocation name. */
    examplePhrases: z.array(PhraseSchema).min(1).max(3),
    keywords: z.array(PhraseSchema).max(30).default([]),
    /** Words shoppers say before the invocation name ("ask", "open"), to check the example phrases. */
    launchWords: z.array(PhraseSchema).min(1),
    /** Words allowed between the invocation name and the request ("to", "for"). */
    connectorWords: z.array(PhraseSchema).default([]),
  }),
  google: z.strictObject({
    /** The Actions Builder locale code: `en`, `de`, `fr`, … — also the folder name for non-default locales. */
    locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2}|-419)?$/),
    displayName: PhraseSchema,
    pronunciation: PhraseSchema,
    shortDescription: PhraseSchema.max(80),
    fullDescription: PhraseSchema.max(4000),
    sampleInvocations: z.array(PhraseSchema).max(5).default([]),
  }),
  types: z.record(CustomTypeNameSchema, TypeSchema).default({}),
  intents: z.record(IntentNameSchema, IntentSchema),
});
export type LocaleModel = z.output<typeof LocaleModelSchema>;

export const ProjectSchema = z.strictObject({
  /** The store's catalog, which fills the types marked `catalog:` in the locale files. */
  catalog: z
    .strictObject({
      /** A catalog exported as JSON (see catalog-source.ts), relative to this folder; the embedded demo catalog otherwise. */
      file: z.string().min(1).optional(),
      /** The attributes shoppers search by ("waterproof", "for hiking", "in blue"): their values fill `catalog: attributes` types. */
      searchAttributes: z.array(z.string().min(1)).default([]),
    })
    .default({ searchAttributes: [] }),
  links: z.strictObject({
    privacyPolicyUrl: HttpsUrlSchema,
    termsOfUseUrl: HttpsUrlSchema,
  }),
  accountLinking: z.strictObject({
    authorizationUrl: z.string().min(1),
    tokenUrl: z.string().min(1),
    clientId: z.string().min(1),
    scopes: z.array(z.string().min(1)).min(1),
    /** Domains the authorization page loads content from (Alexa only). */
    domains: z.array(z.string().min(1)).default([]),
  }),
  alexa: z.strictObject({
    category: z.string().regex(/^[A-Z_]+$/),
    /** Replaced by the deploy step with the Lambda ARN serverless prints. */
    endpointUri: z.string().min(1),
    distributionCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
    testingInstructions: PhraseSchema,
    privacy: z.strictObject({
      allowsPurchases: z.boolean(),
      usesPersonalInfo: z.boolean(),
      isChildDirected: z.boolean(),
      isExportCompliant: z.boolean(),
      containsAds: z.boolean(),
    }),
  }),
  google: z.strictObject({
    projectId: z.string().min(1),
    category: z.string().regex(/^[A-Z_]+$/),
    /** The Actions Builder locale whose files sit at the root of custom/intents and custom/types. */
    defaultLocale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
    webhookUrl: z.string().min(1),
    developerName: PhraseSchema,
    developerEmail: z.string().includes('@'),
    smallLogoImage: z.string().min(1),
    voice: z.enum(['male_1', 'male_2', 'female_1', 'female_2']),
    testingInstructions: PhraseSchema,
  }),
});
export type Project = z.output<typeof ProjectSchema>;

/** Everything the generator reads, validated. Locales are sorted by code. */
export interface Source {
  readonly project: Project;
  readonly locales: readonly LocaleModel[];
}
