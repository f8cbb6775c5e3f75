import type { Language } from '../../understanding/languages/language';

// Spelled as the tokenizer leaves them: umlauts as ae, oe, ue and ß as ss.

const UNITS: Readonly<Record<string, number>> = {
  null: 0, eins: 1, ein: 1, eine: 1, einen: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  zehn: 10, elf: 11, zwoelf: 12, dreizehn: 13, vierzehn: 14, fuenfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18,
  neunzehn: 19,
};
const TENS: Readonly<Record<string, number>> = {
  zwanzig: 20, dreissig: 30, vierzig: 40, fuenfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
const JOINER = 'und';
const NUMBER_PARTS = [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), 'hundert', 'tausend', JOINER]
  // Longest first, so "sechzehn" is tried before "sechs".
  .sort((a, b) => b.length - a.length);

/** "zweiundvierzig" → ["zwei", "und", "vierzig"]; undefined unless the whole word is made of number parts. */
function splitCompound(word: string): readonly string[] | undefined {
  if (word === '') return [];
  for (const part of NUMBER_PARTS) {
    if (!word.startsWith(part)) continue;
    const rest = splitCompound(word.slice(part.length));
    if (rest) return [part, ...rest];
  }
  return undefined;
}

/** Ordinal stems whose cardinal is not the stem without its last "t". */
const IRREGULAR_ORDINAL_STEMS: Readonly<Record<string, number>> = { erst: 1, dritt: 3, siebt: 7, acht: 8 };
const ORDINAL_ENDINGS = ['en', 'er', 'es', 'em', 'e'];

export const GERMAN: Language = {
  contractions: { "gibt's": 'gibt es', "geht's": 'geht es', "wie's": 'wie es' },
  contractionSuffixes: [],
  compounds: true,
  inflections: ['en', 'er', 'es', 'em', 'e', 'n', 's'],
  fillers: ['bitte', 'aeh', 'aehm', 'hm', 'hmm', 'hallo', 'hey', 'hi', 'also', 'mal', 'doch', 'eigentlich', 'denn', 'halt', 'alexa', 'google'],
  acknowledgements: ['okay', 'ok', 'alles klar', 'na gut', 'gut'],
  articles: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines'],
  determiners: ['einige', 'irgendwelche', 'irgendein', 'irgendeine', 'irgendeinen', 'eure', 'euren', 'eurer', 'ihre', 'ihren', 'ihrer'],
  hedges: [
    'ich glaube', 'glaube ich', 'ich denke', 'denke ich', 'ich schaetze', 'schaetze ich', 'ich nehme', 'nehme ich',
    'ich moechte', 'ich haette gern', 'ich haette gerne', 'ich will', 'vielleicht', 'wahrscheinlich', 'wohl',
    'lieber', 'dann', 'danke', 'bitte', 'bitte schoen', 'so', 'sowas wie', 'so etwas wie',
  ],
  repairs: ['nein warte', 'nein moment', 'nein sorry', 'nein doch', 'nee warte', 'nee moment', 'nee sorry', 'nee doch', 'sorry', 'ich meine', 'ich meinte', 'moment', 'warte', 'eher', 'nein', 'nee'],
  negations: ['nicht', 'aber nicht', 'und nicht'],
  prepositions: ['fuer', 'fuers', 'zum', 'zur', 'unter', 'ueber', 'um', 'ohne'],
  numbers: {
    units: UNITS,
    teens: TEENS,
    tens: TENS,
    hundred: ['hundert'],
    thousand: ['tausend'],
    joiners: [JOINER],
    // "ein" is a unit already: "ein hundert" reads as it is.
    oneBeforeMultiplier: [],
    pair: ['beide', 'beiden', 'beides'],
    splitCompound,
    ordinal(word, cardinal) {
      // An ordinal always carries an ending ("dritten", "erste"); "acht" alone is a cardinal.
      const ending = ORDINAL_ENDINGS.find((candidate) => word.endsWith(candidate) && word.length > candidate.length + 2);
      if (ending === undefined) return undefined;
      const stem = word.slice(0, -ending.length);
      const irregular = IRREGULAR_ORDINAL_STEMS[stem];
      if (irregular !== undefined) return irregular;
      // From twenty on the ending is "-ste" ("zwanzigste"), below it "-te" ("vierte", "sechste").
      const fromTwenty = stem.endsWith('st') ? cardinal(stem.slice(0, -2)) : undefined;
      return fromTwenty ?? (stem.endsWith('t') ? cardinal(stem.slice(0, -1)) : undefined);
    },
  },
  dates: {
    relativeDays: { heute: 0, morgen: 1, gestern: -1, uebermorgen: 2, vorgestern: -2 },
    weekdays: { montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6, sonntag: 7 },
    months: {
      januar: 1, jaenner: 1, jan: 1, februar: 2, feb: 2, maerz: 3, april: 4, apr: 4, mai: 5, juni: 6, juli: 7,
      august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10, november: 11, nov: 11, dezember: 12,
      dez: 12,
    },
    offsets: {
      letzte: -1, letzten: -1, letzter: -1, letztes: -1, letztem: -1, vergangene: -1, vergangenen: -1, vergangener: -1,
      vergangenes: -1, vergangenem: -1, diese: 0, diesen: 0, dieser: 0, dieses: 0, diesem: 0, naechste: 1, naechsten: 1, naechster: 1,
      naechstes: 1, naechstem: 1, kommende: 1, kommenden: 1, kommender: 1, kommendes: 1, kommendem: 1,
    },
    periods: {
      tag: 'day', tage: 'day', tagen: 'day', woche: 'week', wochen: 'week', wochenende: 'weekend', monat: 'month',
      monate: 'month', monaten: 'month', jahr: 'year', jahre: 'year', jahren: 'year',
    },
    present: ['jetzt', 'gerade'],
    one: ['einer', 'einem', 'einen', 'eine', 'ein'],
    vagueCounts: { paar: 3, 'ein paar': 3, 'einigen': 3, 'einige': 3 },
    relativePeriods: {
      'vorletzte woche': { unit: 'week', offset: -2 }, 'vorletzten woche': { unit: 'week', offset: -2 },
      'vorletzten monat': { unit: 'month', offset: -2 }, 'vorletzter monat': { unit: 'month', offset: -2 },
    },
    ago: { word: 'vor', position: 'before' },
    fillers: ['am', 'an', 'den', 'dem', 'der', 'die', 'im', 'in', 'des', 'seit', 'vom', 'so', 'etwa', 'ungefaehr', 'anfang', 'ende', 'mitte', 'irgendwann'],
  },
};
