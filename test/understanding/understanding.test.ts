import { BUNDLED_MODELS } from '../../lambda/understanding/bundled-models';
import type { CalendarDay } from '../../lambda/understanding/calendar';
import { languageModelFromAlexa } from '../../lambda/understanding/language-model';
import { createUnderstander, type Reading } from '../../lambda/understanding/understand';
import { understand, understandingOfModel, understoodLocales } from '../../lambda/understanding/understanding';
import { alexaModel } from './support';

// A Thursday.
const TODAY = '2026-11-26';
const en = (text: string, expecting?: Parameters<typeof understand>[0]['expecting']) =>
  understand({ text, locale: 'en-US', today: TODAY, ...(expecting ? { expecting } : {}) });
const de = (text: string, expecting?: Parameters<typeof understand>[0]['expecting']) =>
  understand({ text, locale: 'de-DE', today: TODAY, ...(expecting ? { expecting } : {}) });

/** What fills a sample's number, date, refinement and free-text slots, in the sample's language. */
const SLOT_FILLS: Readonly<Record<string, { readonly number: string; readonly date: string; readonly refinement: string; readonly query: string }>> = {
  en: { number: 'ten forty two', date: 'yesterday', refinement: 'blue', query: 'a rain jacket' },
  de: { number: 'zehn zweiundvierzig', date: 'gestern', refinement: 'blau', query: 'eine regenjacke' },
  es: { number: 'diez cuarenta y dos', date: 'ayer', refinement: 'azul', query: 'un impermeable' },
  fr: { number: 'dix quarante-deux', date: 'hier', refinement: 'bleu', query: 'une veste de pluie' },
  it: { number: 'dieci quarantadue', date: 'ieri', refinement: 'blu', query: 'una giacca impermeabile' },
};

