import type { Product } from '../../commerce/ports';
import type { ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { intentOf, slotOf } from '../../core/turn';
import { type Speech, text } from '../../speech/speech';
import type { Basket } from './checkout-state';
import { packSizeOf } from './pack-sizes';
import { changeSize, type SizeRequest, sizeRequestOf, sizesOf } from './size-change';
import { askSize, earlyQuote, inCategoryOf, notPlaced, productsLike, startCheckout } from './start-checkout';

/** Asks the step's question again after a size the item does not come in, saying why first. */
export type AskAgain = (why: Speech, product: Product) => Reply;

/** "The bigger bag", "size medium": the item in another size, or why not. */
export async function resize(context: ShopperContext, basket: Basket, request: SizeRequest, askAgain: AskAgain): Promise<Reply> {
  const { voice } = context;
  // Checkout reads the shopper's card and address next, and the category of a product sold in pack
  // sizes: asked for now, beside the product, they cost no round trip of their own (the turn keeps
  // every answer, turn-reads.ts).
  // The quote too, at the price seen before the size was asked: checkout finds it kept for the turn.
  earlyQuote(context, basket);
  const [product, , packCategoryProducts] = await Promise.all([
    context.commerce.catalog.findById(basket.productId),
    context.shopper.profile(),
    basket.packCategory ? productsLike(context, basket.packCategory) : undefined,
  ]);
  if (!product) return startCheckout(context, basket);
  // Only a product sold in pack sizes has its other sizes among the category's products.
  const packs = sizesOf(product).length === 0 && packSizeOf(product) ? await inCategoryOf(context, product, basket, packCategoryProducts) : [];
  const change = changeSize(product, basket.variant?.size, packs, request);
  const item = voice.name(product);
  switch (change.kind) {
    case 'variant':
      return startCheckout(context, { ...basket, variant: { ...basket.variant, size: change.size } });
    case 'product':
      // Another pack is another product: what was paid last time says nothing about it.
      return startCheckout(context, { productId: change.product.id, quantity: basket.quantity, topic: basket.topic, packCategory: change.product.category });
    case 'none': {
      const key = change.why === 'no-bigger' ? 'checkout.noBiggerSize' : change.why === 'no-smaller' ? 'checkout.noSmallerSize' : 'checkout.oneSizeOnly';
      return askAgain(voice.say(key, { item }), product);
    }
    case 'not-offered': {
      const options = voice.list(change.options.map((option) => [text(voice.sizeName(option))]), 'or');
      return askAgain(voice.say('checkout.sizeNotOffered', { item, size: voice.sizeName(change.size), options }), product);
    }
  }
}

/**
 * The answer to "which size?": a size by name or number ("medium", "size ten", or just "ten"). A
 * bigger or smaller one means nothing before a size is chosen, so the question is asked again.
 */
export async function answerSize(context: ShopperContext, basket: Basket): Promise<Reply | undefined> {
  const { turn, voice } = context;
  const intent = intentOf(turn);
  if (intent === 'NoIntent') return notPlaced(context);
  if (intent !== 'ChangeSizeIntent' && intent !== 'QuantityIntent') return undefined;
  const number = slotOf(turn, 'quantity');
  const request: SizeRequest | undefined = number ? { kind: 'named', size: (number.id ?? number.spoken).trim() } : sizeRequestOf(turn);
  const askAgain: AskAgain = (why, product) => askSize(context, basket, product, why);
  if (request?.kind === 'named') return resize(context, basket, request, askAgain);
  const product = await context.commerce.catalog.findById(basket.productId);
  return product ? askSize(context, basket, product, voice.say('checkout.whichSize')) : startCheckout(context, basket);
}
