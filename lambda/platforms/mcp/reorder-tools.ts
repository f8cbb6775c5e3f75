import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { CurrencyCode, LineVariant, Product, Shopper } from '../../commerce/ports';
import { basketFingerprint } from '../../flows/checkout/place-order';
import { pastPurchases } from '../../flows/reorder/purchase-history';
import { rankUsual } from '../../flows/reorder/usual';
import { CONFIRMATION_LIFETIME_MS } from './confirmation-token';
import { CONFIRMATION_REFUSALS, confirmationRefusal, staleConfirmation } from './refusals';
import { forShopper, moneyOut, MoneySchema, type ShopperToolContext, timesMoney } from './tool-kit';

const MAX_USUAL_ITEMS = 5;
/** More than anybody reorders by voice at once; a larger number is a misunderstanding. */
const MAX_REORDER_QUANTITY = 10;
/** Unless the store says otherwise, as in the voice flow. */
const DEFAULT_DUPLICATE_ORDER_WINDOW_MINUTES = 10;
const MINUTE_MS = 60_000;

/** What a prepared reorder is bound to: confirming places exactly this, or nothing. */
interface ReorderDetails {
  readonly productId: string;
  readonly quantity: number;
  readonly variant?: LineVariant;
  readonly unitPriceMinor: number;
  readonly currency: CurrencyCode;
  readonly payment: string;
  readonly shipToCity: string;
}

const VariantSchema = z.object({ color: z.string().optional(), size: z.string().optional() });

function paymentOf(shopper: Shopper): string | undefined {
  return shopper.defaultPayment ? `${shopper.defaultPayment.brand} ending ${shopper.defaultPayment.last4}` : undefined;
}

async function usualItems(context: ShopperToolContext) {
  return rankUsual(await pastPurchases(context), context.now);
}

export const listUsualItems = forShopper({
  name: 'list_usual_items',
  title: 'My usual items',
  description:
    "Lists what the signed-in shopper buys again and again, most usual first (each order counts once, recent orders count more), with the quantity and variant of last time, today's price and stock. " +
    `Use it for "reorder my usual coffee" to find the productId for prepare_reorder. At most ${MAX_USUAL_ITEMS} items. Changes nothing.`,
  input: {},
  output: {
    items: z.array(
      z.object({
        productId: z.string(),
        name: z.string(),
        timesOrdered: z.number().int(),
        lastOrderedOn: z.string(),
        lastQuantity: z.number().int(),
        lastVariant: VariantSchema.optional(),
        price: MoneySchema.optional().describe("Today's price; absent when the store no longer sells it."),
        inStock: z.boolean(),
      }),
    ),
  },
  destructive: false,
  async run(_args, context) {
    const usual = (await usualItems(context)).slice(0, MAX_USUAL_ITEMS);
    const products = await Promise.all(usual.map((item) => context.commerce.catalog.findById(item.productId)));
    return {
      output: {
        items: usual.map((item, index) => {
          const product = products[index];
          return {
            productId: item.productId,
            name: item.last.line.name,
            timesOrdered: item.orders,
            lastOrderedOn: context.voice.calendarDay(item.last.orderedAt),
            lastQuantity: item.last.line.quantity,
            ...(item.last.line.variant ? { lastVariant: { ...item.last.line.variant } } : {}),
            ...(product ? { price: moneyOut(product.price) } : {}),
            inStock: (product?.stock ?? 0) > 0,
          };
        }),
      },
    };
  },
});

const REORDER_WHY = ['not-bought-before', 'unknown-product', 'out-of-stock', 'no-payment-or-address', 'pin-not-set', 'pin-locked'] as const;
type ReorderWhy = (typeof REORDER_WHY)[number];

const REORDER_EXPLANATIONS: Readonly<Record<ReorderWhy, string>> = {
  'not-bought-before': 'Only products the shopper bought in the last year can be reordered here; use list_usual_items.',
  'unknown-product': 'The store no longer sells this product.',
  'out-of-stock': 'Not enough in stock for that quantity.',
  'no-payment-or-address': 'The shopper has no default card or address; they need to add one in their account first.',
  'pin-not-set': 'The store requires a voice purchase PIN, and this shopper has not set one; they can set it in their account.',
  'pin-locked': 'Purchasing is locked after too many wrong PINs; the shopper can try again later.',
};

