/**
 * Shopify names everything by a global id, `gid://shopify/<Type>/<id>`. The ports carry the last
 * part only (a customer's, product's or line's own id): shorter in session state and on tickets,
 * the same whichever API gave it, and turned back into a global id when sent to Shopify.
 */
export type ShopifyType = 'Customer' | 'Order' | 'LineItem' | 'Product' | 'ProductVariant' | 'Fulfillment';

const GLOBAL_ID = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?#]+)(?:\?.*)?$/;

/** The resource's own id from its global id; undefined for anything that is not a global id of that type. */
export function ownIdOf(globalId: string, type: ShopifyType): string | undefined {
  const match = GLOBAL_ID.exec(globalId);
  return match && match[1] === type ? decodeURIComponent(match[2]!) : undefined;
}

export function globalIdOf(type: ShopifyType, ownId: string): string {
  return `gid://shopify/${type}/${encodeURIComponent(ownId)}`;
}
