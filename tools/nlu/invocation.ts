import type { Token } from '../../lambda/understanding/tokens';

/** What is left of an utterance once the skill's invocation name is taken out. */
export interface AfterInvocation {
  /** The shopper named the skill ("open northwind outfitters", "ask northwind outfitters where …"). */
  readonly invoked: boolean;
  /** The request after the name; empty for a plain launch. */
  readonly rest: readonly Token[];
}

/** Words allowed before the name: "alexa, ask", "hey google, talk to". */
const MOST_WORDS_BEFORE_NAME = 4;

export function afterInvocation(tokens: readonly Token[], invocation: readonly string[]): AfterInvocation {
  if (invocation.length === 0) return { invoked: false, rest: tokens };
  const last = Math.min(tokens.length - invocation.length, MOST_WORDS_BEFORE_NAME);
  for (let start = 0; start <= last; start += 1) {
    if (invocation.every((word, offset) => tokens[start + offset]?.word === word)) {
      return { invoked: true, rest: tokens.slice(start + invocation.length) };
    }
  }
  return { invoked: false, rest: tokens };
}
