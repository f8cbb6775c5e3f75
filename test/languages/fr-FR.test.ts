import { buildCatalogVocabulary, factsOf } from '../../lambda/commerce/catalog-vocabulary';
import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { understandQuery } from '../../lambda/flows/discovery/understand-query';
import { vocabularyIndex } from '../../lambda/flows/discovery/vocabulary-index';
import { FR_FR } from '../../lambda/languages/fr-FR';
import { redactText } from '../../lambda/privacy/redact';
import { plainText, text } from '../../lambda/speech/speech';
import { Voice } from '../../lambda/speech/voice';
import type { ExpectedAnswer } from '../../lambda/understanding/expected-answers';
import { numbersIn, spokenDigits, spokenNumber, spokenOrdinal } from '../../lambda/understanding/spoken-numbers';
import { understand } from '../../lambda/understanding/understanding';

/**
 * French as shoppers in France speak it: what they say is read ("soixante-dix-sept", "il y a quinze
 * jours", "la semaine dernière", "l'écharpe"), kept out of what is stored ("12 rue de la Paix",
 * "jean point dupont arobase orange point fr") and answered the way it is said there ("12 euros 50").
 */

/** A Thursday, as the evaluation sets count from. */
const TODAY = '2026-11-26';

const read = (said: string, expecting?: ExpectedAnswer) =>
  understand({ text: said, locale: 'fr-FR', today: TODAY, ...(expecting ? { expecting: [expecting] } : {}) });
/** The intent and each slot's value id, or its value where the type lists none. */
const reading = (said: string, expecting?: ExpectedAnswer) => {
  const { intent, slots } = read(said, expecting);
  return { intent, slots: Object.fromEntries(Object.entries(slots).map(([name, slot]) => [name, slot.id ?? slot.value])) };
};
const numbers = FR_FR.words.numbers;
const words = (said: string) => said.split(/[\s-]+/);

describe('French numbers, as they are said', () => {
  it.each([
    ['vingt et un', 21],
    ['soixante-dix', 70],
    ['soixante et onze', 71],
    ['soixante-dix-sept', 77],
    ['quatre-vingts', 80],
    ['quatre-vingt-un', 81],
    ['quatre-vingt-onze', 91],
    ['quatre-vingt-dix-neuf', 99],
    ['cent vingt', 120],
    ['deux cents', 200],
    ['mille neuf cent quatre-vingt-dix', 1990],
    ['dix mille six cent soixante-cinq', 10665],
    ['septante-deux', 72],
    ['nonante', 90],
  ])('"%s" is %d', (said, value) => {
    expect(spokenNumber(words(said), numbers)).toBe(String(value));
  });

  it('reads order numbers and PINs said digit by digit or in pairs', () => {
    expect(spokenDigits(words('un zéro six six cinq'), numbers)).toBe('10665');
    expect(spokenDigits(words('dix six quarante et un'), numbers)).toBe('10641');
    expect(spokenDigits(words('quarante-huit vingt-six'), numbers)).toBe('4826');
    expect(spokenDigits(words('zéro neuf douze'), numbers)).toBe('0912');
    expect(spokenDigits(words('quatre-vingt-dix-sept soixante-douze'), numbers)).toBe('9772');
  });

  it('reads ordinals, spelled or written', () => {
    expect(spokenOrdinal(['premier'], numbers)).toBe(1);
    expect(spokenOrdinal(['deuxième'], numbers)).toBe(2);
    expect(spokenOrdinal(['quatrième'], numbers)).toBe(4);
    expect(spokenOrdinal(['cinquième'], numbers)).toBe(5);
    expect(spokenOrdinal(['neuvième'], numbers)).toBe(9);
    expect(spokenOrdinal(['onzième'], numbers)).toBe(11);
    expect(spokenOrdinal(['vingt', 'troisième'], numbers)).toBe(23);
    expect(spokenOrdinal(['1er'], numbers)).toBe(1);
    expect(spokenOrdinal(['3e'], numbers)).toBe(3);
    // A word that only ends like an ordinal is none.
    expect(spokenOrdinal(['arrière'], numbers)).toBeUndefined();
  });

  it('keeps the numbers of a price apart: "entre cinquante et quatre-vingts euros" is 50 and 80', () => {
    const read = numbersIn(words('entre cinquante et quatre-vingts euros'), numbers);
    expect(read.filter((each) => each.kind === 'number').map((each) => (each.kind === 'number' ? each.value : 0))).toEqual([50, 80]);
  });
});

