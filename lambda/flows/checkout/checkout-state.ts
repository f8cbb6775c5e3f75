import * as z from '../../zod-mini';
import { CURRENCY_CODES } from '../../commerce/ports';
import type { ActiveFlow } from '../../core/session-state';

export const CHECKOUT_FLOW = 'checkout';

/**
 * Waiting for the size of an item that comes in several, for yes or no to the order (or a new
 * quantity or size), for the PIN, or for yes or no to an alternative.
 */
const CHECKOUT_STEPS = ['size', 'confirm', 'pin', 'alternative'] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

/** Never more of one item than this by voice: a misheard "forty" must not become forty bags. */
export const MAX_QUANTITY = 20;

const MoneySchema = z.object({
  minor: z.int().check(z.gte(0)),
  currency: z.enum(CURRENCY_CODES),
});

/** What is about to be ordered; the product itself is read from the store again on every turn. */
const BasketSchema = z.object({
  productId: z.string().check(z.minLength(1), z.maxLength(120)),
  quantity: z.int().check(z.gte(1), z.lte(MAX_QUANTITY)),
  variant: z.optional(z.object({ color: z.optional(z.string().check(z.maxLength(40))), size: z.optional(z.string().check(z.maxLength(20))) })),
  /** The shopper's last purchase of this product, when reordering: a changed price is said. */
  lastTime: z.optional(z.object({ quantity: z.int().check(z.gte(1), z.lte(999)), unitPrice: MoneySchema })),
  /**
   * The unit price the product had when checkout last read it (before asking the size): the quote
   * is asked for at this price beside the product's read, and again only if the price moved.
   */
  seenUnitPrice: z.optional(MoneySchema),
  /** The shopper has heard how the price changed since last time: it is said once. */
  priceChangeTold: z.optional(z.boolean()),
  /** Where the shopper came from ("reorder", "product search"), for a person who may take over. */
  topic: z.string().check(z.minLength(1), z.maxLength(60)),
  /**
   * The product's category, when the flow that filled the basket knows it is sold in pack sizes
   * (its other sizes are other products of that category): checkout reads the category beside
   * the product instead of after it. Only a guess, used when the product as the store has it agrees.
   */
  packCategory: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
});
export type Basket = z.infer<typeof BasketSchema>;

const ConfirmationSchema = z.object({
  basket: BasketSchema,
  /** The unit price the shopper heard: the order is placed at this price or not at all. */
  heardUnitPrice: MoneySchema,
  /** Names the question the shopper says yes to; the order is keyed by it, so a repeated yes finds the same order. */
  confirmation: z.uuid(),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

const AlternativeSchema = z.object({
  /** What is offered instead, as a basket of its own. */
  basket: BasketSchema,
  /** The product that is out of stock. */
  replacing: z.string().check(z.minLength(1), z.maxLength(120)),
});
export type AlternativeOffer = z.infer<typeof AlternativeSchema>;

const SizeQuestionSchema = z.object({ basket: BasketSchema });

export function stepOf(active: ActiveFlow): CheckoutStep | undefined {
  return CHECKOUT_STEPS.find((step) => step === active.step);
}

export function sizeStep(basket: Basket): ActiveFlow {
  return { flow: CHECKOUT_FLOW, step: 'size', data: { basket } };
}

export function confirmStep(state: Confirmation): ActiveFlow {
  return { flow: CHECKOUT_FLOW, step: 'confirm', data: { ...state } };
}

/** What the shopper says next is their PIN: it is never written down. */
export function pinStep(state: Confirmation): ActiveFlow {
  return { flow: CHECKOUT_FLOW, step: 'pin', data: { ...state }, secret: true };
}

export function alternativeStep(offer: AlternativeOffer): ActiveFlow {
  return { flow: CHECKOUT_FLOW, step: 'alternative', data: { ...offer } };
}

export function readConfirmation(active: ActiveFlow): Confirmation | undefined {
  const parsed = ConfirmationSchema.safeParse(active.data);
  return parsed.success ? parsed.data : undefined;
}

/** The basket waiting for its size. */
export function readSizeQuestion(active: ActiveFlow): Basket | undefined {
  const parsed = SizeQuestionSchema.safeParse(active.data);
  return parsed.success ? parsed.data.basket : undefined;
}

export function readAlternative(active: ActiveFlow): AlternativeOffer | undefined {
  const parsed = AlternativeSchema.safeParse(active.data);
  return parsed.success ? parsed.data : undefined;
}
