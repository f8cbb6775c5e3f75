import type { Shoppers } from '../ports';
import type { SqliteDatabase } from './open-database';
import { toShopper, type ShopperRow } from './rows';

/** The columns `toShopper` reads. */
export const SHOPPER_COLUMNS = `id, given_name, family_name, email, phone, locale,
  address_line1, address_city, address_region, address_postal_code, address_country,
  payment_brand, payment_last4`;

export function createSqliteShoppers(db: SqliteDatabase): Shoppers {
  const byId = db.prepare<[string], ShopperRow>(`SELECT ${SHOPPER_COLUMNS} FROM shoppers WHERE id = ?`);
  // Two rows are enough to tell that a number is shared, and a shared number names nobody.
  const byPhone = db.prepare<[string], ShopperRow>(`SELECT ${SHOPPER_COLUMNS} FROM shoppers WHERE phone = ? LIMIT 2`);
  const byOrderAndPostalCode = db.prepare<[string, number, string], { id: string }>(
    `SELECT shoppers.id FROM orders JOIN shoppers ON shoppers.id = orders.shopper_id
     WHERE orders.number = ? AND orders.placed_at >= ? AND shoppers.address_postal_code = ?`,
  );
  return {
    async findById(shopperId) {
      const row = byId.get(shopperId);
      return row ? toShopper(row) : undefined;
    },
    async findByPhone(phone) {
      const rows = byPhone.all(phone);
      return rows.length === 1 ? toShopper(rows[0]!) : undefined;
    },
    async findByOrderAndPostalCode({ orderNumber, postalCode, placedSince }) {
      return byOrderAndPostalCode.get(orderNumber, placedSince.getTime(), postalCode)?.id;
    },
  };
}
