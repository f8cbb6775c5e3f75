import type { Language } from './languages/language';

/** How far apart two words are: 0 the same, up to 1 for a plausible slip; undefined when they differ. */
export type WordDistance = (a: string, b: string) => number | undefined;

const INFLECTED = 0.25;
const MISTYPED = 0.5;

function withoutInflection(word: string, inflections: readonly string[]): string {
  const ending = inflections.find((candidate) => word.endsWith(candidate) && word.length - candidate.length >= 3);
  return ending === undefined ? word : word.slice(0, -ending.length);
}

/**
 * Whether two words are at most `limit` slips apart: optimal string alignment distance
 * (Levenshtein plus swapped neighbours), only along the diagonal band `limit` wide.
 */
function withinSlips(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const outside = limit + 1;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, column) => Math.min(column, outside));
  for (let i = 1; i <= a.length; i += 1) {
    const row = Array<number>(b.length + 1).fill(outside);
    row[0] = Math.min(i, outside);
    let best = row[0];
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j += 1) {
      const substitution = (previous[j - 1] ?? outside) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let cell = Math.min((previous[j] ?? outside) + 1, (row[j - 1] ?? outside) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cell = Math.min(cell, (twoBack[j - 2] ?? outside) + 1);
      row[j] = Math.min(cell, outside);
      best = Math.min(best, row[j] ?? outside);
    }
    if (best > limit) return false;
    twoBack = previous;
    previous = row;
  }
  return (previous[b.length] ?? outside) <= limit;
}

/** Typing slips allowed in a word of this length. */
function allowedSlips(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Compares words the way a listener would: same word, another form of it, or a slip of the keyboard. */
export function wordDistanceFor(language: Language): WordDistance {
  return (a, b) => {
    if (a === b) return 0;
    if (/\d/.test(a) || /\d/.test(b)) return undefined;
    if (withoutInflection(a, language.inflections) === withoutInflection(b, language.inflections)) return INFLECTED;
    const slips = allowedSlips(Math.min(a.length, b.length));
    return slips > 0 && withinSlips(a, b, slips) ? MISTYPED : undefined;
  };
}

/**
 * The same comparison, worked out once for every word of the model against the words said, so
 * scoring hundreds of samples only looks distances up. `known` must hold every word compared.
 */
export function distancesToSaid(said: readonly string[], known: ReadonlySet<string>, distance: WordDistance): WordDistance {
  const table = new Map<string, Map<string, number>>();
  for (const word of new Set(said)) {
    const near = new Map<string, number>();
    for (const candidate of known) {
      const apart = distance(candidate, word);
      if (apart !== undefined) near.set(candidate, apart);
    }
    table.set(word, near);
  }
  return (a, b) => {
    const near = table.get(b);
    if (!near || !known.has(a)) return distance(a, b);
    return near.get(a);
  };
}