describe('what French shoppers say, understood', () => {
  it.each([
    ['où en est la commande dix mille six cent soixante-cinq', 'OrderStatusIntent', { orderNumber: '10665' }],
    ['euh elle est où ma commande un zéro sept un huit', 'OrderStatusIntent', { orderNumber: '10718' }],
    ["je voudrais renvoyer les chaussures que j'ai reçues la semaine dernière elles sont trop petites", 'ReturnItemIntent', { item: 'shoes', date: '2026-W47', reason: 'size-too-small' }],
    ["il y a quinze jours j'ai reçu une bouilloire elle fuit", 'ReturnItemIntent', { date: '2026-W46', item: 'kitchen', reason: 'damaged' }],
    ['la poêle reçue avant-hier est fissurée', 'ReturnItemIntent', { item: 'kitchen', date: '2026-11-24', reason: 'damaged' }],
    ["j'ai reçu un pull lundi dernier il est trop petit", 'ReturnItemIntent', { item: 'apparel', date: '2026-11-23', reason: 'size-too-small' }],
    ["le pull que j'ai acheté le mois dernier est trop grand", 'ReturnItemIntent', { item: 'apparel', date: '2026-10', reason: 'size-too-large' }],
    ['recommande la même chose que la dernière fois', 'ReorderIntent', { lastOrder: 'last-order' }],
    ['une veste imperméable pour la randonnée à moins de 150 euros', 'FindProductIntent', { query: 'veste imperméable pour la randonnée à moins de 150 euros' }],
    ["passez-moi quelqu'un du service client", 'TalkToAgentIntent', {}],
    ['raconte-moi une blague', 'FallbackIntent', {}],
  ] as const)('"%s"', (said, intent, slots) => {
    expect(reading(said)).toEqual({ intent, slots });
  });

  it.each([
    ['soixante-dix-sept', 'quantity', 'QuantityIntent', { quantity: '77' }],
    ['un seul', 'quantity', 'QuantityIntent', { quantity: '1' }],
    ['les deux', 'quantity', 'QuantityIntent', { quantity: '2' }],
    ['un deux trois quatre', 'pin', 'PinIntent', { pin: '1234' }],
    ['trois huit un neuf non attends trois huit neuf un', 'pin', 'PinIntent', { pin: '3891' }],
    ['la troisième', 'item', 'SelectItemIntent', { ordinal: 'third' }],
    ["l'autre", 'item', 'SelectItemIntent', { ordinal: 'other' }],
    ['euh la première je crois', 'results', 'SelectItemIntent', { ordinal: 'first' }],
    ['je prends le deuxième', 'results', 'BuyIntent', { ordinal: 'second' }],
    ['en M', 'size', 'ChangeSizeIntent', { size: 'medium' }],
    ['je chausse du quarante et un', 'size', 'ChangeSizeIntent', { sizeNumber: '41' }],
    ["ça ne ressemble pas du tout à la photo", 'reason', 'ReturnReasonIntent', { reason: 'not-as-described' }],
    ["oui s'il vous plaît", 'confirm', 'YesIntent', {}],
  ] as const)('"%s" answering %s', (said, expecting, intent, slots) => {
    expect(reading(said, expecting)).toEqual({ intent, slots });
  });

  it('keeps what describes an item after it, as French says it, and never takes a date for one', () => {
    expect(read('des nouvelles de ma cafetière à piston').slots.item?.spoken).toBe('cafetière à piston');
    expect(read("j'ai changé d'avis pour la couverture lestée").slots.item?.spoken).toBe('couverture lestée');
    expect(read('le bonnet gratte trop je le renvoie').slots).toMatchObject({ item: { spoken: 'bonnet' }, reason: { id: 'not-as-described' } });
    expect(read("j'ai acheté une théière le mois dernier et le couvercle est fêlé").slots).toMatchObject({ item: { spoken: 'théière' }, date: { value: '2026-10' } });
  });

  it('takes the corrected product when the article changes with it', () => {
    expect(reading('un casque non pardon des écouteurs')).toEqual({ intent: 'FindProductIntent', slots: { query: 'écouteurs' } });
  });
});