function refusedReorder(why: ReorderWhy, extra: { available?: number } = {}) {
  return { output: { status: 'refused' as const, why, explanation: REORDER_EXPLANATIONS[why], ...extra } };
}

/** The store asks every shopper for the PIN, or this shopper turned it on for their own purchases. */
async function pinRequired(context: ShopperToolContext): Promise<boolean> {
  if (context.store.purchasePin?.required ?? false) return true;
  return (await context.commerce.purchasePins.alwaysRequired?.(context.shopper.id)) ?? false;
}

/**
 * Where the store takes payment only at its own checkout page (Shopify), no order can be placed for
 * the shopper: the cart is made at once with the same stock and price checks, and its link is the
 * answer. Nothing is charged, so there is nothing to confirm; a second call for the same basket
 * within the duplicate-order window gets the same cart back.
 */
async function prepareCart(context: ShopperToolContext, product: Product, quantity: number, variant: LineVariant | undefined) {
  const { shopper, commerce, now } = context;
  const basket = { productId: product.id, quantity, ...(variant ? { variant } : {}) };
  const idempotencyKey = await commerce.checkoutClaims.claim({
    shopperId: shopper.id,
    basket: basketFingerprint(basket),
    key: `mcp:cart:${randomUUID()}`,
    at: now,
    windowMs: (context.store.duplicateOrderWindowMinutes ?? DEFAULT_DUPLICATE_ORDER_WINDOW_MINUTES) * MINUTE_MS,
  });
  const place = (unitPrice: Product['price']) => commerce.checkout.place({ shopperId: shopper.id, lines: [{ ...basket, unitPrice }], placedAt: now, idempotencyKey });
  let unitPrice = product.price;
  let outcome = await place(unitPrice);
  // The price moved between reading the product and making the cart: nobody agreed to the old one, so the cart takes today's.
  if (outcome.kind === 'price-changed') {
    unitPrice = outcome.unitPrice;
    outcome = await place(unitPrice);
  }
  switch (outcome.kind) {
    case 'cart-prepared':
      return {
        output: {
          status: 'cart-prepared' as const,
          prepared: {
            productId: product.id,
            item: product.name,
            ...(variant ? { variant: { ...variant } } : {}),
            quantity,
            unitPrice: moneyOut(unitPrice),
            total: moneyOut(outcome.cart.total),
            seller: context.store.name,
            pinRequired: false,
          },
          checkoutUrl: outcome.cart.checkoutUrl,
          explanation: 'Nothing was ordered: the store takes payment at its own checkout. Give the shopper this link to pay there; the total is before shipping.',
        },
        event: { outcome: 'resolved' as const, goal: 'cart-prepared' as const },
      };
    case 'out-of-stock':
      return refusedReorder('out-of-stock', { available: outcome.available });
    case 'refused':
      return refusedReorder(outcome.why);
    case 'price-changed':
    case 'placed':
      throw new Error(`A store that takes payment at its checkout page answered ${outcome.kind} to a cart`);
  }
}

