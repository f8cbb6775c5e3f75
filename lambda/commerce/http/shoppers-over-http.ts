import { StoreDataError } from '../commerce-errors';
import type { Shoppers } from '../ports';
import type { StoreApiClient } from './store-api-client';
import { isPathSegment } from './store-api-operations';
import { ShopperSchema } from './wire-schemas';

export function shoppersOverHttp(client: StoreApiClient): Shoppers {
  return {
    async findById(shopperId) {
      if (!isPathSegment(shopperId)) return undefined;
      const shopper = await client.find({ operation: 'findShopper', path: { shopperId } }, ShopperSchema);
      if (shopper && shopper.id !== shopperId) throw new StoreDataError('findShopper', 'id: not the shopper asked for');
      return shopper;
    },
  };
}
