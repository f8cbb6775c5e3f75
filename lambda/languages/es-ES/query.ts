import type { QueryWords } from '../pack';
import { foldSpelling } from '../../understanding/tokens';
import words from './query.json';

/** Consonants a Spanish word may end in before its plural "-es" ("marrones", "grises", "altavoces"). */
const BEFORE_ES = /[lnrsdjyzc]es$/;

/**
 * A word's form for matching, without accents, plural and gender endings: "zapatillas" and
 * "zapatilla", "marrones" and "marrón", "impermeables" and "impermeable", "altavoces" and "altavoz"
 * compare equal.
 */
function stem(word: string): string {
  let form = foldSpelling(word.toLowerCase());
  if (form.length <= 3 || form.endsWith('is')) return form;
  if (BEFORE_ES.test(form)) form = form.slice(0, -2);
  else if (form.endsWith('s')) form = form.slice(0, -1);
  if (form.length > 3 && /[aoe]$/.test(form)) form = form.slice(0, -1);
  return form.endsWith('z') ? `${form.slice(0, -1)}c` : form;
}

export const QUERY: QueryWords = { ...words, stem };