describe('the understanding of the bundled models', () => {
  it.each(understoodLocales())('understands the samples of %s as their own intents, with slots filled by values of their types', (locale) => {
    const { model, read } = understandingOfModel(BUNDLED_MODELS[locale as keyof typeof BUNDLED_MODELS], locale);
    const fill = SLOT_FILLS[locale.split('-')[0] ?? ''] ?? SLOT_FILLS.de!;
    const misses: string[] = [];
    let total = 0;
    for (const intent of model.intents) {
      for (const sample of intent.samples) {
        const text = sample.text.replace(/\{(\w+)\}/g, (_whole, slot: string) => {
          const type = intent.slots.get(slot) ?? '';
          const values = model.types.get(type)?.values;
          if (values) return values[0]?.name ?? '';
          if (type.endsWith('NUMBER')) return fill.number;
          if (type === 'AMAZON.DATE') return fill.date;
          // A refinement is a change to the search just read ("in blue"), not a product of its own.
          if (slot === 'refinement') return fill.refinement;
          return fill.query;
        });
        total += 1;
        if (read(text).intent !== intent.name) misses.push(`${intent.name}: "${text}"`);
      }
    }
    expect(total).toBeGreaterThan(100);
    // Models may share a sample between two intents (Alexa warns, and picks one); no more than that.
    expect(misses.length).toBeLessThanOrEqual(Math.ceil(total * 0.02));
    // Hundreds of samples: generous time for a busy CI machine.
  }, 60_000);

  it("names intents as the conversation core does, without Alexa's prefix", () => {
    expect(en('help').intent).toBe('HelpIntent');
    expect(en('yes please').intent).toBe('YesIntent');
    expect(en('where is my order')).toMatchObject({ intent: 'OrderStatusIntent', slots: {}, bareAnswer: false });
    expect(en('where is my order').confidence).toBeGreaterThan(0.8);
  });

  it('fills a number slot from digits or from number words, as AMAZON.NUMBER does', () => {
    for (const text of ['where is order 10718', 'where is order ten seven one eight', "where's order number one oh seven one eight"]) {
      expect(en(text)).toMatchObject({ intent: 'OrderStatusIntent', slots: { orderNumber: { value: '10718' } } });
    }
    expect(de('wo ist bestellung zehn sieben eins acht').slots.orderNumber?.value).toBe('10718');
  });

  it('reads a number the shopper corrects as they say it as the correction alone', () => {
    expect(en('where is order ten forty two no sorry ten forty three')).toEqual(en('where is order ten forty three'));
    expect(de('wo ist bestellung zehn vier äh nein zehn zweiundvierzig')).toEqual(de('wo ist bestellung zehn zweiundvierzig'));
  });

  it('resolves slot-type synonyms to their value ids, and keeps what was said', () => {
    expect(en('when will my running shoes arrive').slots.item).toEqual({ spoken: 'running shoes', value: 'running shoes', id: 'shoes', canonical: 'shoes' });
    expect(de('wann kommen meine kopfhörer').slots.item).toMatchObject({ spoken: 'kopfhörer', id: 'audio' });
  });

  it('keeps an item the type does not list as the words said, without an id', () => {
    expect(en('when will my unicycle arrive').slots.item).toEqual({ spoken: 'unicycle', value: 'unicycle' });
  });

  it('takes only listed values in a closed slot: a reason, a size, "my last order"', () => {
    expect(en('reorder the unicycle').slots).not.toHaveProperty('lastOrder');
  });

  it('reads a date as the past: a shopper names one only to say when they got something', () => {
    const understood = en('i want to return the shoes i got on monday');
    expect(understood).toMatchObject({ intent: 'ReturnItemIntent', slots: { item: { id: 'shoes' }, date: { spoken: 'on monday', value: '2026-11-23' } } });
  });

  it('finds the request among words that set the scene, and fills empty slots from words around it', () => {
    expect(en("the zipper broke on the first hike, so i'd like to send it back").intent).toBe('ReturnItemIntent');
    expect(en('the sweater is too tight, can i send it back')).toMatchObject({
      intent: 'ReturnItemIntent',
      slots: { item: { spoken: 'sweater' }, reason: { id: 'size-too-small' } },
    });
    expect(en('on monday i got the boots and i want to return them').slots).toMatchObject({ date: { value: '2026-11-23' }, item: { id: 'shoes' } });
  });

  it('reads product words without a lead-in as a search when they name a thing, and keeps free text to the words that describe', () => {
    expect(en('linen shirts')).toMatchObject({ intent: 'FindProductIntent', slots: { query: { spoken: 'linen shirts' } } });
    expect(de('wanderrucksack')).toMatchObject({ intent: 'FindProductIntent', slots: { query: { spoken: 'wanderrucksack' } } });
    expect(en('beige').intent).not.toBe('FindProductIntent');
    expect(en('do you have any linen shirts').slots).toEqual({ query: { spoken: 'linen shirts', value: 'linen shirts' } });
    expect(en('is there a hiking backpack under 80 dollars').slots).toEqual({
      query: { spoken: 'hiking backpack under 80 dollars', value: 'hiking backpack under 80 dollars' },
    });
  });

  it('never reads a number as a name the type does not list', () => {
    expect(en('can i get it in size nine').slots).toEqual({ sizeNumber: { spoken: 'nine', value: '9' } });
  });

  it('lands rephrasings, typos and fillers on the intent they mean', () => {
    expect(en('um, wher is my ordr please').intent).toBe('OrderStatusIntent');
    expect(en('hey, can you tell me where my package is').intent).toBe('OrderStatusIntent');
    expect(en('i would like to talk to a real person please').intent).toBe('TalkToAgentIntent');
  });

  it.each(['put on some jazz', 'set an alarm for seven', 'can you make it louder', 'remind me to water the plants', 'will it snow on saturday', 'know any funny jokes', ''])(
    'falls back on "%s", which is not the store\'s business',
    (text) => {
      expect(en(text)).toMatchObject({ intent: 'FallbackIntent', slots: {} });
    },
  );

  it('reads another region of a language it speaks, and refuses a language it does not', () => {
    expect(understand({ text: 'where is my order', locale: 'en-AU' }).intent).toBe('OrderStatusIntent');
    expect(() => understand({ text: 'waar is mijn bestelling', locale: 'nl-NL' })).toThrow(/No interaction model for nl-NL/);
  });
});

