import type { CurrencyCode } from '../../commerce/ports';
import { type SupportedLocale, supportedLocale } from '../../speech/i18n';
import type { NumberWords } from '../../understanding/languages/language';
import { languageOf } from '../../understanding/languages/languages';
import deDE from './grammar/de-DE.json';
import enUS from './grammar/en-US.json';

/** The words of a language that shape a product query (not the catalog's vocabulary). */
export interface QueryGrammar {
  readonly stopWords: readonly string[];
  readonly upperBound: readonly string[];
  readonly lowerBound: readonly string[];
  readonly between: readonly string[];
  readonly rangeJoin: readonly string[];
  readonly around: readonly string[];
  readonly cheap: readonly string[];
  readonly currencies: Readonly<Partial<Record<CurrencyCode, readonly string[]>>>;
  readonly sizeWords: readonly string[];
  /** Spoken size → the catalog's size value. */
  readonly sizes: Readonly<Record<string, string>>;
  /** The language's number words, shared with the understanding: one reader of spoken numbers. */
  readonly numbers: NumberWords;
  readonly plural: 'english' | 'german';
}

const GRAMMARS: Record<SupportedLocale, QueryGrammar> = {
  'en-US': { ...(enUS as Omit<QueryGrammar, 'numbers'>), numbers: languageOf('en-US').numbers },
  'de-DE': { ...(deDE as Omit<QueryGrammar, 'numbers'>), numbers: languageOf('de-DE').numbers },
};

export function grammarFor(locale: string): QueryGrammar {
  return GRAMMARS[supportedLocale(locale)];
}
