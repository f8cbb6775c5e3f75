import type { QueryToken } from './spoken-numbers';

/** Walks a query's tokens, remembering which ones an interpretation has already used. */
export class TokenCursor {
  private readonly used: boolean[];

  constructor(readonly tokens: readonly QueryToken[]) {
    this.used = tokens.map(() => false);
  }

  wordAt(index: number): string | undefined {
    const token = this.tokens[index];
    return token?.kind === 'word' && !this.used[index] ? token.text : undefined;
  }

  numberAt(index: number): number | undefined {
    const token = this.tokens[index];
    return token?.kind === 'number' && !this.used[index] ? token.value : undefined;
  }

  /** Length in tokens of the longest phrase starting at `index`, or 0. */
  phraseAt(index: number, phrases: readonly string[]): number {
    let best = 0;
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      if (words.length > best && words.every((word, offset) => this.wordAt(index + offset) === word)) best = words.length;
    }
    return best;
  }

  use(from: number, count: number): void {
    for (let index = from; index < from + count; index += 1) this.used[index] = true;
  }

  isUsed(index: number): boolean {
    return this.used[index] ?? true;
  }
}