describe('an answer to the question in progress', () => {
  it('takes a bare size as the size asked for, with what people say around an answer', () => {
    for (const text of ['medium', 'a medium', 'um medium please', 'medium i think', 'maybe a medium']) {
      expect(en(text, ['size'])).toMatchObject({ intent: 'ChangeSizeIntent', slots: { size: { id: 'medium' } }, bareAnswer: true });
    }
    expect(en('medium').bareAnswer).toBe(false);
    expect(de('mittel', ['size'])).toMatchObject({ intent: 'ChangeSizeIntent', slots: { size: { id: 'medium' } }, bareAnswer: true });
  });

  it('takes the answer a shopper corrects to, or the one they do not rule out', () => {
    expect(en('small no wait large', ['size']).slots.size?.id).toBe('large');
    expect(en('the boots not the jacket', ['item']).slots.item?.spoken).toBe('boots');
    expect(de('klein nein moment groß', ['size']).slots.size?.id).toBe('large');
  });

  it("takes a name the item type does not list as the answer to which one, as the shopper's own word", () => {
    expect(en('um the unicycle', ['item'])).toMatchObject({ intent: 'SelectItemIntent', slots: { item: { spoken: 'unicycle' } }, bareAnswer: true });
    expect(en('um the unicycle', ['size']).bareAnswer).toBe(false);
  });

  it('takes a bare number as the quantity or the PIN asked for', () => {
    expect(en('two', ['quantity'])).toMatchObject({ intent: 'QuantityIntent', slots: { quantity: { value: '2' } }, bareAnswer: true });
    expect(en('one two three four', ['pin'])).toMatchObject({ intent: 'PinIntent', slots: { pin: { value: '1234' } } });
    expect(de('zwei', ['quantity'])).toMatchObject({ intent: 'QuantityIntent', slots: { quantity: { value: '2' } } });
  });

  it('takes a bare reason or item as the answer to "why" or "which one"', () => {
    expect(en('too small', ['reason'])).toMatchObject({ intent: 'ReturnReasonIntent', slots: { reason: { id: 'size-too-small' } } });
    expect(en('the boots', ['item'])).toMatchObject({ intent: 'SelectItemIntent', slots: { item: { spoken: 'boots', id: 'shoes' } } });
    expect(de('zu klein', ['reason'])).toMatchObject({ intent: 'ReturnReasonIntent', slots: { reason: { id: 'size-too-small' } } });
  });

  it('still hears a request that is no answer: stop, a person, another task', () => {
    expect(en('stop', ['size']).intent).toBe('StopIntent');
    expect(en('i want to talk to a person', ['quantity']).intent).toBe('TalkToAgentIntent');
    expect(en('where is my order', ['confirm']).intent).toBe('OrderStatusIntent');
  });

  it('does not take a word of the model for a misheard answer: "weiter" is the next page, not "zweiter"', () => {
    expect(de('weiter', ['results']).intent).toBe('NextIntent');
    expect(de('zweiter', ['results'])).toMatchObject({ slots: { ordinal: { id: 'second' } } });
  });

  it('hears the request after an acknowledgement, and the acknowledgement alone as agreement', () => {
    expect(en('okay stop', ['more']).intent).toBe('StopIntent');
    expect(en('alright no', ['confirm']).intent).toBe('NoIntent');
    expect(de('okay nein', ['confirm']).intent).toBe('NoIntent');
    expect(en('okay', ['confirm']).intent).toBe('YesIntent');
    expect(en('okay sure', ['confirm']).intent).toBe('YesIntent');
  });

  it('lets a filler weigh little even where a sample says it: "uh, no" is a no, "uh huh" a yes', () => {
    expect(en('uh no no no', ['confirm']).intent).toBe('NoIntent');
    expect(en('uh huh', ['confirm']).intent).toBe('YesIntent');
  });
});

describe('understanding a model with every kind of slot', () => {
  const NOW: CalendarDay = { year: 2026, month: 11, day: 26 };
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
  const understand = createUnderstander(model, { today: () => NOW });
  const slotsOf = (reading: Reading) => Object.fromEntries(reading.slots.map((slot) => [slot.slot, slot]));

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
    expect(understand('deliver it please').slots).toEqual([]);
  });
});

describe('reading a request said with more than its sample', () => {
  const model = languageModelFromAlexa(
    alexaModel({
      intents: [
        { name: 'AMAZON.FallbackIntent', samples: [] },
        {
          name: 'ReturnIntent',
          slots: [
            { name: 'reason', type: 'Reason' },
            { name: 'count', type: 'AMAZON.NUMBER' },
          ],
          samples: ['i want to return it', 'send it back', 'return {count} of them'],
        },
        { name: 'StatusIntent', samples: ['where is my order', 'track my package'] },
      ],
      types: [{ name: 'Reason', values: [{ id: 'size-too-small', name: { value: 'too small', synonyms: ['too tight'] } }] }],
    }),
    'en-US',
  );
  const understand = createUnderstander(model);

  it('lets words around the request cost less than the same words inside it', () => {
    const inside = understand('i want the zipper broke to return it on my first hike').confidence;
    expect(understand('the zipper broke on my first hike so i want to return it').confidence).toBeGreaterThan(inside);
    expect(understand('i want to return it because the zipper broke on my first hike').confidence).toBeGreaterThan(inside);
  });

  it('fills an empty slot from words the sample leaves unexplained when they name a listed value', () => {
    const understood = understand('it is too tight so i want to return it');
    expect(understood).toMatchObject({ intent: 'ReturnIntent', slots: [{ slot: 'reason', spoken: 'too tight', resolution: { id: 'size-too-small' } }] });
    expect(understand('my order is so tight i want to return it').slots).toEqual([]);
  });
});

