import type { CatalogTerms } from '../commerce/product-query';
import type { QueryGrammar } from '../flows/discovery/grammar';
import type { Language } from '../understanding/languages/language';
import type enUSMessages from './en-US/messages.json';

/** Every sentence the assistant says, in i18next's JSON form; en-US's messages define the keys. */
export type Messages = typeof enUSMessages;

/** The words of a product query that belong to the language; its numbers come from `words`. */
export type QueryWords = Omit<QueryGrammar, 'numbers'>;

/**
 * What keeps personal data out of what a shopper said in this language. Spoken digits need nothing
 * here: they are read with the pack's own number words (`words.numbers`).
 */
export interface RedactionWords {
  /** Street addresses as the language writes them ("221B Baker Street", "Hauptstraße 5", "12 rue de la Paix"). */
  readonly addresses: readonly RegExp[];
  /** How an e-mail address is spoken: "ava at example dot com". */
  readonly spokenEmail: {
    readonly at: readonly string[];
    readonly dot: readonly string[];
    readonly underscore: readonly string[];
  };
}

/** The demo catalog in this language: the words shoppers use for it, and what its products are called aloud. */
export interface DemoCatalogWords {
  readonly terms: CatalogTerms;
  /**
   * Spoken names by product id, for languages other than the catalog's own (English); a product not
   * named here is said by its catalog name, marked as English.
   */
  readonly spokenNames: Readonly<Record<string, string>>;
}

/**
 * Everything one locale needs, in one folder (`lambda/languages/<locale>/`): this object, plus
 * `model.yaml` (intents, sample utterances, slot types and their values) that `npm run models` turns
 * into the platforms' models. test/languages/parity.test.ts names whatever one pack lacks that another has.
 */
export interface LanguagePack {
  /** BCP 47, as Alexa and the relay send it: "fr-FR". */
  readonly locale: `${string}-${string}`;
  /**
   * Read from the pack's JSON the first time it is asked for, not when the pack is imported: a
   * Lambda container speaks one or two of the locales, and its bundle keeps the files beside it
   * rather than inline (tools/deploy/esbuild-plugins.js, `languageMessagesBeside`).
   */
  readonly messages: () => Messages;
  /** How the understanding reads this language: contractions, fillers, numbers, dates. */
  readonly words: Language;
  readonly query: QueryWords;
  readonly redaction: RedactionWords;
  readonly demoCatalog: DemoCatalogWords;
  /**
   * The locale whose language shoppers here mix into what they say ("dónde está my order", "ich will
   * die shoes zurückgeben"), if any: the understanding of the phone, the console and Google's free
   * text then reads both languages' words when its own are unsure.
   */
  readonly mixesWith?: string;
}
