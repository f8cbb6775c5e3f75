import type { RedactionWords } from '../pack';

/** Street types as Spain writes them, abbreviations included ("C/ Mayor 5", "Avda. de América 12"); they come before the name. */
const STREET_TYPES = [
  'calle', 'c/', 'cl\\.', 'avenida', 'avda\\.?', 'av\\.', 'paseo', 'p\\.º', 'pº', 'plaza', 'pza\\.?', 'travesía', 'travesia',
  'trav\\.', 'carretera', 'ctra\\.?', 'glorieta', 'rambla', 'callejón', 'callejon', 'costanilla', 'urbanización',
  'urbanizacion', 'urb\\.', 'bulevar', 'polígono', 'poligono',
].join('|');

/** Street types that are also everyday words ("el camino es largo"): they count only before a capitalised name. */
const STREET_TYPES_CAPITALISED = 'Camino|Cuesta|Ronda|Vía|Via|Pasaje|Senda|Carrer';

/**
 * The name of a street: up to six words, joined by "de", "del", "la", "los" as Spanish names are ("de
 * la Constitución"), with at least one word that is more than those ("un paseo de 2 horas" is no address).
 */
const JOINING = '(?:de|del|la|las|los|el|y)';
const STREET_NAME = `(?:\\s{1,3}${JOINING}){0,3}\\s{0,3}(?!${JOINING}\\b)[\\p{L}'ºª.-]{2,40}(?:\\s{1,3}[\\p{L}'ºª.-]{1,40}){0,4}?`;
const CAPITALISED_NAME = "(?:\\s{1,3}(?:de|del|la|las|los|el|[\\p{Lu}][\\p{L}'.-]{0,40})){1,6}?";

/**
 * The house number after the name ("5", ", 23", "nº 7", "número 12", "s/n"), and the floor and door
 * after it as Spain writes them ("3º B", "2ª izda.", "bajo").
 */
const HOUSE_NUMBER =
  '(?:,\\s{0,3}|\\s{1,3})(?:(?:n\\.?º|nº|n\\.|núm\\.?|num\\.?|número|numero)\\s{0,3})?(?:\\d{1,4}(?:\\s?[a-zA-Z]\\b)?|s/n)' +
  '(?:,?\\s{1,3}(?:\\d{1,2}\\s?[ºª]|bajo|entresuelo|ático|atico)(?:\\s?-?\\s?[a-zA-Z]\\b|\\s{1,3}(?:izquierda|izda\\.?|derecha|dcha\\.?))?)?';

export const REDACTION: RedactionWords = {
  addresses: [
    // "Calle Mayor 5", "C/ Alcalá, 23", "Avenida de la Constitución nº 12, 3º B", "Plaza de España s/n".
    new RegExp(`(?<![\\p{L}])(?:${STREET_TYPES})${STREET_NAME}${HOUSE_NUMBER}`, 'giu'),
    new RegExp(`(?<![\\p{L}])(?:${STREET_TYPES_CAPITALISED})${CAPITALISED_NAME}${HOUSE_NUMBER}`, 'gu'),
    // "Apartado de Correos 1234", "Apdo. 56": Spain's post-office boxes.
    /(?<![\p{L}])(?:apartado(?:\s{1,3}de\s{1,3}correos)?|apdo\.?)\s{0,3}(?:n\.?º\s{0,3})?\d{1,10}\b/giu,
  ],
  // "ana arroba ejemplo punto es", "luis guion bajo perez arroba correo punto com".
  spokenEmail: { at: ['arroba'], dot: ['punto'], underscore: ['guion bajo', 'guión bajo', 'barra baja'] },
};
