import { buildCatalogVocabulary, factsOf } from '../../lambda/commerce/catalog-vocabulary';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { understandQuery } from '../../lambda/flows/discovery/understand-query';
import { vocabularyIndex } from '../../lambda/flows/discovery/vocabulary-index';
import { ES_ES } from '../../lambda/languages/es-ES';
import { redactText } from '../../lambda/privacy/redact';
import { plainText, text } from '../../lambda/speech/speech';
import { Voice } from '../../lambda/speech/voice';
import type { ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import { spokenDigits, spokenOrdinal } from '../../lambda/understanding/spoken-numbers';
import { understand } from '../../lambda/understanding/understanding';

/**
 * Spanish as shoppers in Spain speak it: what they say is read ("diez siete dieciocho", "anteayer",
 * "las zapatillas me quedan pequeñas"), kept out of logs ("C/ Alcalá, 23, 3º B", "ana arroba
 * ejemplo punto es") and answered the way they say it ("12 euros con 50").
 */

/** A Thursday, as the evaluation sets count from. */
const TODAY = '2026-11-26';

const read = (said: string, expecting?: ExpectedAnswer) =>
  understand({ text: said, locale: 'es-ES', today: TODAY, ...(expecting ? { expecting: [expecting] } : {}) });
const slotValues = (said: string, expecting?: ExpectedAnswer) => {
  const { intent, slots } = read(said, expecting);
  return { intent, slots: Object.fromEntries(Object.entries(slots).map(([name, slot]) => [name, slot.id ?? slot.value])) };
};
const words = (said: string) => said.split(' ');

describe('Spanish spoken digits, kept out of what is stored', () => {
  it.each([
    ['mi pin es cuatro ocho dos seis', 'mi pin es [number]'],
    ['el pin es veintitrés catorce', 'el pin es [number]'],
    ['el pedido diez siete dieciocho', 'el pedido [number]'],
    ['dónde está el pedido uno cero seis cuatro uno por favor', 'dónde está el pedido [number] por favor'],
    ['mi tarjeta es cuatro cinco cinco seis siete tres siete cinco ocho seis ocho nueve nueve ocho cinco ocho', 'mi tarjeta es [number]'],
    ['las cuatro últimas son cero cuatro uno dos', 'las cuatro últimas son [number]'],
    ['el código es noventa y nueve, cincuenta y uno', 'el código es [number]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('keeps numbers too short to identify anyone', () => {
    expect(redactText('quiero dos pares de zapatillas del cuarenta y dos')).toBe('quiero dos pares de zapatillas del cuarenta y dos');
    expect(redactText('una chaqueta por menos de ciento cincuenta euros')).toBe('una chaqueta por menos de ciento cincuenta euros');
  });
});

describe('addresses in Spain and spoken e-mails, kept out of what is stored', () => {
  it.each([
    ['vivo en la calle Mayor 5, segundo', 'vivo en la [address], segundo'],
    ['envíalo a C/ Alcalá, 23, 3º B', 'envíalo a [address]'],
    ['la dirección es Avenida de la Constitución nº 12', 'la dirección es [address]'],
    ['C/ Alcalá 48, 2ª izda.', '[address]'],
    ['mándalo a plaza de España s/n', 'mándalo a [address]'],
    ['es en el Camino de Ronda 112', 'es en el [address]'],
    ['tengo un apartado de correos 1234', 'tengo un [address]'],
    ['mi correo es ana punto garcía arroba ejemplo punto es', 'mi correo es [email]'],
    ['es luis guion bajo pérez arroba correo punto com', 'es [email]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('leaves everyday phrases that only look like addresses', () => {
    expect(redactText('la calle estaba llena de charcos')).toBe('la calle estaba llena de charcos');
    expect(redactText('di un paseo de 2 horas por el parque')).toBe('di un paseo de 2 horas por el parque');
  });
});

describe('money, lists, days and sizes as they are said in Spain', () => {
  const voice = new Voice('es-ES', 'Europe/Madrid');

  it('says euros and céntimos, joined by "con"', () => {
    expect(plainText(voice.money({ minor: 1250, currency: 'EUR' }))).toBe('12 euros con 50');
    expect(plainText(voice.money({ minor: 100, currency: 'EUR' }))).toBe('1 euro');
    expect(plainText(voice.money({ minor: 1205, currency: 'EUR' }))).toBe('12 euros con 5 céntimos');
    expect(plainText(voice.money({ minor: 99, currency: 'EUR' }))).toBe('99 céntimos');
    expect(plainText(voice.money({ minor: 1, currency: 'EUR' }))).toBe('1 céntimo');
    // "Un millón de euros": Spanish puts "de" before the currency after a round million.
    expect(plainText(voice.money({ minor: 100_000_000, currency: 'EUR' }))).toBe('1000000 de euros');
  });

  it('says a store that sells in dollars or pounds in their own words', () => {
    expect(plainText(voice.money({ minor: 3398, currency: 'USD' }))).toBe('33 dólares con 98');
    expect(plainText(voice.money({ minor: 2050, currency: 'GBP' }))).toBe('20 libras con 50');
    expect(plainText(voice.money({ minor: 105, currency: 'GBP' }))).toBe('1 libra con 5 peniques');
  });

  it('lists without a comma before "y" and "o"', () => {
    const list = (conjunction: 'and' | 'or') => plainText(voice.list([[text('zapatillas')], [text('un chubasquero')], [text('calcetines')]], conjunction));
    expect(list('and')).toBe('zapatillas, un chubasquero y calcetines');
    expect(list('or')).toBe('zapatillas, un chubasquero o calcetines');
  });

  it('names days and bed sizes as they are said here', () => {
    expect(plainText(voice.day(new Date('2026-11-27T12:00:00Z'), new Date('2026-11-26T12:00:00Z')))).toBe('mañana');
    expect(plainText(voice.day(new Date('2026-11-30T12:00:00Z'), new Date('2026-11-26T12:00:00Z')))).toBe('el lunes');
    expect(voice.sizeName('queen')).toBe('matrimonio grande');
  });
});

describe('the sentences of Spain', () => {
  it.each(['whatCanIDo', 'whatCanIDoReprompt', 'help', 'notUnderstoodFirst'] as const)('suggest in %s what the understanding reads', (prompt) => {
    const suggested = ES_ES.messages().assistance[prompt]
      .split(/(?:Prueba a decir:|Prueba:|Puedes decir:|O:)\s*/)
      .slice(1)
      .map((part) => part.replace(/^¿/, '').split(/[?.!]/)[0]!.trim())
      .filter((phrase) => phrase.length > 0);
    expect(suggested.length).toBeGreaterThan(0);
    for (const phrase of suggested) {
      expect({ phrase, intent: read(phrase).intent }).toEqual({
        phrase,
        intent: expect.stringMatching(/^(OrderStatus|ReturnItem|Reorder|FindProduct|TalkToAgent)Intent$/),
      });
    }
  });

  it('speak to the shopper as tú throughout, never as usted', () => {
    const sentences = JSON.stringify(ES_ES.messages());
    expect(sentences.match(/\b(usted|ustedes|su cuenta|sus pedidos|diga|quiere usted|desea)\b/gi)).toBeNull();
  });

  it('name every demo product without an article, so the name reads after any preposition', () => {
    const names = Object.values(ES_ES.demoCatalog.spokenNames);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => /^(el|la|los|las|un|una|unos|unas)\s/i.test(name))).toEqual([]);
  });
});

describe('Spanish numbers, dates and ordinals, as the understanding reads them', () => {
  it('reads numbers written as one word and joined by "y"', () => {
    const { numbers } = ES_ES.words;
    expect(spokenDigits(words('treinta y uno'), numbers)).toBe('31');
    expect(spokenDigits(words('veintitrés'), numbers)).toBe('23');
    expect(spokenDigits(words('quinientos'), numbers)).toBe('500');
    expect(spokenDigits(words('mil novecientos noventa y nueve'), numbers)).toBe('1999');
    expect(spokenDigits(words('ciento veinte'), numbers)).toBe('120');
    expect(spokenDigits(words('dos mil veintiséis'), numbers)).toBe('2026');
  });

  it('reads ordinals in every gender, short form and as written', () => {
    const { numbers } = ES_ES.words;
    expect(spokenOrdinal(['primera'], numbers)).toBe(1);
    expect(spokenOrdinal(['tercer'], numbers)).toBe(3);
    expect(spokenOrdinal(['segundos'], numbers)).toBe(2);
    expect(spokenOrdinal(['decimotercero'], numbers)).toBe(13);
    expect(spokenOrdinal(['3er'], numbers)).toBe(3);
  });

  it('reads order numbers and PINs said one by one, in pairs and whole', () => {
    expect(slotValues('dónde está el pedido diez siete dieciocho')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10718' } });
    expect(slotValues('el pedido uno cero siete cero uno')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10701' } });
    expect(slotValues('cómo va el pedido diez mil setecientos veintidós')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10722' } });
    expect(slotValues('dónde está el pedido diez seis cero cinco no perdón diez seis cuatro uno')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10641' } });
    expect(slotValues('noventa cincuenta y uno', 'pin')).toEqual({ intent: 'PinIntent', slots: { pin: '9051' } });
  });

  it('reads quantities, with "las dos" as two', () => {
    expect(slotValues('solo tres', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '3' } });
    expect(slotValues('las dos', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '2' } });
  });

  it('reads days as the past, with "pasado" said before or after: "el lunes pasado", "hace como una semana"', () => {
    expect(slotValues('quiero devolver lo que compré anteayer').slots).toEqual({ date: '2026-11-24' });
    expect(slotValues('quiero devolver lo que compré el lunes pasado').slots).toEqual({ date: '2026-11-23' });
    expect(slotValues('quiero devolver lo que compré el pasado lunes').slots).toEqual({ date: '2026-11-23' });
    expect(slotValues('quiero devolver lo que compré la semana pasada').slots).toEqual({ date: '2026-W47' });
    expect(slotValues('quiero devolver lo que compré hace como una semana').slots).toEqual({ date: '2026-W47' });
    expect(slotValues('quiero devolver lo que compré el fin de semana pasado').slots).toEqual({ date: '2026-W47-WE' });
    expect(slotValues('quiero devolver lo que compré el tres de noviembre').slots).toEqual({ date: '2026-11-03' });
    expect(slotValues('quiero devolver algo que me llegó en octubre').slots).toEqual({ date: '2026-10' });
  });

  it('reads "el día veinte" as a day of this month, or of the last one when it is still to come', () => {
    expect(slotValues('quiero devolver lo que compré el día veinte').slots).toEqual({ date: '2026-11-20' });
    expect(slotValues('quiero devolver lo que compré el día treinta').slots).toEqual({ date: '2026-10-30' });
    expect(slotValues('quiero devolver lo que compré el día tres de noviembre').slots).toEqual({ date: '2026-11-03' });
  });

  it('does not take "ya" (already) for a date, nor "no" for a correction', () => {
    expect(slotValues('el altavoz ya no funciona')).toEqual({ intent: 'ReturnItemIntent', slots: { item: 'audio', reason: 'damaged' } });
    expect(slotValues('los auriculares no cargan')).toEqual({ intent: 'ReturnItemIntent', slots: { item: 'audio', reason: 'damaged' } });
  });

  it('keeps what describes a thing after it: "té verde", "sudadera con capucha"', () => {
    expect(read('se me ha acabado el té verde').slots.item?.spoken).toBe('té verde');
    expect(read('cuándo llega la sudadera con capucha').slots.item?.spoken).toBe('sudadera con capucha');
  });
});

describe('a product request said in Spain', () => {
  const spanish = vocabularyIndex(buildCatalogVocabulary(factsOf(DEMO_PRODUCTS), DEMO_CATALOG_TERMS['es-ES']!, 'EUR'), 'es-ES');

  it('reads the catalog in the words shoppers here use, and prices in euros and "pavos"', () => {
    expect(understandQuery('una chaqueta impermeable para senderismo por menos de ciento cincuenta euros', spanish)).toMatchObject({
      category: 'jackets',
      attributes: { feature: ['waterproof'], use: ['hiking'] },
      price: { maxMinor: 15000 },
    });
    expect(understandQuery('zapatillas para correr de unos cien pavos', spanish)).toMatchObject({ category: 'shoes', attributes: { use: ['running'] }, price: { minMinor: 8000, maxMinor: 12000 } });
    expect(understandQuery('auriculares inalámbricos baratos', spanish)).toMatchObject({ category: 'audio', attributes: { feature: ['wireless'] }, cheapestFirst: true });
    expect(understandQuery('unas botas marrones', spanish)).toMatchObject({ category: 'shoes', attributes: { color: ['brown'] } });
  });

  it('takes plural, gender and accents off a word before matching it', () => {
    const { stem } = ES_ES.query;
    expect(stem('zapatillas')).toBe(stem('zapatilla'));
    expect(stem('marrones')).toBe(stem('marrón'));
    expect(stem('impermeables')).toBe(stem('impermeable'));
    expect(stem('altavoces')).toBe(stem('altavoz'));
    expect(stem('grises')).toBe(stem('gris'));
    expect(stem('negras')).toBe(stem('negro'));
  });
});
