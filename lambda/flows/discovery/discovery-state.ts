import * as z from '../../zod-mini';
import type { ProductQuery } from '../../commerce/product-query';

/** What of a query discovery keeps between turns; a query is kept within these (see `keepableQuery`). */
const QUERY_LIMITS = {
  labelChars: 80,
  attributes: 10,
  attributeNameChars: 40,
  valuesPerAttribute: 10,
  valueChars: 80,
  words: 20,
  wordChars: 40,
  hints: 10,
  hintChars: 60,
} as const;

const QuerySchema: z.ZodMiniType<ProductQuery> = z.object({
  category: z.optional(z.string().check(z.maxLength(QUERY_LIMITS.labelChars))),
  brand: z.optional(z.string().check(z.maxLength(QUERY_LIMITS.labelChars))),
  attributes: z
    .record(
      z.string().check(z.maxLength(QUERY_LIMITS.attributeNameChars)),
      z.array(z.string().check(z.maxLength(QUERY_LIMITS.valueChars))).check(z.maxLength(QUERY_LIMITS.valuesPerAttribute)),
    )
    .check(z.refine((attributes) => Object.keys(attributes).length <= QUERY_LIMITS.attributes)),
  words: z.array(z.string().check(z.maxLength(QUERY_LIMITS.wordChars))).check(z.maxLength(QUERY_LIMITS.words)),
  hints: z.array(z.string().check(z.maxLength(QUERY_LIMITS.hintChars))).check(z.maxLength(QUERY_LIMITS.hints)),
  price: z.object({ minMinor: z.optional(z.int().check(z.gte(0))), maxMinor: z.optional(z.int().check(z.gte(0))) }),
  cheapestFirst: z.boolean(),
});

const within = (values: readonly string[], maxChars: number, maxItems: number) =>
  values.filter((value) => value.length <= maxChars).slice(0, maxItems);

/**
 * The query as discovery can keep it between turns: a long request ("a jacket that is …" in forty
 * words) or a store's long words would otherwise make a state the next turn refuses, so "next"
 * and "the second one" would stop working. What does not fit is left out, never cut.
 */
export function keepableQuery(query: ProductQuery): ProductQuery {
  const label = (value: string | undefined) => (value !== undefined && value.length <= QUERY_LIMITS.labelChars ? value : undefined);
  const category = label(query.category);
  const brand = label(query.brand);
  const attributes = Object.entries(query.attributes)
    .filter(([name]) => name.length <= QUERY_LIMITS.attributeNameChars)
    .map(([name, values]) => [name, within(values, QUERY_LIMITS.valueChars, QUERY_LIMITS.valuesPerAttribute)] as const)
    .filter(([, values]) => values.length > 0)
    .slice(0, QUERY_LIMITS.attributes);
  return {
    ...(category !== undefined ? { category } : {}),
    ...(brand !== undefined ? { brand } : {}),
    attributes: Object.fromEntries(attributes),
    words: within(query.words, QUERY_LIMITS.wordChars, QUERY_LIMITS.words),
    hints: within(query.hints, QUERY_LIMITS.hintChars, QUERY_LIMITS.hints),
    price: query.price,
    cheapestFirst: query.cheapestFirst,
  };
}

/** What discovery keeps between turns: the query, where in its results we are, and what was offered. */
export const DiscoveryDataSchema = z.object({
  query: QuerySchema,
  offset: z.int().check(z.gte(0)),
  total: z.int().check(z.gte(0)),
  /** Product ids just offered, in the order they were said ("the second one"). */
  shown: z.array(z.string().check(z.maxLength(80))).check(z.maxLength(3)),
  /**
   * On a device that draws the results: every product on the screen, the ones said first, so that
   * touching the third, or saying "the third one", chooses what the shopper sees there.
   */
  onScreen: z.optional(z.array(z.string().check(z.maxLength(80))).check(z.maxLength(3))),
  /** The product the shopper asked about last ("order it"). */
  focus: z.optional(z.string().check(z.maxLength(80))),
});

export type DiscoveryData = z.infer<typeof DiscoveryDataSchema>;

export const DISCOVERY_STEPS = {
  askQuery: 'ask-query',
  results: 'results',
  relaxOffer: 'relax-offer',
  detail: 'detail',
} as const;
