import type { Catalog } from '../ports';
import type { SqliteDatabase } from './open-database';
import { toProduct, type ProductRow } from './rows';

const PRODUCT_COLUMNS = `id, sku, name, spoken_name, brand, category, description, price_minor, currency,
  stock, restock_on, final_sale, attributes`;

export function createSqliteCatalog(db: SqliteDatabase): Catalog {
  const byId = db.prepare<[string], ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = ?`);
  return {
    async findById(productId) {
      const row = byId.get(productId);
      return row ? toProduct(row) : undefined;
    },
  };
}
