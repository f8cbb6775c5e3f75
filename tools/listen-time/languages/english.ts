import { monthNameIn, type SpokenDate, type SpokenLanguage } from './spoken-language';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = [
  { value: 1e12, word: 'trillion' },
  { value: 1e9, word: 'billion' },
  { value: 1e6, word: 'million' },
] as const;

function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(ONES[hundreds]!, 'hundred');
  if (rest >= 20) {
    words.push(TENS[Math.floor(rest / 10)]!);
    if (rest % 10 > 0) words.push(ONES[rest % 10]!);
  } else if (rest > 0 || hundreds === 0) {
    words.push(ONES[rest]!);
  }
  return words;
}

function cardinal(value: number): string[] {
  let n = value;
  if (n === 0) return ['zero'];
  const words: string[] = [];
  for (const scale of SCALES) {
    const count = Math.floor(n / scale.value);
    if (count === 0) continue;
    words.push(...cardinal(count), scale.word);
    n %= scale.value;
  }
  if (n === 0) return words;
  const thousands = Math.floor(n / 1000);
  if (thousands > 0) words.push(...belowThousand(thousands), 'thousand');
  if (n % 1000 > 0) words.push(...belowThousand(n % 1000));
  return words;
}

const IRREGULAR_ORDINALS: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

function ordinal(value: number): string[] {
  const words = cardinal(value);
  const last = words.pop() ?? '';
  return [...words, IRREGULAR_ORDINALS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`)];
}

/** "nineteen eighty four", "twenty twenty six", "two thousand five". */
function year(value: number): string[] {
  const century = Math.floor(value / 100);
  const rest = value % 100;
  if (value >= 1100 && value < 10000 && century % 10 !== 0) {
    if (rest === 0) return [...cardinal(century), 'hundred'];
    return [...cardinal(century), ...(rest < 10 ? ['oh'] : []), ...cardinal(rest)];
  }
  if (value >= 2010 && value < 2100) return ['twenty', ...cardinal(rest)];
  return cardinal(value);
}

/** North America says "November twenty fifth"; Britain and most of the English-speaking world "the twenty fifth of November". */
const MONTH_FIRST = /^en-(us|ca|ph)$/i;

function date({ year: yearValue, month, day }: SpokenDate, locale: string): string[] {
  const name = month === undefined ? undefined : monthNameIn(month, locale);
  const monthWords = name ? [name] : [];
  const dayWords = day === undefined ? [] : ordinal(day);
  const monthFirst = MONTH_FIRST.test(locale) || !/^en-/i.test(locale) || dayWords.length === 0 || monthWords.length === 0;
  const words = monthFirst ? [...monthWords, ...dayWords] : ['the', ...dayWords, 'of', ...monthWords];
  return yearValue === undefined ? words : [...words, ...year(yearValue)];
}

export const ENGLISH: SpokenLanguage = {
  cardinal,
  ordinal,
  year,
  date,
  digitNames: ONES.slice(0, 10),
  // A letter is one short word; "w" is three syllables.
  letterName: (letter) => (/^w$/i.test(letter) ? 'double-you' : letter),
  minus: 'minus',
  decimalWord: () => 'point',
  centsJoiner: 'and',
  currencies: { $: ['dollars', 'cents'], '€': ['euros', 'cents'], '£': ['pounds', 'pence'] },
  symbols: { '&': 'and', '+': 'plus', '%': 'percent', '@': 'at', '=': 'equals' },
  writtenOrdinal: /^(\d+)(?:st|nd|rd|th)$/i,
};
