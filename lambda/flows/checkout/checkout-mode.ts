import type { FlowContext } from '../../core/flow';

/**
 * Whether a yes prepares a cart that the shopper pays for at the store's own checkout page (Shopify)
 * rather than placing the order: every question about it then says "put it in a cart", never "order".
 */
export function preparesCart(context: Pick<FlowContext, 'commerce'>): boolean {
  return context.commerce.checkout.paysAtCheckoutPage === true;
}
