import { randomUUID } from 'node:crypto';
import type { CheckoutQuote, LineVariant, PaymentMethod, Product } from '../../commerce/ports';
import { EMPTY_QUERY } from '../../commerce/product-query';
import type { FlowContext, ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { listen } from '../../core/replies';
import { join, type Speech } from '../../speech/speech';
import { assistance } from '../assistance';
import { closestInStock } from './alternatives';
import { costPhrase, itemsPhrase, outOfStockSentence, priceChangeSentence, priceMoved, times } from './checkout-speech';
import { preparesCart } from './checkout-mode';
import { alternativeStep, type Basket, type Confirmation, confirmStep, MAX_QUANTITY, sizeStep } from './checkout-state';
import { deadEnd } from './dead-end';
import { packSizeOf, packSizesOf } from './pack-sizes';
import { pinBlock } from './pin-step';
import { sizesOf } from './size-change';

/** More than any one category holds: pack sizes and alternatives are looked for within the category. */
const CATEGORY_LIMIT = 500;

/** What the category holds; only read when it matters: other pack sizes, or an alternative to what is out of stock. */
export async function productsLike(context: FlowContext, category: string): Promise<readonly Product[]> {
  const page = await context.commerce.catalog.search({ ...EMPTY_QUERY, category }, { offset: 0, limit: CATEGORY_LIMIT });
  return page.products;
}

/** Whether the product's category must be read for it: it is sold in pack sizes (its other sizes are products too), or it is out of stock. */
export function needsItsCategory(product: Product): boolean {
  return product.stock < 1 || packSizeOf(product) !== undefined;
}

/**
 * What the product's category holds: what was read beside the product for the category the basket
 * named, when that is the product's category (the basket travelled through the platform); else read now.
 */
export function inCategoryOf(context: FlowContext, product: Product, basket: Basket, readBeside: readonly Product[] | undefined): Promise<readonly Product[]> | readonly Product[] {
  return readBeside && basket.packCategory === product.category ? readBeside : productsLike(context, product.category);
}

export function yesOrNo(context: FlowContext): string[] {
  return [context.voice.line('suggestions.yes'), context.voice.line('suggestions.no')];
}

/** The shopper said no: nothing is ordered, and the conversation goes on. */
export function notPlaced(context: FlowContext): Reply {
  return listen(context.turn, context.voice.say('checkout.notPlaced'), context.voice.say('assistance.anythingElseReprompt'));
}

export function productGone(context: FlowContext, basket: Basket, intro: Speech = []): Reply {
  return deadEnd(context, basket, join(intro, context.voice.say('checkout.productGone')), `Product ${basket.productId} is no longer in the catalog.`);
}

export function noPaymentOrAddress(context: FlowContext, basket: Basket, intro: Speech = []): Reply {
  return deadEnd(context, basket, join(intro, context.voice.say('checkout.noDetails')), 'Shopper has no default payment method or shipping address.');
}

/** The size a shopper chose carries over to an alternative that comes in that size. */
function variantFor(product: Product, variant: LineVariant | undefined): LineVariant | undefined {
  const size = variant?.size;
  return size && sizesOf(product).includes(size) ? { size } : undefined;
}

/** Out of stock: when it is back, if the store knows, and the closest thing that is in stock instead. */
function offerAlternative(context: ShopperContext, basket: Basket, product: Product, sameCategory: readonly Product[], intro: Speech): Reply {
  const { voice, turn, now } = context;
  const out = outOfStockSentence(voice, product, now);
  const alternative = closestInStock(product, sameCategory);
  if (!alternative) {
    return deadEnd(context, basket, join(intro, out, voice.say('checkout.noAlternative')), `${product.name} is out of stock, and nothing similar is in stock.`);
  }
  const offered = alternative.product;
  const price = voice.money(offered.price);
  const offer =
    alternative.kind === 'other-size'
      ? voice.say('checkout.offerOtherSize', { size: packSizeOf(offered)?.size.label ?? voice.name(offered), price })
      : voice.say('checkout.offerSimilar', { item: voice.name(offered), price });
  const variant = variantFor(offered, basket.variant);
  const instead: Basket = { productId: offered.id, quantity: basket.quantity, topic: basket.topic, ...(variant ? { variant } : {}) };
  return listen(turn, join(intro, out, offer), voice.say('checkout.alternativeReprompt'), {
    active: alternativeStep({ basket: instead, replacing: product.id }),
    suggestions: yesOrNo(context),
  });
}

/** "Which size of merino hiking socks would you like? Sizes go from S to XL." */
export function askSize(context: FlowContext, basket: Basket, product: Product, intro: Speech = []): Reply {
  const { voice, turn } = context;
  const sizes = sizesOf(product);
  const question = voice.say('checkout.askSize', { item: voice.name(product), first: voice.sizeName(sizes[0] ?? ''), last: voice.sizeName(sizes[sizes.length - 1] ?? '') });
  return listen(turn, join(intro, question), voice.say('checkout.askSizeReprompt'), { active: sizeStep({ ...basket, seenUnitPrice: product.price }) });
}

/**
 * What the confirmation reads back about paying and shipping. The card is checked (an order needs
 * one) but not read: the seller, tax and delivery Amazon asks for leave no time for it within the
 * listen-time budget, and it is the account's default card, named after the order on the app card.
 */
interface Billing {
  readonly payment: PaymentMethod;
  readonly city: string;
}

/**
 * What the order would charge, as the store quotes it (with tax and delivery); where it does not
 * quote, the goods alone, with nothing said about what they include.
 */
async function chargeFor(context: ShopperContext, basket: Basket, unitPrice: Product['price']): Promise<CheckoutQuote> {
  // Without the size or colour: the unit price is given, and tax and delivery do not depend on
  // them, so a quote asked for before the size was settled is the same quote.
  const line = { productId: basket.productId, quantity: basket.quantity, unitPrice };
  const quoted = await context.commerce.checkout.quote?.({ shopperId: context.shopper.id, lines: [line] });
  return quoted ?? { total: times(unitPrice, basket.quantity) };
}

/** A quote asked for before the product was read, at the price and quantity expected then. */
interface EarlyQuote {
  readonly unitPrice: Product['price'];
  readonly quantity: number;
  readonly settled: Promise<{ readonly quote: CheckoutQuote } | { readonly failure: unknown }>;
}

/**
 * The quote asked for beside the product's read, so the confirmation costs one round trip, when
 * the price to expect is known (a reorder's last price, the price seen before asking the size).
 * A failure is kept until the quote is used: one never used must not surface.
 */
export function earlyQuote(context: ShopperContext, basket: Basket): EarlyQuote | undefined {
  const unitPrice = basket.seenUnitPrice ?? basket.lastTime?.unitPrice;
  if (!unitPrice || !context.commerce.checkout.quote || preparesCart(context)) return undefined;
  const settled = chargeFor(context, basket, unitPrice).then(
    (quote) => ({ quote }),
    (failure: unknown) => ({ failure }),
  );
  return { unitPrice, quantity: basket.quantity, settled };
}

/** The early quote when it was asked for exactly this order, or a quote asked for now. */
async function quoteFor(context: ShopperContext, basket: Basket, unitPrice: Product['price'], early: EarlyQuote | undefined): Promise<CheckoutQuote> {
  if (early && early.quantity === basket.quantity && early.unitPrice.minor === unitPrice.minor && early.unitPrice.currency === unitPrice.currency) {
    const settled = await early.settled;
    if ('quote' in settled) return settled.quote;
    throw settled.failure;
  }
  return chargeFor(context, basket, unitPrice);
}

/**
 * The confirmation Amazon asks for before a purchase, as one question a yes answers: item and
 * quantity, the seller (the store), the total with its tax and delivery, card and city; or, where
 * the shopper pays at the store's own checkout page (no billing here), whether to put it in a cart.
 */
async function confirm(
  context: ShopperContext,
  basket: Basket,
  product: Product,
  sameCategory: readonly Product[],
  billing: Billing | undefined,
  intro: Speech,
  early?: EarlyQuote,
): Promise<Reply> {
  const { voice, turn } = context;
  const notes: Speech[] = [];
  let quantity = basket.quantity;
  if (quantity > MAX_QUANTITY) {
    quantity = MAX_QUANTITY;
    notes.push(voice.say('checkout.maxQuantity', { count: MAX_QUANTITY }));
  }
  if (quantity > product.stock) {
    quantity = product.stock;
    notes.push(voice.say('checkout.onlyLeft', { count: quantity }));
  }
  const unitPrice = product.price;
  const before = basket.lastTime?.unitPrice;
  const priceNote = before && priceMoved(basket, unitPrice) ? priceChangeSentence(voice, before, unitPrice) : undefined;
  if (priceNote) notes.push(priceNote);
  const settled: Basket = { ...basket, quantity, priceChangeTold: basket.priceChangeTold === true || priceNote !== undefined };
  const packLabel = packSizesOf(product, sameCategory).length > 1 ? packSizeOf(product)?.size.label : undefined;
  const items = itemsPhrase(voice, product, settled, packLabel);
  const question = billing
    ? voice.say('checkout.confirm', { items, seller: context.store.name, city: billing.city, cost: costPhrase(voice, await quoteFor(context, settled, unitPrice, early)) })
    : voice.say('checkout.confirmCart', { items, total: voice.money(times(unitPrice, quantity)) });
  const state: Confirmation = { basket: settled, heardUnitPrice: unitPrice, confirmation: randomUUID() };
  return listen(turn, join(intro, ...notes, question), voice.say(billing ? 'checkout.confirmReprompt' : 'checkout.confirmCartReprompt'), {
    active: confirmStep(state),
    suggestions: yesOrNo(context),
  });
}

/**
 * Checkout, for any flow that knows what the shopper wants (a reorder, "order it" after a search).
 * Checks the shopper can buy by voice and that the item is in stock (offering the closest
 * alternative when it is not), then asks for a yes to the order in one sentence. A yes places it
 * (see checkout-flow), after the PIN when the store asks for one.
 */
export async function startCheckout(context: FlowContext, basket: Basket, intro: Speech = []): Promise<Reply> {
  const { shopper } = context;
  if (!shopper) return assistance.linkAccount(context);
  const shopperContext: ShopperContext = { ...context, shopper };
  // Everything checkout may need, asked for at once: one round trip.
  const early = earlyQuote(shopperContext, basket);
  const [product, profile, blocked, packCategoryProducts] = await Promise.all([
    context.commerce.catalog.findById(basket.productId),
    shopper.profile(),
    pinBlock(shopperContext, basket, intro),
    basket.packCategory ? productsLike(context, basket.packCategory) : undefined,
  ]);
  if (!product) return productGone(context, basket, intro);
  const payment = profile?.defaultPayment;
  const address = profile?.defaultAddress;
  const paysAtCheckoutPage = preparesCart(context);
  if (!paysAtCheckoutPage && (!payment || !address)) return noPaymentOrAddress(context, basket, intro);
  if (blocked) return blocked;
  const sameCategory = async () => inCategoryOf(context, product, basket, packCategoryProducts);
  if (product.stock < 1) return offerAlternative(shopperContext, basket, product, await sameCategory(), intro);
  const size = basket.variant?.size;
  if (sizesOf(product).length > 0 && (!size || !sizesOf(product).includes(size))) return askSize(context, basket, product, intro);
  const packs = needsItsCategory(product) ? await sameCategory() : [];
  return confirm(shopperContext, basket, product, packs, !paysAtCheckoutPage && payment && address ? { payment, city: address.city } : undefined, intro, early);
}
