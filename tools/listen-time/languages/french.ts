import { monthNameIn, type SpokenDate, type SpokenLanguage } from './spoken-language';

/**
 * French numbers as France says them (soixante-dix, quatre-vingts, no Belgian septante), each
 * hyphen a word boundary: "quatre-vingt-dix-sept" is the four words a reply's text would count.
 */

const ONES = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS: Readonly<Record<number, string>> = { 1: 'dix', 2: 'vingt', 3: 'trente', 4: 'quarante', 5: 'cinquante', 6: 'soixante' };
const SCALES = [
  { value: 1e12, one: 'billion', many: 'billions' },
  { value: 1e9, one: 'milliard', many: 'milliards' },
  { value: 1e6, one: 'million', many: 'millions' },
] as const;

function belowHundred(n: number): string[] {
  if (n <= 16) return [ONES[n]!];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  // Seventy is sixty-ten and ninety four-twenty-ten: their units are the teens.
  if (tens === 7) return unit === 1 ? ['soixante', 'et', 'onze'] : ['soixante', ...belowHundred(10 + unit)];
  if (tens === 9) return ['quatre', 'vingt', ...belowHundred(10 + unit)];
  if (tens === 8) return unit === 0 ? ['quatre', 'vingts'] : ['quatre', 'vingt', ONES[unit]!];
  const word = TENS[tens]!;
  if (unit === 0) return [word];
  // "vingt et un", but "dix-sept" and "quatre-vingt-un".
  return unit === 1 && tens > 1 ? [word, 'et', 'un'] : [word, ONES[unit]!];
}

/** "cents" and "quatre-vingts" keep their s only at the very end of a number. */
function belowThousand(n: number, beforeMultiplier: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 1) words.push(ONES[hundreds]!);
  if (hundreds > 0) words.push(hundreds > 1 && rest === 0 && !beforeMultiplier ? 'cents' : 'cent');
  if (rest > 0) words.push(...belowHundred(rest));
  if (beforeMultiplier && words.at(-1) === 'vingts') words[words.length - 1] = 'vingt';
  return words;
}

function cardinal(value: number): string[] {
  let n = value;
  if (n === 0) return ['zéro'];
  const words: string[] = [];
  for (const scale of SCALES) {
    const count = Math.floor(n / scale.value);
    if (count === 0) continue;
    // Millions and milliards are nouns: "un million", "deux cents millions".
    words.push(...cardinal(count), count === 1 ? scale.one : scale.many);
    n %= scale.value;
  }
  const thousands = Math.floor(n / 1000);
  // "mille", never "un mille".
  if (thousands > 1) words.push(...belowThousand(thousands, true));
  if (thousands > 0) words.push('mille');
  if (n % 1000 > 0) words.push(...belowThousand(n % 1000, false));
  return words;
}

/** "premier", "deuxième", "vingt et unième", "quatre-vingtième", "centième". */
function ordinal(value: number): string[] {
  if (value === 1) return ['premier'];
  const words = cardinal(value);
  const last = words.pop() ?? '';
  // A plural s goes ("quatre-vingtième", "deux-centième"), a final e falls ("quatrième"), "trois" keeps its s.
  const stem = last === 'cinq' ? 'cinqu' : last === 'neuf' ? 'neuv' : last.replace(/(?<=vingt|cent|million|milliard|billion)s$/, '').replace(/e$/, '');
  return [...words, `${stem}ième`];
}

/** A day of the month is a cardinal, except the first: "le premier mai", "le vingt-cinq novembre". */
function date({ year, month, day }: SpokenDate, locale: string): string[] {
  const name = month === undefined ? undefined : monthNameIn(month, locale);
  const dayWords = day === undefined ? [] : day === 1 ? ['premier'] : cardinal(day);
  const words = [...dayWords, ...(name ? [name] : [])];
  return year === undefined ? words : [...words, ...cardinal(year)];
}

const LETTER_NAMES: Readonly<Record<string, string>> = {
  b: 'bé', c: 'cé', d: 'dé', f: 'effe', g: 'gé', h: 'ache', j: 'ji', k: 'ka', l: 'elle', m: 'emme', n: 'enne', p: 'pé',
  q: 'ku', r: 'erre', s: 'esse', t: 'té', v: 'vé', w: 'double vé', x: 'ixe', y: 'i grec', z: 'zède',
};

export const FRENCH: SpokenLanguage = {
  cardinal,
  ordinal,
  year: cardinal,
  date,
  digitNames: ONES.slice(0, 10),
  letterName: (letter) => LETTER_NAMES[letter.toLowerCase()] ?? letter,
  minus: 'moins',
  decimalWord: () => 'virgule',
  centsJoiner: 'et',
  currencies: { $: ['dollars', 'cents'], '€': ['euros', 'centimes'], '£': ['livres', 'pence'] },
  symbols: { '&': 'et', '+': 'plus', '%': 'pour cent', '@': 'arobase', '=': 'égal' },
  // "1er", "1re", "2e", "2ème", "2nd", "2nde".
  writtenOrdinal: /^(\d+)(?:er|re|ère|e|ème|eme|nde?)$/i,
};
