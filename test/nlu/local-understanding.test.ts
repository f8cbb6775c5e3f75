import fs from 'node:fs';
import { createLocalUnderstanding, type LocalReading } from '../../tools/nlu/model-files';
import { copiedModels } from './support';

const NOW = new Date('2026-11-26T15:00:00Z');
const local = createLocalUnderstanding({ now: () => NOW, timeZone: 'America/New_York' });

function intentOf(reading: LocalReading) {
  if (reading.kind !== 'intent') throw new Error('expected an intent, not a launch');
  return reading;
}

describe('the dev tools’ understanding of the generated model files', () => {
  it('reads the models in skill-package/ with the product’s understanding, as Alexa names their intents', () => {
    expect(local.locales()).toEqual(expect.arrayContaining(['de-DE', 'en-US']));
    expect(intentOf(local.understand('en-US', 'help'))).toMatchObject({ intent: 'AMAZON.HelpIntent', invoked: false });
    const returned = intentOf(local.understand('en-US', 'return the boots i got yesterday'));
    expect(returned.slots.find((slot) => slot.slot === 'date')?.value).toBe('2026-11-25');
  });

  it('opens the skill by its invocation name, with or without a request', () => {
    expect(local.understand('en-US', 'open northwind outfitters')).toEqual({ kind: 'launch' });
    expect(local.understand('en-US', 'Alexa, launch Northwind Outfitters')).toEqual({ kind: 'launch' });
    const oneShot = intentOf(local.understand('en-US', "ask northwind outfitters where's order ten forty two"));
    expect(oneShot).toMatchObject({ intent: 'OrderStatusIntent', invoked: true, slots: [{ slot: 'orderNumber', value: '1042' }] });
  });

  it('passes the question in progress on', () => {
    expect(intentOf(local.understand('en-US', 'medium', { expecting: ['size'] }))).toMatchObject({ intent: 'ChangeSizeIntent', bareAnswer: true });
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
