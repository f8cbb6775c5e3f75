import type { CheckoutQuote, Money, PaymentMethod, Product } from '../../commerce/ports';
import type { MessageKey } from '../../speech/i18n';
import { join, type Speech } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import type { Basket } from './checkout-state';
import { sizesOf } from './size-change';

/** How a unit of these categories is counted aloud: "two bags of coffee". Others are counted as items. */
const UNITS: Readonly<Record<string, MessageKey>> = {
  coffee: 'checkout.units.bag',
  tea: 'checkout.units.pack',
};

export function times(amount: Money, quantity: number): Money {
  return { minor: amount.minor * quantity, currency: amount.currency };
}

/**
 * "2 bags of Ethiopia Yirgacheffe coffee", "3 merino hiking socks in size M": the item in its short
 * spoken name, the quantity, and the size when the item comes in more than one.
 */
export function itemsPhrase(voice: Voice, product: Product, basket: Basket, packLabel?: string): Speech {
  const count = basket.quantity;
  const unit = UNITS[product.category];
  const items = unit
    ? voice.say('checkout.itemsWithUnit', { count, unit: voice.line(unit, { count }), item: voice.name(product) })
    : voice.say('checkout.items', { count, item: voice.name(product) });
  const size = basket.variant?.size;
  if (size && sizesOf(product).length > 0) return voice.say('checkout.inSize', { items, size: voice.sizeName(size) });
  return packLabel ? voice.say('checkout.inPackSize', { items, size: packLabel }) : items;
}

/** "Visa ending in 4 2 4 2": the brand and the last four digits, never more of the card. */
export function cardPhrase(voice: Voice, payment: PaymentMethod): Speech {
  return voice.say('checkout.card', { brand: payment.brand, last4: voice.digits(payment.last4) });
}

/**
 * "41 dollars 98 including 3 dollars 16 tax and free delivery": the total, and the tax and delivery
 * in it said apart, each only when the store's quote names it.
 */
export function costPhrase(voice: Voice, quote: CheckoutQuote): Speech {
  const total = voice.money(quote.total);
  const { delivery } = quote;
  // No tax at all is not news worth the words.
  const tax = quote.tax && quote.tax.minor > 0 ? quote.tax : undefined;
  const free = delivery !== undefined && delivery.minor === 0;
  if (tax && delivery) {
    return free ? voice.say('checkout.cost.taxFreeDelivery', { total, tax: voice.money(tax) }) : voice.say('checkout.cost.taxAndDelivery', { total, tax: voice.money(tax), delivery: voice.money(delivery) });
  }
  if (tax) return voice.say('checkout.cost.tax', { total, tax: voice.money(tax) });
  if (delivery) return free ? voice.say('checkout.cost.freeDelivery', { total }) : voice.say('checkout.cost.delivery', { total, delivery: voice.money(delivery) });
  return voice.say('checkout.cost.total', { total });
}

/** Whether the price moved since the shopper last bought this product, and they have not heard so yet. */
export function priceMoved(basket: Basket, unitPrice: Money): boolean {
  const before = basket.lastTime?.unitPrice;
  return !basket.priceChangeTold && before !== undefined && before.currency === unitPrice.currency && before.minor !== unitPrice.minor;
}

/** "It's gone up to … each since last time.": the new price only; the old one adds length, not news. */
export function priceChangeSentence(voice: Voice, before: Money, now: Money): Speech {
  const key = now.minor > before.minor ? 'checkout.priceUp' : 'checkout.priceDown';
  return voice.say(key, { now: voice.money(now) });
}

/**
 * A restock day (YYYY-MM-DD) as an instant on that day. Noon UTC falls on the same calendar day in
 * every time zone a store speaks in (UTC−11 to UTC+11).
 */
function restockInstant(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** "Sorry, … is out of stock right now. It should be back on Tuesday." */
export function outOfStockSentence(voice: Voice, product: Product, now: Date): Speech {
  const out = voice.say('checkout.outOfStock', { item: voice.name(product) });
  const back = product.restockOn ? restockInstant(product.restockOn) : undefined;
  // A restock day already past is a promise the store did not keep: better unsaid.
  if (!back || voice.daysBetween(now, back) < 0) return out;
  return join(out, voice.say('checkout.backOn', { day: voice.day(back, now) }));
}
