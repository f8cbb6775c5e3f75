import type { CurrencyCode } from '../../commerce/ports';
import { type SupportedLocale, supportedLocale } from '../../speech/i18n';
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
  readonly numbers: {
    readonly values: Readonly<Record<string, number>>;
    readonly hundred: readonly string[];
    readonly thousand: readonly string[];
    /** "a" in "a hundred". */
    readonly oneBeforeMultiplier: readonly string[];
    /** "and" in "a hundred and fifty". */
    readonly joiners: readonly string[];
    /** Number words written as one word ("hundertfünfzig"). */
    readonly compound?: boolean;
  };
  readonly plural: 'english' | 'german';
}

const GRAMMARS: Record<SupportedLocale, QueryGrammar> = {
  'en-US': enUS as QueryGrammar,
  'de-DE': deDE as QueryGrammar,
};

export function grammarFor(locale: string): QueryGrammar {
  return GRAMMARS[supportedLocale(locale)];
}