export const prepareReorder = forShopper({
  name: 'prepare_reorder',
  title: 'Prepare a reorder',
  description:
    'First step of reordering something the signed-in shopper bought before. Places NOTHING: it answers what would be ordered (item, variant, quantity, total, card brand and last four, ship-to city) and a confirmation token valid for ' +
    `${CONFIRMATION_LIFETIME_MS / 60_000} minutes. Read the details to the shopper; only when they say yes call confirm_reorder with the token` +
    ' (and their four-digit voice PIN when pinRequired is true — ask for it, never guess it).' +
    ' Where the store takes payment only at its own checkout (status cart-prepared), it puts the item in a cart instead and answers the checkoutUrl: nothing is ordered, there is nothing to confirm, and the shopper pays at that link.',
  input: {
    productId: z.string().min(1).max(64).describe('From list_usual_items.'),
    quantity: z.number().int().min(1).max(MAX_REORDER_QUANTITY).optional().describe('Defaults to the quantity of last time.'),
  },
  output: {
    status: z.enum(['ready', 'cart-prepared', 'refused']),
    why: z.enum(REORDER_WHY).optional(),
    explanation: z.string().optional(),
    available: z.number().int().optional().describe('Units in stock, when out-of-stock.'),
    prepared: z
      .object({
        productId: z.string(),
        item: z.string(),
        variant: VariantSchema.optional(),
        quantity: z.number().int(),
        unitPrice: MoneySchema,
        total: MoneySchema.describe('What the order charges, tax and delivery included where the store quotes them.'),
        tax: MoneySchema.optional().describe('The tax in the total, when the store says it.'),
        delivery: MoneySchema.optional().describe('The delivery charge in the total (0: free), when the store says it.'),
        seller: z.string().describe('The seller of record: tell the shopper who sells it.'),
        payment: z.string().optional().describe('Card brand and last four digits; absent for a cart, which is paid for at the checkout.'),
        shipToCity: z.string().optional().describe('Absent for a cart: the shopper gives the address at the checkout.'),
        pinRequired: z.boolean(),
      })
      .optional(),
    checkoutUrl: z.string().optional().describe('With cart-prepared: where the shopper pays for the cart. Nothing was ordered.'),
    confirmation: z.string().optional().describe('Pass to confirm_reorder, unchanged, once the shopper agreed.'),
    expiresAt: z.string().optional(),
  },
  destructive: false,
  async run({ productId, quantity: asked }, context) {
    const usual = (await usualItems(context)).find((item) => item.productId === productId);
    if (!usual) return refusedReorder('not-bought-before');
    const product = await context.commerce.catalog.findById(productId);
    if (!product) return refusedReorder('unknown-product');
    const quantity = Math.min(asked ?? usual.last.line.quantity, MAX_REORDER_QUANTITY);
    if (product.stock < quantity) return refusedReorder('out-of-stock', { available: Math.max(0, product.stock) });
    if (context.commerce.checkout.paysAtCheckoutPage === true) return prepareCart(context, product, quantity, usual.last.line.variant);
    const { shopper } = context;
    const payment = paymentOf(shopper);
    if (!payment || !shopper.defaultAddress) return refusedReorder('no-payment-or-address');
    if (await pinRequired(context)) {
      const status = await context.commerce.purchasePins.status(shopper.id, context.now);
      if (status.kind === 'not-set') return refusedReorder('pin-not-set');
      if (status.kind === 'locked') return refusedReorder('pin-locked');
    }
    const variant = usual.last.line.variant;
    const details: ReorderDetails = {
      productId,
      quantity,
      ...(variant ? { variant: { ...variant } } : {}),
      unitPriceMinor: product.price.minor,
      currency: product.price.currency,
      payment,
      shipToCity: shopper.defaultAddress.city,
    };
    const line = { productId, quantity, ...(variant ? { variant: { ...variant } } : {}), unitPrice: product.price };
    const quote = (await context.commerce.checkout.quote?.({ shopperId: shopper.id, lines: [line] })) ?? { total: timesMoney(product.price, quantity) };
    return {
      output: {
        status: 'ready' as const,
        prepared: {
          productId,
          item: product.name,
          ...(variant ? { variant: { ...variant } } : {}),
          quantity,
          unitPrice: moneyOut(product.price),
          total: moneyOut(quote.total),
          ...(quote.tax ? { tax: moneyOut(quote.tax) } : {}),
          ...(quote.delivery ? { delivery: moneyOut(quote.delivery) } : {}),
          seller: context.store.name,
          payment,
          shipToCity: details.shipToCity,
          pinRequired: await pinRequired(context),
        },
        confirmation: context.confirmations.sign('reorder', shopper.id, details, context.now),
        expiresAt: new Date(context.now.getTime() + CONFIRMATION_LIFETIME_MS).toISOString(),
      },
      event: { outcome: 'asked' },
    };
  },
});

const CONFIRM_REORDER_WHY = [...REORDER_WHY, ...CONFIRMATION_REFUSALS, 'pin-required', 'wrong-pin'] as const;

