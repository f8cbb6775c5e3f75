import type { FlowContext } from '../../core/flow';
import { type Speech, text } from '../../speech/speech';

/** The language the catalog's own text (brands, descriptions, attribute values) is written in, when the store does not say. */
const DEFAULT_CATALOG_LOCALE = 'en-US';

/** How the catalog's own words are said to this shopper. */
export interface CatalogWords {
  /** Catalog text as it is (a brand, a description), marked with the catalog's language where the shopper speaks another. */
  readonly asWritten: (value: string) => Speech;
  /** An attribute value ("black", "waterproof") in the shopper's words where the store gives them, else as the catalog writes it. */
  readonly attribute: (name: string, value: string) => Speech;
}

const languageOf = (locale: string) => locale.split('-')[0]?.toLowerCase();

/**
 * The catalog's words for this turn's shopper. A shopper in the catalog's language hears them as
 * they are; anyone else hears the store's words for an attribute in their locale (its catalog
 * vocabulary: "schwarz" for color black), and the rest marked as the catalog's language.
 */
export async function catalogWords(context: FlowContext): Promise<CatalogWords> {
  const { voice, store, commerce } = context;
  const catalogLocale = store.catalogLocale ?? DEFAULT_CATALOG_LOCALE;
  const asWritten = (value: string) => voice.inLanguage(value, catalogLocale);
  if (languageOf(catalogLocale) === languageOf(voice.locale)) return { asWritten, attribute: (_name, value) => [text(value)] };
  const vocabulary = await commerce.catalog.vocabulary(voice.locale);
  const localWords = new Map(
    vocabulary.attributes.map((entry) => {
      // The value itself comes first in its terms; the shopper's own words follow it.
      const own = entry.terms[0] === entry.value ? entry.terms.slice(1) : entry.terms.filter((term) => term !== entry.value);
      return [`${entry.name}:${entry.value}`, own[0]] as const;
    }),
  );
  return {
    asWritten,
    attribute: (name, value) => {
      const local = localWords.get(`${name}:${value}`);
      return local ? [text(local)] : asWritten(value);
    },
  };
}
