import type { CatalogVocabulary } from '../../commerce/product-query';

/** Speech recognition gets at most this many hints; the words a catalog is least likely to share with everyday speech come first. */
export const MAX_HINTS = 500;
const MAX_HINT_CHARS = 100;

/**
 * The words of the catalog a caller may say, as ConversationRelay `hints`: brands first (the words
 * speech recognition knows least), then what shoppers call categories and attribute values. The
 * attribute is a comma-separated list, so a hint never holds a comma; duplicates count once.
 */
export function speechHints(vocabulary: CatalogVocabulary): string[] {
  const candidates = [
    ...vocabulary.brands,
    ...vocabulary.categories.flatMap((category) => category.terms),
    ...vocabulary.attributes.flatMap((attribute) => attribute.terms),
  ];
  const seen = new Set<string>();
  const hints: string[] = [];
  for (const candidate of candidates) {
    const hint = candidate.replace(/[,\s]+/g, ' ').trim();
    const key = hint.toLowerCase();
    if (hint === '' || hint.length > MAX_HINT_CHARS || seen.has(key)) continue;
    seen.add(key);
    hints.push(hint);
    if (hints.length === MAX_HINTS) break;
  }
  return hints;
}
