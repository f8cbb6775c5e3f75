import { StoreDataError } from '../commerce-errors';
import type { Catalog } from '../ports';
import { keptRead } from './kept-read';
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
  // Catalogs change rarely and discovery reads the vocabulary on every search, so it is kept a while.
  const vocabulary = keptRead(
    (locale) => client.call({ operation: 'catalogVocabulary', path: {}, query: new URLSearchParams({ locale }) }, CatalogVocabularySchema),
    { ttlMs: options.vocabularyTtlMs, ...(options.now ? { now: options.now } : {}) },
  );

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
      return {
        total: answer.total,
        ...(answer.moreThanTotal ? { moreThanTotal: true } : {}),
        products: answer.products.slice(0, Number(params.get('limit'))),
      };
    },
    vocabulary,
  };
}
