import type { RedactionWords } from '../pack';

/** Street types, written out and abbreviated: "via Roma 12", "v.le Monza 120", "c.so Buenos Aires 5". */
const STREET_TYPES = [
  'via', 'viale', 'v\\.le', 'corso', 'c\\.so', 'piazza', 'p\\.zza', 'p\\.za', 'piazzale', 'p\\.le', 'largo', 'vicolo', 'vico', 'strada',
  'lungomare', 'lungotevere', 'lungarno', 'contrada', 'c\\.da', 'borgo', 'salita', 'calle', 'rione', 'traversa', 'località', 'loc\\.',
  'frazione', 'fraz\\.',
].join('|');
/**
 * The house number after the street, as written or said: "12", "n. 12", "numero 12", "civico 12",
 * "12/B", "12 bis"; never a time of day ("vado via di qui entro le 5").
 */
const HOUSE_NUMBER = "(?:(?:n\\.?|n°|nr\\.?|numero|civico)\\s{0,3})?(?<!\\b(?:le|alle|dalle|ore)\\s{1,3})\\d{1,4}(?:\\s?\\/\\s?[a-z0-9]{1,3}|\\s?bis\\b|[a-z]\\b)?";

export const REDACTION: RedactionWords = {
  addresses: [
    // The street type, up to five words of its name, then the house number: "Via Giuseppe Garibaldi, 5", "piazza duomo numero 1".
    new RegExp(`(?<![\\p{L}])(?:${STREET_TYPES})\\s{1,3}(?:[\\p{L}'.-]{1,40}\\s{1,3}){0,4}[\\p{L}'.-]{1,40},?\\s{0,3}${HOUSE_NUMBER}`, 'giu'),
    // Post-office boxes: "casella postale 123", "C.P. 45".
    /(?<![\p{L}])(?:casella\s{1,3}postale|c\.\s?p\.)\s{0,3}(?:n\.?\s{0,2})?\d{1,10}\b/giu,
  ],
  spokenEmail: { at: ['chiocciola', 'chiocciolina'], dot: ['punto'], underscore: ['trattino basso', 'underscore'] },
};
