import type { RedactionWords } from '../pack';

/** "calle" → "[Cc]alle": the patterns stay case-sensitive, so a name after the street type is told by its capital. */
function anyCase(words: readonly string[]): string {
  return words.map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`).join('|');
}

/**
 * Street types as Spanish speakers in the United States say them in front of the street's name
 * ("1420 calle Mission", "avenida César Chávez 2300"). The English forms ("1420 Mission Street")
 * are the en-US pack's, and every pack's patterns apply to every text.
 */
const STREET_TYPES = anyCase(['calle', 'avenida', 'avda\\.?', 'av\\.?', 'bulevar', 'boulevard', 'blvd\\.?', 'carretera', 'camino', 'callejón', 'callejon', 'paseo', 'circuito', 'calzada']);
/** Street types that are never everyday words, for addresses that put the number last. */
const STREET_TYPES_BEFORE_NAME = anyCase(['calle', 'avenida', 'avda\\.?', 'bulevar', 'carretera', 'callejón', 'callejon', 'calzada']);

export const REDACTION: RedactionWords = {
  addresses: [
    // "1420 calle Mission", "el 2300 de la avenida César Chávez", "85 W. bulevar Sunset".
    new RegExp(`\\b\\d{1,6}[A-Za-z]?,?\\s{1,3}(?:de\\s{1,3}la\\s{1,3})?(?:[NSEOW]\\.?\\s{1,3})?(?:${STREET_TYPES})\\s{1,3}[\\p{L}\\d'.-]{1,40}(?:\\s{1,3}\\p{Lu}[\\p{L}'.-]{0,40}){0,2}`, 'gu'),
    // "calle Mission 1420", "avenida Central número 45", "calzada Independencia #300".
    new RegExp(`\\b(?:${STREET_TYPES_BEFORE_NAME})\\s{1,3}(?:[\\p{L}'.-]{1,40}\\s{1,3}){1,4}(?:n[úu]mero\\s{1,3}|no\\.\\s{0,2}|#\\s{0,2})?\\d{1,6}[A-Za-z]?\\b`, 'gu'),
    // The apartment that goes with it: "apartamento 4B", "apto. 12", "depto 305".
    /\b(?:[Aa]partamento|[Aa]pto\.?|[Dd]epartamento|[Dd]epto\.?)\s{0,3}(?:n[úu]mero\s{1,3}|#\s{0,2})?\d{1,5}[A-Za-z]?\b/gu,
    // Post office boxes: "apartado postal 4521", "casilla postal 88", "caja postal 12".
    /\b(?:[Aa]partado|[Cc]asilla|[Cc]aja)\s{1,3}[Pp]ostal\s{0,3}(?:n[úu]mero\s{1,3}|#\s{0,2})?\d{1,10}\b/gu,
  ],
  spokenEmail: { at: ['arroba'], dot: ['punto'], underscore: ['guion bajo', 'guión bajo', 'subrayado'] },
};
