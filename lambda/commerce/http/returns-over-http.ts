import { StoreDataError } from '../commerce-errors';
import type { Returns } from '../ports';
import type { StoreApiClient } from './store-api-client';
import { isPathSegment } from './store-api-operations';
import { encodeWire, ReturnedUnitsSchema, ReturnOutcomeSchema, ReturnPolicySchema, ReturnRequestBodySchema } from './wire-schemas';

export function returnsOverHttp(client: StoreApiClient): Returns {
  return {
    async policy() {
      return client.call({ operation: 'returnPolicy', path: {} }, ReturnPolicySchema);
    },
    async returnedUnits(orderNumber) {
      if (!isPathSegment(orderNumber)) return new Map();
      const { lines } = await client.call({ operation: 'returnedUnits', path: { orderNumber } }, ReturnedUnitsSchema);
      return new Map(lines.map((line) => [line.lineId, line.units]));
    },
    async create(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A return needs an idempotency key');
      if (!Number.isInteger(request.quantity) || request.quantity < 1) throw new Error('A return needs a whole, positive quantity');
      const { shopperId, idempotencyKey, ...rest } = request;
      if (!isPathSegment(shopperId)) return { kind: 'refused', why: 'not-found' };
      const outcome = await client.call(
        {
          operation: 'createReturn',
          path: { shopperId },
          body: encodeWire(ReturnRequestBodySchema, rest),
          idempotencyKey,
        },
        ReturnOutcomeSchema,
      );
      if (outcome.kind === 'created' && (outcome.record.orderNumber !== request.orderNumber || outcome.record.lineId !== request.lineId)) {
        throw new StoreDataError('createReturn', 'record: not the line asked for');
      }
      return outcome;
    },
  };
}
