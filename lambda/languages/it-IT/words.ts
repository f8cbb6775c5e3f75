import type { Language } from '../../understanding/languages/language';

// Spelled as the tokenizer leaves them: accents dropped ("ventitré" → "ventitre", "lunedì" → "lunedi").

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, uno: 1, un: 1, una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  dieci: 10, undici: 11, dodici: 12, tredici: 13, quattordici: 14, quindici: 15, sedici: 16, diciassette: 17, diciotto: 18,
  diciannove: 19,
};
const TENS: Readonly<Record<string, number>> = {
  venti: 20, trenta: 30, quaranta: 40, cinquanta: 50, sessanta: 60, settanta: 70, ottanta: 80, novanta: 90,
};
const HUNDRED = 'cento';
const THOUSAND = 'mille';
/** "duemila": a thousand after a count of thousands. */
const THOUSANDS = 'mila';

/**
 * The parts a number written as one word is made of, with the word each stands for, and what kind
 * of part it is: `u` a unit from two, `o` one, `t` a teen, `d` a ten, `h` a hundred, `m` "mille", `k` "mila".
 * Tens and "cento" drop their last vowel before "uno" and "otto": "ventuno", "trentotto", "centottanta".
 */
type Part = readonly [spelled: string, word: string, kind: string];
const part = (spelled: string, word: string, kind: string): Part => [spelled, word, kind];
const PARTS: readonly Part[] = [
  ...['due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'].map((word) => part(word, word, 'u')),
  part('uno', 'uno', 'o'),
  part('un', 'uno', 'o'),
  ...Object.keys(TEENS).map((word) => part(word, word, 't')),
  ...Object.keys(TENS).flatMap((word) => [part(word, word, 'd'), part(word.slice(0, -1), word, 'd')]),
  part(HUNDRED, HUNDRED, 'h'),
  part('cent', HUNDRED, 'h'),
  part(THOUSAND, THOUSAND, 'm'),
  part(THOUSANDS, THOUSANDS, 'k'),
].sort((a, b) => b[0].length - a[0].length);

/** Below a thousand: "settecentoventidue", "duecento", "ventuno", "tredici". */
const BELOW_THOUSAND = '(?:u?h(?:d[uo]?|t|[uo])?|d[uo]?|t|[uo])';
/** A whole number: "diecimilasettecentoventidue", "milleduecento", "duemila". */
const WHOLE_NUMBER = new RegExp(`^(?:${BELOW_THOUSAND}k|m)?${BELOW_THOUSAND}?$`);

/** The first way to read `word` as parts, after `kinds` already read, that makes one whole number. */
function splitFrom(word: string, kinds: string): string[] | undefined {
  if (word === '') return kinds !== '' && WHOLE_NUMBER.test(kinds) ? [] : undefined;
  for (const [spelled, canonical, kind] of PARTS) {
    if (!word.startsWith(spelled)) continue;
    const rest = splitFrom(word.slice(spelled.length), kinds + kind);
    if (rest) return [canonical, ...rest];
  }
  return undefined;
}

/** "ventitre" → ["venti", "tre"], "duemila" → ["due", "mila"]; undefined unless the whole word is one number. */
function splitCompound(word: string): readonly string[] | undefined {
  return splitFrom(word, '');
}

/** The first ten ordinals, without their ending ("terz-o", "terz-a", "terz-i"). */
const ORDINAL_STEMS: Readonly<Record<string, number>> = {
  prim: 1, second: 2, terz: 3, quart: 4, quint: 5, sest: 6, settim: 7, ottav: 8, non: 9, decim: 10,
};
const GENDER_ENDINGS = ['o', 'a', 'i', 'e'];
/** From eleven on, an ordinal is its cardinal without the last vowel, plus "-esimo": "undicesimo", "ventitreesimo". */
const ORDINAL_SUFFIX = 'esim';

