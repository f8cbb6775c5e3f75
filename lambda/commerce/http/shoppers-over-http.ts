import { StoreDataError } from '../commerce-errors';
import type { Shoppers } from '../ports';
import type { StoreApiClient } from './store-api-client';
import { isPathSegment } from './store-api-operations';
import {
  encodeWire,
  OrderLookupAnswerSchema,
  OrderLookupBodySchema,
  PhoneLookupBodySchema,
  SecondFactorAnswerSchema,
  SecondFactorBodySchema,
  ShopperSchema,
} from './wire-schemas';

export function shoppersOverHttp(client: StoreApiClient): Shoppers {
  return {
    async findById(shopperId) {
      if (!isPathSegment(shopperId)) return undefined;
      const shopper = await client.find({ operation: 'findShopper', path: { shopperId } }, ShopperSchema);
      if (shopper && shopper.id !== shopperId) throw new StoreDataError('findShopper', 'id: not the shopper asked for');
      return shopper;
    },

    async findByPhone(phone) {
      if (!PhoneLookupBodySchema.safeParse({ phone }).success) return undefined;
      return client.find({ operation: 'findShopperByPhone', path: {}, body: encodeWire(PhoneLookupBodySchema, { phone }) }, ShopperSchema);
    },

    async findByOrderAndPostalCode(check) {
      if (!/^\d{3,12}$/.test(check.orderNumber) || !/^\d{3,10}$/.test(check.postalCode)) return undefined;
      const found = await client.find({ operation: 'findShopperByOrder', path: {}, body: encodeWire(OrderLookupBodySchema, check) }, OrderLookupAnswerSchema);
      return found?.shopperId;
    },

    async checkSecondFactor({ shopperId, digits, placedSince }) {
      if (!isPathSegment(shopperId) || !/^\d{3,12}$/.test(digits)) return false;
      const answer = await client.call(
        { operation: 'checkSecondFactor', path: { shopperId }, body: encodeWire(SecondFactorBodySchema, { digits, placedSince }) },
        SecondFactorAnswerSchema,
      );
      return answer.matches;
    },
  };
}
