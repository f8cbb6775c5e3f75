import { StoreDataError } from '../commerce-errors';
import type { Returns } from '../ports';
import type { StoreApiClient } from './store-api-client';
import { keptRead } from './kept-read';
import { isPathSegment } from './store-api-operations';
import { encodeWire, ReturnedUnitsSchema, ReturnOutcomeSchema, ReturnPolicySchema, ReturnRequestBodySchema } from './wire-schemas';

export interface ReturnsOverHttpOptions {
  /** How long the return policy is reused before it is asked for again; 0 asks every time. */
  readonly policyTtlMs: number;
  readonly now?: () => number;
}

export function returnsOverHttp(client: StoreApiClient, options: ReturnsOverHttpOptions): Returns {
  // The policy changes rarely, and every step of a return checks against it: it is kept a while.
  const policy = keptRead(() => client.call({ operation: 'returnPolicy', path: {} }, ReturnPolicySchema), {
    ttlMs: options.policyTtlMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    policy: () => policy('policy'),
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