export const confirmReorder = forShopper({
  name: 'confirm_reorder',
  title: 'Confirm a reorder',
  description:
    'Second step: places the order prepare_reorder described, after the shopper said yes, charged to the card and shipped to the address named there. Needs the confirmation token from prepare_reorder, and the shopper\'s four-digit voice PIN when the store requires one. ' +
    'Without a valid token, with another shopper\'s, an expired one, or when the price, stock, card or address changed since, it places nothing and says why (then prepare again). Calling it again with the same token never places a second order.',
  input: {
    confirmation: z.string().min(1).max(4096),
    pin: z.string().regex(/^\d{4}$/, 'four digits').optional().describe("The shopper's voice purchase PIN, only when pinRequired was true."),
  },
  output: {
    status: z.enum(['placed', 'cart-prepared', 'refused']),
    why: z.enum(CONFIRM_REORDER_WHY).optional(),
    explanation: z.string().optional(),
    triesLeft: z.number().int().optional(),
    order: z
      .object({ orderNumber: z.string(), total: MoneySchema, expectedOn: z.string(), payment: z.string(), shipToCity: z.string() })
      .optional(),
    /** With 'cart-prepared': nothing was ordered; the shopper pays for the prepared cart at this link. */
    checkoutUrl: z.string().optional(),
  },
  destructive: true,
  async run({ confirmation, pin }, context) {
    const { shopper, commerce, now } = context;
    const check = context.confirmations.open<ReorderDetails>(confirmation, 'reorder', shopper.id, now);
    if (check.kind !== 'valid') return { output: confirmationRefusal(check.kind) };
    const { details, nonce } = check.claims;
    if (await pinRequired(context)) {
      if (!pin) return { output: { status: 'refused' as const, why: 'pin-required' as const, explanation: 'This store requires the shopper\'s four-digit voice PIN: ask them for it and call again with pin.' } };
      const lockoutMs = (context.store.purchasePin?.lockoutMinutes ?? 0) * MINUTE_MS;
      const result = await commerce.purchasePins.check({ shopperId: shopper.id, pin, at: now, lockoutMs });
      if (result.kind === 'wrong') {
        return { output: { status: 'refused' as const, why: 'wrong-pin' as const, explanation: 'That PIN is not right. Nothing was ordered.', triesLeft: result.triesLeft } };
      }
      if (result.kind === 'locked') return refusedReorder('pin-locked');
      if (result.kind === 'not-set') return refusedReorder('pin-not-set');
    }
    if (paymentOf(shopper) !== details.payment || shopper.defaultAddress?.city !== details.shipToCity) {
      return { output: staleConfirmation('The card or address changed since the reorder was prepared.') };
    }
    const basket = { productId: details.productId, quantity: details.quantity, variant: details.variant };
    // Two hosts (or a host and a speaker) confirming the same basket within the window place one order.
    const idempotencyKey = await commerce.checkoutClaims.claim({
      shopperId: shopper.id,
      basket: basketFingerprint(basket),
      key: `mcp:checkout:${nonce}`,
      at: now,
      windowMs: (context.store.duplicateOrderWindowMinutes ?? DEFAULT_DUPLICATE_ORDER_WINDOW_MINUTES) * MINUTE_MS,
    });
    const unitPrice = { minor: details.unitPriceMinor, currency: details.currency };
    const outcome = await commerce.checkout.place({ shopperId: shopper.id, lines: [{ ...basket, unitPrice }], placedAt: now, idempotencyKey });
    switch (outcome.kind) {
      case 'placed':
        return {
          output: {
            status: 'placed' as const,
            order: {
              orderNumber: outcome.order.number,
              total: moneyOut(outcome.order.total),
              expectedOn: context.voice.calendarDay(outcome.order.expectedOn),
              payment: `${outcome.order.payment.brand} ending ${outcome.order.payment.last4}`,
              shipToCity: outcome.order.shipToCity,
            },
          },
          event: { outcome: 'resolved', goal: 'order-placed', orderValue: outcome.order.total },
        };
      case 'cart-prepared':
        return {
          output: { status: 'cart-prepared' as const, checkoutUrl: outcome.cart.checkoutUrl, explanation: 'Nothing was ordered yet: the store takes payment at its own checkout. Give the shopper this link to pay.' },
          event: { outcome: 'resolved', goal: 'cart-prepared' },
        };
      case 'price-changed':
        return { output: staleConfirmation(`The price changed to ${moneyOut(outcome.unitPrice).display} since the reorder was prepared.`) };
      case 'out-of-stock':
        return refusedReorder('out-of-stock', { available: outcome.available });
      case 'refused':
        return refusedReorder(outcome.why);
    }
  },
});
