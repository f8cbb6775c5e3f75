import fs from 'node:fs';
import { loadSource, PACKS_DIR } from '../../interaction-models/lib/load';
import type { LanguagePack } from '../../lambda/languages/pack';
import { LOCALES, PACKS } from '../../lambda/languages/packs';
import { BUNDLED_MODELS } from '../../lambda/understanding/bundled-models';
import { evaluationLocales, loadEvaluationSet } from '../../tools/nlu/evaluation';

/**
 * Every language pack has everything every other pack has. Each check lists, per locale, the pieces
 * another pack has and this one lacks, so a failure names exactly what to add ("fr-FR lacks
 * messages: returns.confirm; numbers: 17").
 */

type Pieces = (pack: LanguagePack) => Iterable<string>;

/** Per locale, what the other packs have and it does not; only locales that lack something. */
function lacking(piecesOf: Pieces, packs: readonly LanguagePack[] = Object.values(PACKS)): Record<string, string[]> {
  const sets = new Map(packs.map((pack) => [pack.locale, new Set(piecesOf(pack))]));
  const all = new Set([...sets.values()].flatMap((set) => [...set]));
  const missing: Record<string, string[]> = {};
  for (const [locale, set] of sets) {
    const lacks = [...all].filter((piece) => !set.has(piece)).sort();
    if (lacks.length > 0) missing[locale] = lacks;
  }
  return missing;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [leaf, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(leaf, text);
    }
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]))].sort().join(',');

/** A message by its key without plural ending, with the values it names: "orders.count{count}". */
function messagePieces(pack: LanguagePack): string[] {
  const bases = new Map<string, Set<string>>();
  for (const [key, text] of leaves(pack.messages())) {
    const base = key.replace(PLURAL, '');
    const names = bases.get(base) ?? new Set<string>();
    // Plural forms of one message may leave out the count ("one order"), so their values add up.
    for (const name of placeholders(text).split(',').filter(Boolean)) if (!(PLURAL.test(key) && name === 'count')) names.add(name);
    bases.set(base, names);
  }
  return [...bases].map(([base, names]) => `${base}{${[...names].sort().join(',')}}`);
}

const models = loadSource().locales;
const modelOf = (locale: string) => models.find((model) => model.locale === locale);

function modelPieces(pack: LanguagePack): string[] {
  const model = modelOf(pack.locale);
  if (!model) return [];
  return [
    ...Object.entries(model.intents).flatMap(([intent, definition]) => [
      intent,
      ...Object.keys(definition.slots).map((slot) => `${intent}.${slot}`),
      ...(definition.samples.length > 0 ? [`${intent} samples`] : []),
    ]),
    ...Object.entries(model.types).flatMap(([type, definition]) => [type, ...Object.keys(definition.values).map((id) => `${type}.${id}`)]),
  ];
}

const filled = (name: string, list: readonly unknown[] | Readonly<Record<string, unknown>>) =>
  (Array.isArray(list) ? list.length : Object.keys(list).length) > 0 ? [name] : [];

function wordPieces({ words }: LanguagePack): string[] {
  const { numbers, dates } = words;
  const lists = { fillers: words.fillers, acknowledgements: words.acknowledgements, articles: words.articles, determiners: words.determiners, hedges: words.hedges, repairs: words.repairs, negations: words.negations, prepositions: words.prepositions, hundred: numbers.hundred, thousand: numbers.thousand, pair: numbers.pair ?? [], present: dates.present, one: dates.one, vagueCounts: dates.vagueCounts, relativePeriods: dates.relativePeriods, dateFillers: dates.fillers };
  return [
    ...Object.entries(lists).flatMap(([name, list]) => filled(name, list)),
    ...Object.values({ ...numbers.units, ...numbers.teens, ...numbers.tens }).map((value) => `number ${value}`),
    ...Object.values(dates.weekdays).map((day) => `weekday ${day}`),
    ...Object.values(dates.months).map((month) => `month ${month}`),
    ...Object.values(dates.offsets).map((offset) => `offset ${offset}`),
    ...Object.values(dates.relativeDays).filter((day) => Math.abs(day) <= 1).map((day) => `relative day ${day}`),
    ...Object.values(dates.periods).map((period) => `period ${period}`),
    ...(dates.ago.word === '' ? [] : ['ago']),
  ];
}

