import type { Product } from '../../commerce/ports';
import { type ProductOptionsDisplay, TOUCHABLE_POSITIONS } from '../../core/display';
import type { Voice } from '../../speech/voice';

/** The products just offered, for a screen: name, price as written in the locale, a photo where the store has one. */
export function productOptionsDisplay(voice: Voice, products: readonly Product[]): ProductOptionsDisplay {
  return {
    kind: 'product-options',
    title: voice.line('discovery.cardTitle'),
    hint: voice.line('screen.touchHint'),
    products: products.slice(0, TOUCHABLE_POSITIONS).map((product) => ({
      productId: product.id,
      name: product.name,
      price: new Intl.NumberFormat(voice.locale, { style: 'currency', currency: product.price.currency }).format(product.price.minor / 100),
      ...(product.stock > 0 ? {} : { note: voice.line('discovery.cardOutOfStock') }),
      ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    })),
  };
}
