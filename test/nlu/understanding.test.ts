import fs from 'node:fs';
import { languageModelFromAlexa } from '../../tools/nlu/language-model';
import { createLocalUnderstanding } from '../../tools/nlu/model-files';
import { createUnderstanding, type Understanding } from '../../tools/nlu/understand';
import { alexaModel, copiedModels } from './support';

const NOW = new Date('2026-11-26T15:00:00Z');
const local = createLocalUnderstanding({ now: () => NOW, timeZone: 'America/New_York' });

function intentOf(understanding: Understanding) {
  if (understanding.kind !== 'intent') throw new Error('expected an intent, not a launch');
  return understanding;
}

function slotsOf(understanding: Understanding) {
  return Object.fromEntries(intentOf(understanding).slots.map((slot) => [slot.slot, slot]));
}

describe('local understanding of the generated models', () => {
  it.each(local.locales())('understands the samples of %s as their own intents, with slots filled by values of their types', (locale) => {
    const model = local.model(locale);
    const english = locale.startsWith('en');
    const misses: string[] = [];
    let total = 0;
    for (const intent of model.intents) {
      for (const sample of intent.samples) {
        const text = sample.text.replace(/\{(\w+)\}/g, (_whole, slot: string) => {
          const type = intent.slots.get(slot) ?? '';
          const values = model.types.get(type)?.values;
          if (values) return values[0]?.name ?? '';
          if (type.endsWith('NUMBER')) return english ? 'ten forty two' : 'zehn zweiundvierzig';
          if (type === 'AMAZON.DATE') return english ? 'yesterday' : 'gestern';
          return english ? 'a rain jacket' : 'eine regenjacke';
        });
        total += 1;
        const understood = local.understand(locale, text);
        if (understood.kind !== 'intent' || understood.intent !== intent.name) misses.push(`${intent.name}: "${text}"`);
      }
    }
    expect(total).toBeGreaterThan(100);
    // Models may share a sample between two intents (Alexa warns, and picks one); no more than that.
    expect(misses.length).toBeLessThanOrEqual(Math.ceil(total * 0.02));
    // Hundreds of samples: generous time for a busy CI machine.
  }, 60_000);

  it('fills a number slot from digits or from number words, as AMAZON.NUMBER does', () => {
    for (const text of ['where is order 10718', 'where is order ten seven one eight', "where's order number one oh seven one eight"]) {
      const understood = intentOf(local.understand('en-US', text));
      expect(understood.intent).toBe('OrderStatusIntent');
      expect(slotsOf(understood).orderNumber).toMatchObject({ type: 'AMAZON.NUMBER', value: '10718' });
    }
    expect(slotsOf(local.understand('de-DE', 'wo ist bestellung zehn sieben eins acht')).orderNumber?.value).toBe('10718');
  });

  it('resolves slot-type synonyms to their value ids (entity resolution), and keeps what was said', () => {
    const understood = intentOf(local.understand('en-US', 'when will my running shoes arrive'));
    expect(understood.intent).toBe('OrderStatusIntent');
    expect(slotsOf(understood).item).toMatchObject({ spoken: 'running shoes', value: 'running shoes', resolution: { id: 'shoes', name: 'shoes' } });
    expect(slotsOf(local.understand('de-DE', 'wann kommen meine kopfhörer'))).toMatchObject({ item: { spoken: 'kopfhörer', resolution: { id: 'audio' } } });
  });

  it('takes an unlisted value into a custom slot as Alexa does, reported as no match', () => {
    const item = slotsOf(local.understand('en-US', 'when will my hydration vest arrive')).item;
    expect(item).toMatchObject({ spoken: 'hydration vest', resolution: 'no-match' });
  });

  it('lands rephrasings, typos and fillers on the intent they mean', () => {
    expect(intentOf(local.understand('en-US', 'um, wher is my ordr please')).intent).toBe('OrderStatusIntent');
    expect(intentOf(local.understand('en-US', 'hey, can you tell me where my package is')).intent).toBe('OrderStatusIntent');
    expect(intentOf(local.understand('en-US', 'i would like to talk to a real person please')).intent).toBe('TalkToAgentIntent');
    const query = slotsOf(local.understand('en-US', "i'm looking for a waterproof jacket under 150 dollars")).query;
    expect(query).toMatchObject({ type: 'AMAZON.SearchQuery', value: 'a waterproof jacket under 150 dollars' });
  });

  it.each(['play some music', 'set an alarm for seven', 'turn up the volume', 'remind me to water the plants', ''])(
    'falls back on "%s", which the model does not cover',
    (text) => {
      expect(intentOf(local.understand('en-US', text)).intent).toBe('AMAZON.FallbackIntent');
    },
  );

  it('opens the skill by its invocation name, with or without a request', () => {
    expect(local.understand('en-US', 'open northwind outfitters')).toEqual({ kind: 'launch' });
    expect(local.understand('en-US', 'Alexa, launch Northwind Outfitters')).toEqual({ kind: 'launch' });
    const oneShot = intentOf(local.understand('en-US', 'ask northwind outfitters where is my order'));
    expect(oneShot).toMatchObject({ intent: 'OrderStatusIntent', invoked: true });
    expect(intentOf(local.understand('en-US', 'where is my order')).invoked).toBe(false);
  });

  it('picks up an intent added to a generated model, and a changed model, without code changes', () => {
    const copy = copiedModels();
    try {
      const understanding = createLocalUnderstanding({ root: copy.root });
      expect(intentOf(understanding.understand('en-US', 'gift wrap my order please')).intent).not.toBe('GiftWrapIntent');
      const model = JSON.parse(fs.readFileSync(copy.file('en-US'), 'utf8'));
      model.interactionModel.languageModel.intents.push({
        name: 'GiftWrapIntent',
        slots: [{ name: 'orderNumber', type: 'AMAZON.NUMBER' }],
        samples: ['gift wrap my order', 'wrap order {orderNumber} as a gift', 'can you gift wrap it'],
      });
      fs.writeFileSync(copy.file('en-US'), JSON.stringify(model));
      // A later modification time, even on file systems with coarse timestamps.
      fs.utimesSync(copy.file('en-US'), new Date(), new Date(Date.now() + 5000));
      expect(intentOf(understanding.understand('en-US', 'gift wrap my order please')).intent).toBe('GiftWrapIntent');
      const wrapped = intentOf(understanding.understand('en-US', 'please wrap order ten forty two as a gift'));
      expect(wrapped).toMatchObject({ intent: 'GiftWrapIntent', slotNames: ['orderNumber'], slots: [{ slot: 'orderNumber', value: '1042' }] });
    } finally {
      copy.remove();
    }
  });
});

