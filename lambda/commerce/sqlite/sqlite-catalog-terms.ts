import type { CatalogTerms } from '../product-query';
import type { SqliteDatabase } from './open-database';

interface TermRow {
  readonly kind: 'category' | 'attribute';
  readonly key: string;
  readonly term: string;
}

/** Writes a catalog's words per locale, replacing nothing that is already there. */
export function writeCatalogTerms(db: SqliteDatabase, termsByLocale: Readonly<Record<string, CatalogTerms>>): void {
  const insert = db.prepare('INSERT OR IGNORE INTO catalog_terms (locale, kind, key, term) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const [locale, terms] of Object.entries(termsByLocale)) {
      for (const [key, words] of Object.entries(terms.categories)) for (const term of words) insert.run(locale, 'category', key, term);
      for (const [key, words] of Object.entries(terms.attributeValues)) for (const term of words) insert.run(locale, 'attribute', key, term);
    }
  })();
}

export function hasCatalogTerms(db: SqliteDatabase): boolean {
  return db.prepare('SELECT 1 FROM catalog_terms LIMIT 1').get() !== undefined;
}

/** Reads the catalog's words for one locale. */
export function createCatalogTermsReader(db: SqliteDatabase): (locale: string) => CatalogTerms {
  const read = db.prepare<[string], TermRow>('SELECT kind, key, term FROM catalog_terms WHERE locale = ? ORDER BY kind, key, term');
  return (locale) => {
    const categories: Record<string, string[]> = {};
    const attributeValues: Record<string, string[]> = {};
    for (const row of read.all(locale)) {
      const target = row.kind === 'category' ? categories : attributeValues;
      (target[row.key] ??= []).push(row.term);
    }
    return { categories, attributeValues };
  };
}
