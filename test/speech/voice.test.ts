import { plainText } from '../../lambda/speech/speech';
import { renderSsml } from '../../lambda/speech/ssml';
import { Voice, voiceFor } from '../../lambda/speech/voice';

const voice = new Voice('en-US', 'America/New_York');
const now = new Date('2026-11-26T15:00:00Z'); // Thursday in New York

describe('Voice', () => {
  it('speaks money in currency words', () => {
    // As people say prices: the cents follow the unit, and keep theirs only when under ten.
    expect(plainText(voice.money({ minor: 1250, currency: 'USD' }))).toBe('12 dollars 50');
    expect(plainText(voice.money({ minor: 3398, currency: 'USD' }))).toBe('33 dollars 98');
    expect(plainText(voice.money({ minor: 100, currency: 'USD' }))).toBe('1 dollar');
    expect(plainText(voice.money({ minor: 101, currency: 'EUR' }))).toBe('1 euro and 1 cent');
    expect(plainText(voice.money({ minor: 1205, currency: 'USD' }))).toBe('12 dollars and 5 cents');
    expect(plainText(voice.money({ minor: 50, currency: 'USD' }))).toBe('50 cents');
    expect(plainText(voice.money({ minor: 1, currency: 'GBP' }))).toBe('1 penny');
  });

  it('says a name in the catalog\'s language marked as such only where the shopper speaks another', () => {
    const german = new Voice('de-DE', 'UTC');
    const item = { spokenName: 'boom speaker', spokenNameLang: 'en-US' };
    expect(renderSsml(german.name(item), 'alexa')).toBe('<speak><lang xml:lang="en-US">boom speaker</lang></speak>');
    expect(renderSsml(voice.name(item), 'alexa')).toBe('<speak>boom speaker</speak>');
    expect(renderSsml(german.name({ spokenName: 'Boom Lautsprecher' }), 'alexa')).toBe('<speak>Boom Lautsprecher</speak>');
  });

  it('marks catalog text (a brand, a description) with its language only where the shopper speaks another', () => {
    const german = new Voice('de-DE', 'UTC');
    expect(renderSsml(german.inLanguage('Northpeak', 'en-US'), 'alexa')).toBe('<speak><lang xml:lang="en-US">Northpeak</lang></speak>');
    expect(renderSsml(german.inLanguage('Northpeak', 'en-US'), 'google')).toBe('<speak>Northpeak</speak>');
    expect(renderSsml(voice.inLanguage('Northpeak', 'en-GB'), 'alexa')).toBe('<speak>Northpeak</speak>');
  });

  it('says sizes in the locale\'s words, letters and numbers as they are', () => {
    const german = new Voice('de-DE', 'UTC');
    expect(german.sizeName('queen')).toBe('Doppelbett');
    expect(german.sizeName('M')).toBe('M');
    expect(voice.sizeName('queen')).toBe('queen');
  });

  it('reads the phone number as a telephone number, never digit by digit', () => {
    expect(renderSsml(voice.telephone('1 800 555 0199'), 'alexa')).toBe('<speak><say-as interpret-as="telephone">1-800-555-0199</say-as></speak>');
  });

  it('reads order numbers digit by digit', () => {
    expect(renderSsml(voice.digits('10-42'), 'alexa')).toBe(`<speak><say-as interpret-as='digits'>1042</say-as></speak>`);
  });

  it('says a store\'s reference as it is made: all digits one at a time, a name like "#1001-R1" as "1001 R 1"', () => {
    expect(renderSsml(voice.reference('482913'), 'alexa')).toBe(`<speak><say-as interpret-as='digits'>482913</say-as></speak>`);
    expect(plainText(voice.reference('#1001-R1'))).toBe('1001 R 1');
    expect(renderSsml(voice.reference('#1001-R1'), 'alexa')).toBe(`<speak><say-as interpret-as='digits'>1001</say-as> R <say-as interpret-as='digits'>1</say-as></speak>`);
    // Letters are said one by one; what is neither letter nor digit never reaches the SSML.
    expect(plainText(voice.reference('RMA-77'))).toBe('R M A 77');
    expect(renderSsml(voice.reference('<b>&7'), 'alexa')).toBe(`<speak>b <say-as interpret-as='digits'>7</say-as></speak>`);
  });

  it('names days relative to today in the store time zone', () => {
    expect(plainText(voice.day(new Date('2026-11-26T23:30:00Z'), now))).toBe('today'); // 18:30 in New York
    expect(plainText(voice.day(new Date('2026-11-27T12:00:00Z'), now))).toBe('tomorrow');
    expect(plainText(voice.day(new Date('2026-11-25T12:00:00Z'), now))).toBe('yesterday');
    expect(plainText(voice.day(new Date('2026-11-30T12:00:00Z'), now))).toBe('on Monday');
    const far = voice.day(new Date('2026-05-02T12:00:00Z'), now);
    expect(renderSsml(far, 'alexa')).toMatch(/on\s+<say-as interpret-as="date">\?\?\?\?0502<\/say-as>/);
  });

  it('lists with commas, pauses and a final "and"', () => {
    const list = voice.list([[{ kind: 'text', text: 'A' }], [{ kind: 'text', text: 'B' }], [{ kind: 'text', text: 'C' }]]);
    expect(plainText(list)).toBe('A, B, and C');
    expect(list.filter((part) => part.kind === 'pause')).toHaveLength(2);
    expect(plainText(voice.list([[{ kind: 'text', text: 'A' }], [{ kind: 'text', text: 'B' }]]))).toBe('A and B');
  });

  it('places speech values inside translated sentences', () => {
    const speech = voice.say('orderStatus.notFound', { number: voice.digits('1042') });
    expect(speech.map((part) => part.kind)).toEqual(['text', 'digits', 'text']);
    expect(plainText(speech)).toBe("I couldn't find order 1042 on your account.");
  });

  it('does not let i18next escape or interpret values', () => {
    expect(plainText(voice.say('orderStatus.itemNotFound', { item: `Tom & Jerry's <mug>` }))).toBe(
      `I couldn't find any Tom & Jerry's <mug> in your recent orders.`,
    );
  });

  it('falls back to a supported locale', () => {
    expect(new Voice('en-AU', 'UTC').locale).toBe('en-US');
    expect(new Voice('de-AT', 'UTC').locale).toBe('de-DE');
    expect(new Voice('xx', 'UTC').locale).toBe('en-US');
  });
});

