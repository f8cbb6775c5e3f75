import { INTENTS } from '../../lambda/core/intents';
import { parse } from 'yaml';
import { googleContractProblems, googleProjectProblems } from '../../interaction-models/lib/google-checks';
import { googleProject } from '../../interaction-models/lib/output-checks';
import { committedFiles, source } from './support';

const project = () => new Map(googleProject(committedFiles('actions')));
/** The Actions Builder locales besides the default one, each with its own folders. */
const OTHER_LOCALES = source()
  .locales.map((model) => model.google.locale)
  .filter((locale) => locale !== source().project.google.defaultLocale);
const yaml = (file: string): Record<string, unknown> => parse(project().get(file) ?? '') as Record<string, unknown>;

/** Every core intent is a custom Actions Builder intent, except those Google has system events for. */
const CUSTOM_INTENTS = INTENTS.filter((intent) => intent !== 'CancelIntent' && intent !== 'FallbackIntent').sort();
const SYSTEM_EVENTS = [
  'actions.intent.CANCEL',
  'actions.intent.MAIN',
  'actions.intent.NO_MATCH_1',
  'actions.intent.NO_MATCH_2',
  'actions.intent.NO_MATCH_FINAL',
  'actions.intent.NO_INPUT_1',
  'actions.intent.NO_INPUT_2',
  'actions.intent.NO_INPUT_FINAL',
];

