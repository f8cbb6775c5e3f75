import { buildCatalogVocabulary, factsOf } from '../../lambda/commerce/catalog-vocabulary';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { understandQuery } from '../../lambda/flows/discovery/understand-query';
import { vocabularyIndex } from '../../lambda/flows/discovery/vocabulary-index';
import { ES_US } from '../../lambda/languages/es-US';
import { redactText } from '../../lambda/privacy/redact';
import { plainText, text } from '../../lambda/speech/speech';
import { Voice } from '../../lambda/speech/voice';
import type { ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import { understand } from '../../lambda/understanding/understanding';

/**
 * Spanish as shoppers in the United States speak it: what they say is read ("diez siete
 * dieciocho", "antier", "la chamarra me queda chica"), kept out of logs ("1420 calle Mission",
 * "ana arroba gmail punto com") and answered the way they say it ("33 dólares con 98").
 */

/** A Thursday, as the evaluation sets count from. */
const TODAY = '2026-11-26';

const read = (said: string, expecting?: ExpectedAnswer) =>
  understand({ text: said, locale: 'es-US', today: TODAY, ...(expecting ? { expecting: [expecting] } : {}) });
const slotValues = (said: string, expecting?: ExpectedAnswer) => {
  const { intent, slots } = read(said, expecting);
  return { intent, slots: Object.fromEntries(Object.entries(slots).map(([name, slot]) => [name, slot.id ?? slot.value])) };
};

describe('Spanish spoken digits, kept out of what is stored', () => {
  it.each([
    ['mi pin es cuatro dos cuatro dos', 'mi pin es [number]'],
    ['mi nip es cuarenta y dos diecisiete', 'mi nip es [number]'],
    ['es el noventa cincuenta y uno', 'es el [number]'],
    ['la orden diez siete dieciocho', 'la orden [number]'],
    ['el pedido uno cero seis cuatro uno por favor', 'el pedido [number] por favor'],
    ['el número es diez mil setecientos veintidós', 'el número es [number]'],
    ['mi tarjeta es cuatro cinco cinco seis siete tres siete cinco ocho seis ocho nueve nueve ocho cinco ocho', 'mi tarjeta es [number]'],
    ['los últimos cuatro son cero cuatro uno dos', 'los últimos cuatro son [number]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('keeps numbers too short to identify anyone', () => {
    expect(redactText('quiero dos pares de tenis talla nueve')).toBe('quiero dos pares de tenis talla nueve');
    expect(redactText('una chamarra de menos de ciento cincuenta dólares')).toBe('una chamarra de menos de ciento cincuenta dólares');
    expect(redactText('cuesta treinta y tres dólares')).toBe('cuesta treinta y tres dólares');
  });
});

describe('addresses in the United States and spoken e-mails, kept out of what is stored', () => {
  it.each([
    ['vivo en el 1420 de la calle Mission', 'vivo en el [address]'],
    ['mándelo a calle Mission 1420 por favor', 'mándelo a [address] por favor'],
    ['es el 2300 de la avenida César Chávez apartamento 4B', 'es el [number] de la [address]'],
    ['la dirección es 85 bulevar Sunset', 'la dirección es [address]'],
    ['cámbienla a 1600 Pennsylvania Avenue', 'cámbienla a [address]'],
    ['tengo apartado postal 4521', 'tengo [address]'],
    ['mi correo es ana punto lópez arroba gmail punto com', 'mi correo es [email]'],
    ['es juan guion bajo pérez arroba yahoo punto com', 'es [email]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('leaves everyday phrases that only look like addresses', () => {
    expect(redactText('mi pedido ya va en camino')).toBe('mi pedido ya va en camino');
    expect(redactText('la calle está muy oscura')).toBe('la calle está muy oscura');
    expect(redactText('quiero 2 camisetas de la avenida')).toBe('quiero 2 camisetas de la avenida');
  });
});

describe('money as Spanish speakers in the United States say it', () => {
  const voice = new Voice('es-US', 'America/Los_Angeles');

  it('says dollars and cents, joined by "con"', () => {
    expect(plainText(voice.money({ minor: 3398, currency: 'USD' }))).toBe('33 dólares con 98');
    expect(plainText(voice.money({ minor: 100, currency: 'USD' }))).toBe('1 dólar');
    expect(plainText(voice.money({ minor: 1205, currency: 'USD' }))).toBe('12 dólares con 5 centavos');
    expect(plainText(voice.money({ minor: 99, currency: 'USD' }))).toBe('99 centavos');
    expect(plainText(voice.money({ minor: 1, currency: 'USD' }))).toBe('1 centavo');
  });

  it('says other currencies in their own words', () => {
    expect(plainText(voice.money({ minor: 2050, currency: 'EUR' }))).toBe('20 euros con 50');
    expect(plainText(voice.money({ minor: 1250, currency: 'CAD' }))).toBe('12 dólares canadienses con 50');
  });

  it('lists without a comma before "y" and "o"', () => {
    const list = (conjunction: 'and' | 'or') => plainText(voice.list([[text('tenis')], [text('una chamarra')], [text('calcetines')]], conjunction));
    expect(list('and')).toBe('tenis, una chamarra y calcetines');
    expect(list('or')).toBe('tenis, una chamarra o calcetines');
  });

  it('names days and sizes as they are said here', () => {
    expect(plainText(voice.day(new Date('2026-11-27T18:00:00Z'), new Date('2026-11-26T18:00:00Z')))).toBe('mañana');
    expect(plainText(voice.day(new Date('2026-11-30T18:00:00Z'), new Date('2026-11-26T18:00:00Z')))).toBe('el lunes');
    expect(voice.sizeName('full')).toBe('matrimonial');
  });
});

describe('the US Spanish sentences', () => {
  it.each(['whatCanIDo', 'whatCanIDoReprompt', 'help', 'notUnderstoodFirst'] as const)('suggest in %s what the understanding reads', (prompt) => {
    const suggested = ES_US.messages().assistance[prompt]
      .split(/(?:Pruebe:|Puede decir:|O:)\s*/)
      .slice(1)
      .map((part) => part.replace(/^¿/, '').split(/[?.!]/)[0]!.trim())
      .filter((phrase) => phrase.length > 0 && !phrase.startsWith('O pida'));
    expect(suggested.length).toBeGreaterThan(0);
    for (const phrase of suggested) {
      expect({ phrase, intent: read(phrase).intent }).toEqual({
        phrase,
        intent: expect.stringMatching(/^(OrderStatus|ReturnItem|Reorder|FindProduct|TalkToAgent)Intent$/),
      });
    }
  });

  it('names every demo product without an article, so the name reads after any preposition', () => {
    const names = Object.values(ES_US.demoCatalog.spokenNames);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => /^(el|la|los|las|un|una|unos|unas)\s/i.test(name))).toEqual([]);
  });
});

describe('US Spanish numbers, dates and ordinals, as the understanding reads them', () => {
  it('reads order numbers and PINs said one by one, in pairs and whole', () => {
    expect(slotValues('dónde está la orden diez siete dieciocho')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10718' } });
    expect(slotValues('qué pasó con el pedido diez mil setecientos veintidós')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10722' } });
    expect(slotValues('mi número de orden es uno cero seis cuarenta y uno')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10641' } });
    expect(slotValues('noventa cincuenta y uno', 'pin')).toEqual({ intent: 'PinIntent', slots: { pin: '9051' } });
    expect(slotValues('cero cuatro uno dos', 'pin')).toEqual({ intent: 'PinIntent', slots: { pin: '0412' } });
  });

  it('reads quantities, with "los dos" as two', () => {
    expect(slotValues('nomás tres', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '3' } });
    expect(slotValues('los dos', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '2' } });
    expect(slotValues('veintitrés', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '23' } });
  });

  it('reads days as the past: "antier", "el lunes pasado", "hace como una semana", "el fin de semana"', () => {
    expect(slotValues('quiero devolver lo que compré antier').slots).toEqual({ date: '2026-11-24' });
    expect(slotValues('quiero devolver lo que compré el lunes pasado').slots).toEqual({ date: '2026-11-23' });
    expect(slotValues('quiero devolver lo que compré hace tres días').slots).toEqual({ date: '2026-11-23' });
    expect(slotValues('quiero devolver lo que compré hace como una semana').slots).toEqual({ date: '2026-W47' });
    expect(slotValues('quiero devolver lo que compré la semana pasada').slots).toEqual({ date: '2026-W47' });
    expect(slotValues('quiero devolver lo que compré el fin de semana').slots).toEqual({ date: '2026-W47-WE' });
    expect(slotValues('quiero devolver la chamarra que compré el primero de noviembre').slots).toMatchObject({ date: '2026-11-01' });
    expect(slotValues('quiero devolver algo que me llegó en octubre').slots).toEqual({ date: '2026-10' });
  });

  it('does not take "ya" (already) for a date', () => {
    expect(slotValues('los audífonos ya no cargan')).toEqual({ intent: 'ReturnItemIntent', slots: { item: 'audio', reason: 'damaged' } });
  });

  it('reads ordinals, "el otro" and sizes', () => {
    expect(slotValues('la tercera', 'item')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: 'third' } });
    expect(slotValues('el último que dijiste', 'item')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: 'last' } });
    expect(slotValues('el otro', 'item')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: 'other' } });
    expect(slotValues('una chica no mejor mediana', 'size')).toEqual({ intent: 'ChangeSizeIntent', slots: { size: 'medium' } });
    expect(slotValues('calzo del nueve', 'size')).toEqual({ intent: 'ChangeSizeIntent', slots: { sizeNumber: '9' } });
  });

  it('keeps what follows a thing and describes it as part of its name', () => {
    expect(read('dónde están mis tenis negros').slots.item?.spoken).toBe('tenis negros');
    expect(read('la casa de campaña llegó rota').slots.item?.spoken).toBe('casa de campaña');
    expect(slotValues('la casa de campaña llegó rota').slots).toMatchObject({ reason: 'damaged' });
  });
});

describe('a US Spanish product request', () => {
  const spanish = vocabularyIndex(buildCatalogVocabulary(factsOf(DEMO_PRODUCTS), DEMO_CATALOG_TERMS['es-US']!, 'USD'), 'es-US');

  it('reads the catalog in the words shoppers here use, and prices in dollars', () => {
    expect(understandQuery('una chamarra impermeable para senderismo de menos de ciento cincuenta dólares', spanish)).toMatchObject({
      category: 'jackets',
      attributes: { feature: ['waterproof'], use: ['hiking'] },
      price: { maxMinor: 15000 },
    });
    expect(understandQuery('tenis para correr como de cien dólares', spanish)).toMatchObject({ category: 'shoes', attributes: { use: ['running'] }, price: { minMinor: 8000, maxMinor: 12000 } });
    expect(understandQuery('audífonos inalámbricos baratos', spanish)).toMatchObject({ category: 'audio', attributes: { feature: ['wireless'] }, cheapestFirst: true });
    expect(understandQuery('unas botas cafés talla nueve', spanish)).toMatchObject({ category: 'shoes', attributes: { color: ['brown'] } });
  });
});
