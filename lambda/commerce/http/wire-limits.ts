import * as z from '../../zod-mini';

/**
 * How much of a store's answer Shopvoice reads. A reply has to fit Alexa's 8,000 characters of
 * SSML and 24 KB, and the session state travels inside that reply; a store that sends 5,000 results,
 * 5,000-character names or 10,000 orders must not be able to stretch either. So lists are cut to
 * what a conversation can use, and text is cut at a word to what a voice answer can afford. Both
 * happen while an answer is decoded (wire-schemas.ts), before anything reaches a flow; the reference
 * store server encodes with the same schemas and sends its data whole.
 *
 * Identifiers are never cut (a cut id names something else): one longer than its limit makes the
 * answer malformed.
 */

/** Product, shipment and shopper ids: kept in session state (discovery keeps ≤ 80 characters) and in URLs. */
export const MAX_ID_CHARS = 80;
/** Order line ids: a return keeps the chosen line's id in state and on the handoff ticket (≤ 40 characters). */
export const MAX_LINE_ID_CHARS = 40;
/** Order numbers are read out digit by digit; longer than this, they could not be said anyway. */
export const MAX_ORDER_NUMBER_CHARS = 40;

/**
 * A spoken name is said up to three times in one answer: the catalog audit's own limit, past which
 * it flags a name as too long to listen to in a list of three.
 */
export const MAX_SPOKEN_NAME_CHARS = 40;
/** The full catalog name: card titles, card lines and handoff tickets (a return keeps ≤ 200 characters of it). */
export const MAX_PRODUCT_NAME_CHARS = 150;
/** A description is read whole when the shopper asks about one product: a sentence or two (the demo's longest is 78). */
export const MAX_DESCRIPTION_CHARS = 120;
/** A brand, a carrier, a city, a person's name: a few words each (the longest US city names take about 25). */
export const MAX_LABEL_CHARS = 30;
/** Categories are keys of the return policy and of the catalog's words: never cut, and one this long is no category. */
export const MAX_CATEGORY_CHARS = 60;
/** An attribute value ("waterproof", "navy blue"); checkout keeps a chosen color (≤ 40 characters) in state. */
export const MAX_ATTRIBUTE_VALUE_CHARS = 40;
/** Sizes are short codes ("M", "10.5", "32x34"); checkout keeps the chosen size (≤ 20 characters) in state. */
export const MAX_SIZE_CHARS = 20;
/** Attribute names are keys ("color", "feature"); longer ones are no attribute a flow asks about, and are left out. */
export const MAX_ATTRIBUTE_NAME_CHARS = 40;
/** A carrier's own words for a problem, or a pickup place: said within one sentence about a package. */
export const MAX_TRACKING_TEXT_CHARS = 80;
/** Stock codes go on handoff tickets (a return keeps ≤ 40 characters); a code is cut, not at a word. */
export const MAX_SKU_CHARS = 40;
/** Address lines, emails, phone numbers: never spoken whole, filed on tickets. */
export const MAX_CONTACT_CHARS = 254;
/** A word or phrase for a catalog term ("trail running shoes"); longer ones are no phrase a shopper says, and are left out. */
export const MAX_TERM_CHARS = 60;

/** The most products one page of a search can hold; the adapter then cuts it to the page asked for. */
export const MAX_PRODUCTS_PER_PAGE = 50;
/** The most orders read from one list; no flow asks for more than 100 (a year of history). */
export const MAX_ORDERS_PER_LIST = 100;
/** Lines of one order: enough for any basket a shopper talks about; returns pick among them. */
export const MAX_LINES_PER_ORDER = 100;
/** Packages of one order: more than any order comes in; order status describes three and counts the rest. */
export const MAX_SHIPMENTS_PER_ORDER = 50;
/** Tracking events of one package (newest first): only the latest of each status is ever read. */
export const MAX_EVENTS_PER_SHIPMENT = 50;
/** Attributes of one product, and values of one attribute (a shoe's sizes are about 20). */
export const MAX_ATTRIBUTES_PER_PRODUCT = 20;
export const MAX_VALUES_PER_ATTRIBUTE = 20;
/** A catalog's words: enough for a department store, small enough to index on every cold start. */
export const MAX_VOCABULARY_ENTRIES = 2_000;
export const MAX_TERMS_PER_ENTRY = 20;
/** Lines of one order's returned-units answer. */
export const MAX_RETURNED_LINES = MAX_LINES_PER_ORDER;

/** Characters a cut may give back to end on a whole word; beyond this the text is cut mid-word. */
const WORD_SEARCH_SHARE = 0.5;

/**
 * `text` at most `maxChars` long, cut after the last whole word that fits (mid-word only when a
 * single word takes more than half the room), without a dangling comma or dash, and never between
 * the two halves of a surrogate pair.
 */
export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  // One character past the limit tells whether the cut falls just before a space.
  const head = text.slice(0, maxChars + 1);
  const lastSpace = head.search(/\s\S*$/);
  let cut = lastSpace >= maxChars * WORD_SEARCH_SHARE ? head.slice(0, lastSpace) : head.slice(0, maxChars);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/[\s,;:\u2013\u2014-]+$/u, '');
}

/** Text cut at a word to `maxChars` when read; written unchanged. */
export function boundedText(maxChars: number) {
  return z.codec(z.string(), z.string(), { decode: (text) => cutAtWord(text, maxChars), encode: (text) => text });
}

/** A code cut to `maxChars` when read (no word to respect); written unchanged. */
export function boundedCode(maxChars: number) {
  return z.codec(z.string(), z.string(), { decode: (code) => code.slice(0, maxChars), encode: (code) => code });
}

/**
 * A key that is never cut (a cut one would name something else): one longer than `maxChars`
 * makes the answer malformed when read. Written unchanged, like everything else.
 */
export function key(maxChars: number, minChars = 0) {
  return z.codec(z.string().check(z.minLength(minChars)), z.string(), {
    decode: (value, context) => {
      if (value.length > maxChars) {
        context.issues.push({ code: 'too_big', origin: 'string', maximum: maxChars, inclusive: true, input: value, message: `longer than ${maxChars} characters` });
      }
      return value;
    },
    encode: (value) => value,
  });
}

/** An identifier: a key that is never empty. */
export function identifier(maxChars: number) {
  return key(maxChars, 1);
}

/**
 * A list of which only the first `maxItems` are read: the rest is dropped before it is even
 * validated, so a store sending 10,000 items costs no more than one sending `maxItems`. Items
 * `leaveOut` picks (say, an entry whose key is too long to keep) are dropped first.
 */
export function boundedList<Item extends z.ZodMiniType>(item: Item, maxItems: number, leaveOut?: (raw: unknown) => boolean) {
  return z.codec(z.array(z.unknown()), z.array(item), {
    // Still unchecked here: the list schema validates what is kept, right after.
    decode: (items) => (leaveOut ? items.filter((raw) => !leaveOut(raw)) : items).slice(0, maxItems) as z.input<Item>[],
    encode: (items) => items,
  });
}

/** A list of words of which only the first `maxItems` of at most `maxChars` are read; longer ones are dropped. */
export function boundedTerms(maxItems: number, maxChars: number) {
  return z.codec(z.array(z.unknown()), z.array(z.string()), {
    // Non-strings are kept for the list schema to refuse.
    decode: (items) => items.filter((term) => typeof term !== 'string' || term.length <= maxChars).slice(0, maxItems) as string[],
    encode: (items) => items,
  });
}