describe('the Google Actions Builder project', () => {
  it('parses, follows the layout gactions push expects and references only what exists', () => {
    expect(googleProjectProblems(project())).toEqual([]);
    expect(googleContractProblems(project())).toEqual([]);
  });

  it('has exactly the files the adapter and gactions rely on', () => {
    expect([...project().keys()].sort()).toEqual(
      [
        'actions/actions.yaml',
        'manifest.yaml',
        ...OTHER_LOCALES.map((locale) => `settings/${locale}/settings.yaml`),
        'settings/settings.yaml',
        'webhooks/shopvoice.yaml',
        'custom/scenes/AccountLinking.yaml',
        'custom/scenes/AccountLinking_AccountLinking.yaml',
        'custom/scenes/Conversation.yaml',
        ...['ShoppingItem', 'ProductAttribute', 'ReturnReason', 'Ordinal', 'LastOrder', 'SizeChoice'].flatMap((type) => [
          `custom/types/${type}.yaml`,
          ...OTHER_LOCALES.map((locale) => `custom/types/${locale}/${type}.yaml`),
        ]),
        ...CUSTOM_INTENTS.flatMap((name) => [`custom/intents/${name}.yaml`, ...OTHER_LOCALES.map((locale) => `custom/intents/${locale}/${name}.yaml`)]),
        ...[...CUSTOM_INTENTS, ...SYSTEM_EVENTS].map((name) => `custom/global/${name}.yaml`),
      ].sort(),
    );
  });

  it('is a shopping project in English with its other languages, linked by OAuth authorization code', () => {
    const settings = yaml('settings/settings.yaml');
    expect(settings).toMatchObject({
      defaultLocale: 'en',
      category: 'SHOPPING',
      accountLinking: { linkingType: 'OAUTH', authGrantType: 'AUTH_CODE', enableAccountCreation: false },
      localizedSettings: { displayName: 'Northwind Outfitters' },
    });
    for (const locale of OTHER_LOCALES) expect(Object.keys(yaml(`settings/${locale}/settings.yaml`))).toEqual(['localizedSettings']);
  });

  it('sends every intent and event to the one shopvoice handler at /google', () => {
    expect(yaml('webhooks/shopvoice.yaml')).toEqual({
      handlers: [{ name: 'shopvoice' }],
      httpsEndpoint: { baseUrl: 'https://<your-host>/google' },
    });
    for (const name of [...CUSTOM_INTENTS, ...SYSTEM_EVENTS]) {
      expect(yaml(`custom/global/${name}.yaml`).handler).toEqual({ webhookHandler: 'shopvoice' });
    }
    expect(yaml('custom/global/actions.intent.MAIN.yaml').transitionToScene).toBe('Conversation');
    expect(yaml('custom/global/actions.intent.CANCEL.yaml').transitionToScene).toBe('actions.scene.END_CONVERSATION');
    const events = (yaml('custom/scenes/Conversation.yaml').intentEvents as { intent: string }[]).map((event) => event.intent);
    expect(events.sort()).toEqual([...CUSTOM_INTENTS, ...SYSTEM_EVENTS.filter((name) => name !== 'actions.intent.MAIN')].sort());
  });

  it('answers silence: the webhook hears the first two, and the conversation ends after the final one', () => {
    const events = yaml('custom/scenes/Conversation.yaml').intentEvents as { intent: string; handler: unknown; transitionToScene?: string }[];
    const silence = events.filter((event) => event.intent.startsWith('actions.intent.NO_INPUT'));
    expect(silence).toEqual([
      { intent: 'actions.intent.NO_INPUT_1', handler: { webhookHandler: 'shopvoice' } },
      { intent: 'actions.intent.NO_INPUT_2', handler: { webhookHandler: 'shopvoice' } },
      { intent: 'actions.intent.NO_INPUT_FINAL', handler: { webhookHandler: 'shopvoice' }, transitionToScene: 'actions.scene.END_CONVERSATION' },
    ]);
    expect(yaml('custom/global/actions.intent.NO_INPUT_FINAL.yaml').transitionToScene).toBe('actions.scene.END_CONVERSATION');
    const withoutSilence = project();
    withoutSilence.delete('custom/global/actions.intent.NO_INPUT_2.yaml');
    expect(googleContractProblems(withoutSilence)).toEqual(['silence (actions.intent.NO_INPUT_2) needs custom/global/actions.intent.NO_INPUT_2.yaml']);
  });

  it('links accounts in a scene that checks verification and hands every outcome to the webhook', () => {
    expect(yaml('custom/scenes/AccountLinking.yaml').conditionalEvents).toEqual([
      { condition: 'user.verificationStatus != "VERIFIED"', handler: { webhookHandler: 'shopvoice' }, transitionToScene: 'Conversation' },
      { condition: 'user.verificationStatus == "VERIFIED"', transitionToScene: 'AccountLinking_AccountLinking' },
    ]);
    const system = yaml('custom/scenes/AccountLinking_AccountLinking.yaml');
    expect((system.conditionalEvents as { condition: string }[]).map((event) => event.condition)).toEqual([
      'session.params.AccountLinkingSlot == "LINKED"',
      'session.params.AccountLinkingSlot == "REJECTED"',
      'session.params.AccountLinkingSlot == "ERROR"',
    ]);
    expect(system.slots).toEqual([
      expect.objectContaining({ name: 'AccountLinkingSlot', type: { name: 'actions.type.AccountLinking' } }),
    ]);
  });

  it('names the parameters and types as the adapter reads them', () => {
    expect(yaml('custom/intents/OrderStatusIntent.yaml').parameters).toEqual([
      { name: 'orderNumber', type: { name: 'actions.type.Number' } },
      { name: 'item', type: { name: 'ShoppingItem' } },
    ]);
    expect(yaml('custom/intents/FindProductIntent.yaml').parameters).toEqual([
      { name: 'query', type: { name: 'actions.type.FreeText' } },
      { name: 'category', type: { name: 'ShoppingItem' } },
      { name: 'attribute', type: { name: 'ProductAttribute' } },
      { name: 'maxPrice', type: { name: 'actions.type.Number' } },
      { name: 'price', type: { name: 'actions.type.Number' } },
    ]);
    const ids = (file: string) => Object.keys((yaml(file).synonym as { entities: object }).entities).sort();
    expect(ids('custom/types/ShoppingItem.yaml')).toEqual(
      ['apparel', 'audio', 'bags', 'beauty', 'coffee', 'gift-cards', 'home', 'jackets', 'kitchen', 'pet-supplies', 'shoes', 'tea', 'toys'],
    );
    expect(ids('custom/types/de/ShoppingItem.yaml')).toEqual(ids('custom/types/ShoppingItem.yaml'));
    // Items and search words the types do not list still reach the webhook, as they do on Alexa.
    expect(yaml('custom/types/ShoppingItem.yaml').synonym).toMatchObject({ matchType: 'FUZZY_MATCH', acceptUnknownValues: true });
    expect(yaml('custom/types/ProductAttribute.yaml').synonym).toMatchObject({ acceptUnknownValues: true });
    expect(yaml('custom/types/SizeChoice.yaml').synonym).not.toHaveProperty('acceptUnknownValues');
    expect(yaml('custom/intents/de/OrderStatusIntent.yaml').trainingPhrases).toContain('wo ist meine bestellung');
  });

  describe('fails a deliberately broken project', () => {
    it('with a dangling type, scene or webhook handler', () => {
      const files = project();
      files.delete('custom/types/ShoppingItem.yaml');
      files.set('custom/global/HelpIntent.yaml', 'handler:\n  webhookHandler: helper\ntransitionToScene: Help\n');

      expect(googleProjectProblems(files)).toEqual([
        'custom/intents/FindProductIntent.yaml: parameter category has type ShoppingItem, which does not exist',
        'custom/intents/OrderStatusIntent.yaml: parameter item has type ShoppingItem, which does not exist',
        'custom/intents/ReorderIntent.yaml: parameter item has type ShoppingItem, which does not exist',
        'custom/intents/ReturnItemIntent.yaml: parameter item has type ShoppingItem, which does not exist',
        'custom/intents/SelectItemIntent.yaml: parameter item has type ShoppingItem, which does not exist',
        ...OTHER_LOCALES.map((locale) => `custom/types/${locale}/ShoppingItem.yaml: has no default-locale file`).sort(),
        'custom/global/HelpIntent.yaml: webhook handler helper is not declared in webhooks/',
        'custom/global/HelpIntent.yaml: scene Help does not exist',
      ]);
    });

    it('with a word that two values of a type share', () => {
      const files = project();
      files.set('custom/types/de/Ordinal.yaml', 'synonym:\n  entities:\n    first:\n      synonyms: [erste]\n    second:\n      synonyms: [zweite, Erste]\n    third:\n      synonyms: [dritte]\n    last:\n      synonyms: [letzte]\n    other:\n      synonyms: [andere]\n');

      expect(googleProjectProblems(files)).toEqual(['custom/types/de/Ordinal.yaml: "Erste" is a synonym of both first and second']);
    });

    it('with a locale gap, a localized parameter, an unknown annotation and unparsable YAML', () => {
      const files = project();
      files.delete('custom/intents/de/NoIntent.yaml');
      files.set('custom/intents/de/YesIntent.yaml', "parameters: []\ntrainingPhrases:\n  - ja ($answer 'gern' auto=false)\n");
      files.set('custom/scenes/Conversation.yaml', 'intentEvents: [\n');
      files.set('custom/Intents.yaml', 'x: 1\n');

      expect(googleProjectProblems(files)).toEqual([
        expect.stringMatching(/^custom\/scenes\/Conversation\.yaml: /),
        'custom/Intents.yaml: not a path gactions accepts',
        'custom/intents/de/YesIntent.yaml: only trainingPhrases may be localized, not parameters',
        'custom/intents/de/YesIntent.yaml: "ja ($answer \'gern\' auto=false)" annotates $answer, which is not a parameter',
        'custom/intents/de/NoIntent.yaml is missing',
      ]);
    });

    it('with settings gactions would refuse', () => {
      const files = project();
      files.set('settings/settings.yaml', 'defaultLocale: en\ncategory: GAMES_AND_TRIVIA\naccountLinking:\n  linkingType: OAUTH\n  enableAccountCreation: true\n');
      files.delete('manifest.yaml');

      expect(googleProjectProblems(files)).toEqual([
        'manifest.yaml is missing',
        'settings/settings.yaml: projectId is missing',
        'settings/settings.yaml: category must be SHOPPING',
        ...[
          'displayName',
          'pronunciation',
          'shortDescription',
          'fullDescription',
          'smallLogoImage',
          'developerName',
          'developerEmail',
          'privacyPolicyUrl',
          'voice',
        ].map((field) => `settings/settings.yaml: localizedSettings.${field} is missing`),
        'settings/settings.yaml: OAUTH linking cannot enable account creation by voice',
        'settings/settings.yaml: accountLinking.authGrantType must be AUTH_CODE or IMPLICIT',
        'settings/settings.yaml: accountLinking.appClientId is missing',
        'settings/settings.yaml: accountLinking.authorizationUrl is missing',
      ]);
    });

    it('with an account-linking scene that ignores an outcome or a call to another handler', () => {
      const files = project();
      const scene = files.get('custom/scenes/AccountLinking_AccountLinking.yaml') ?? '';
      files.set('custom/scenes/AccountLinking_AccountLinking.yaml', scene.replace('== "ERROR"', '== "FAILED"'));
      files.set('webhooks/other.yaml', 'handlers:\n  - name: other\nhttpsEndpoint:\n  baseUrl: https://example.test/other\n');
      files.set('custom/global/RepeatIntent.yaml', 'handler:\n  webhookHandler: other\n');

      expect(googleContractProblems(files)).toEqual([
        'custom/global/RepeatIntent.yaml: calls other, not shopvoice',
        'AccountLinking_AccountLinking does not handle the ERROR outcome',
      ]);
    });
  });
});
