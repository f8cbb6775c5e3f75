import {
  MIN_STARTING_SAMPLES,
  STARTING_INTENTS,
  duplicateSampleProblems,
  googleExampleProblems,
  localeParityProblems,
  sampleCoverageProblems,
  samplePresenceProblems,
  slotTypeProblems,
  slotUsageProblems,
  sourceProblems,
  typeValueProblems,
} from '../../interaction-models/lib/source-checks';
import { DEMO_CATEGORIES } from '../../lambda/commerce/sqlite/demo-catalog';
import { copy, locale, source } from './support';

describe('the language-model source', () => {
  it('passes every source check', () => {
    expect(sourceProblems(source())).toEqual([]);
  });

  describe.each(['en-US', 'de-DE'])('%s', (code) => {
    it('declares the type of every slot', () => {
      expect(slotTypeProblems(locale(code))).toEqual([]);
    });

    it('uses every slot in a sample and only the intent’s slots', () => {
      expect(slotUsageProblems(locale(code))).toEqual([]);
    });

    it('has no sample in two intents', () => {
      expect(duplicateSampleProblems(locale(code))).toEqual([]);
    });

    it('maps each synonym to one value', () => {
      expect(typeValueProblems(locale(code))).toEqual([]);
    });

    it('has at least 40 samples for each intent a conversation starts with', () => {
      expect(MIN_STARTING_SAMPLES).toBeGreaterThanOrEqual(40);
      expect(sampleCoverageProblems(locale(code))).toEqual([]);
      for (const name of STARTING_INTENTS) {
        expect(locale(code).intents[name]?.samples.length).toBeGreaterThanOrEqual(40);
      }
    });

    it('gives custom intents samples and Google an example for every slot', () => {
      expect(samplePresenceProblems(locale(code))).toEqual([]);
      expect(googleExampleProblems(locale(code))).toEqual([]);
    });

    it('keeps the store’s category ids as the item values', () => {
      expect(Object.keys(locale(code).types.ShoppingItem?.values ?? {})).toEqual([...DEMO_CATEGORIES].sort());
    });
  });

  it('has the same intents, slots, types and type values in every locale', () => {
    expect(localeParityProblems(source().locales)).toEqual([]);
  });

  describe('fails a deliberately broken model', () => {
    it('with a dangling slot type', () => {
      const model = copy(locale('en-US'));
      model.intents.ReorderIntent!.slots.item = { type: 'Product' };

      expect(slotTypeProblems(model)).toEqual([
        'en-US: ReorderIntent.item has type Product, which is not declared under types',
      ]);
    });

    it('with a catalog type the catalog gave no values', () => {
      const model = copy(locale('en-US'));
      model.types.ProductAttribute!.values = {};

      expect(slotTypeProblems(model)).toEqual([
        'en-US: type ProductAttribute has no values (the catalog gave it none: see catalog in project.yaml)',
      ]);
    });

    it('with a duplicate sample, however it is spaced or capitalised', () => {
      const model = copy(locale('en-US'));
      model.intents.HelpIntent!.samples.push('Where’s  my stuff');
      model.intents.YesIntent!.samples.push('YES');

      expect(duplicateSampleProblems(model)).toEqual([
        'en-US: "Where’s  my stuff" is a sample of both OrderStatusIntent and HelpIntent',
        'en-US: "YES" appears twice in YesIntent',
      ]);
    });

    it('with a gap between locales', () => {
      const german = copy(locale('de-DE'));
      delete german.intents.NextIntent;
      delete german.types.ShoppingItem!.values.toys;
      german.intents.ReturnItemIntent!.samples = german.intents.ReturnItemIntent!.samples.filter(
        (sample) => !sample.includes('{orderNumber}'),
      );
      german.intents.ReorderIntent!.slots.quantity = { type: 'number' };
      german.intents.ReorderIntent!.samples.push('bestell {quantity} mal {item} nach');

      expect(localeParityProblems([locale('en-US'), german])).toEqual([
        'slot ReturnItemIntent.orderNumber is "type number, used in samples" in en-US but "type number, unused in samples" in de-DE',
        'intent NextIntent is in en-US but not in de-DE',
        'type value ShoppingItem.toys is in en-US but not in de-DE',
        'slot ReorderIntent.quantity is in de-DE but not in en-US',
      ]);
    });

    it('with too few ways to start a flow', () => {
      const model = copy(locale('de-DE'));
      model.intents.TalkToAgentIntent!.samples = model.intents.TalkToAgentIntent!.samples.slice(0, 39);

      expect(sampleCoverageProblems(model)).toEqual([
        'de-DE: TalkToAgentIntent has 39 samples, at least 40 are needed',
      ]);
    });

    it('with a sample that names a slot the intent lacks', () => {
      const model = copy(locale('en-US'));
      model.intents.ReorderIntent!.samples.push('reorder order {orderNumber}');

      expect(slotUsageProblems(model)).toEqual([
        'en-US: ReorderIntent samples use {orderNumber}, which is not a slot of ReorderIntent',
      ]);
    });

    it('with a synonym under two values', () => {
      const model = copy(locale('en-US'));
      model.types.ShoppingItem!.values.bags!.push('Shell');

      expect(typeValueProblems(model)).toEqual(['en-US: ShoppingItem lists "shell" under both bags and jackets']);
    });

    it('with a search query Google has no example for', () => {
      const model = copy(locale('en-US'));
      model.intents.FindProductIntent!.slots.query = { type: 'search-query' };

      expect(googleExampleProblems(model)).toEqual([
        "en-US: FindProductIntent.query needs examples (without apostrophes) for Google's training phrases",
      ]);
    });

    it('with no samples on a custom intent', () => {
      const model = copy(locale('en-US'));
      model.intents.TalkToAgentIntent!.samples = [];

      expect(samplePresenceProblems(model)).toEqual(['en-US: TalkToAgentIntent is a custom intent and needs samples']);
    });
  });
});
