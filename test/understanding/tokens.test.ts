import { ENGLISH } from '../../lambda/languages/en-US/words';
import { GERMAN } from '../../lambda/languages/de-DE/words';
import { tokenize, typedText } from '../../lambda/understanding/tokens';
import { wordDistanceFor } from '../../lambda/understanding/word-match';

describe('tokens', () => {
  it('lowercases, drops punctuation and expands contractions, typed with or without the apostrophe', () => {
    const words = (text: string) => tokenize(text, ENGLISH).tokens.map((token) => token.word);
    expect(words("Where's my order?!")).toEqual(['where', 'is', 'my', 'order']);
    expect(words('wheres my order')).toEqual(['where', 'is', 'my', 'order']);
    expect(words('The boots don’t fit, I’m sure.')).toEqual(['the', 'boots', 'do', 'not', 'fit', 'i', 'am', 'sure']);
    expect(words("men's jackets")).toEqual(["men's", 'jackets']);
  });

  it('folds umlauts and accents so typed variants compare equal, and keeps the words as typed for slot values', () => {
    const tokenized = tokenize('Die Kopfhörer, bitte', GERMAN);
    expect(tokenized.tokens.map((token) => token.word)).toEqual(['die', 'kopfhoerer', 'bitte']);
    expect(typedText(tokenized, tokenized.tokens.slice(1, 2))).toBe('kopfhörer');
    expect(tokenize('Café', ENGLISH).tokens[0]?.word).toBe('cafe');
  });

  it('tells apart the same word, another form of it, a typing slip, and another word', () => {
    const distance = wordDistanceFor(ENGLISH);
    expect(distance('order', 'order')).toBe(0);
    expect(distance('order', 'orders')).toBeGreaterThan(0);
    expect(distance('order', 'ordr')).toBeGreaterThan(distance('order', 'orders') ?? 1);
    expect(distance('package', 'pakcage')).toBeDefined();
    expect(distance('my', 'by')).toBeUndefined();
    expect(distance('order', 'return')).toBeUndefined();
    expect(distance('1042', '1043')).toBeUndefined();
  });
});

describe('elided words', () => {
  const elided = { ...ENGLISH, contractions: {}, elisions: [["l'", 'le '], ["qu'", 'que ']] as const };

  it('are split from the word they lean on and expanded, the typed word kept once', () => {
    const { tokens, typed } = tokenize("où est l'ordre qu'il veut", elided);
    expect(tokens.map((token) => token.word)).toEqual(['ou', 'est', 'le', 'ordre', 'que', 'il', 'veut']);
    expect(typed).toEqual(['où', 'est', "l'ordre", "qu'il", 'veut']);
  });

  it('leave a word that only starts like one alone', () => {
    expect(tokenize("l'", elided).tokens.map((token) => token.word)).toEqual(['l']);
  });
});
