import type { Checkout, CheckoutLine, CheckoutOutcome, CurrencyCode } from '../ports';
import type { MedusaApis } from './medusa-api';
import { attributeName, moneyOf, priceOf } from './medusa-mapping';
import { CartSchema, type MedusaProduct, ProductListSchema } from './medusa-wire';
import { PRODUCT_FIELDS } from './medusa-catalog';

export interface MedusaCheckoutOptions {
  readonly regionId: () => Promise<string>;
  readonly currency: CurrencyCode;
  /** The storefront page that opens a cart, with `{cart_id}` in it. */
  readonly checkoutUrl: string;
}

const HANDLE = /^[a-z0-9][a-z0-9-]{0,199}$/;
const MAX_KEPT_OUTCOMES = 1_000;

type Variant = NonNullable<MedusaProduct['variants']>[number];

const available = (variant: Variant, wanted: number) =>
  variant.manage_inventory === false || variant.allow_backorder ? wanted : Math.max(0, Math.floor(variant.inventory_quantity ?? 0));

/** The variant of the size and color asked for; without either, the first that is in stock. */
function variantFor(product: MedusaProduct, line: CheckoutLine): Variant | undefined {
  const wanted = Object.entries(line.variant ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const fits = (variant: Variant) =>
    wanted.every(([name, value]) => (variant.options ?? []).some((option) => attributeName(option.option?.title ?? '') === name && option.value.toLowerCase() === value.toLowerCase()));
  const fitting = (product.variants ?? []).filter(fits);
  return fitting.find((variant) => available(variant, line.quantity) >= line.quantity) ?? fitting[0];
}

/**
 * Checkout on Medusa: a cart for the linked customer, paid at the store's own checkout page.
 *
 * Medusa completes a cart only once a payment session of one of the region's payment providers is
 * authorized. The one provider every Medusa has, `pp_system_default`, authorizes without taking
 * any money (the store collects it some other way), and card providers such as Stripe need the
 * shopper at the checkout. No Medusa API charges a saved card for an order a voice assistant makes,
 * and there is no card to name at the confirmation. So a "yes" makes the cart, as the customer
 * (`POST /store/carts` with their token: it carries their customer id and email), after the same
 * stock and price checks an order gets, and answers its checkout link; the storefront completes it.
 */
export function medusaCheckout(apis: MedusaApis, options: MedusaCheckoutOptions): Checkout {
  const outcomes = new Map<string, Promise<CheckoutOutcome>>();

  async function prepare(lines: readonly CheckoutLine[]): Promise<CheckoutOutcome> {
    const regionId = await options.regionId();
    const items: { variant_id: string; quantity: number }[] = [];
    for (const line of lines) {
      if (!HANDLE.test(line.productId)) return { kind: 'refused', why: 'unknown-product' };
      const { products } = await apis.asStorefront({
        operation: 'retrieveProduct',
        path: '/store/products',
        query: { handle: line.productId, region_id: regionId, fields: PRODUCT_FIELDS, limit: 1 },
        answer: ProductListSchema,
      });
      const product = products.find((candidate) => candidate.handle === line.productId);
      const variant = product && variantFor(product, line);
      if (!product || !variant) return { kind: 'refused', why: 'unknown-product' };
      const inStock = available(variant, line.quantity);
      if (inStock < line.quantity) return { kind: 'out-of-stock', productId: line.productId, available: inStock };
      // The price a shopper hears is the product's (its cheapest variant's in the region).
      const unitPrice = priceOf('retrieveProduct', product, options.currency);
      if (unitPrice.minor !== line.unitPrice.minor || unitPrice.currency !== line.unitPrice.currency) return { kind: 'price-changed', productId: line.productId, unitPrice };
      items.push({ variant_id: variant.id, quantity: line.quantity });
    }
    const { cart } = await apis.asCustomer({
      operation: 'createCart',
      path: '/store/carts',
      method: 'POST',
      query: { fields: 'id,currency_code,total,item_total' },
      body: { region_id: regionId, items },
      answer: CartSchema,
    });
    return {
      kind: 'cart-prepared',
      cart: { checkoutUrl: options.checkoutUrl.replace('{cart_id}', encodeURIComponent(cart.id)), total: moneyOf('createCart', cart.item_total ?? cart.total, cart.currency_code) },
    };
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
      // Only a cart made is kept: after "the price has just changed" or too little stock, the
      // shopper's next yes (which may carry the same key) is checked afresh.
      outcome.then(
        (settled) => settled.kind !== 'cart-prepared' && outcomes.delete(key),
        () => outcomes.delete(key),
      );
      if (outcomes.size > MAX_KEPT_OUTCOMES) outcomes.delete(outcomes.keys().next().value!);
      return outcome;
    },
  };
}
