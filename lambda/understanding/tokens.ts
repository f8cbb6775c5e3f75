import type { Language } from './languages/language';

/** One word as the understanding compares it, and the typed word it came from. */
export interface Token {
  /** Lowercase, umlauts folded (ä → ae), contractions expanded. */
  readonly word: string;
  /** Index into `Tokenized.typed`: "where's" gives two tokens of the same typed word. */
  readonly typed: number;
}

export interface Tokenized {
  readonly tokens: readonly Token[];
  /** The words as typed, lowercase, for slot values ("kopfhörer", "men's"). */
  readonly typed: readonly string[];
}

const FOLDED: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Folds the spelling so "Kopfhörer", "kopfhoerer" and "café"/"cafe" compare equal. */
export function foldSpelling(word: string): string {
  return word
    .replace(/[äöüß]/g, (letter) => FOLDED[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

function expand(word: string, language: Language): string {
  const whole = language.contractions[word];
  if (whole !== undefined) return whole;
  for (const [prefix, expansion] of language.elisions ?? []) {
    if (word.length > prefix.length && word.startsWith(prefix)) return expansion + expand(word.slice(prefix.length), language);
  }
  for (const [suffix, expansion] of language.contractionSuffixes) {
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, -suffix.length) + expansion;
  }
  return word;
}

/** Splits what the shopper typed into comparable tokens. */
export function tokenize(text: string, language: Language): Tokenized {
  const typed = (text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [])
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
  const tokens = typed.flatMap((word, index) =>
    expand(foldSpelling(word), language)
      .split(' ')
      .map((part) => ({ word: part, typed: index })),
  );
  return { tokens, typed };
}

/** The typed words behind `tokens`, as the platform would hear them. */
export function typedText(tokenized: Tokenized, tokens: readonly Token[]): string {
  const first = tokens[0]?.typed;
  const last = tokens[tokens.length - 1]?.typed;
  if (first === undefined || last === undefined) return '';
  return tokenized.typed.slice(first, last + 1).join(' ');
}
