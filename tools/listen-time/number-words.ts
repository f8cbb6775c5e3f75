/**
 * Numbers as the words a voice says for them, in the two languages the assistant speaks. Only the
 * number of words and their syllables matter to a listen-time estimate, so German compounds are
 * one word ("einundzwanzig") and English ones are hyphen-free words ("twenty", "one").
 */

export type Language = 'en' | 'de';

/** The language of a BCP 47 locale; anything but German is timed as English. */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const DE_ONES = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const DE_TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

const SCALES: readonly { readonly value: number; readonly en: string; readonly de: readonly [string, string] }[] = [
  { value: 1e12, en: 'trillion', de: ['Billion', 'Billionen'] },
  { value: 1e9, en: 'billion', de: ['Milliarde', 'Milliarden'] },
  { value: 1e6, en: 'million', de: ['Million', 'Millionen'] },
];

function englishBelowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(EN_ONES[hundreds]!, 'hundred');
  if (rest >= 20) {
    words.push(EN_TENS[Math.floor(rest / 10)]!);
    if (rest % 10 > 0) words.push(EN_ONES[rest % 10]!);
  } else if (rest > 0 || hundreds === 0) {
    words.push(EN_ONES[rest]!);
  }
  return words;
}

/** German below a million is one compound word: "zweitausenddreihundertvierundvierzig". */
function germanBelowMillion(n: number): string {
  const belowThousand = (value: number): string => {
    const hundreds = Math.floor(value / 100);
    const rest = value % 100;
    let word = hundreds > 0 ? `${hundreds === 1 ? 'ein' : DE_ONES[hundreds]}hundert` : '';
    if (rest >= 20) {
      const ones = rest % 10;
      word += `${ones > 0 ? `${ones === 1 ? 'ein' : DE_ONES[ones]}und` : ''}${DE_TENS[Math.floor(rest / 10)]}`;
    } else if (rest > 0) {
      word += DE_ONES[rest];
    }
    return word;
  };
  const thousands = Math.floor(n / 1000);
  const prefix = thousands > 0 ? `${thousands === 1 ? 'ein' : belowThousand(thousands)}tausend` : '';
  return `${prefix}${belowThousand(n % 1000)}` || 'null';
}

/** A whole number (its absolute value, floored) as spoken words. */
export function cardinalWords(value: number, language: Language): string[] {
  let n = Math.floor(Math.abs(value));
  const words: string[] = value < 0 ? ['minus'] : [];
  if (n === 0) return [...words, language === 'de' ? 'null' : 'zero'];
  for (const scale of SCALES) {
    const count = Math.floor(n / scale.value);
    if (count === 0) continue;
    if (language === 'de') words.push(count === 1 ? 'eine' : germanBelowMillion(count), count === 1 ? scale.de[0] : scale.de[1]);
    else words.push(...cardinalWords(count, 'en'), scale.en);
    n %= scale.value;
  }
  if (n === 0) return words;
  if (language === 'de') return [...words, germanBelowMillion(n)];
  const thousands = Math.floor(n / 1000);
  if (thousands > 0) words.push(...englishBelowThousand(thousands), 'thousand');
  if (n % 1000 > 0) words.push(...englishBelowThousand(n % 1000));
  return words;
}

const EN_IRREGULAR_ORDINALS: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** "twenty-fifth", "fünfundzwanzigsten": the form a day of the month takes. */
export function ordinalWords(value: number, language: Language): string[] {
  const words = cardinalWords(value, language);
  const last = words.pop() ?? '';
  if (language === 'de') {
    const irregular: Readonly<Record<string, string>> = { eins: 'ersten', drei: 'dritten', sieben: 'siebten', acht: 'achten' };
    const ending = Math.abs(value) % 100 >= 20 || Math.abs(value) % 100 === 0 ? 'sten' : 'ten';
    return [...words, irregular[last] ?? `${last}${ending}`];
  }
  const ordinal = EN_IRREGULAR_ORDINALS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...words, ordinal];
}

/** A year as people say it: "twenty twenty-six", "zweitausendsechsundzwanzig". */
export function yearWords(year: number, language: Language): string[] {
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (language === 'en' && year >= 1100 && year < 10000 && century % 10 !== 0) {
    if (rest === 0) return [...cardinalWords(century, 'en'), 'hundred'];
    return [...cardinalWords(century, 'en'), ...(rest < 10 ? ['oh'] : []), ...cardinalWords(rest, 'en')];
  }
  if (language === 'en' && year >= 2010 && year < 2100) return ['twenty', ...cardinalWords(rest, 'en')];
  if (language === 'de' && year >= 1100 && year < 2000) return [`${germanBelowMillion(century)}hundert${rest > 0 ? germanBelowMillion(rest) : ''}`];
  return cardinalWords(year, language);
}

const DIGIT_NAMES: Readonly<Record<Language, readonly string[]>> = {
  en: EN_ONES.slice(0, 10),
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
};

/** One character read on its own: a digit's name, or a letter (said as one short word). */
export function characterWord(character: string, language: Language): string {
  if (/^\d$/.test(character)) return DIGIT_NAMES[language][Number(character)]!;
  if (/^w$/i.test(character)) return language === 'de' ? 'we' : 'double-you';
  return character;
}

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

/** The month's name (1 = January), or undefined for a number that is no month. */
export function monthName(month: number, language: Language): string | undefined {
  return MONTHS[language][month - 1];
}
