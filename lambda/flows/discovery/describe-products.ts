import type { Product } from '../../commerce/ports';
import { capitalized, join, type Speech } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import type { CatalogWords } from './catalog-words';

export function availability(voice: Voice, product: Product, now: Date): Speech {
  if (product.stock > 0) return voice.say('discovery.availability.inStock');
  if (product.restockOn) {
    return voice.say('discovery.availability.backOn', { day: voice.day(new Date(`${product.restockOn}T12:00:00Z`), now) });
  }
  return voice.say('discovery.availability.outOfStock');
}

/**
 * "Stormline rain jacket, 139 dollars." A list names each option and its price, what a shopper
 * chooses by; the rest waits until they ask about one. An option that cannot be had now says so
 * instead of its price.
 */
export function describeInList(voice: Voice, product: Product): Speech {
  const name = voice.name(product);
  // "Out of stock" sets it apart well enough; when it is back is a detail for when it is asked about.
  const sentence =
    product.stock === 0
      ? voice.say('discovery.itemUnavailable', { name, availability: voice.say('discovery.availability.outOfStock') })
      : voice.say('discovery.item', { name, price: voice.money(product.price) });
  return capitalized(sentence, voice.locale);
}

/** One sentence per product: the sentence's own pause sets them apart. */
export function describeList(voice: Voice, products: readonly Product[]): Speech {
  return join(...products.map((product) => describeInList(voice, product)));
}

/**
 * About one product the shopper picked from a list: who makes it, what it is, its colours, and
 * when it is back if it is not in stock. The price was said in the list, a moment ago.
 */
export function describeInDetail(voice: Voice, words: CatalogWords, product: Product, now: Date): Speech {
  const colors = product.attributes.color ?? [];
  const values = { name: voice.name(product), brand: words.asWritten(product.brand), description: words.asWritten(product.description.replace(/[.!]+$/, '')) };
  const facts = capitalized(
    product.stock > 0
      ? voice.say('discovery.detail', values)
      : voice.say('discovery.detailUnavailable', { ...values, availability: availability(voice, product, now) }),
    voice.locale,
  );
  if (colors.length < 2) return facts;
  return [...facts, ...voice.say('discovery.detailColors', { colors: voice.list(colors.slice(0, 3).map((color) => words.attribute('color', color))) })];
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