describe('a product request in French', () => {
  const french = vocabularyIndex(buildCatalogVocabulary(factsOf(DEMO_PRODUCTS), DEMO_CATALOG_TERMS['fr-FR']!, 'EUR'), 'fr-FR');

  it('reads the catalog in the words shoppers here use, and prices in euros and "balles"', () => {
    expect(understandQuery('une veste imperméable pour la randonnée à moins de cent cinquante euros', french)).toMatchObject({
      category: 'jackets',
      attributes: { feature: ['waterproof'], use: ['hiking'] },
      words: [],
      price: { maxMinor: 15000 },
    });
    expect(understandQuery('des chaussures de course autour de cent balles', french)).toMatchObject({ category: 'shoes', attributes: { use: ['running'] }, price: { minMinor: 8000, maxMinor: 12000 } });
    expect(understandQuery('des écouteurs sans fil pas chers', french)).toMatchObject({ category: 'audio', attributes: { feature: ['wireless'] }, cheapestFirst: true });
    expect(understandQuery('un sac à dos entre cinquante et quatre-vingts euros', french)).toMatchObject({ category: 'bags', price: { minMinor: 5000, maxMinor: 8000 } });
    expect(understandQuery('un pull en laine mérinos pour femme', french)).toMatchObject({ category: 'apparel', attributes: { material: ['merino wool'], gender: ['women'] }, words: [] });
  });

  it('takes accents, elided articles, plural and feminine endings off a word before matching it', () => {
    const { stem } = FR_FR.query;
    expect(stem('imperméables')).toBe(stem('impermeable'));
    expect(stem('blanches')).toBe(stem('blanche'));
    expect(stem('légère')).toBe(stem('léger'));
    expect(stem('chapeaux')).toBe(stem('chapeau'));
    expect(stem("l'écharpe")).toBe(stem('écharpe'));
    expect(stem('sportive')).toBe(stem('sportif'));
  });
});

