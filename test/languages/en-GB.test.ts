import { buildCatalogVocabulary, factsOf } from '../../lambda/commerce/catalog-vocabulary';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { understandQuery } from '../../lambda/flows/discovery/understand-query';
import { vocabularyIndex } from '../../lambda/flows/discovery/vocabulary-index';
import { EN_GB } from '../../lambda/languages/en-GB';
import { EN_US } from '../../lambda/languages/en-US';
import { redactText } from '../../lambda/privacy/redact';
import { plainText } from '../../lambda/speech/speech';
import { Voice } from '../../lambda/speech/voice';
import type { ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import { understand } from '../../lambda/understanding/understanding';

/**
 * British English: what a shopper in the United Kingdom says is read, kept out of logs and answered
 * the way they say it: "one oh double four nine", "Flat 3, 12 High Street", "12 pounds 50", parcels.
 */

/** A Thursday, as the evaluation sets count from. */
const TODAY = '2026-11-26';

const read = (text: string, expecting?: ExpectedAnswer) =>
  understand({ text, locale: 'en-GB', today: TODAY, ...(expecting ? { expecting: [expecting] } : {}) });
const slotValues = (text: string, expecting?: ExpectedAnswer) => {
  const { intent, slots } = read(text, expecting);
  return { intent, slots: Object.fromEntries(Object.entries(slots).map(([name, slot]) => [name, slot.id ?? slot.value])) };
};

describe('British spoken digits, kept out of what is stored', () => {
  it.each([
    ['my card number is four nine two nine double one two three four five six seven eight nine oh one', 'my card number is [number]'],
    ['my pin is one oh double four', 'my pin is [number]'],
    ['it is nought three double nine', 'it is [number]'],
    ['order one oh six four one please', 'order [number] please'],
    ['the code is treble seven two', 'the code is [number]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('keeps numbers too short to identify anyone', () => {
    expect(redactText('two pairs of trainers in a size nine')).toBe('two pairs of trainers in a size nine');
    expect(redactText('a double duvet for under fifty quid')).toBe('a double duvet for under fifty quid');
  });
});

describe('British addresses and spoken e-mails, kept out of what is stored', () => {
  it.each([
    ['send it to 10 Downing Street please', 'send it to [address] please'],
    ['it went to Flat 3, 12 High Street', 'it went to [address], [address]'],
    ['deliver to 7 Albert Mews instead', 'deliver to [address] instead'],
    ['my postcode is sw1a 2aa', 'my postcode is [address]'],
    ['my postcode is M1 1AE', 'my postcode is [address]'],
    ['flat three twelve high street', 'flat [address]'],
    ['number ten downing street', 'number [address]'],
    ['my email is ava dot jones at example dot co dot uk', 'my email is [email]'],
    ['it is ava under score jones at example dot com', 'it is [email]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('leaves everyday phrases that only look like addresses', () => {
    expect(redactText('one for the road')).toBe('one for the road');
    expect(redactText('the green one in the park')).toBe('the green one in the park');
  });
});

describe('money as British English says it', () => {
  const voice = new Voice('en-GB', 'Europe/London');

  it('says pounds and pence', () => {
    expect(plainText(voice.money({ minor: 1250, currency: 'GBP' }))).toBe('12 pounds 50');
    expect(plainText(voice.money({ minor: 100, currency: 'GBP' }))).toBe('1 pound');
    expect(plainText(voice.money({ minor: 1205, currency: 'GBP' }))).toBe('12 pounds and 5 pence');
    expect(plainText(voice.money({ minor: 99, currency: 'GBP' }))).toBe('99 pence');
    expect(plainText(voice.money({ minor: 1, currency: 'GBP' }))).toBe('1 penny');
  });

  it('says other currencies in their own words', () => {
    expect(plainText(voice.money({ minor: 3398, currency: 'USD' }))).toBe('33 dollars 98');
    expect(plainText(voice.money({ minor: 101, currency: 'EUR' }))).toBe('1 euro and 1 cent');
  });

  it('lists without the serial comma', () => {
    const list = voice.list([[{ kind: 'text', text: 'trainers' }], [{ kind: 'text', text: 'a jumper' }], [{ kind: 'text', text: 'socks' }]]);
    expect(plainText(list)).toBe('trainers, a jumper and socks');
  });
});

describe('the British sentences', () => {
  const voice = new Voice('en-GB', 'Europe/London');

  it('say what Britain says differently, and the rest as American English does', () => {
    expect(voice.line('orderStatus.packages', { order: 'Order 10641', count: 2, packages: '…' })).toBe('Order 10641 comes in 2 parcels: ….');
    expect(voice.line('checkout.cartCardTitle')).toBe('Your basket is ready');
    expect(voice.line('phone.askPostalCode')).toBe('And the postcode it was delivered to?');
    expect(voice.sizeName('twin')).toBe('single');
    expect(EN_GB.messages().orderStatus.noOrders).toBe(EN_US.messages().orderStatus.noOrders);
  });

  it.each(['whatCanIDo', 'whatCanIDoReprompt', 'help', 'notUnderstoodFirst'] as const)('suggest in %s what the understanding reads', (prompt) => {
    const suggested = EN_GB.messages().assistance[prompt]
      .split(/(?:Try:|You can say,|Or,)\s*/)
      .slice(1)
      .map((part) => part.split(/[?.!]/)[0]!.trim())
      .filter((phrase) => phrase.length > 0 && phrase !== 'ask for a person');
    expect(suggested.length).toBeGreaterThan(0);
    for (const phrase of suggested) {
      expect({ phrase, intent: read(phrase).intent }).toEqual({
        phrase,
        intent: expect.stringMatching(/^(OrderStatus|ReturnItem|Reorder|FindProduct|TalkToAgent)Intent$/),
      });
    }
  });
});

describe('British numbers, dates and ordinals, as the understanding reads them', () => {
  it('reads order numbers and PINs said with "oh", "nought" and "double"', () => {
    expect(slotValues('where is order one oh double four nine')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10449' } });
    expect(slotValues('double two seven eight', 'pin')).toEqual({ intent: 'PinIntent', slots: { pin: '2278' } });
    expect(slotValues('nought four one two', 'pin')).toEqual({ intent: 'PinIntent', slots: { pin: '0412' } });
  });

  it('reads "a fortnight ago", "last night" and "the tuesday just gone" as the past', () => {
    expect(slotValues('i want to return something i bought a fortnight ago').slots).toEqual({ date: '2026-W46' });
    expect(slotValues('i want to send back the jumper i got last night').slots).toMatchObject({ date: '2026-11-25' });
    expect(slotValues('return the earbuds i got on the tuesday just gone').slots).toMatchObject({ date: '2026-11-24' });
    expect(slotValues('can i return the rug i got on the third of november').slots).toMatchObject({ date: '2026-11-03' });
  });

  it('reads ordinals and counts', () => {
    expect(slotValues('the third one', 'item')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: 'third' } });
    expect(slotValues('just the one', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '1' } });
  });

  it('reads what a noun\'s "\'s" leaves: the kettle, not "kettle\'s"', () => {
    expect(slotValues("the kettle's stopped working")).toMatchObject({ intent: 'ReturnItemIntent', slots: { reason: 'damaged' } });
    expect(read("the kettle's stopped working").slots.item?.spoken).toBe("kettle's");
  });
});

describe('a British product request', () => {
  const british = vocabularyIndex(buildCatalogVocabulary(factsOf(DEMO_PRODUCTS), DEMO_CATALOG_TERMS['en-GB']!, 'GBP'), 'en-GB');

  it('reads quid, tenners and British words for the catalogue', () => {
    expect(understandQuery('running trainers under fifty quid', british)).toMatchObject({ category: 'shoes', attributes: { use: ['running'] }, price: { maxMinor: 5000 } });
    expect(understandQuery('a jumper under a tenner', british)).toMatchObject({ category: 'apparel', price: { maxMinor: 1000 } });
    expect(understandQuery('a rucksack for travelling', british)).toMatchObject({ category: 'bags', attributes: { use: ['travel'] } });
  });
});
