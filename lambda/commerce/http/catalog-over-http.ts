import { runWithoutCallDeadline } from '../call-deadline';
import { StoreDataError } from '../commerce-errors';
import type { Catalog } from '../ports';
import type { CatalogVocabulary } from '../product-query';
import { productSearchParams } from './query-params';
import type { StoreApiClient } from './store-api-client';
import { isPathSegment } from './store-api-operations';
import { CatalogVocabularySchema, ProductPageSchema, ProductSchema } from './wire-schemas';

export interface CatalogOverHttpOptions {
  /** How long a locale's vocabulary is reused before it is asked for again; 0 asks every time. */
  readonly vocabularyTtlMs: number;
  readonly now?: () => number;
}

export function catalogOverHttp(client: StoreApiClient, options: CatalogOverHttpOptions): Catalog {
  const now = options.now ?? Date.now;
  // Catalogs change rarely and discovery reads the vocabulary on every search, so it is kept a while;
  // concurrent turns share one request, and a failed one is not kept.
  const vocabularies = new Map<string, { readonly at: number; readonly vocabulary: Promise<CatalogVocabulary> }>();

  return {
    async findById(productId) {
      if (!isPathSegment(productId)) return undefined;
      const product = await client.find({ operation: 'findProduct', path: { productId } }, ProductSchema);
      if (product && product.id !== productId) throw new StoreDataError('findProduct', 'id: not the product asked for');
      return product;
    },
    async search(query, page) {
      const params = productSearchParams(query, page);
      const answer = await client.call({ operation: 'searchProducts', path: {}, query: params }, ProductPageSchema);
      // A store that ignores the page size still gives a page of the size asked for.
      return { total: answer.total, products: answer.products.slice(0, Number(params.get('limit'))) };
    },
    vocabulary(locale) {
      const cached = vocabularies.get(locale);
      if (cached && now() - cached.at < options.vocabularyTtlMs) return cached.vocabulary;
      // Shared by every turn that asks meanwhile, so not bound to the deadline of the turn that asked first.
      const vocabulary = runWithoutCallDeadline(() =>
        client.call({ operation: 'catalogVocabulary', path: {}, query: new URLSearchParams({ locale }) }, CatalogVocabularySchema),
      );
      const entry = { at: now(), vocabulary };
      if (options.vocabularyTtlMs > 0) vocabularies.set(locale, entry);
      vocabulary.catch(() => {
        if (vocabularies.get(locale) === entry) vocabularies.delete(locale);
      });
      return vocabulary;
    },
  };
}
