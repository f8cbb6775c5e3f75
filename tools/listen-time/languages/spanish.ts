import { monthNameIn, type SpokenDate, type SpokenLanguage } from './spoken-language';

/**
 * Spanish numbers as written: one word to twenty-nine ("veintitrés"), then "treinta y uno";
 * "uno" shortened before a multiplier ("veintiún mil", "un millón"); a thousand millions is "mil
 * millones", not a billion.
 */

const UNITS = [
  'cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince',
  'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco',
  'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];

function belowThousand(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(hundreds === 1 && rest === 0 ? 'cien' : HUNDREDS[hundreds]!);
  if (rest >= 30) words.push(TENS[Math.floor(rest / 10)]!, ...(rest % 10 > 0 ? ['y', UNITS[rest % 10]!] : []));
  else if (rest > 0) words.push(UNITS[rest]!);
  return words;
}

/** Before "mil", "millón" and "billón" a final "uno" loses its o: "veintiún mil", "treinta y un millones". */
function beforeMultiplier(words: readonly string[]): string[] {
  const last = words.at(-1);
  if (last === 'uno') return [...words.slice(0, -1), 'un'];
  if (last === 'veintiuno') return [...words.slice(0, -1), 'veintiún'];
  return [...words];
}

function cardinal(value: number): string[] {
  if (value === 0) return ['cero'];
  const words: string[] = [];
  const scaled = (count: number, one: string, many: string) => {
    if (count > 0) words.push(...beforeMultiplier(cardinal(count)), count === 1 ? one : many);
  };
  scaled(Math.floor(value / 1e12), 'billón', 'billones');
  scaled(Math.floor((value % 1e12) / 1e6), 'millón', 'millones');
  const thousands = Math.floor((value % 1e6) / 1000);
  if (thousands > 1) words.push(...beforeMultiplier(belowThousand(thousands)));
  if (thousands > 0) words.push('mil');
  if (value % 1000 > 0) words.push(...belowThousand(value % 1000));
  return words;
}

const ORDINAL_UNITS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ORDINAL_TEENS = ['décimo', 'undécimo', 'duodécimo', 'decimotercero', 'decimocuarto', 'decimoquinto', 'decimosexto', 'decimoséptimo', 'decimoctavo', 'decimonoveno'];
const ORDINAL_TENS = ['', '', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'];
const ORDINAL_HUNDREDS = [
  '', 'centésimo', 'ducentésimo', 'tricentésimo', 'cuadringentésimo', 'quingentésimo', 'sexcentésimo', 'septingentésimo', 'octingentésimo', 'noningentésimo',
];

/** "primero", "decimotercero", "vigésimo quinto", "centésimo"; thousands as "dos milésimo". */
function ordinal(value: number): string[] {
  const words: string[] = [];
  const thousands = Math.floor(value / 1000);
  if (thousands > 1) words.push(...beforeMultiplier(cardinal(thousands)));
  if (thousands > 0) words.push('milésimo');
  const hundreds = Math.floor((value % 1000) / 100);
  const rest = value % 100;
  if (hundreds > 0) words.push(ORDINAL_HUNDREDS[hundreds]!);
  if (rest >= 10 && rest < 20) words.push(ORDINAL_TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(ORDINAL_TENS[Math.floor(rest / 10)]!);
    if (rest % 10 > 0) words.push(ORDINAL_UNITS[rest % 10]!);
  }
  return words.length > 0 ? words : cardinal(value);
}

/**
 * "veinticinco de noviembre de dos mil veintiséis". The first of the month is "primero" in the
 * Americas and "uno" in Spain.
 */
function date({ year, month, day }: SpokenDate, locale: string): string[] {
  const name = month === undefined ? undefined : monthNameIn(month, locale);
  const first = /^es-es$/i.test(locale) ? 'uno' : 'primero';
  const words = day === undefined ? [] : day === 1 ? [first] : cardinal(day);
  if (name) words.push(...(words.length > 0 ? ['de'] : []), name);
  if (year !== undefined) words.push(...(words.length > 0 ? ['de'] : []), ...cardinal(year));
  return words;
}

const LETTER_NAMES: Readonly<Record<string, string>> = {
  b: 'be', c: 'ce', d: 'de', f: 'efe', g: 'ge', h: 'hache', j: 'jota', k: 'ka', l: 'ele', m: 'eme', n: 'ene', ñ: 'eñe', p: 'pe',
  q: 'cu', r: 'erre', s: 'ese', t: 'te', v: 'uve', w: 'uve doble', x: 'equis', y: 'i griega', z: 'zeta',
};

export const SPANISH: SpokenLanguage = {
  cardinal,
  ordinal,
  year: cardinal,
  date,
  digitNames: UNITS.slice(0, 10),
  letterName: (letter) => LETTER_NAMES[letter.toLowerCase()] ?? letter,
  minus: 'menos',
  // Spain writes a decimal comma, the United States and Mexico a point; each is said by its name.
  decimalWord: (mark) => (mark === '.' ? 'punto' : 'coma'),
  centsJoiner: 'con',
  currencies: { $: ['dólares', 'centavos'], '€': ['euros', 'céntimos'], '£': ['libras', 'peniques'] },
  symbols: { '&': 'y', '+': 'más', '%': 'por ciento', '@': 'arroba', '=': 'igual' },
  // "1.º", "1º", "2.ª", "1.er".
  writtenOrdinal: /^(\d+)(?:\.?[ºª°]|\.?er)$/,
};
