import type { RedactionWords } from '../pack';
import { REDACTION as AMERICAN_REDACTION } from '../en-US/redaction';
import { BRITISH_ENGLISH } from './words';

/**
 * Addresses as they are written and said in the United Kingdom. The house number comes first, as in
 * American English, whose patterns apply too ("10 Downing Street", "12 High Street"); written
 * postcodes ("SW1A 2AA") are caught for every language in lambda/privacy/redact.ts.
 */

/** Street types that are also everyday words ("the park", "a green one"): an address only when capitalised. */
const CAPITALISED_STREET_TYPES = 'Mews|Hill|Park|Green|Rise|Vale|View|Parade|Broadway|Circus|Wharf|Yard|Gate|Approach|Embankment|Quay|Walk|Row|Gardens';
/** Street types that seldom mean anything else, however a recogniser writes them. */
const STREET_TYPES = 'street|road|lane|avenue|terrace|crescent|grove|mews';
/** Words that make "one for the road" a phrase rather than a house number and a street name. */
const NOT_A_STREET_NAME = 'the|a|an|of|for|my|your|to|and|or|in|on|at|with|more|less';

const { units, teens, tens } = BRITISH_ENGLISH.numbers;
/** House numbers said in words: digits and tens, not "oh" or "a tenner". */
const NUMBER_WORDS = [...Object.keys(units), ...Object.keys(teens), ...Object.keys(tens)]
  .filter((word) => !['oh', 'nought', 'fiver', 'tenner'].includes(word))
  .join('|');

export const REDACTION: RedactionWords = {
  addresses: [
    ...AMERICAN_REDACTION.addresses,
    // "7 Albert Mews", "22B Primrose Hill".
    new RegExp(`\\b\\d{1,5}[A-Za-z]?,?\\s{1,3}(?:[A-Z][\\p{L}'.-]{0,40}\\s{1,3}){1,3}(?:${CAPITALISED_STREET_TYPES})\\b`, 'gu'),
    // "flat three twelve high street", "number ten downing street": the house number said in words.
    new RegExp(`\\b(?:(?:${NUMBER_WORDS})[\\s-]{1,3}){1,4}(?:(?!(?:${NOT_A_STREET_NAME})\\s)[\\p{L}'.-]{1,40}\\s{1,3}){1,2}(?:${STREET_TYPES})\\b`, 'giu'),
    // "Flat 3", "flat 3b", "Apartment 12": the part of a building, before or after the street.
    /\b(?:flat|apartment|maisonette|unit)\s{1,3}\d{1,4}[A-Za-z]?\b/giu,
    // A postcode written or heard in lower case ("sw1a 2aa", "m1 1ae").
    /\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b/giu,
  ],
  spokenEmail: { at: ['at'], dot: ['dot'], underscore: ['underscore', 'under score'] },
};
