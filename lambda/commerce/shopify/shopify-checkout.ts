import { StoreRejectedError } from '../commerce-errors';
import type { Checkout, CheckoutLine, CheckoutOutcome } from '../ports';
import { currentShopperToken } from '../shopper-credential';
import type { ShopifyApis } from './shopify-apis';
import { CART_CREATE, PRODUCT_BY_ID } from './shopify-documents';
import { globalIdOf } from './shopify-ids';
import { attributeName, moneyOf } from './shopify-mapping';
import { CartCreateSchema, ProductByIdSchema, type ShopifyVariant } from './shopify-wire';

const PRODUCT_ID = /^[A-Za-z0-9_-]{1,80}$/;
const MAX_KEPT_OUTCOMES = 1_000;

/** The variant of the size and color asked for; without either, the first that is for sale. */
function variantFor(variants: readonly ShopifyVariant[], line: CheckoutLine): ShopifyVariant | undefined {
  const wanted = Object.entries(line.variant ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const fits = (variant: ShopifyVariant) =>
    wanted.every(([name, value]) => variant.selectedOptions.some((option) => attributeName(option.name) === name && option.value.toLowerCase() === value.toLowerCase()));
  const fitting = variants.filter(fits);
  return fitting.find((variant) => variant.availableForSale) ?? fitting[0];
}

/**
 * Checkout on Shopify. No app may charge a shopper's saved card for an order of its own making:
 * Shopify takes payment at its checkout, with the shopper there. So a "yes" prepares a cart with
 * the line (after the same stock and price checks a placed order gets) and answers with its
 * checkout link; the flow says that nothing is ordered yet and sends the link to the shopper's app.
 * The cart carries the shopper's Customer Account token, so the checkout opens signed in.
 */
export function shopifyCheckout(apis: ShopifyApis): Checkout {
  const outcomes = new Map<string, Promise<CheckoutOutcome>>();

  async function prepare(lines: readonly CheckoutLine[]): Promise<CheckoutOutcome> {
    const cartLines: { merchandiseId: string; quantity: number }[] = [];
    for (const line of lines) {
      if (!PRODUCT_ID.test(line.productId)) return { kind: 'refused', why: 'unknown-product' };
      const { product } = await apis.storefront(PRODUCT_BY_ID, { id: globalIdOf('Product', line.productId) }, ProductByIdSchema);
      const variant = product && variantFor(product.variants.nodes, line);
      if (!variant) return { kind: 'refused', why: 'unknown-product' };
      const available = variant.availableForSale ? (variant.quantityAvailable ?? line.quantity) : 0;
      if (available < line.quantity) return { kind: 'out-of-stock', productId: line.productId, available: Math.max(0, available) };
      // The price a shopper hears is the product's (its lowest variant's); the cart's own total, said when it is ready, is the variant's.
      const unitPrice = moneyOf(PRODUCT_BY_ID.name, product.priceRange.minVariantPrice);
      if (unitPrice.minor !== line.unitPrice.minor || unitPrice.currency !== line.unitPrice.currency) {
        return { kind: 'price-changed', productId: line.productId, unitPrice };
      }
      cartLines.push({ merchandiseId: variant.id, quantity: line.quantity });
    }
    const token = currentShopperToken();
    const { cartCreate } = await apis.storefront(
      CART_CREATE,
      { input: { lines: cartLines, ...(token ? { buyerIdentity: { customerAccessToken: token } } : {}) } },
      CartCreateSchema,
    );
    const cart = cartCreate?.cart;
    if (!cart) throw new StoreRejectedError(CART_CREATE.name, 422, cartCreate?.userErrors[0]?.code ?? 'no-cart');
    return { kind: 'cart-prepared', cart: { checkoutUrl: cart.checkoutUrl, total: moneyOf(CART_CREATE.name, cart.cost.totalAmount) } };
  }

  return {
    paysAtCheckoutPage: true,
    place(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A checkout needs an idempotency key');
      if (request.lines.length === 0 || request.lines.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
        throw new Error('A checkout needs lines of at least one unit each');
      }
      // The same confirmation, retried, gets the same cart back rather than a second one.
      const key = `${request.shopperId}:${request.idempotencyKey}`;
      const kept = outcomes.get(key);
      if (kept) return kept;
      const outcome = prepare(request.lines);
      outcomes.set(key, outcome);
      // Only a cart made is kept, as only a placed order is elsewhere: after "the price has just changed"
      // or too little stock, the shopper's next yes (which may carry the same key) is checked afresh.
      outcome.then(
        (settled) => settled.kind !== 'cart-prepared' && outcomes.delete(key),
        () => outcomes.delete(key),
      );
      if (outcomes.size > MAX_KEPT_OUTCOMES) outcomes.delete(outcomes.keys().next().value!);
      return outcome;
    },
  };
}
