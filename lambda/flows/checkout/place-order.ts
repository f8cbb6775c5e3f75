import { createHash } from 'node:crypto';
import type { CheckoutLine, PlacedOrder, PreparedCart } from '../../commerce/ports';
import type { ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { end } from '../../core/replies';
import { conversationIdOf } from '../../core/turn';
import { plainText } from '../../speech/speech';
import { cardPhrase } from './checkout-speech';
import type { Basket, Confirmation } from './checkout-state';
import { noPaymentOrAddress, productGone, startCheckout } from './start-checkout';

function placed(context: ShopperContext, order: PlacedOrder): Reply {
  const { voice, turn, now } = context;
  const speech = voice.say('checkout.placed', { number: voice.digits(order.number), day: voice.day(order.expectedOn, now) });
  // The confirmation does not read the card out (see start-checkout): the app card names it.
  const paidWith = voice.say('checkout.paidWith', { card: cardPhrase(voice, order.payment) });
  return {
    ...end(turn, speech, { card: { title: voice.line('checkout.cardTitle'), text: `${plainText(speech)} ${plainText(paidWith)}` } }),
    achieved: { goal: 'order-placed', orderValue: order.total },
  };
}

/**
 * Nothing was ordered: the store takes payment at its own checkout page, so the basket waits in a
 * cart there, and the link to it is on the card the shopper's app shows. Said as it is, never as an order.
 */
function cartPrepared(context: ShopperContext, cart: PreparedCart): Reply {
  const { voice, turn } = context;
  const speech = voice.say('checkout.cartPrepared', { total: voice.money(cart.total) });
  return {
    ...end(turn, speech, { card: { title: voice.line('checkout.cartCardTitle'), text: voice.line('checkout.cartCardText', { url: cart.checkoutUrl }) } }),
    achieved: { goal: 'cart-prepared' },
  };
}

/** Unless the store says otherwise, the same basket said yes to again within ten minutes is the same order. */
const DEFAULT_DUPLICATE_ORDER_WINDOW_MINUTES = 10;

/**
 * Names what is being bought, whatever conversation buys it: product, size or color, and quantity.
 * Two devices confirming the same basket give the same fingerprint; a different size or quantity
 * gives another.
 */
export function basketFingerprint(basket: Pick<Basket, 'productId' | 'quantity' | 'variant'>): string {
  const named = [basket.productId, basket.variant?.color ?? '', basket.variant?.size ?? '', basket.quantity];
  return createHash('sha256').update(JSON.stringify(named)).digest('hex').slice(0, 32);
}

/**
 * Places the order the shopper said yes to, at the price they heard. The key names the
 * confirmation, so a yes repeated or retried by the platform gets the same order back; and the
 * basket is claimed first, so a yes to the same basket from another device at about the same
 * time places with the first conversation's key and hears that same order. When stock or the
 * price moved in between, nothing is placed and the shopper hears the new state of things.
 */
export async function placeOrder(context: ShopperContext, state: Confirmation): Promise<Reply> {
  const { voice, turn, commerce, shopper, store, now } = context;
  const { basket } = state;
  const line: CheckoutLine = { productId: basket.productId, quantity: basket.quantity, variant: basket.variant, unitPrice: state.heardUnitPrice };
  const idempotencyKey = await commerce.checkoutClaims.claim({
    shopperId: shopper.id,
    basket: basketFingerprint(basket),
    key: `${conversationIdOf(turn)}:checkout:${state.confirmation}`,
    at: now,
    windowMs: (store.duplicateOrderWindowMinutes ?? DEFAULT_DUPLICATE_ORDER_WINDOW_MINUTES) * 60_000,
  });
  const outcome = await commerce.checkout.place({ shopperId: shopper.id, lines: [line], placedAt: now, idempotencyKey });
  switch (outcome.kind) {
    case 'placed':
      return placed(context, outcome.order);
    case 'cart-prepared':
      return cartPrepared(context, outcome.cart);
    case 'out-of-stock':
      // Stock is read again: fewer left to confirm, or none and an alternative.
      return startCheckout(context, basket);
    case 'price-changed':
      return startCheckout(context, { ...basket, priceChangeTold: true }, voice.say('checkout.priceJustChanged'));
    case 'refused':
      return outcome.why === 'unknown-product' ? productGone(context, basket) : noPaymentOrAddress(context, basket);
  }
}
