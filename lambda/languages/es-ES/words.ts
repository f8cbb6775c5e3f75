import type { Language } from '../../understanding/languages/language';

// Spelled as the tokenizer leaves them: accents dropped ("veintitrés" → "veintitres", "año" → "ano").

const UNITS: Readonly<Record<string, number>> = {
  cero: 0, uno: 1, un: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18,
  diecinueve: 19,
};
const TENS: Readonly<Record<string, number>> = {
  veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
};
const HUNDRED = 'cientos';

/** Hundreds written as one word whose first part is not the unit as said alone ("setecientos" is seven hundred). */
const IRREGULAR_HUNDREDS: Readonly<Record<string, string>> = { sete: 'siete', nove: 'nueve' };

/**
 * "veintitrés" → ["veinte", "tres"], "doscientas" → ["dos", "cientos"], "quinientos" → ["cinco",
 * "cientos"]; undefined for any other word. Spanish writes the twenties and the hundreds as one word.
 */
function splitCompound(word: string): readonly string[] | undefined {
  if (word.startsWith('veinti')) {
    const unit = word.slice('veinti'.length);
    return UNITS[unit] !== undefined && unit !== 'cero' ? ['veinte', unit] : undefined;
  }
  if (/^quinient[oa]s$/.test(word)) return ['cinco', HUNDRED];
  const hundreds = /^(.+?)cient[oa]s$/.exec(word);
  if (!hundreds) return undefined;
  const stem = hundreds[1] ?? '';
  const irregular = IRREGULAR_HUNDREDS[stem];
  if (irregular) return [irregular, HUNDRED];
  const unit = UNITS[stem];
  return unit !== undefined && unit > 1 ? [stem, HUNDRED] : undefined;
}

/** Ordinal stems, said with an ending for gender and number ("primera", "segundos"); "primer" and "tercer" have none. */
const ORDINAL_STEMS: Readonly<Record<string, number>> = {
  primer: 1, segund: 2, tercer: 3, cuart: 4, quint: 5, sext: 6, septim: 7, setim: 7, octav: 8, noven: 9, decim: 10,
  undecim: 11, duodecim: 12, vigesim: 20, trigesim: 30,
};
const ORDINAL_ENDINGS = ['os', 'as', 'o', 'a', ''];
/** Written ordinals: "1º" and "1ª" (the tokenizer reads º and ª as o and a), "3er". */
const WRITTEN_ORDINAL = /^(\d+)(?:o|a|os|as|er|ero|era)$/;

function ordinalOfWord(word: string): number | undefined {
  for (const ending of ORDINAL_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const value = ORDINAL_STEMS[word.slice(0, word.length - ending.length)];
    if (value !== undefined) return value;
  }
  return undefined;
}

function ordinal(word: string): number | undefined {
  const written = WRITTEN_ORDINAL.exec(word);
  if (written) return Number(written[1]);
  const whole = ordinalOfWord(word);
  if (whole !== undefined) return whole;
  // "decimotercero", "vigesimoprimera": tens and unit as one word.
  for (const [tens, value] of [['decimo', 10], ['decima', 10], ['vigesimo', 20], ['vigesima', 20]] as const) {
    const unit = word.startsWith(tens) ? ordinalOfWord(word.slice(tens.length)) : undefined;
    if (unit !== undefined && unit < 10) return value + unit;
  }
  return undefined;
}

