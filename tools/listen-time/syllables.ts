import type { Language } from './number-words';

/**
 * Syllables in a written word, by the spelling rules of its language: a syllable is a group of
 * vowels, less the vowels the language writes but does not say (English and French silent endings)
 * and more where two written vowels are said apart (Spanish and Italian hiatus). An estimate, not a
 * dictionary: it only has to count like a voice on the words shoppers hear.
 */

/** English and German: vowel groups, with English silent endings taken off. */
function germanicSyllables(letters: string, language: 'en' | 'de'): number {
  let count = letters.match(language === 'de' ? /[aeiouyäöü]+/g : /[aeiouy]+/g)?.length ?? 0;
  if (language === 'en' && count > 1) {
    if (/[^aeiouy]e$/.test(letters) && !/[^aeiouy]le$/.test(letters)) count -= 1;
    else if (/[^aeiouytd]ed$/.test(letters) || /[^aeiouysxzhgc]es$/.test(letters)) count -= 1;
  }
  return count;
}

const FRENCH_VOWELS = 'aeiouyàâäéèêëîïôöùûüœæ';
const FRENCH_VOWEL_GROUP = new RegExp(`[${FRENCH_VOWELS}]+`, 'g');
const FRENCH_CONSONANT = `[^${FRENCH_VOWELS}]`;
/** Nouns, adjectives and adverbs whose final "-ent" is said ("souvent", "client"); in a verb it is silent ("arrivent"). */
const SAID_ENT = /(ment|souvent|argent|client|différent|excellent|récent|urgent|agent|accident|parent|content|présent|absent|talent|patient|prudent|évident|équivalent|suffisant)$/;

/**
 * French: "qu"/"gu" before e and i are one consonant; é before another vowel and a diaeresis start
 * a syllable ("réel", "naïf"); a final e, es or verbal ent after a consonant is silent ("commande",
 * "commandes", "arrivent"), unless it is the word's only vowel ("le", "des").
 */
function frenchSyllables(word: string): number {
  const letters = word
    .replace(/([qg])u(?=[eiéèêy])/g, '$1')
    .replace(/é(?=[aiouyâêîôû]|e(?!s?$))/g, 'é|')
    .replace(/(?<=[aeiouy])(?=[ïëü])/g, '|');
  let count = letters.match(FRENCH_VOWEL_GROUP)?.length ?? 0;
  if (count > 1) {
    const silentEnding =
      new RegExp(`${FRENCH_CONSONANT}es?$`).test(letters) || (new RegExp(`${FRENCH_CONSONANT}ent$`).test(letters) && !SAID_ENT.test(letters));
    if (silentEnding) count -= 1;
  }
  return count;
}

type VowelKind = 'strong' | 'weak' | 'stressed-weak';

/**
 * Spanish and Italian: a weak vowel (i, u) next to another vowel glides into it (a diphthong: "bueno",
 * "ciudad", "piede"); two strong ones (a, e, o) are said apart ("leer", "paese"). In Spanish a written
 * accent on i or u breaks the glide ("día", "país"); in Italian it only marks a final stress ("più").
 */
function romanceSyllables(letters: string, kindOf: (vowel: string) => VowelKind | undefined): number {
  let count = 0;
  let previous: VowelKind | undefined;
  for (const letter of letters) {
    const kind = kindOf(letter);
    const glides = previous !== undefined && kind !== undefined && !(previous === 'strong' && kind === 'strong') && previous !== 'stressed-weak' && kind !== 'stressed-weak';
    if (kind !== undefined && !glides) count += 1;
    previous = kind;
  }
  return count;
}

function spanishVowel(letter: string): VowelKind | undefined {
  if ('aeoáéó'.includes(letter)) return 'strong';
  if ('iuü'.includes(letter)) return 'weak';
  return 'íú'.includes(letter) ? 'stressed-weak' : undefined;
}

/** Spanish: "qu"/"gu" before e and i are one consonant; a final y is a vowel ("hoy", "muy", "y"). */
function spanishSyllables(word: string): number {
  return romanceSyllables(word.replace(/([qg])u(?=[eiéí])/g, '$1').replace(/y$/, 'i'), spanishVowel);
}

function italianVowel(letter: string): VowelKind | undefined {
  if ('aeoàèéòó'.includes(letter)) return 'strong';
  return 'iuìíùú'.includes(letter) ? 'weak' : undefined;
}

/** Common Italian words whose stressed i or u is said apart from the next vowel, with no accent written. */
const ITALIAN_HIATUS: ReadonlySet<string> = new Set(['io', 'mio', 'mia', 'mie', 'tuo', 'tua', 'tue', 'suo', 'sua', 'sue', 'via', 'zio', 'zia', 'dio', 'scia']);

/** Italian: the i of "ci", "gi", "sci", "gli" before a vowel only softens the consonant ("ciao", "giorno", "figlio"). */
function italianSyllables(word: string): number {
  if (ITALIAN_HIATUS.has(word)) return 2;
  return romanceSyllables(word.replace(/(c|g|gl)i(?=[aeouàèéòóù])/g, '$1'), italianVowel);
}

const LETTERS: Readonly<Record<Language, RegExp>> = {
  en: /[^a-zäöüß]/g,
  de: /[^a-zäöüß]/g,
  fr: /[^\p{L}]/gu,
  es: /[^\p{L}]/gu,
  it: /[^\p{L}]/gu,
};

function partSyllables(letters: string, language: Language): number {
  switch (language) {
    case 'en':
    case 'de':
      return germanicSyllables(letters, language);
    case 'fr':
      return frenchSyllables(letters);
    case 'es':
      return spanishSyllables(letters);
    case 'it':
      return italianSyllables(letters);
  }
}

/** Syllables in one written word (hyphenated parts counted apart); a lone letter or a word with no vowel is one. */
export function syllablesIn(word: string, language: Language): number {
  return word
    .toLowerCase()
    .split('-')
    .filter((part) => part.length > 0)
    .reduce((sum, part) => {
      const letters = part.replace(LETTERS[language], '');
      if (letters.length <= 1) return sum + 1;
      return sum + Math.max(1, partSyllables(letters, language));
    }, 0);
}

/**
 * Spanish and Italian voices run a word ending in a vowel into the next word's first vowel, one
 * syllable for both ("de envío", "una etichetta"; Spanish h is silent: "de hoy"). French writes
 * its elisions ("l'ordre"), English and German keep the syllables apart.
 */
export function runsTogether(previous: string, next: string, language: Language): boolean {
  if (language !== 'es' && language !== 'it') return false;
  const end = previous.toLowerCase().replace(/[^\p{L}]+$/u, '');
  const start = next.toLowerCase().replace(/^[^\p{L}]+/u, '');
  const vowel = language === 'es' ? /^h?[aeiouáéíóúü]/ : /^[aeiouàèéìíòóùú]/;
  return /[aeiouáéíóúàèìòù]$/.test(end) && vowel.test(start);
}
