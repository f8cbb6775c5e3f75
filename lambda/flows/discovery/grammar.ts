import type { CurrencyCode } from '../../commerce/ports';
import { packOf } from '../../languages/packs';
import { LOCALES, type SupportedLocale, supportedLocale } from '../../speech/i18n';
import type { NumberWords } from '../../understanding/languages/language';
import { languageOf } from '../../understanding/languages/languages';

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
  /** A word's form for matching: lowercase, without plural or adjective endings. */
  readonly stem: (word: string) => string;
}

const GRAMMARS = new Map<SupportedLocale, QueryGrammar>(
  LOCALES.map((locale) => [locale, { ...packOf(locale).query, numbers: languageOf(locale).numbers }]),
);

export function grammarFor(locale: string): QueryGrammar {
  return GRAMMARS.get(supportedLocale(locale))!;
}
