import type { StoreCommerce } from '../../lambda/commerce/ports';
import type { SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';

/** A shopper the demo never had: she exists only in the store the tools are pointed at. */
export const STORE_ONLY_SHOPPER = { id: 'shopper-zoe', givenName: 'Zoe', familyName: 'Park' } as const;

/** The item her one order holds. */
export const STORE_ONLY_ITEM = { productId: 'merino-hiking-socks', spokenName: 'merino hiking socks' } as const;

/**
 * Writes Zoe into an embedded store's file, as a store's own data would have her, and places her
 * one order through the store's own checkout. Returns the order number.
 */
export async function addStoreOnlyShopper(db: SqliteDatabase, store: StoreCommerce, placedAt: Date): Promise<string> {
  db.prepare(
    `INSERT INTO shoppers (id, given_name, family_name, email, locale, address_line1, address_city, address_region, address_postal_code, address_country, payment_brand, payment_last4)
     VALUES (?, ?, ?, 'zoe@example.com', 'en-US', '77 Pine Street', 'Missoula', 'MT', '59801', 'US', 'Visa', '4242')`,
  ).run(STORE_ONLY_SHOPPER.id, STORE_ONLY_SHOPPER.givenName, STORE_ONLY_SHOPPER.familyName);
  const product = await store.catalog.findById(STORE_ONLY_ITEM.productId);
  if (!product) throw new Error(`the store has no ${STORE_ONLY_ITEM.productId}`);
  const outcome = await store.checkout.place({
    shopperId: STORE_ONLY_SHOPPER.id,
    lines: [{ productId: product.id, quantity: 1, unitPrice: product.price }],
    placedAt,
    idempotencyKey: 'store-only-shopper-first-order',
  });
  if (outcome.kind !== 'placed') throw new Error(`Zoe's order was not placed: ${outcome.kind}`);
  return outcome.order.number;
}
