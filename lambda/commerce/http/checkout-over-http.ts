import { StoreRejectedError } from '../commerce-errors';
import type { Checkout } from '../ports';
import type { StoreApiClient } from './store-api-client';
import { isPathSegment } from './store-api-operations';
import { CheckoutOutcomeSchema, CheckoutQuoteSchema, CheckoutRequestBodySchema, encodeWire, QuoteRequestBodySchema } from './wire-schemas';

export function checkoutOverHttp(client: StoreApiClient): Checkout {
  return {
    async quote({ shopperId, lines }) {
      if (lines.length === 0 || lines.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
        throw new Error('A quote needs lines of at least one unit each');
      }
      if (!isPathSegment(shopperId)) return undefined;
      try {
        return await client.call({ operation: 'quoteOrder', path: { shopperId }, body: encodeWire(QuoteRequestBodySchema, { lines }) }, CheckoutQuoteSchema);
      } catch (error) {
        // quoteOrder is optional: a store without it (or without the shopper's address) answers 404.
        if (error instanceof StoreRejectedError && error.status === 404) return undefined;
        throw error;
      }
    },
    async place(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A checkout needs an idempotency key');
      if (request.lines.length === 0 || request.lines.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
        throw new Error('A checkout needs lines of at least one unit each');
      }
      const { shopperId, idempotencyKey, lines, placedAt } = request;
      if (!isPathSegment(shopperId)) return { kind: 'refused', why: 'no-payment-or-address' };
      return client.call(
        {
          operation: 'placeOrder',
          path: { shopperId },
          body: encodeWire(CheckoutRequestBodySchema, { lines, placedAt }),
          idempotencyKey,
        },
        CheckoutOutcomeSchema,
      );
    },
  };
}