describe('spoken digits in French, kept out of what is stored', () => {
  it.each([
    ["mon code c'est quatre huit deux six", "mon code c'est [number]"],
    ['où est la commande un zéro six six cinq', 'où est la commande [number]'],
    ['la commande dix mille six cent soixante-cinq', 'la commande [number]'],
    ["ma carte c'est quarante-neuf soixante-dix-sept douze quatre-vingt-dix-huit zéro un vingt-trois quarante-cinq", "ma carte c'est [number]"],
    ["les quatre derniers chiffres c'est zéro quatre un deux", "les quatre derniers chiffres c'est [number]"],
    ["le code postal c'est soixante-quinze zéro zéro un", "le code postal c'est [number]"],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('keeps numbers too short to identify anyone', () => {
    expect(redactText('je veux trois paires de chaussures pointure quarante-deux')).toBe('je veux trois paires de chaussures pointure quarante-deux');
    expect(redactText('une veste à moins de cent cinquante euros')).toBe('une veste à moins de cent cinquante euros');
  });
});

describe('addresses in France and spoken e-mails, kept out of what is stored', () => {
  it.each([
    ["j'habite au 12 rue de la Paix à Paris", "j'habite au [address] à Paris"],
    ['livrez au 3 bis, avenue Victor Hugo et appelez-moi', 'livrez au [address] et appelez-moi'],
    ['45 bd Saint-Germain', '[address]'],
    ['quarante-cinq boulevard saint germain', '[address]'],
    ['douze rue des lilas', '[address]'],
    ['12 place de la Mairie, Lyon', '[address], Lyon'],
    ['3 cours Mirabeau', '[address]'],
    ["j'habite rue victor hugo", "j'habite [address]"],
    ['écrivez à la BP 1234', 'écrivez à la [address]'],
    ["mon mail c'est jean point dupont arobase orange point fr", "mon mail c'est [email]"],
    ['écrivez à marie tiret bas martin arobase free point fr', 'écrivez à [email]'],
  ])('"%s"', (said, stored) => {
    expect(redactText(said)).toBe(stored);
  });

  it('leaves everyday phrases that only look like addresses', () => {
    expect(redactText("j'ai pris 3 places de cinéma")).toBe("j'ai pris 3 places de cinéma");
    expect(redactText('à la place de la veste')).toBe('à la place de la veste');
    expect(redactText('j’habite dans une rue calme')).toBe('j’habite dans une rue calme');
  });
});

describe('money, lists and days as they are said in France', () => {
  const voice = new Voice('fr-FR', 'Europe/Paris');

  it('says euros, then the cents without their unit unless they are few', () => {
    expect(plainText(voice.money({ minor: 1250, currency: 'EUR' }))).toBe('12 euros 50');
    expect(plainText(voice.money({ minor: 100, currency: 'EUR' }))).toBe('1 euro');
    expect(plainText(voice.money({ minor: 1205, currency: 'EUR' }))).toBe('12 euros et 5 centimes');
    expect(plainText(voice.money({ minor: 50, currency: 'EUR' }))).toBe('50 centimes');
    expect(plainText(voice.money({ minor: 1, currency: 'EUR' }))).toBe('1 centime');
    // "Zéro euro" and "un million d'euros", as French counts them.
    expect(plainText(voice.money({ minor: 0, currency: 'EUR' }))).toBe('0 euro');
    expect(plainText(voice.money({ minor: 100_000_000, currency: 'EUR' }))).toBe("1000000 d'euros");
  });

  it('says a store that sells in dollars or pounds in French words', () => {
    expect(plainText(voice.money({ minor: 3398, currency: 'USD' }))).toBe('33 dollars 98');
    expect(plainText(voice.money({ minor: 2050, currency: 'GBP' }))).toBe('20 livres 50');
    expect(plainText(voice.money({ minor: 105, currency: 'GBP' }))).toBe('1 livre et 5 pence');
    expect(plainText(voice.money({ minor: 200, currency: 'CAD' }))).toBe('2 dollars canadiens');
  });

  it('lists without a comma before "et" and "ou"', () => {
    const list = (conjunction: 'and' | 'or') => plainText(voice.list([[text('des chaussures')], [text('une veste')], [text('des chaussettes')]], conjunction));
    expect(list('and')).toBe('des chaussures, une veste et des chaussettes');
    expect(list('or')).toBe('des chaussures, une veste ou des chaussettes');
  });

  it('names days without a preposition, as "livré mardi" says them', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(plainText(voice.day(new Date('2026-11-27T12:00:00Z'), now))).toBe('demain');
    expect(plainText(voice.day(new Date('2026-11-25T12:00:00Z'), now))).toBe('hier');
    expect(plainText(voice.day(new Date('2026-11-30T12:00:00Z'), now))).toBe('lundi');
  });
});

describe('the sentences of France', () => {
  it.each(['whatCanIDo', 'whatCanIDoReprompt', 'help', 'notUnderstoodFirst'] as const)('suggest in %s what the understanding reads', (prompt) => {
    const suggested = FR_FR.messages().assistance[prompt]
      .split(/(?:par exemple|ou encore|ou)\s*:\s*/i)
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

  it('address the shopper as vous throughout, never as tu', () => {
    // The determiners are words to recognise, not sentences.
    const { grammar: _determiners, ...sentenceGroups } = FR_FR.messages();
    const sentences = JSON.stringify(sentenceGroups).toLowerCase();
    expect(sentences).not.toMatch(/(?<![\p{L}])(?:(?:tu|toi|ton|ta|tes)(?![\p{L}])|t')/u);
    expect(sentences).toMatch(/(?<![\p{L}])vous(?![\p{L}])/u);
  });
});
