import { monthNameIn, type SpokenDate, type SpokenLanguage } from './spoken-language';

/**
 * Italian numbers below a million are one word, with the elisions a speaker makes: "ventuno",
 * "ventotto", "centottanta", "duemilaventisei", "ventitré". Millions and milliards are nouns:
 * "un milione", "due miliardi".
 */

const UNITS = ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove'];
const TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];

/**
 * Two words run together: a tens word loses its final vowel before "uno" and "otto" ("ventuno",
 * "trentotto"), and "cento" before "otto" and "ottanta" ("centotto", "centottanta").
 */
function join(first: string, second: string): string {
  if (first === '' || second === '') return first + second;
  const elided = first.endsWith('cento') ? /^ott/.test(second) : /^(uno|otto)$/.test(second);
  return elided ? first.slice(0, -1) + second : first + second;
}

function belowHundred(n: number): string {
  if (n < 20) return UNITS[n]!;
  return n % 10 === 0 ? TENS[Math.floor(n / 10)]! : join(TENS[Math.floor(n / 10)]!, UNITS[n % 10]!);
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const prefix = hundreds === 0 ? '' : hundreds === 1 ? 'cento' : `${UNITS[hundreds]}cento`;
  return join(prefix, n % 100 > 0 ? belowHundred(n % 100) : '');
}

/** A compound ending in "tre" carries its stress there: "ventitré", "centotré". */
const stressed = (word: string) => (word.length > 3 && word.endsWith('tre') ? `${word.slice(0, -1)}é` : word);

function belowMillion(n: number): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000 > 0 ? belowThousand(n % 1000) : '';
  if (thousands === 0) return stressed(rest);
  // "mille", "duemila", "ventunmila".
  const prefix = thousands === 1 ? 'mille' : `${belowThousand(thousands).replace(/uno$/, 'un')}mila`;
  return stressed(prefix + rest);
}

function cardinal(value: number): string[] {
  let n = value;
  if (n === 0) return ['zero'];
  const words: string[] = [];
  for (const scale of [
    { value: 1e9, one: 'miliardo', many: 'miliardi' },
    { value: 1e6, one: 'milione', many: 'milioni' },
  ]) {
    const count = Math.floor(n / scale.value);
    if (count === 0) continue;
    words.push(...(count === 1 ? ['un'] : cardinal(count)), count === 1 ? scale.one : scale.many);
    n %= scale.value;
  }
  return n === 0 ? words : [...words, belowMillion(n)];
}

const FIRST_ORDINALS = ['', 'primo', 'secondo', 'terzo', 'quarto', 'quinto', 'sesto', 'settimo', 'ottavo', 'nono', 'decimo'];

/** "primo" to "decimo", then the cardinal with "-esimo": "undicesimo", "ventitreesimo", "ventiseiesimo". */
function ordinal(value: number): string[] {
  if (value >= 1 && value <= 10) return [FIRST_ORDINALS[value]!];
  const words = cardinal(value);
  const last = words.pop() ?? '';
  const stem = last.endsWith('tré') ? `${last.slice(0, -1)}e` : last.endsWith('sei') ? last : last.replace(/[aeiou]$/, '');
  return [...words, `${stem}esimo`];
}

/** "il primo maggio", "il venticinque novembre duemilaventisei". */
function date({ year, month, day }: SpokenDate, locale: string): string[] {
  const name = month === undefined ? undefined : monthNameIn(month, locale);
  const words = [...(day === undefined ? [] : day === 1 ? ['primo'] : cardinal(day)), ...(name ? [name] : [])];
  return year === undefined ? words : [...words, ...cardinal(year)];
}

const LETTER_NAMES: Readonly<Record<string, string>> = {
  b: 'bi', c: 'ci', d: 'di', f: 'effe', g: 'gi', h: 'acca', j: 'i lunga', k: 'cappa', l: 'elle', m: 'emme', n: 'enne', p: 'pi',
  q: 'cu', r: 'erre', s: 'esse', t: 'ti', v: 'vu', w: 'doppia vu', x: 'ics', y: 'ipsilon', z: 'zeta',
};

export const ITALIAN: SpokenLanguage = {
  cardinal,
  ordinal,
  year: cardinal,
  date,
  digitNames: UNITS.slice(0, 10),
  letterName: (letter) => LETTER_NAMES[letter.toLowerCase()] ?? letter,
  minus: 'meno',
  decimalWord: () => 'virgola',
  centsJoiner: 'e',
  currencies: { $: ['dollari', 'centesimi'], '€': ['euro', 'centesimi'], '£': ['sterline', 'penny'] },
  symbols: { '&': 'e', '+': 'più', '%': 'per cento', '@': 'chiocciola', '=': 'uguale' },
  // "1º", "2ª", "3°".
  writtenOrdinal: /^(\d+)[ºª°]$/,
};