describe('understanding a model with every kind of slot', () => {
  const model = languageModelFromAlexa(
    alexaModel({
      intents: [
        { name: 'AMAZON.FallbackIntent', samples: [] },
        {
          name: 'DeliveryIntent',
          slots: [
            { name: 'day', type: 'AMAZON.DATE' },
            { name: 'colour', type: 'Colour' },
          ],
          samples: ['deliver it {day}', '{colour} one please', 'i want the {colour} one delivered {day}'],
        },
        { name: 'PickIntent', slots: [{ name: 'position', type: 'AMAZON.Ordinal' }], samples: ['the {position} one', 'pick the {position}'] },
        { name: 'PinIntent', slots: [{ name: 'pin', type: 'AMAZON.FOUR_DIGIT_NUMBER' }], samples: ['my pin is {pin}'] },
      ],
      types: [{ name: 'Colour', values: [{ id: 'red', name: { value: 'red', synonyms: ['crimson', 'scarlet'] } }] }],
    }),
    'en-US',
  );
  const understand = createUnderstanding(model, { now: () => NOW, timeZone: 'America/New_York' });

  it('reads dates the way AMAZON.DATE writes them', () => {
    expect(slotsOf(understand('deliver it tomorrow')).day).toMatchObject({ spoken: 'tomorrow', value: '2026-11-27' });
    expect(slotsOf(understand('deliver it next monday')).day?.value).toBe('2026-11-30');
    expect(slotsOf(understand('deliver it this weekend')).day?.value).toBe('2026-W48-WE');
  });

  it('finds slots at the start, in the middle and at the end of a sample, each resolved', () => {
    expect(slotsOf(understand('crimson one please'))).toMatchObject({ colour: { spoken: 'crimson', resolution: { id: 'red', name: 'red' } } });
    const both = slotsOf(understand('i want the scarlet one delivered on friday'));
    expect(both).toMatchObject({ colour: { resolution: { id: 'red' } }, day: { value: '2026-11-27' } });
    expect(slotsOf(understand('pick the third'))).toMatchObject({ position: { type: 'AMAZON.Ordinal', value: '3' } });
    expect(slotsOf(understand('my pin is oh four two seven'))).toMatchObject({ pin: { type: 'AMAZON.FOUR_DIGIT_NUMBER', value: '0427' } });
  });

  it('never fills a slot with filler words', () => {
    expect(intentOf(understand('deliver it please')).slots).toEqual([]);
  });
});
