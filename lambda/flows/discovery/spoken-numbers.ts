import type { QueryGrammar } from './grammar';

/** A word of a query, or a number it spelled out ("one hundred fifty" → 150, "149.99" → 149.99). */
export type QueryToken = { readonly kind: 'word'; readonly text: string } | { readonly kind: 'number'; readonly value: number };

type NumberGrammar = QueryGrammar['numbers'];

const DIGITS = /^\d+(?:[.,]\d{1,2})?$/;

function digitValue(text: string): number | undefined {
  return DIGITS.test(text) ? Number(text.replace(',', '.')) : undefined;
}

/** Splits a compound number word ("einhundertfünfzig") into the number words it is made of. */
function splitCompound(word: string, numbers: NumberGrammar): string[] | undefined {
  const pieces = [...Object.keys(numbers.values), ...numbers.hundred, ...numbers.thousand, ...numbers.joiners].sort(
    (a, b) => b.length - a.length,
  );
  const parts: string[] = [];
  let rest = word;
  while (rest.length > 0) {
    const piece = pieces.find((candidate) => rest.startsWith(candidate));
    if (!piece) return undefined;
    parts.push(piece);
    rest = rest.slice(piece.length);
  }
  return parts;
}

/** The value of a run of number words, or undefined if they do not form a number. */
function valueOf(words: readonly string[], numbers: NumberGrammar): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words) {
    if (numbers.joiners.includes(word)) continue;
    if (numbers.oneBeforeMultiplier.includes(word)) {
      current += 1;
    } else if (numbers.hundred.includes(word)) {
      current = (current || 1) * 100;
    } else if (numbers.thousand.includes(word)) {
      total += (current || 1) * 1000;
      current = 0;
    } else {
      const value = numbers.values[word];
      if (value === undefined) return undefined;
      current += value;
    }
    seen = true;
  }
  return seen ? total + current : undefined;
}

function isNumberWord(word: string, numbers: NumberGrammar): boolean {
  return word in numbers.values || numbers.hundred.includes(word) || numbers.thousand.includes(word);
}

/**
 * Turns words into tokens, reading spelled-out numbers as numbers. "and"/"a" only count as part of a
 * number where they must ("a hundred and fifty"), so "between fifty and eighty" stays a range.
 */
export function readNumbers(words: readonly string[], grammar: QueryGrammar): QueryToken[] {
  const numbers = grammar.numbers;
  const tokens: QueryToken[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index]!;
    const digits = digitValue(word);
    if (digits !== undefined) {
      tokens.push({ kind: 'number', value: digits });
      index += 1;
      continue;
    }
    if (numbers.compound && !isNumberWord(word, numbers)) {
      const parts = splitCompound(word, numbers);
      const value = parts && parts.length > 1 ? valueOf(parts, numbers) : undefined;
      if (value !== undefined) {
        tokens.push({ kind: 'number', value });
        index += 1;
        continue;
      }
    }
    const run: string[] = [];
    let next = index;
    while (next < words.length) {
      const candidate = words[next]!;
      const following = words[next + 1];
      const previous = run[run.length - 1];
      const multiplierFollows = following !== undefined && (numbers.hundred.includes(following) || numbers.thousand.includes(following));
      const afterMultiplier = previous !== undefined && (numbers.hundred.includes(previous) || numbers.thousand.includes(previous));
      const startsNumber = following !== undefined && isNumberWord(following, numbers);
      if (isNumberWord(candidate, numbers)) run.push(candidate);
      else if (numbers.oneBeforeMultiplier.includes(candidate) && multiplierFollows) run.push(candidate);
      else if (numbers.joiners.includes(candidate) && afterMultiplier && startsNumber) run.push(candidate);
      else break;
      next += 1;
    }
    const value = run.length > 0 ? valueOf(run, numbers) : undefined;
    if (value !== undefined) {
      tokens.push({ kind: 'number', value });
      index = next;
    } else {
      tokens.push({ kind: 'word', text: word });
      index += 1;
    }
  }
  return tokens;
}
