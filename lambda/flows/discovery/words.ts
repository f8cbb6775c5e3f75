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

