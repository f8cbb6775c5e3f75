import { LOCALES } from '../../lambda/languages/packs';
import fs from 'node:fs';
import path from 'node:path';
import type { v1 } from 'ask-smapi-model';
import {
  ALEXA_LIMITS,
  askResourcesProblems,
  examplePhraseProblems,
  interactionModelProblems,
  invocationNameProblems,
  modelLimitProblems,
  sampleProblems,
  skillPackageProblems,
} from '../../interaction-models/lib/alexa-checks';
import { CLIENT_SECRET_PLACEHOLDER } from '../../interaction-models/lib/alexa';
import { REPO_ROOT, committedFiles, copy, locale, readJson } from './support';

type InteractionModelData = v1.skill.interactionModel.InteractionModelData;
type SkillManifestEnvelope = v1.skill.Manifest.SkillManifestEnvelope;
type AccountLinkingRequest = v1.skill.accountLinking.AccountLinkingRequest;

const alexaModel = (code: string) => readJson<InteractionModelData>(`skill-package/interactionModels/custom/${code}.json`);
const skill = () => readJson<SkillManifestEnvelope>('skill-package/skill.json');

describe('the Alexa skill package', () => {
  describe.each(LOCALES)('%s interaction model', (code) => {
    it('follows Alexa’s rules: invocation name, sample characters, slot references and types, search queries', () => {
      expect(interactionModelProblems(code, alexaModel(code))).toEqual([]);
    });

    it('is invoked as "northwind outfitters" and sets the fallback sensitivity', () => {
      const model = alexaModel(code).interactionModel.languageModel;
      expect(model.invocationName).toBe('northwind outfitters');
      expect(model.modelConfiguration?.fallbackIntentSensitivity?.level).toBe('MEDIUM');
    });

    it('types the slots as the adapters expect', () => {
      const model = alexaModel(code).interactionModel.languageModel;
      const slot = (intent: string, name: string) =>
        model.intents.find((candidate) => candidate.name === intent)?.slots?.find((candidate) => candidate.name === name)?.type;
      expect(slot('OrderStatusIntent', 'orderNumber')).toBe('AMAZON.NUMBER');
      expect(slot('OrderStatusIntent', 'item')).toBe('ShoppingItem');
      expect(slot('ReturnItemIntent', 'item')).toBe('ShoppingItem');
      expect(slot('ReorderIntent', 'item')).toBe('ShoppingItem');
      expect(slot('FindProductIntent', 'query')).toBe('AMAZON.SearchQuery');
      expect(slot('FindProductIntent', 'category')).toBe('ShoppingItem');
      expect(slot('FindProductIntent', 'attribute')).toBe('ProductAttribute');
      expect(slot('FindProductIntent', 'maxPrice')).toBe('AMAZON.NUMBER');
      const values = model.types?.find((type) => type.name === 'ShoppingItem')?.values ?? [];
      expect(values.map((value) => value.id).sort()).toEqual(
        ['apparel', 'audio', 'bags', 'beauty', 'coffee', 'gift-cards', 'home', 'jackets', 'kitchen', 'pet-supplies', 'shoes', 'tea', 'toys'],
      );
    });

    it('takes a product phrase without a lead-in, in its parts, since a search query needs one', () => {
      const find = alexaModel(code).interactionModel.languageModel.intents.find((intent) => intent.name === 'FindProductIntent');
      const withoutLeadIn = (find?.samples ?? []).filter((sample) => sample.startsWith('{category}'));
      expect(withoutLeadIn.length).toBeGreaterThanOrEqual(5);
      expect(withoutLeadIn.some((sample) => sample.includes('{maxPrice}'))).toBe(true);
      expect(withoutLeadIn.some((sample) => sample.includes('{price}'))).toBe(true);
    });

    it('stays well inside Alexa’s limits on size', () => {
      expect(modelLimitProblems(code, alexaModel(code))).toEqual([]);
      expect(JSON.stringify(alexaModel(code)).length).toBeLessThan(ALEXA_LIMITS.modelCharacters / 2);
    });

    it('never uses a search query without words around it', () => {
      const find = alexaModel(code).interactionModel.languageModel.intents.find((intent) => intent.name === 'FindProductIntent');
      for (const sample of find?.samples ?? []) expect(sample.replace('{query}', '').trim()).not.toBe('');
    });

    it('shows example phrases that are real sample utterances', () => {
      const phrases = skill().manifest?.publishingInformation?.locales?.[code]?.examplePhrases ?? [];
      expect(phrases.length).toBeGreaterThan(0);
      expect(examplePhraseProblems(code, phrases, alexaModel(code).interactionModel.languageModel, locale(code).alexa)).toEqual([]);
    });
  });

  it('has the layout and skill.json fields ask deploy expects', () => {
    const files = committedFiles('skill-package');
    expect([...files.keys()].sort()).toEqual([
      'skill-package/assets/images/icon-108.png',
      'skill-package/assets/images/icon-512.png',
      ...[...LOCALES].sort().map((locale) => `skill-package/interactionModels/custom/${locale}.json`),
      'skill-package/skill.json',
    ]);
    expect(skillPackageProblems(files)).toEqual([]);
    const manifest = skill().manifest;
    expect(manifest?.publishingInformation?.category).toBe('SHOPPING');
    expect(manifest?.apis?.custom?.endpoint?.uri).toBe('<alexa-lambda-arn>');
    // Only what the code uses: the recognised speaker (household/) and order notifications (events/).
    expect(manifest?.permissions).toEqual([{ name: 'alexa::person_id:read' }, { name: 'alexa::devices:all:notifications:write' }]);
    expect(manifest?.events?.publications).toEqual([{ eventName: 'AMAZON.OrderStatus.Updated' }]);
  });

  it('keeps the account-linking template outside the skill package, without a secret', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, 'skill-package/accountLinking.json'))).toBe(false);
    const request = readJson<AccountLinkingRequest>('account-linking/accountLinking.json').accountLinkingRequest;
    expect(request?.type).toBe('AUTH_CODE');
    expect(request?.clientSecret).toBe(CLIENT_SECRET_PLACEHOLDER);
    expect(request?.scopes?.length).toBeGreaterThan(0);
    expect(request?.accessTokenUrl).toBeTruthy();
  });

  it('has an ask-cli v2 project file that deploys the skill package only', () => {
    expect(askResourcesProblems(fs.readFileSync(path.join(REPO_ROOT, 'ask-resources.json'), 'utf8'))).toEqual([]);
  });

  describe('fails what Alexa rejects', () => {
    it('an invocation name with capitals, digits, one word or a launch word', () => {
      expect(invocationNameProblems('en-US', 'Northwind Outfitters')).toEqual([
        'en-US: invocation name "Northwind Outfitters" must be lowercase',
      ]);
      expect(invocationNameProblems('en-US', 'northwind')).toEqual(['en-US: invocation name "northwind" needs at least two words']);
      expect(invocationNameProblems('en-US', 'shop 24')).toEqual([
        'en-US: invocation name word "24" may only hold letters, apostrophes or an abbreviation\'s period',
        'en-US: invocation name "shop 24" must spell numbers out',
      ]);
      expect(invocationNameProblems('en-US', 'ask northwind')).toEqual(['en-US: invocation name "ask northwind" may not contain "ask"']);
      expect(invocationNameProblems('en-US', "sam's t. v. shop")).toEqual([]);
    });

    it('samples with digits, punctuation, unknown or doubled slots, or a bare search query', () => {
      const slots = new Map([
        ['orderNumber', 'AMAZON.NUMBER'],
        ['item', 'ShoppingItem'],
        ['query', 'AMAZON.SearchQuery'],
      ]);
      expect(sampleProblems('x', 'where is order 12345', slots)).toEqual(['x: "where is order 12345" must spell numbers out ("12345")']);
      expect(sampleProblems('x', "where's my order?", slots)).toEqual(['x: "where\'s my order?" has characters Alexa rejects ("order?")']);
      expect(sampleProblems('x', 'where is my {parcel}', slots)).toEqual([
        'x: "where is my {parcel}" uses {parcel}, which is not a slot of the intent',
      ]);
      expect(sampleProblems('x', '{item} or {item} please', slots)).toEqual(['x: "{item} or {item} please" uses {item} twice']);
      expect(sampleProblems('x', 'track {item} {orderNumber}', slots)).toEqual([
        'x: "track {item} {orderNumber}" has two slots with no words between them',
      ]);
      expect(sampleProblems('x', '{query}', slots)).toEqual([
        'x: "{query}" is only an AMAZON.SearchQuery slot; it needs a carrier phrase',
      ]);
      expect(sampleProblems('x', 'i want a t. v. for the living-room', slots)).toEqual([]);
    });

    it('a model over Alexa’s limits: words too long, too many values, too large', () => {
      const data = copy(alexaModel('en-US'));
      const model = data.interactionModel.languageModel;
      const item = model.types?.find((type) => type.name === 'ShoppingItem');
      const long = Array.from({ length: 15 }, () => 'ten letter').join(' ');
      item?.values?.[0]?.name.synonyms.push(long);
      model.intents.find((intent) => intent.name === 'AMAZON.HelpIntent')?.samples?.push(`${long} ${long}`);
      const tight = { ...ALEXA_LIMITS, slotValues: 100, modelCharacters: 10_000 };

      expect(modelLimitProblems('en-US', data, tight)).toEqual([
        `en-US AMAZON.HelpIntent: "${long} ${long}" is longer than 200 characters`,
        `en-US ShoppingItem: "${long}" is longer than 140 characters`,
        expect.stringMatching(/^en-US: \d+ slot values and synonyms, Alexa allows 100$/),
        expect.stringMatching(/^en-US: the model has \d+ characters, Alexa accepts 10000$/),
      ]);
    });

    it('a model with a dangling slot type or a missing required built-in', () => {
      const data = copy(alexaModel('de-DE'));
      const model = data.interactionModel.languageModel;
      model.types = [];
      model.intents = model.intents.filter((intent) => intent.name !== 'AMAZON.NavigateHomeIntent');

      // Every slot of a custom type now dangles, and the missing built-in is named.
      const dangling = model.intents.flatMap((intent) =>
        (intent.slots ?? [])
          .filter((slot) => slot.type !== undefined && !slot.type.startsWith('AMAZON.'))
          .map((slot) => `de-DE ${intent.name}: slot ${slot.name} has type ${slot.type}, which the model does not define`),
      );
      expect(dangling.length).toBeGreaterThan(3);
      expect(interactionModelProblems('de-DE', data)).toEqual([...dangling, 'de-DE: Alexa requires AMAZON.NavigateHomeIntent']);
    });

    it('example phrases that are not sample utterances or lack the invocation', () => {
      const model = alexaModel('en-US').interactionModel.languageModel;
      const grammar = locale('en-US').alexa;
      expect(
        examplePhraseProblems(
          'en-US',
          [
            'Alexa, ask northwind outfitters to reorder my usual coffee',
            'Alexa, ask northwind outfitters where my order is',
            'Alexa, ask northwind outfitters to fly me to the moon',
            'Alexa, where is my order',
            'ask northwind outfitters where is my order',
          ],
          model,
          grammar,
        ),
      ).toEqual([
        'en-US: skill.json needs one to three example phrases',
        'en-US: example phrase "Alexa, ask northwind outfitters to fly me to the moon" is not one of the model\'s sample utterances',
        'en-US: example phrase "Alexa, where is my order" must be "Alexa, <open|start|launch|ask|tell> northwind outfitters …"',
        'en-US: example phrase "ask northwind outfitters where is my order" must start with "Alexa, "',
      ]);
    });

    it('a skill package with stray files, unmatched locales or unused permissions', () => {
      const files = committedFiles('skill-package');
      const manifest = copy(skill());
      manifest.manifest!.permissions = [{ name: 'alexa::profile:email:read' }];
      delete manifest.manifest!.privacyAndCompliance!.locales!['de-DE'];
      files.set('skill-package/skill.json', JSON.stringify(manifest));
      files.delete('skill-package/interactionModels/custom/de-DE.json');
      files.set('skill-package/accountLinking.json', '{}');

      expect(skillPackageProblems(files)).toEqual([
        'skill-package/accountLinking.json: not part of an Alexa skill package',
        `skill.json publishes [${[...LOCALES].sort().join(', ')}] but the interaction models are [${[...LOCALES].filter((locale) => locale !== 'de-DE').sort().join(', ')}]`,
        'skill.json: privacyAndCompliance.locales.de-DE.privacyPolicyUrl is missing',
        'skill.json: permission alexa::profile:email:read is not used by the code',
      ]);
    });

    it('an ask-cli project that would also deploy code', () => {
      expect(
        askResourcesProblems(
          JSON.stringify({
            askcliResourcesVersion: '2020-03-31',
            profiles: { default: { skillMetadata: { src: './skill-package' }, code: { default: { src: './lambda' } } } },
          }),
        ),
      ).toEqual(['ask-resources.json: code and skillInfrastructure belong to serverless, not ask-cli']);
    });
  });
});
