import type { RedactionWords } from '../pack';

const STREET_TYPES = 'street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|terrace|parkway|pkwy|highway|hwy|crescent|alley';

export const REDACTION: RedactionWords = {
  addresses: [
    // "221B Baker Street", "12 main st".
    new RegExp(`\\b\\d{1,5}[A-Za-z]?,?\\s{1,3}(?:[\\p{L}'.-]{1,40}\\s{1,3}){1,3}(?:${STREET_TYPES})\\b\\.?`, 'giu'),
    // Street types that are also everyday words ("the same way") count only when written with capitals.
    /\b\d{1,5}[A-Za-z]?,?\s{1,3}(?:[A-Z][\p{L}'.-]{0,40}\s{1,3}){1,3}(?:Way|Place|Court|Close|Square|Circle|Row|Walk|Grove|Gardens|Crescent)\b/gu,
    /\bP\.?\s?O\.?\s?Box\s{0,3}\d{1,10}\b/gi,
  ],
  spokenEmail: { at: ['at'], dot: ['dot'], underscore: ['underscore'] },
};
