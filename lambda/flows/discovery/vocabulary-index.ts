import type { CatalogVocabulary } from '../../commerce/product-query';
import type { CurrencyCode } from '../../commerce/ports';
import { grammarFor, type QueryGrammar } from './grammar';
import { wordsOf } from './words';

type Target =
  | { readonly kind: 'category'; readonly id: string }
  | { readonly kind: 'attribute'; readonly name: string; readonly value: string }
  | { readonly kind: 'brand'; readonly name: string };

/** Vocabulary terms by their stemmed words, built once per vocabulary and locale. */
export class VocabularyIndex {
  private readonly targets = new Map<string, Target[]>();

  constructor(
    vocabulary: CatalogVocabulary,
    readonly grammar: QueryGrammar,
  ) {
    for (const brand of vocabulary.brands) this.add(brand, { kind: 'brand', name: brand });
    for (const category of vocabulary.categories) {
      for (const term of category.terms) this.add(term, { kind: 'category', id: category.id });
    }
    for (const attribute of vocabulary.attributes) {
      const target: Target = { kind: 'attribute', name: attribute.name, value: attribute.value };
      const name = wordsOf(attribute.name).join(' ');
      for (const term of attribute.terms) {
        this.add(term, target);
        // "Dark roast", "color black": the attribute's own name beside its value says nothing more
        // than the value, and tells which attribute a value shared by several ("medium") belongs to.
        if (name.length > 0) for (const named of [`${term} ${name}`, `${name} ${term}`]) this.add(named, target);
      }
    }
    this.currency = vocabulary.currency;
  }

  readonly currency: CurrencyCode;

  key(words: readonly string[]): string {
    return words.map((word) => this.grammar.stem(word)).join(' ');
  }

  private add(term: string, target: Target): void {
    const key = this.key(wordsOf(term));
    if (key.length === 0) return;
    const existing = this.targets.get(key) ?? [];
    if (!existing.some((known) => JSON.stringify(known) === JSON.stringify(target))) existing.push(target);
    this.targets.set(key, existing);
  }

  lookup(words: readonly string[]): readonly Target[] {
    return this.targets.get(this.key(words)) ?? [];
  }

  hasSize(value: string): boolean {
    return this.lookup([value.toLowerCase()]).some((target) => target.kind === 'attribute' && target.name === 'size');
  }
}

/** Indexes by vocabulary: a catalog hands out the same vocabulary object until it changes. */
const indexes = new WeakMap<CatalogVocabulary, Map<string, VocabularyIndex>>();

export function vocabularyIndex(vocabulary: CatalogVocabulary, locale: string): VocabularyIndex {
  const byLocale = indexes.get(vocabulary) ?? new Map<string, VocabularyIndex>();
  indexes.set(vocabulary, byLocale);
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const index = new VocabularyIndex(vocabulary, grammarFor(locale));
  byLocale.set(locale, index);
  return index;
}
