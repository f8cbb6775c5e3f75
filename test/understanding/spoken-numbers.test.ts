import { ENGLISH } from '../../lambda/languages/en-US/words';
import { GERMAN } from '../../lambda/languages/de-DE/words';
import type { Language } from '../../lambda/understanding/languages/language';
import { numbersIn, spokenNumber, spokenOrdinal } from '../../lambda/understanding/spoken-numbers';
import { tokenize } from '../../lambda/understanding/tokens';

const words = (text: string, language: Language) => tokenize(text, language).tokens.map((token) => token.word);
const number = (text: string, language: Language = ENGLISH) => spokenNumber(words(text, language), language.numbers);
const ordinal = (text: string, language: Language = ENGLISH) => spokenOrdinal(words(text, language), language.numbers);

describe('spoken numbers', () => {
  it.each([
    ['1042', '1042'],
    ['ten forty two', '1042'],
    ['one zero four two', '1042'],
    ['one oh four two', '1042'],
    ['1 0 4 2', '1042'],
    ['one thousand forty two', '1042'],
    ['one thousand and forty-two', '1042'],
    ['ten four fifty two', '10452'],
    ['twenty one', '21'],
    ['one hundred and four', '104'],
    ['nineteen eighty four', '1984'],
    ['two thousand twenty six', '2026'],
    ['zero', '0'],
    ['zero four two', '42'],
    ['a hundred and four', '104'],
    ['a thousand', '1000'],
  ])('reads "%s" in English as %s', (text, expected) => {
    expect(number(text)).toBe(expected);
  });

  it.each([
    ['zehn zweiundvierzig', '1042'],
    ['eins null vier zwei', '1042'],
    ['tausendzweiundvierzig', '1042'],
    ['eintausend zweiundvierzig', '1042'],
    ['einhundertvier', '104'],
    ['zweihundert', '200'],
    ['zwölf', '12'],
    ['dreißig', '30'],
    ['zwo', '2'],
    ['fünf', '5'],
    ['einhundertfünfzig', '150'],
  ])('reads "%s" in German as %s', (text, expected) => {
    expect(number(text, GERMAN)).toBe(expected);
  });

  it.each(['hello', 'ten and', 'my order', '', 'forty two shoes', 'a', 'a shoe'])('refuses "%s", which is not only a number', (text) => {
    expect(number(text)).toBeUndefined();
  });

  it('reads ordinals in both languages', () => {
    expect(['first', 'third', 'twenty first', '26th', '2nd'].map((text) => ordinal(text))).toEqual([1, 3, 21, 26, 2]);
    expect(['ersten', 'dritte', 'sechste', 'zwanzigste', 'sechsundzwanzigsten'].map((text) => ordinal(text, GERMAN))).toEqual([1, 3, 6, 20, 26]);
    expect(ordinal('acht', GERMAN)).toBeUndefined();
    expect(ordinal('letzten', GERMAN)).toBeUndefined();
    expect(ordinal('twenty')).toBeUndefined();
  });
});

describe('numbers inside free text', () => {
  const numbers = (text: string, language: Language = ENGLISH) =>
    numbersIn(text.split(' '), language.numbers).map((token) => (token.kind === 'number' ? token.value : token.text));

  it('reads each number where it is said, and leaves the words', () => {
    expect(numbers('a jacket under a hundred and fifty dollars')).toEqual(['a', 'jacket', 'under', 150, 'dollars']);
    expect(numbers('between fifty and eighty')).toEqual(['between', 50, 'and', 80]);
    expect(numbers('around two grand')).toEqual(['around', 2000]);
    expect(numbers('under 149.99 or 80,50')).toEqual(['under', 149.99, 'or', 80.5]);
    expect(numbers('eine jacke unter hundertfünfzig euro', GERMAN)).toEqual([1, 'jacke', 'unter', 150, 'euro']);
  });
});
