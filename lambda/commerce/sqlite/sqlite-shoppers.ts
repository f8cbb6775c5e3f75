import type { Shoppers } from '../ports';
import type { SqliteDatabase } from './open-database';
import { toShopper, type ShopperRow } from './rows';

/** The columns `toShopper` reads. */
export const SHOPPER_COLUMNS = `id, given_name, family_name, email, phone, locale,
  address_line1, address_city, address_region, address_postal_code, address_country,
  payment_brand, payment_last4`;

export function createSqliteShoppers(db: SqliteDatabase): Shoppers {
  const byId = db.prepare<[string], ShopperRow>(`SELECT ${SHOPPER_COLUMNS} FROM shoppers WHERE id = ?`);
  return {
    async findById(shopperId) {
      const row = byId.get(shopperId);
      return row ? toShopper(row) : undefined;
    },
  };
}
