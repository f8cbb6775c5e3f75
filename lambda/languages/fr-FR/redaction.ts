import type { RedactionWords } from '../pack';
import { FRENCH } from './words';

/** Street types that name nothing else: after a house number, or alone before a name, they make an address. */
const STREET_TYPES = 'rue|avenue|av\\.?|boulevard|bd|bld|impasse|imp\\.?|all[ée]e|chemin|quai|faubourg|fbg';
/**
 * Street types that are everyday words too ("place", "cours", "square", "route"): an address only
 * after a house number and before "de", "la", … or a capitalised name ("12 place de la Mairie",
 * "3 cours Mirabeau"), never "3 place settings" or "12 square feet".
 */
const EVERYDAY_STREET_TYPES = [
  'place', 'pl.', 'cours', 'route', 'rte', 'voie', 'square', 'passage', 'résidence', 'residence', 'lotissement', 'lieu-dit', 'hameau',
  'villa', 'cité', 'cite', 'sentier', 'rond-point', 'esplanade', 'promenade', 'parvis', 'montée', 'montee', 'clos', 'chaussée', 'chaussee',
];
const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Place" or "place", and nothing else: the capital of the name that follows must stay significant. */
const eitherCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${escaped(word.slice(1))}`;

/** Words that end a street's name: what is said after it ("rue de la Paix à Paris", "… et je voudrais"). */
const AFTER_NAME = "(?:à|a|au|aux|et|ou|pour|dans|avec|chez|merci|svp|s['’]il)(?![\\p{L}])";
/** The name after the type: "de la Paix", "Victor-Hugo", "du Général de Gaulle". */
const STREET_NAME = `(?:\\s{1,3}(?!${AFTER_NAME})(?:[dl]['’]\\s?)?[\\p{L}-]{1,40}){1,4}`;
const CONNECTOR = "(?:de|du|des|la|le|les|[dl]['’])";
/** "12", "12 bis", "3ter", "12, ". */
const HOUSE_NUMBER = '\\d{1,4}\\s?(?:bis|ter|quater|[a-dA-D])?,?';

/** A house number said in words, as a recognizer writes it ("douze", "quarante-cinq", "cent vingt et un"). */
const numberWords = [...Object.keys(FRENCH.numbers.units), ...Object.keys(FRENCH.numbers.teens), ...Object.keys(FRENCH.numbers.tens), ...FRENCH.numbers.hundred, ...FRENCH.numbers.thousand]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/ /g, '[\\s-]'));
// "un" and "une" are articles too: a number starts with another word ("une rue calme" is no address).
const FIRST_NUMBER_WORD = numberWords.filter((word) => word !== 'un' && word !== 'une').join('|');
const SPOKEN_HOUSE_NUMBER = `(?:${FIRST_NUMBER_WORD})(?:[\\s-]{1,3}(?:${numberWords.join('|')}|et)){0,6}`;

export const REDACTION: RedactionWords = {
  addresses: [
    // "12 rue de la Paix", "3 bis, avenue Victor Hugo", "45 bd Saint-Germain".
    new RegExp(`\\b${HOUSE_NUMBER}\\s{1,3}(?:${STREET_TYPES})(?![\\p{L}])${STREET_NAME}`, 'giu'),
    // "12 place de la Mairie", "5 route du Lac".
    new RegExp(`\\b${HOUSE_NUMBER}\\s{1,3}(?:${EVERYDAY_STREET_TYPES.map(escaped).join('|')})\\s{1,3}${CONNECTOR}${STREET_NAME}`, 'giu'),
    // "3 cours Mirabeau", "8 Square Lamartine".
    new RegExp(`\\b${HOUSE_NUMBER}\\s{1,3}(?:${EVERYDAY_STREET_TYPES.map(eitherCase).join('|')})\\s{1,3}\\p{Lu}[\\p{L}-]{0,40}`, 'gu'),
    // "douze rue de la paix", "quarante-cinq boulevard saint germain".
    new RegExp(`(?<![\\p{L}])${SPOKEN_HOUSE_NUMBER}\\s{1,3}(?:bis\\s{1,3}|ter\\s{1,3})?(?:${STREET_TYPES})(?![\\p{L}])${STREET_NAME}`, 'giu'),
    // "rue Victor Hugo", "avenue de la République", said without a number; not "une rue calme".
    new RegExp(`(?<![\\p{L}])(?<!(?:une|cette|des|les|quelle|grande|petite|belle)\\s)(?:rue|avenue|boulevard|impasse|all[ée]e)(?![\\p{L}])${STREET_NAME}`, 'giu'),
    // Boîte postale and Cedex mail: "BP 1234", "boîte postale 56", "CS 70001", "TSA 12345".
    /\b(?:B\.?\s?P\.?|bo[îi]te postale|CS|TSA)\s{0,3}\d{1,6}\b/gi,
  ],
  spokenEmail: { at: ['arobase', 'arrobase', 'arobas'], dot: ['point'], underscore: ['tiret bas', 'tiret du bas', 'tiret du huit', 'underscore'] },
};
