import type { v1 } from 'ask-smapi-model';
import { INTENTS, INTENT_SLOTS } from '../../lambda/core/intents';
import { LOCALES as PACK_LOCALES } from '../../lambda/languages/packs';
import { interactionModelProblems } from '../../interaction-models/lib/alexa-checks';
import { googleContractProblems } from '../../interaction-models/lib/google-checks';
import { googleProject } from '../../interaction-models/lib/output-checks';
import { ALEXA_REQUIRED_BUILT_INS } from '../../interaction-models/lib/platforms';
import { contractProblems, type Contract } from '../../interaction-models/lib/source-checks';
import { committedFiles, copy, locale, readJson, source } from './support';

type InteractionModelData = v1.skill.interactionModel.InteractionModelData;

const LOCALES = [...PACK_LOCALES].sort();
const alexaModel = (code: string) => readJson<InteractionModelData>(`skill-package/interactionModels/custom/${code}.json`);

describe('the models and the router agree on intents and slots', () => {
  it('models every router intent in every locale, and nothing else', () => {
    expect(source().locales.map((model) => model.locale)).toEqual(LOCALES);
    for (const model of source().locales) {
      expect(Object.keys(model.intents).sort()).toEqual([...INTENTS].sort());
      expect(contractProblems(model)).toEqual([]);
    }
  });

  it('gives Alexa every router intent in every locale, named as the adapter maps them', () => {
    for (const code of LOCALES) {
      const names = alexaModel(code).interactionModel.languageModel.intents.map((intent) => intent.name);
      const routed = names.filter((name) => !ALEXA_REQUIRED_BUILT_INS.includes(name)).map((name) => name.replace(/^AMAZON\./, ''));
      expect(routed.sort()).toEqual([...INTENTS].sort());
      for (const intent of alexaModel(code).interactionModel.languageModel.intents) {
        const routedName = intent.name.replace(/^AMAZON\./, '') as keyof typeof INTENT_SLOTS;
        if (ALEXA_REQUIRED_BUILT_INS.includes(intent.name)) continue;
        expect((intent.slots ?? []).map((slot) => slot.name).sort()).toEqual([...INTENT_SLOTS[routedName]].sort());
      }
    }
  });

  it('gives Google every router intent, as a custom intent in every locale or as a system intent', () => {
    const project = googleProject(committedFiles('actions'));
    expect(googleContractProblems(project)).toEqual([]);
    const custom = [...project.keys()]
      .filter((file) => /^custom\/intents\/[^/]+\.yaml$/.test(file))
      .map((file) => file.slice('custom/intents/'.length, -'.yaml'.length));
    expect(custom.sort()).toEqual(INTENTS.filter((name) => name !== 'CancelIntent' && name !== 'FallbackIntent').sort());
    for (const name of custom) expect(project.has(`custom/intents/de/${name}.yaml`)).toBe(true);
    expect(project.has('custom/global/actions.intent.CANCEL.yaml')).toBe(true);
    expect(project.has('custom/global/actions.intent.NO_MATCH_FINAL.yaml')).toBe(true);
  });

  describe('fails a model that drifts from the router', () => {
    const contract: Contract = { intents: [...INTENTS, 'CompareItemsIntent'], slots: { ...INTENT_SLOTS, CompareItemsIntent: ['position'] } };

    it('in the source', () => {
      const model = copy(locale('en-US'));
      delete model.intents.NextIntent;
      model.intents.BrowseIntent = { slots: {}, samples: ['browse'] };
      model.intents.OrderStatusIntent!.slots = { order: { type: 'number' } };
      model.intents.HelpIntent!.alexa = undefined;
      model.intents.CancelIntent!.google = undefined;

      expect(contractProblems(model, contract)).toEqual([
        'en-US: NextIntent is handled by the router but not modelled',
        'en-US: CompareItemsIntent is handled by the router but not modelled',
        'en-US: OrderStatusIntent has slots [order], the router expects [orderNumber, item]',
        'en-US: HelpIntent must be alexa: AMAZON.HelpIntent',
        'en-US: CancelIntent must be google: actions.intent.CANCEL, not custom',
        'en-US: BrowseIntent is modelled but the router does not handle it',
      ]);
    });

    it('on Alexa', () => {
      const data = copy(alexaModel('en-US'));
      data.interactionModel.languageModel.intents = data.interactionModel.languageModel.intents.filter(
        (intent) => intent.name !== 'AMAZON.RepeatIntent',
      );
      data.interactionModel.languageModel.intents.push({ name: 'BrowseIntent', samples: ['browse'] });

      expect(interactionModelProblems('en-US', data)).toEqual([
        'en-US BrowseIntent: the router has no BrowseIntent',
        "en-US: the router's RepeatIntent is missing",
      ]);
    });

    it('on Google', () => {
      const project = new Map(googleProject(committedFiles('actions')));
      project.delete('custom/global/actions.intent.NO_MATCH_2.yaml');
      project.set('custom/intents/BrowseIntent.yaml', 'trainingPhrases: [browse]\n');

      expect(googleContractProblems(project, contract)).toEqual([
        'custom/intents/BrowseIntent.yaml: the router has no BrowseIntent',
        "the router's FallbackIntent needs custom/global/actions.intent.NO_MATCH_2.yaml",
        "the router's CompareItemsIntent needs custom/global/CompareItemsIntent.yaml",
        "the router's CompareItemsIntent needs custom/intents/CompareItemsIntent.yaml",
      ]);
    });
  });
});
