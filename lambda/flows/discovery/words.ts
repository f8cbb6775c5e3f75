import type { QueryGrammar } from './grammar';

/** A word's form for matching: lowercase, without plural or adjective endings. */
export function stem(word: string, plural: QueryGrammar['plural']): string {
  if (plural === 'german') {
    if (word.length <= 4) return word;
    const ending = ['en', 'er', 'es', 'em', 'e', 'n'].find((candidate) => word.endsWith(candidate));
    return ending ? word.slice(0, -ending.length) : word;
  }
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lowercase words without punctuation; currency symbols become words of their own. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/([$€£])/g, ' $1 ')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/[^\p{L}\p{N}$€£.,' ]+/gu, ' ')
    .replace(/(?<!\d)[.,]|[.,](?!\d)/g, ' ')
    .replace(/'(?=\s|$)|(?<=\s|^)'/g, ' ')
    .replace(/'s\b/g, 's')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

