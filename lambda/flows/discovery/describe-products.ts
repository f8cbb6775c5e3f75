import type { ProductQuery } from '../../commerce/product-query';
import type { Product } from '../../commerce/ports';
import type { MessageKey } from '../../speech/i18n';
import { pause, type Speech, text } from '../../speech/speech';
import type { Voice } from '../../speech/voice';

const PAUSE_BETWEEN_PRODUCTS_MS = 350;

/** Attributes worth saying to tell products apart, most telling first. */
const DIFFERENTIATING_ATTRIBUTES = ['gender', 'feature', 'use', 'material', 'color'] as const;

export function availability(voice: Voice, product: Product, now: Date): Speech {
  if (product.stock > 0) return voice.say('discovery.availability.inStock');
  if (product.restockOn) {
    return voice.say('discovery.availability.backOn', { day: voice.day(new Date(`${product.restockOn}T12:00:00Z`), now) });
  }
  return voice.say('discovery.availability.outOfStock');
}

/**
 * The one thing that sets a product apart from the others offered with it, skipping what the
 * shopper already asked for ("waterproof" would tell them nothing new).
 */
function differentiator(voice: Voice, product: Product, others: readonly Product[], query: ProductQuery): Speech | undefined {
  for (const name of DIFFERENTIATING_ATTRIBUTES) {
    const asked = new Set(query.attributes[name] ?? []);
    const value = (product.attributes[name] ?? []).find(
      (candidate) => !asked.has(candidate) && !others.some((other) => (other.attributes[name] ?? []).includes(candidate)),
    );
    // "for men", but "unisex" on its own: "for unisex" is no English.
    if (value === 'unisex') return voice.say('discovery.differentiator.feature', { value });
    if (value) return voice.say(`discovery.differentiator.${name}` as MessageKey, { value });
  }
  return undefined;
}

/**
 * "The Stormline rain jacket, for men." A list names each option and what sets it apart; the
 * price and the rest wait until the shopper asks about one (the screen's card shows the prices).
 * Only an option that cannot be had now says so.
 */
export function describeInList(voice: Voice, product: Product, shown: readonly Product[], query: ProductQuery): Speech {
  const others = shown.filter((other) => other.id !== product.id);
  const detail = differentiator(voice, product, others, query);
  const name = voice.name(product);
  // "Out of stock" sets it apart well enough; when it is back is a detail for when it is asked about.
  if (product.stock === 0) return voice.say('discovery.itemUnavailable', { name, availability: voice.say('discovery.availability.outOfStock') });
  return detail ? voice.say('discovery.itemWithDetail', { name, detail }) : voice.say('discovery.item', { name });
}

export function describeList(voice: Voice, products: readonly Product[], query: ProductQuery): Speech {
  return products.flatMap((product, index) => [
    ...(index > 0 ? [pause(PAUSE_BETWEEN_PRODUCTS_MS)] : []),
    ...describeInList(voice, product, products, query),
  ]);
}

/** Two or three sentences about one product: its price (and availability when it is not in stock), what it is, its colours. */
export function describeInDetail(voice: Voice, product: Product, now: Date): Speech {
  const colors = product.attributes.color ?? [];
  const values = { name: voice.name(product), brand: product.brand, description: product.description.replace(/[.!]+$/, ''), price: voice.money(product.price) };
  const facts =
    product.stock > 0
      ? voice.say('discovery.detail', values)
      : voice.say('discovery.detailUnavailable', { ...values, availability: availability(voice, product, now) });
  if (colors.length < 2) return facts;
  return [...facts, ...voice.say('discovery.detailColors', { colors: voice.list(colors.slice(0, 3).map((color) => [text(color)])) })];
}

/** A card line per product, for screens. */
export function cardLines(voice: Voice, products: readonly Product[], firstPosition: number): string {
  const money = new Intl.NumberFormat(voice.locale, { style: 'currency', currency: products[0]?.price.currency ?? 'USD' });
  return products
    .map((product, index) =>
      voice.line('discovery.cardLine', {
        position: firstPosition + index,
        name: product.name,
        price: money.format(product.price.minor / 100),
        stock: voice.line(product.stock > 0 ? 'discovery.cardInStock' : 'discovery.cardOutOfStock'),
      }),
    )
    .join('\n');
}
