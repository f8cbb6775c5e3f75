import type { StoreCommerce } from '../../lambda/commerce/ports';

/**
 * Where stores legitimately differ in what a shopper hears, what the store under test does. A
 * conversation test asks these and asserts that store's version exactly, never a looser one.
 */
export interface StoreTraits {
  /**
   * What a yes to buy does: the store places the order, or (Shopify) prepares a cart the shopper
   * pays for at the store's checkout page. Read from the checkout port the skill uses.
   */
  readonly checkout: 'places-order' | 'prepares-cart';
  /** The store tells a shopper's saved card, so a refund names it; Shopify's shopper-facing APIs tell none. */
  readonly savedCards: boolean;
  /** A delivery problem comes with the carrier's own words; Shopify's fulfillment events carry none. */
  readonly carrierWords: boolean;
  /** A return is a request the store approves later (Shopify's orderRequestReturn) rather than made at once. */
  readonly returnRequests: boolean;
  /** Search counts every match (Shopify's totalCount) rather than stopping past 100. */
  readonly countsEveryMatch: boolean;
  /** A return is named after its order (Shopify's "#10605-R1") rather than numbered on its own. */
  readonly returnsNamedByOrder: boolean;
  /** The return policy names what a returned item must be (unworn, in its packaging); Shopify and Medusa keep no such rules. */
  readonly returnConditions: boolean;
  /** The store emails the return label it makes itself once the return is recorded (Medusa), rather than the label being sent as the return is made. */
  readonly labelFromStore: boolean;
}

/** What the embedded store and a store behind commerce-api.yaml do. */
export const EMBEDDED_TRAITS: Omit<StoreTraits, 'checkout'> = { savedCards: true, carrierWords: true, returnRequests: false, countsEveryMatch: false, returnsNamedByOrder: false, returnConditions: true, labelFromStore: false };

/** The traits of the store the skill uses: the checkout port says how it takes payment; the rest is what its data holds. */
export function traitsOf(store: StoreCommerce, data: Omit<StoreTraits, 'checkout'> = EMBEDDED_TRAITS): StoreTraits {
  return { checkout: store.checkout.paysAtCheckoutPage === true ? 'prepares-cart' : 'places-order', ...data };
}

/**
 * What Medusa v2 tells (checked against the running Medusa by test/medusa/medusa-traits.medusa.ts):
 * no saved card (its Store API lists none, and no Medusa API charges one: a voice order is paid at
 * the storefront's checkout); the carrier's words where the store's carrier integration writes them
 * on the fulfillment (metadata); a return recorded at once and numbered on its own (display_id);
 * every match counted, as its product list counts them; no conditions on a returned item
 * (Medusa has no return policy: the adapter's is the window and final sale); and the label made by
 * the store's fulfillment provider and emailed by the store, not sent with the return.
 */
export const MEDUSA_TRAITS: Omit<StoreTraits, 'checkout'> = { savedCards: false, carrierWords: true, returnRequests: false, countsEveryMatch: true, returnsNamedByOrder: false, returnConditions: false, labelFromStore: true };
