import { LOCALES, packOf } from '../../languages/packs';
import type { CatalogTerms } from '../product-query';

/**
 * The words shoppers use for the demo catalog's categories and attribute values, per locale, from
 * each language pack. Catalog data like the products themselves: a store supplies its own.
 */
export const DEMO_CATALOG_TERMS: Readonly<Record<string, CatalogTerms>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, packOf(locale).demoCatalog.terms]),
);

/** A demo product's spoken names in the locales whose pack names it ("de-DE" → "Trailblazer Laufschuhe"). */
export function demoSpokenNames(productId: string): Readonly<Record<string, string>> {
  return Object.fromEntries(
    LOCALES.flatMap((locale) => {
      const name = packOf(locale).demoCatalog.spokenNames[productId];
      return name === undefined ? [] : [[locale, name] as const];
    }),
  );
}
