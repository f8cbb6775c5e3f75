import { z } from 'zod';
import type { ProductQuery } from '../../commerce/product-query';

const QuerySchema: z.ZodType<ProductQuery> = z.object({
  category: z.string().max(80).optional(),
  brand: z.string().max(80).optional(),
  attributes: z.record(z.string().max(40), z.array(z.string().max(80)).max(10)),
  words: z.array(z.string().max(40)).max(20),
  hints: z.array(z.string().max(60)).max(10),
  price: z.object({ minMinor: z.number().int().min(0).optional(), maxMinor: z.number().int().min(0).optional() }),
  cheapestFirst: z.boolean(),
});

/** What discovery keeps between turns: the query, where in its results we are, and what was offered. */
export const DiscoveryDataSchema = z.object({
  query: QuerySchema,
  offset: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Product ids just offered, in the order they were said ("the second one"). */
  shown: z.array(z.string().max(80)).max(3),
  /** The product the shopper asked about last ("order it"). */
  focus: z.string().max(80).optional(),
});

export type DiscoveryData = z.infer<typeof DiscoveryDataSchema>;

export const DISCOVERY_STEPS = {
  askQuery: 'ask-query',
  results: 'results',
  relaxOffer: 'relax-offer',
  detail: 'detail',
} as const;
