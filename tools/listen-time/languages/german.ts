import { monthNameIn, type SpokenDate, type SpokenLanguage } from './spoken-language';

const ONES = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
const SCALES = [
  { value: 1e12, one: 'Billion', many: 'Billionen' },
  { value: 1e9, one: 'Milliarde', many: 'Milliarden' },
  { value: 1e6, one: 'Million', many: 'Millionen' },
] as const;

function belowThousand(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  let word = hundreds > 0 ? `${hundreds === 1 ? 'ein' : ONES[hundreds]}hundert` : '';
  if (rest >= 20) {
    const ones = rest % 10;
    word += `${ones > 0 ? `${ones === 1 ? 'ein' : ONES[ones]}und` : ''}${TENS[Math.floor(rest / 10)]}`;
  } else if (rest > 0) {
    word += ONES[rest];
  }
  return word;
}

/** German below a million is one compound word: "zweitausenddreihundertvierundvierzig". */
function belowMillion(n: number): string {
  const thousands = Math.floor(n / 1000);
  const prefix = thousands > 0 ? `${thousands === 1 ? 'ein' : belowThousand(thousands)}tausend` : '';
  return `${prefix}${belowThousand(n % 1000)}` || 'null';
}

function cardinal(value: number): string[] {
  let n = value;
  if (n === 0) return ['null'];
  const words: string[] = [];
  for (const scale of SCALES) {
    const count = Math.floor(n / scale.value);
    if (count === 0) continue;
    words.push(count === 1 ? 'eine' : belowMillion(count), count === 1 ? scale.one : scale.many);
    n %= scale.value;
  }
  return n === 0 ? words : [...words, belowMillion(n)];
}

const IRREGULAR_ORDINALS: Readonly<Record<string, string>> = { eins: 'ersten', drei: 'dritten', sieben: 'siebten', acht: 'achten' };

/** "fünfundzwanzigsten": the form a day of the month takes. */
function ordinal(value: number): string[] {
  const words = cardinal(value);
  const last = words.pop() ?? '';
  const ending = value % 100 >= 20 || value % 100 === 0 ? 'sten' : 'ten';
  return [...words, IRREGULAR_ORDINALS[last] ?? `${last}${ending}`];
}

/** "neunzehnhundertvierundachtzig", "zweitausendsechsundzwanzig". */
function year(value: number): string[] {
  const century = Math.floor(value / 100);
  const rest = value % 100;
  if (value >= 1100 && value < 2000) return [`${belowMillion(century)}hundert${rest > 0 ? belowMillion(rest) : ''}`];
  return cardinal(value);
}

function date({ year: yearValue, month, day }: SpokenDate, locale: string): string[] {
  const name = month === undefined ? undefined : monthNameIn(month, locale);
  const words = [...(day === undefined ? [] : ordinal(day)), ...(name ? [name] : [])];
  return yearValue === undefined ? words : [...words, ...year(yearValue)];
}

export const GERMAN: SpokenLanguage = {
  cardinal,
  ordinal,
  year,
  date,
  digitNames: ONES.slice(0, 10),
  letterName: (letter) => (/^w$/i.test(letter) ? 'we' : letter),
  minus: 'minus',
  decimalWord: () => 'Komma',
  centsJoiner: 'und',
  currencies: { $: ['Dollar', 'Cent'], '€': ['Euro', 'Cent'], '£': ['Pfund', 'Pence'] },
  symbols: { '&': 'und', '+': 'plus', '%': 'Prozent', '@': 'at', '=': 'gleich' },
};