export const ITALIAN: Language = {
  contractions: {
    "c'e": 'ci e', "dov'e": 'dove e', "com'e": 'come e', "cos'e": 'cosa e', "qual'e": 'quale e', "quand'e": 'quando e',
    "po'": 'poco',
  },
  // Articles, prepositions and pronouns lose their vowel before one: "l'ordine", "dell'ordine", "un'altra", "m'hanno".
  elisions: [
    ["dell'", 'dello '],
    ["dall'", 'dallo '],
    ["nell'", 'nello '],
    ["sull'", 'sullo '],
    ["all'", 'allo '],
    ["quell'", 'quello '],
    ["quest'", 'questo '],
    ["nessun'", 'nessuna '],
    ["tutt'", 'tutto '],
    ["un'", 'una '],
    ["dov'", 'dove '],
    ["com'", 'come '],
    ["cos'", 'cosa '],
    ["quand'", 'quando '],
    ["l'", 'lo '],
    ["d'", 'di '],
    ["c'", 'ci '],
    ["m'", 'mi '],
    ["t'", 'ti '],
    ["s'", 'si '],
    ["v'", 'vi '],
    ["n'", 'ne '],
  ],
  contractionSuffixes: [],
  compounds: false,
  // Gender and number: "scarpa"/"scarpe", "giacca"/"giacche", "arrivato"/"arrivata"/"arrivati".
  inflections: ['che', 'chi', 'ghe', 'ghi', 'ca', 'co', 'ga', 'go', 'i', 'e', 'a', 'o'],
  fillers: [
    'ehm', 'eh', 'ehi', 'uhm', 'mmm', 'hmm', 'ah', 'oh', 'beh', 'mah', 'allora', 'dunque', 'insomma', 'praticamente',
    'senti', 'senta', 'ascolta', 'ascolti', 'salve', 'buongiorno', 'buonasera', 'favore', 'cortesemente', 'gentilmente',
    'alexa', 'google',
  ],
  acknowledgements: ['ok', 'okay', 'va bene', 'bene', 'perfetto', 'di accordo'],
  // With the partitive articles: "dei calzini", "del caffè".
  articles: ['il', 'lo', 'la', 'i', 'gli', 'le', 'l', 'un', 'uno', 'una', 'del', 'dello', 'della', 'dei', 'degli', 'delle'],
  determiners: [
    'qualche', 'alcuni', 'alcune', 'vostro', 'vostra', 'vostri', 'vostre',
    'tuo', 'tua', 'tuoi', 'tue', 'suo', 'sua', 'suoi', 'sue',
  ],
  hedges: [
    'penso', 'credo', 'direi', 'mi sa', 'forse', 'probabilmente', 'magari', 'vorrei', 'voglio', 'mi serve',
    'facciamo', 'diciamo', 'mettiamo', 'grazie', 'per favore', 'per piacere', 'per cortesia', 'allora',
    'quindi', 'per ora', 'tipo', 'direi che', 'penso che', 'credo che', 'va bene', 'pure',
  ],
  repairs: [
    'no aspetta', 'no aspetti', 'no scusa', 'no scusi', 'no anzi', 'anzi no', 'no volevo dire', 'volevo dire', 'intendevo',
    'intendo', 'cioe', 'anzi', 'scusa', 'scusi', 'aspetta', 'aspetti', 'o meglio', 'no'],
  negations: ['non', 'ma non', 'e non'],
  prepositions: ['per', 'da', 'sotto', 'sopra', 'oltre', 'intorno', 'attorno', 'circa', 'senza'],
  // A name goes on after its noun: joined by a preposition ("crocchette per il cane", "lettiera del
  // gatto", "berretto a trecce") or by an adjective alone ("cassa bluetooth", "caffè colombiano").
  describedAfterNoun: {
    joiners: [
      'di', 'del', 'dello', 'della', 'dei', 'degli', 'delle', 'da', 'dal', 'dalla', 'per', 'a', 'al', 'allo', 'alla', 'ai', 'alle', 'in',
      'con',
    ],
    bare: true,
  },
  numbers: {
    units: UNITS,
    teens: TEENS,
    tens: TENS,
    hundred: [HUNDRED],
    thousand: [THOUSAND, THOUSANDS],
    // None: "e" joins numbers only past a thousand ("mille e cinquecento"), and as a joiner it would
    // read "due e cinquanta" (2,50) as 52 and run into the "è" before a PIN.
    joiners: [],
    // "un" is a unit already: "un centinaio" is no number people give exactly.
    oneBeforeMultiplier: [],
    pair: ['entrambi', 'entrambe', 'tutti e due', 'tutte e due', 'ambedue', 'un paio', 'tutti e 2', 'tutte e 2'],
    splitCompound,
    ordinal(word, cardinal) {
      // "1º", "2a", as typed; "º" reads "o".
      const written = /^(\d+)[oa]$/.exec(word);
      if (written) return Number(written[1]);
      if (!GENDER_ENDINGS.some((ending) => word.endsWith(ending)) || word.length < 4) return undefined;
      const stem = word.slice(0, -1);
      const first = ORDINAL_STEMS[stem];
      if (first !== undefined) return first;
      if (!stem.endsWith(ORDINAL_SUFFIX)) return undefined;
      const base = stem.slice(0, -ORDINAL_SUFFIX.length);
      // "ventitre-esimo" keeps its last vowel, "undic-esimo" lost it.
      for (const vowel of ['', 'i', 'e', 'a', 'o']) {
        const value = cardinal(base + vowel);
        if (value !== undefined && value > 10) return value;
      }
      return undefined;
    },
  },
  dates: {
    relativeDays: {
      oggi: 0, stamattina: 0, stamani: 0, stasera: 0, stanotte: 0, 'oggi pomeriggio': 0, domani: 1, dopodomani: 2, ieri: -1,
      'ieri sera': -1, 'ieri mattina': -1, 'ieri pomeriggio': -1, avantieri: -2, 'lo altro ieri': -2, 'altro ieri': -2,
      'ieri lo altro': -2,
    },
    weekdays: { lunedi: 1, martedi: 2, mercoledi: 3, giovedi: 4, venerdi: 5, sabato: 6, domenica: 7 },
    months: {
      gennaio: 1, gen: 1, febbraio: 2, feb: 2, marzo: 3, aprile: 4, apr: 4, maggio: 5, giugno: 6, giu: 6, luglio: 7, lug: 7,
      agosto: 8, settembre: 9, sett: 9, ottobre: 10, ott: 10, novembre: 11, nov: 11, dicembre: 12, dic: 12,
    },
    // Said before or after what they count from: "la settimana scorsa", "lo scorso mese", "lunedì prossimo".
    offsets: {
      scorso: -1, scorsa: -1, scorsi: -1, scorse: -1, passato: -1, passata: -1, passati: -1, passate: -1, precedente: -1,
      questo: 0, questa: 0, prossimo: 1, prossima: 1, prossimi: 1, prossime: 1,
    },
    periods: {
      giorno: 'day', giorni: 'day', settimana: 'week', settimane: 'week', weekend: 'weekend', mese: 'month', mesi: 'month',
      anno: 'year', anni: 'year',
    },
    present: ['adesso', 'ora', 'in questo momento'],
    one: ['un', 'uno', 'una'],
    vagueCounts: { paio: 2, 'un paio': 2, qualche: 3, pochi: 3, alcuni: 3, alcune: 3, decina: 10, quindicina: 15 },
    relativePeriods: {
      'altra settimana': { unit: 'week', offset: -1 }, 'settimana prima della scorsa': { unit: 'week', offset: -2 },
      'altro mese': { unit: 'month', offset: -1 }, 'mese prima dello scorso': { unit: 'month', offset: -2 },
    },
    ago: { word: 'fa', position: 'after' },
    fillers: [
      'il', 'lo', 'la', 'i', 'gli', 'le', 'l', 'di', 'del', 'dello', 'della', 'a', 'al', 'allo', 'alla', 'in', 'nel', 'nello',
      'nella', 'da', 'dal', 'dallo', 'dalla', 'verso', 'circa', 'tipo', 'intorno', 'attorno', 'inizio', 'fine', 'meta', 'tra',
      'ai', 'agli', 'primi', 'ultimi',
    ],
  },
};
