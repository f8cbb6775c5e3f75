import type { Language } from './languages/language';

/** How far apart two words are: 0 the same, up to 1 for a plausible slip; undefined when they differ. */
export type WordDistance = (a: string, b: string) => number | undefined;

/** How far another form of a word is from it ("orders" from "order"). */
export const INFLECTED = 0.25;
const MISTYPED = 0.5;
/** A compound said for its last part ("wanderrucksack" for "rucksack"): something more particular, still that. */
const COMPOUND_HEAD = 0.4;
/** The shortest last part, and the shortest part before it, that make a compound. */
const SHORTEST_COMPOUND_PART = 4;
const SHORTEST_COMPOUND_MODIFIER = 3;

/** Whether `said` is a compound ending in `word` (or in a form of it). */
function isCompoundOf(word: string, said: string, language: Language): boolean {
  if (!language.compounds || word.length < SHORTEST_COMPOUND_PART || said.length - word.length < SHORTEST_COMPOUND_MODIFIER) return false;
  const stem = withoutInflection(word, language.inflections);
  const head = said.slice(said.length - word.length - 2);
  return said.endsWith(word) || withoutInflection(head, language.inflections).endsWith(stem);
}

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
    if (slips > 0 && withinSlips(a, b, slips)) return MISTYPED;
    return isCompoundOf(a, b, language) ? COMPOUND_HEAD : undefined;
  };
}

/** Every form of `word` with up to `count` letters left out, itself included. */
function withoutLetters(word: string, count: number): Set<string> {
  let forms = new Set([word]);
  for (let round = 0; round < count; round += 1) {
    const next = new Set(forms);
    for (const form of forms) for (let at = 0; at < form.length; at += 1) next.add(form.slice(0, at) + form.slice(at + 1));
    forms = next;
  }
  return forms;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Said words remembered across turns; past this many the memory starts afresh. */
const MOST_REMEMBERED = 20_000;
/** The shortest word that may be two slips away from another (see allowedSlips). */
const TWO_SLIPS_FROM = 8;

/**
 * The model's words near a said word, found without comparing it to all of them: words one slip
 * apart share a form with one letter left out (a symmetric-deletion index), words of the same stem
 * share their stem, and only long words of a similar length can be two slips apart. What is found
 * is then checked with `distance` itself, so the answers are the same as comparing every word.
 */
export interface NearWords {
  /** Model words near the said word, with how far apart they are. */
  near(said: string): ReadonlyMap<string, number>;
  /** `distance`, looked up for model words; `a` is a model word, `b` a said one. */
  readonly distance: WordDistance;
}

export function nearWordsIndex(known: Iterable<string>, language: Language): NearWords {
  const distance = wordDistanceFor(language);
  const knownWords = new Set(known);
  const byStem = new Map<string, string[]>();
  const byForm = new Map<string, string[]>();
  const longByLength = new Map<number, string[]>();
  for (const word of knownWords) {
    addTo(byStem, withoutInflection(word, language.inflections), word);
    if (word.length >= 4) for (const form of withoutLetters(word, 1)) addTo(byForm, form, word);
    if (word.length >= TWO_SLIPS_FROM) addTo(longByLength, word.length, word);
  }
  const remembered = new Map<string, ReadonlyMap<string, number>>();

  function near(said: string): ReadonlyMap<string, number> {
    const known = remembered.get(said);
    if (known) return known;
    const candidates = new Set<string>(byStem.get(withoutInflection(said, language.inflections)) ?? []);
    if (knownWords.has(said)) candidates.add(said);
    if (said.length >= 4) for (const form of withoutLetters(said, 1)) for (const word of byForm.get(form) ?? []) candidates.add(word);
    if (said.length >= TWO_SLIPS_FROM) {
      for (let length = said.length - 2; length <= said.length + 2; length += 1) for (const word of longByLength.get(length) ?? []) candidates.add(word);
    }
    if (language.compounds) {
      // Every last part long enough, and its stem: "rucksack" in "wanderrucksack", "jacke" in "regenjacken".
      for (let start = SHORTEST_COMPOUND_MODIFIER; start <= said.length - SHORTEST_COMPOUND_PART; start += 1) {
        const head = said.slice(start);
        for (const word of byStem.get(withoutInflection(head, language.inflections)) ?? []) candidates.add(word);
        if (knownWords.has(head)) candidates.add(head);
      }
    }
    const found = new Map<string, number>();
    for (const candidate of candidates) {
      const apart = distance(candidate, said);
      if (apart !== undefined) found.set(candidate, apart);
    }
    if (remembered.size >= MOST_REMEMBERED) remembered.clear();
    remembered.set(said, found);
    return found;
  }

  return {
    near,
    distance: (a, b) => (knownWords.has(a) ? near(b).get(a) : distance(a, b)),
  };
}