describe('Voice in German', () => {
  const german = new Voice('de-DE', 'Europe/Berlin');
  const thursday = new Date('2026-11-26T12:00:00Z');

  it('speaks money, days and lists in German', () => {
    expect(plainText(german.money({ minor: 1250, currency: 'EUR' }))).toBe('12 Euro 50');
    expect(plainText(german.money({ minor: 1205, currency: 'EUR' }))).toBe('12 Euro und 5 Cent');
    expect(plainText(german.day(new Date('2026-11-27T12:00:00Z'), thursday))).toBe('morgen');
    expect(plainText(german.day(new Date('2026-11-30T12:00:00Z'), thursday))).toBe('am Montag');
    expect(renderSsml(german.day(new Date('2026-05-02T12:00:00Z'), thursday), 'alexa')).toMatch(/am\s+<say-as interpret-as="date">\?\?\?\?0502/);
    const list = german.list([[{ kind: 'text', text: 'A' }], [{ kind: 'text', text: 'B' }], [{ kind: 'text', text: 'C' }]]);
    expect(plainText(list)).toBe('A, B und C');
  });
});

describe('voiceFor', () => {
  it('reuses one Voice per supported locale and time zone', () => {
    expect(voiceFor('en-US', 'UTC')).toBe(voiceFor('en-AU', 'UTC'));
    expect(voiceFor('xx-YY', 'UTC')).toBe(voiceFor('en-US', 'UTC'));
    expect(voiceFor('de-DE', 'UTC')).not.toBe(voiceFor('en-US', 'UTC'));
    expect(voiceFor('en-US', 'Europe/Berlin')).not.toBe(voiceFor('en-US', 'UTC'));
  });
});