export const SPANISH: Language = {
  // "del" and "al" are "de el" and "a el" written as one.
  contractions: { del: 'de el', al: 'a el', porfa: 'por favor', porfi: 'por favor' },
  contractionSuffixes: [],
  compounds: false,
  // "zapatillas de correr", "café de Colombia", "sudadera con capucha", "chaqueta azul": what describes a thing follows it.
  describedAfterNoun: { joiners: ['de', 'para', 'con', 'sin'], bare: true },
  // Plural and gender endings, and a verb's person: "zapatillas" is "zapatilla", "marrones" is "marron",
  // "rojo" is "roja", "funcionan" and "funciona" are one verb.
  inflections: ['es', 'as', 'os', 'an', 'en', 's', 'a', 'o', 'e'],
  fillers: ['eh', 'ehm', 'em', 'mmm', 'mm', 'hmm', 'uhm', 'oye', 'oiga', 'hola', 'pues', 'mira', 'mire', 'alexa', 'google'],
  acknowledgements: ['vale', 'ok', 'okay', 'de acuerdo', 'bueno', 'venga', 'muy bien', 'perfecto', 'genial', 'entendido', 'bien'],
  articles: ['el', 'la', 'los', 'las', 'lo', 'un', 'una', 'unos', 'unas'],
  determiners: [
    'algun', 'alguna', 'algunos', 'algunas', 'algo de', 'su', 'sus', 'vuestro', 'vuestra', 'vuestros', 'vuestras', 'tu', 'tus',
    'cualquier',
  ],
  hedges: [
    'creo', 'creo que', 'supongo', 'supongo que', 'me parece que', 'pienso que', 'diria que', 'yo diria', 'quiero', 'quisiera',
    'me gustaria', 'prefiero', 'me quedo con', 'dame', 'deme', 'ponme', 'pongame', 'necesito', 'quizas', 'quiza',
    'tal vez', 'a lo mejor', 'igual', 'probablemente', 'seguramente', 'pues', 'entonces', 'gracias', 'muchas gracias',
    'por favor', 'a ver', 'en plan', 'digamos', 'mas o menos', 'la verdad', 'por ahora', 'de momento',
  ],
  repairs: [
    'no espera', 'no espere', 'no perdon', 'no mejor', 'no no', 'perdon', 'perdona', 'perdone', 'quiero decir', 'queria decir',
    'mejor dicho', 'o sea', 'digo', 'espera', 'espere', 'mejor',
  ],
  // "No" alone negates ("no funciona", "el chubasquero, no la chaqueta"); it takes back what was
  // said only with a word that says so ("no, perdón", "no, espera"), which the repairs list.
  negations: ['no', 'pero no', 'y no', 'ni'],
  prepositions: ['para', 'por', 'de', 'bajo', 'debajo', 'menos', 'mas', 'sobre', 'hasta', 'sin', 'unos', 'alrededor'],
  numbers: {
    units: UNITS,
    teens: TEENS,
    tens: TENS,
    hundred: ['cien', 'ciento', HUNDRED],
    thousand: ['mil'],
    joiners: ['y'],
    // "un" is a unit already: "un millar" is not said for a price.
    oneBeforeMultiplier: [],
    pair: ['los dos', 'las dos', 'ambos', 'ambas', 'un par', 'par'],
    splitCompound,
    ordinal,
  },
  dates: {
    relativeDays: {
      hoy: 0, 'esta noche': 0, manana: 1, ayer: -1, anteayer: -2, antier: -2, 'antes de ayer': -2, 'antes de anoche': -2, 'pasado manana': 2,
      anoche: -1,
    },
    weekdays: { lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6, domingo: 7 },
    months: {
      enero: 1, ene: 1, febrero: 2, feb: 2, marzo: 3, mar: 3, abril: 4, abr: 4, mayo: 5, junio: 6, jun: 6, julio: 7, jul: 7,
      agosto: 8, ago: 8, septiembre: 9, setiembre: 9, sept: 9, sep: 9, octubre: 10, oct: 10, noviembre: 11, nov: 11,
      diciembre: 12, dic: 12,
    },
    // Said before or after what they count: "el pasado lunes", "el lunes pasado", "la semana que viene".
    offsets: {
      pasado: -1, pasada: -1, anterior: -1, ultimo: -1, ultima: -1, este: 0, esta: 0, actual: 0, proximo: 1, proxima: 1,
      siguiente: 1,
    },
    periods: {
      dia: 'day', dias: 'day', semana: 'week', semanas: 'week', finde: 'weekend', findes: 'weekend', mes: 'month',
      meses: 'month', ano: 'year', anos: 'year',
    },
    present: ['ahora', 'ahora mismo'],
    one: ['un', 'una', 'uno'],
    vagueCounts: { 'un par de': 2, 'un par': 2, par: 2, unos: 3, unas: 3, 'unos cuantos': 3, 'unas cuantas': 3, 'algunos': 3, 'algunas': 3, pocos: 3, pocas: 3, 'unos pocos': 3, 'unas pocas': 3 },
    relativePeriods: {
      'semana que viene': { unit: 'week', offset: 1 }, 'mes que viene': { unit: 'month', offset: 1 },
      'semana antepasada': { unit: 'week', offset: -2 }, 'mes antepasado': { unit: 'month', offset: -2 },
      'fin de semana pasado': { unit: 'weekend', offset: -1 }, 'pasado fin de semana': { unit: 'weekend', offset: -1 },
      'ultimo fin de semana': { unit: 'weekend', offset: -1 }, 'fin de semana que viene': { unit: 'weekend', offset: 1 },
      'proximo fin de semana': { unit: 'weekend', offset: 1 },
    },
    dayOfMonth: ['dia'],
    ago: { word: 'hace', position: 'before' },
    fillers: [
      'el', 'la', 'los', 'las', 'de', 'del', 'en', 'a', 'al', 'sobre', 'hacia', 'desde', 'principios', 'primeros', 'finales', 'mediados',
      'eso', 'como', 'por', 'ahi', 'mas', 'o', 'menos', 'ya', 'cosa', 'aproximadamente', 'unos', 'unas',
    ],
  },
};
