import { IT_IT } from '../../lambda/languages/it-IT';
import { redactText } from '../../lambda/privacy/redact';
import { plainText, text } from '../../lambda/speech/speech';
import { Voice } from '../../lambda/speech/voice';
import type { ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import { spokenDigits, spokenOrdinal } from '../../lambda/understanding/spoken-numbers';
import { understand } from '../../lambda/understanding/understanding';

/**
 * Italian as shoppers in Italy speak it: what they say is read ("dieci sette diciotto",
 * "l'altro ieri", "le scarpe mi stanno strette"), kept out of what is stored ("via Garibaldi, 5",
 * "mario punto rossi chiocciola gmail punto com") and answered the way it is said there ("12 euro e 50").
 */

/** A Thursday, as the evaluation sets count from. */
const TODAY = '2026-11-26';

const read = (said: string, expecting?: ExpectedAnswer) =>
  understand({ text: said, locale: 'it-IT', today: TODAY, ...(expecting ? { expecting: [expecting] } : {}) });
const slotValues = (said: string, expecting?: ExpectedAnswer) => {
  const { intent, slots } = read(said, expecting);
  return { intent, slots: Object.fromEntries(Object.entries(slots).map(([name, slot]) => [name, slot.id ?? slot.value])) };
};
const words = (said: string) => said.split(' ');

describe('Italian spoken digits, kept out of what is stored', () => {
  it.each([
    ['il mio pin è quattro otto due sei', 'il mio pin è [number]'],
    ['il pin è ventitré quattordici', 'il pin è [number]'],
    ["dov'è l'ordine dieci sette diciotto", "dov'è l'ordine [number]"],
    ["l'ordine uno zero sei quattro uno per favore", "l'ordine [number] per favore"],
    ['la carta è quattro cinque cinque sei sette tre sette cinque otto sei otto nove nove otto cinque otto', 'la carta è [number]'],
    ['le ultime quattro cifre sono zero quattro uno due', 'le ultime quattro cifre sono [number]'],
    ['il codice è novantasette, quarantadue', 'il codice è [number]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('keeps numbers too short to identify anyone', () => {
    expect(redactText('voglio due paia di scarpe numero quarantadue')).toBe('voglio due paia di scarpe numero quarantadue');
    expect(redactText('una giacca sotto i centocinquanta euro')).toBe('una giacca sotto i centocinquanta euro');
  });
});

describe('addresses in Italy and spoken e-mails, kept out of what is stored', () => {
  it.each([
    ['abito in via Roma 12', 'abito in [address]'],
    ['spediscilo a Via Giuseppe Garibaldi, 5', 'spediscilo a [address]'],
    ['viale monza numero 120/B', '[address]'],
    ['corso Vittorio Emanuele II 45', '[address]'],
    ['piazza del Duomo 1, Milano', '[address], Milano'],
    ['c.so Buenos Aires 33 scala B', '[address] scala B'],
    ['via dei Mille 4b', '[address]'],
    ['mandatelo alla Casella Postale 123', 'mandatelo alla [address]'],
    ['la mia email è mario punto rossi chiocciola gmail punto com', 'la mia email è [email]'],
    ['scrivimi a giulia trattino basso bianchi chiocciola libero punto it', 'scrivimi a [email]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('leaves everyday phrases that only look like addresses', () => {
    expect(redactText('vado via di qui entro le 5')).toBe('vado via di qui entro le 5');
    expect(redactText('la piazza era piena di gente')).toBe('la piazza era piena di gente');
    expect(redactText('ho fatto 3 ore di strada')).toBe('ho fatto 3 ore di strada');
  });
});

describe('money, lists, days and sizes as they are said in Italy', () => {
  const voice = new Voice('it-IT', 'Europe/Rome');

  it('says euros and cents joined by "e", the cents unit only when they are few', () => {
    expect(plainText(voice.money({ minor: 1250, currency: 'EUR' }))).toBe('12 euro e 50');
    expect(plainText(voice.money({ minor: 100, currency: 'EUR' }))).toBe('1 euro');
    expect(plainText(voice.money({ minor: 1205, currency: 'EUR' }))).toBe('12 euro e 5 centesimi');
    expect(plainText(voice.money({ minor: 99, currency: 'EUR' }))).toBe('99 centesimi');
    expect(plainText(voice.money({ minor: 1, currency: 'EUR' }))).toBe('1 centesimo');
    // "Un milione di euro": a round million takes "di" before the currency.
    expect(plainText(voice.money({ minor: 100_000_000, currency: 'EUR' }))).toBe('1000000 di euro');
  });

  it('says a store that sells in dollars or pounds in Italian words', () => {
    expect(plainText(voice.money({ minor: 3398, currency: 'USD' }))).toBe('33 dollari e 98');
    expect(plainText(voice.money({ minor: 2050, currency: 'GBP' }))).toBe('20 sterline e 50');
    expect(plainText(voice.money({ minor: 105, currency: 'GBP' }))).toBe('1 sterlina e 5 pence');
  });

  it('lists without a comma before "e" and "o"', () => {
    const list = (conjunction: 'and' | 'or') => plainText(voice.list([[text('scarpe')], [text('una giacca')], [text('calze')]], conjunction));
    expect(list('and')).toBe('scarpe, una giacca e calze');
    expect(list('or')).toBe('scarpe, una giacca o calze');
  });

  it('names days and bed sizes as they are said here', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(plainText(voice.day(new Date('2026-11-27T12:00:00Z'), now))).toBe('domani');
    expect(plainText(voice.day(new Date('2026-11-25T12:00:00Z'), now))).toBe('ieri');
    expect(plainText(voice.day(new Date('2026-11-30T12:00:00Z'), now))).toBe('lunedì');
    expect(voice.sizeName('queen')).toBe('matrimoniale');
  });
});

describe('the sentences of Italy', () => {
  it.each(['whatCanIDo', 'whatCanIDoReprompt', 'help', 'notUnderstoodFirst'] as const)('suggest in %s what the understanding reads', (prompt) => {
    const suggested = IT_IT.messages().assistance[prompt]
      .split(/(?:Prova a chiedere:|Prova:|Puoi dire:|Oppure:)\s*/)
      .slice(1)
      .map((part) => part.split(/[?.!]/)[0]!.trim())
      .filter((phrase) => phrase.length > 0);
    expect(suggested.length).toBeGreaterThan(0);
    for (const phrase of suggested) {
      expect({ phrase, intent: read(phrase).intent }).toEqual({
        phrase,
        intent: expect.stringMatching(/^(OrderStatus|ReturnItem|Reorder|FindProduct|TalkToAgent)Intent$/),
      });
    }
  });

  it('speak to the shopper as tu throughout, never as Lei', () => {
    const sentences = JSON.stringify(IT_IT.messages());
    // "Le sue parti", "il suo nome" are the item's; Lei's are the verbs and the capitalised forms.
    expect(sentences.match(/(?<!\p{L})(Lei|Suo|Sua|Suoi|Sue|desidera|vuole|può|dica|La ringrazio)(?!\p{L})/gu)).toBeNull();
  });

  it('name every demo product without an article, so the name reads after any preposition', () => {
    const names = Object.values(IT_IT.demoCatalog.spokenNames);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => /^(?:(?:il|lo|la|i|gli|le|un|uno|una)\s|l')/i.test(name))).toEqual([]);
  });
});

describe('Italian numbers, dates and ordinals, as the understanding reads them', () => {
  it('reads numbers written as one word, with the vowel a ten drops before "uno" and "otto"', () => {
    const { numbers } = IT_IT.words;
    expect(spokenDigits(words('ventitré'), numbers)).toBe('23');
    expect(spokenDigits(words('ventotto'), numbers)).toBe('28');
    expect(spokenDigits(words('centottanta'), numbers)).toBe('180');
    expect(spokenDigits(words('duemilaventisei'), numbers)).toBe('2026');
    expect(spokenDigits(words('milleduecento'), numbers)).toBe('1200');
    expect(spokenDigits(words('diecimilasettecentoventidue'), numbers)).toBe('10722');
    // Words that merely start like numbers stay words.
    expect(numbers.splitCompound?.('treno')).toBeUndefined();
    expect(numbers.splitCompound?.('settembre')).toBeUndefined();
  });

  it('reads ordinals in every gender, from "primo" to "ventitreesimo", and as written', () => {
    const { numbers } = IT_IT.words;
    expect(spokenOrdinal(['prima'], numbers)).toBe(1);
    expect(spokenOrdinal(['terzi'], numbers)).toBe(3);
    expect(spokenOrdinal(['undicesimo'], numbers)).toBe(11);
    expect(spokenOrdinal(['ventitreesima'], numbers)).toBe(23);
    expect(spokenOrdinal(['trentesimo'], numbers)).toBe(30);
    expect(spokenOrdinal(['1º'.normalize('NFKC')], numbers)).toBe(1);
    expect(spokenOrdinal(['non'], numbers)).toBeUndefined();
  });

  it('reads order numbers and PINs said one by one, in pairs and whole, and corrected', () => {
    expect(slotValues("dov'è l'ordine dieci sette diciotto")).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10718' } });
    expect(slotValues("controlla l'ordine uno zero sette zero uno")).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10701' } });
    expect(slotValues("a che punto è l'ordine diecimilasettecentoventidue")).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10722' } });
    expect(slotValues('ordine dieci sei zero cinque no scusa dieci sei quattro uno')).toEqual({ intent: 'OrderStatusIntent', slots: { orderNumber: '10641' } });
    expect(slotValues('novanta cinquantuno', 'pin')).toEqual({ intent: 'PinIntent', slots: { pin: '9051' } });
  });

  it('reads quantities, with "tutti e due" as two', () => {
    expect(slotValues('solo tre', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '3' } });
    expect(slotValues('tutti e due', 'quantity')).toEqual({ intent: 'QuantityIntent', slots: { quantity: '2' } });
  });

  it('reads days as the past, with "scorso" said before or after: "lunedì scorso", "lo scorso lunedì"', () => {
    const when = (said: string) => read(`vorrei restituire quello che ho comprato ${said}`).slots.date?.value;
    expect(when("l'altro ieri")).toBe('2026-11-24');
    expect(when('lunedì scorso')).toBe('2026-11-23');
    expect(when('lo scorso lunedì')).toBe('2026-11-23');
    expect(when('la settimana scorsa')).toBe('2026-W47');
    expect(when('una settimana fa')).toBe('2026-W47');
    expect(when('un paio di settimane fa')).toBe('2026-W46');
    expect(when('il weekend scorso')).toBe('2026-W47-WE');
    expect(when('il tre novembre')).toBe('2026-11-03');
    expect(when('il primo novembre')).toBe('2026-11-01');
    expect(read('vorrei restituire una cosa che mi è arrivata a ottobre').slots.date?.value).toBe('2026-10');
  });

  it('reads elided articles and prepositions: "dov\'è", "l\'ordine", "dell\'ultima volta"', () => {
    expect(slotValues("rifammi lo stesso ordine dell'ultima volta")).toEqual({ intent: 'ReorderIntent', slots: { lastOrder: 'last-order' } });
    expect(read("dov'è il mio pacco").intent).toBe('OrderStatusIntent');
  });

  it('keeps what describes a thing after it: "cassa bluetooth", "lettiera per il gatto"', () => {
    expect(slotValues('la cassa bluetooth non si accende più')).toEqual({ intent: 'ReturnItemIntent', slots: { item: 'audio', reason: 'damaged' } });
    expect(read('la cassa bluetooth non si accende più').slots.item?.spoken).toBe('cassa bluetooth');
    expect(read('quando arriva la lettiera per il gatto').slots.item?.spoken).toBe('lettiera per il gatto');
  });
});
