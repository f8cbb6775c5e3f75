import type { RedactionWords } from '../pack';

const STREET_TYPES_CAPITALISED = 'Weg|Gasse|Platz|Allee|Damm|Ufer|Chaussee|Steig|Pfad';

export const REDACTION: RedactionWords = {
  addresses: [
    // "Hauptstraße 5", "Berliner Straße 12a".
    /(?<![\p{L}])[\p{L}]{1,40}(?:\s|-)(?:Straße|Strasse|Str\.)\s{0,3}\d{1,4}\s?[a-z]?\b/gu,
    /[\p{L}-]{0,40}(?:straße|strasse|str\.)\s{0,3}\d{1,4}\s?[a-z]?\b/giu,
    // "Am Weiher Weg 3", "Lindenallee 7": street types that are also everyday words count when capitalised or compounded.
    new RegExp(`\\b[A-ZÄÖÜ][\\p{L}-]{0,40}(?:${STREET_TYPES_CAPITALISED.toLowerCase()}|\\s(?:${STREET_TYPES_CAPITALISED}))\\s{1,3}\\d{1,4}\\s?[a-z]?\\b`, 'gu'),
    /\bPostfach\s{0,3}\d{1,10}\b/gi,
  ],
  spokenEmail: { at: ['ät'], dot: ['punkt'], underscore: ['unterstrich'] },
};
