import type { PlacedOrder } from '../../commerce/ports';
import type { ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { end } from '../../core/replies';
import { conversationIdOf } from '../../core/turn';
import { plainText } from '../../speech/speech';
import type { Confirmation } from './checkout-state';
import { noPaymentOrAddress, productGone, startCheckout } from './start-checkout';

function placed(context: ShopperContext, order: PlacedOrder): Reply {
  const { voice, turn, now } = context;
  const speech = voice.say('checkout.placed', { number: voice.digits(order.number), day: voice.day(order.expectedOn, now) });
  return end(turn, speech, { card: { title: voice.line('checkout.cardTitle'), text: plainText(speech) } });
}

/**
 * Places the order the shopper said yes to, at the price they heard. The key names the
 * confirmation, so a yes repeated or retried by the platform gets the same order back. When stock
 * or the price moved in between, nothing is placed and the shopper hears the new state of things.
 */
export async function placeOrder(context: ShopperContext, state: Confirmation): Promise<Reply> {
  const { voice, turn, commerce, shopper, now } = context;
  const { basket } = state;
  const outcome = await commerce.checkout.place({
    shopperId: shopper.id,
    lines: [{ productId: basket.productId, quantity: basket.quantity, variant: basket.variant, unitPrice: state.heardUnitPrice }],
    placedAt: now,
    idempotencyKey: `${conversationIdOf(turn)}:checkout:${state.confirmation}`,
  });
  switch (outcome.kind) {
    case 'placed':
      return placed(context, outcome.order);
    case 'out-of-stock':
      // Stock is read again: fewer left to confirm, or none and an alternative.
      return startCheckout(context, basket);
    case 'price-changed':
      return startCheckout(context, { ...basket, priceChangeTold: true }, voice.say('checkout.priceJustChanged'));
    case 'refused':
      return outcome.why === 'unknown-product' ? productGone(context, basket) : noPaymentOrAddress(context, basket);
  }
}