function queryPieces({ query }: LanguagePack): string[] {
  const { currencies, sizes, stem: _stem, ...lists } = query;
  return [
    ...Object.entries(lists).flatMap(([name, list]) => filled(name, list)),
    ...Object.entries(currencies).flatMap(([code, names]) => filled(`currency ${code}`, names ?? [])),
    ...Object.values(sizes).map((size) => `size ${size}`),
  ];
}

const redactionPieces = ({ redaction }: LanguagePack) => [
  ...filled('addresses', redaction.addresses),
  ...Object.entries(redaction.spokenEmail).flatMap(([name, words]) => filled(`spoken e-mail ${name}`, words)),
];

const catalogPieces = ({ demoCatalog }: LanguagePack) => Object.keys(demoCatalog.terms.categories).map((category) => `category ${category}`);

/** The demo catalog is in English; every other language names the same products. */
const CATALOG_LANGUAGE = 'en';
const otherLanguages = Object.values(PACKS).filter((pack) => !pack.locale.startsWith(`${CATALOG_LANGUAGE}-`));

describe('language packs', () => {
  it('are registered for every folder, and have a folder, a model and an evaluation set each', () => {
    const folders = fs.readdirSync(PACKS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(folders).toEqual([...LOCALES].sort());
    expect(models.map((model) => model.locale).sort()).toEqual([...LOCALES].sort());
    expect(Object.keys(BUNDLED_MODELS).sort()).toEqual([...LOCALES].sort());
    expect([...evaluationLocales()].sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) expect({ locale, phrasings: loadEvaluationSet(locale, 'evaluation').length >= 100 }).toEqual({ locale, phrasings: true });
    for (const [locale, pack] of Object.entries(PACKS)) expect(pack.locale).toBe(locale);
  });

  it.each([
    ['messages', messagePieces],
    ['interaction model', modelPieces],
    ['understanding words', wordPieces],
    ['query words', queryPieces],
    ['redaction', redactionPieces],
    ['demo catalog words', catalogPieces],
  ] as const)('have the same %s', (_, pieces) => {
    expect(lacking(pieces)).toEqual({});
  });

  it('name the same demo products in every language other than the catalog’s', () => {
    expect(lacking(({ demoCatalog }) => Object.keys(demoCatalog.spokenNames), otherLanguages)).toEqual({});
  });

  it.each(LOCALES)('%s has every plural form its language uses, and no empty sentence', (locale) => {
    const messages = leaves(PACKS[locale].messages());
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.filter((category) => category === 'one' || category === 'other');
    const pluralBases = new Set([...leaves(PACKS['en-US'].messages()).keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
    const missing = [...pluralBases].flatMap((base) => categories.map((category) => `${base}_${category}`)).filter((key) => !messages.has(key));
    expect(missing).toEqual([]);
    const empty = [...messages].filter(([key, text]) => !key.startsWith('list.') && text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

describe('the parity check', () => {
  it('names exactly what one pack lacks', () => {
    const english = PACKS['en-US'];
    const { orderStatus: _dropped, ...rest } = english.messages();
    const withoutOrderStatus = { ...english, locale: 'xx-XX', messages: () => rest } as unknown as LanguagePack;
    const missing = lacking(messagePieces, [english, withoutOrderStatus]);
    expect(Object.keys(missing)).toEqual(['xx-XX']);
    expect(missing['xx-XX']!.every((piece) => piece.startsWith('orderStatus.'))).toBe(true);
    expect(missing['xx-XX']!.length).toBe(new Set([...leaves(english.messages().orderStatus).keys()].map((key) => key.replace(PLURAL, ''))).size);

    const noSeven = { ...english, locale: 'xx-XX', words: { ...english.words, numbers: { ...english.words.numbers, units: { ...english.words.numbers.units, seven: undefined } } } };
    delete (noSeven.words.numbers.units as Record<string, unknown>).seven;
    expect(lacking(wordPieces, [english, noSeven as unknown as LanguagePack])).toEqual({ 'xx-XX': ['number 7'] });
  });
});
