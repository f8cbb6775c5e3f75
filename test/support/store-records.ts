import type { LineVariant } from '../../lambda/commerce/ports';
import { type CatalogRecord, loadProductsInBulk } from '../../lambda/commerce/sqlite/catalog-bulk-load';
import type { SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';

/**
 * What the store under test holds, and the changes a conversation test makes to it, whichever
 * store that is: the embedded demo store's tables (also behind the store API and the local Shopify,
 * which serve that same database), or a real Medusa through its Admin API
 * (test/medusa/medusa-store-records.ts). Each change answers how to put it back; on Medusa, which
 * outlives the test, whatever a test changed is put back after it in any case.
 */
export interface StoreRecords {
  /** Every return the store holds, oldest first. */
  returns(): Promise<readonly HeldReturn[]>;
  /** The orders placed since the store was seeded, one entry per line, oldest first. */
  ordersPlaced(): Promise<readonly PlacedLine[]>;
  /** How many orders the store holds. */
  orderCount(): Promise<number>;
  /** Units of the product the store would sell now. */
  stockOf(productId: string): Promise<number>;
  setStock(productId: string, stock: number, restockOn?: string | null): Promise<Undo>;
  setPrice(productId: string, minor: number): Promise<Undo>;
  /** The product's name as said in the catalog's own language. */
  setSpokenName(productId: string, spokenName: string): Promise<Undo>;
  /** Drops the products' names in every other language: they are then said as the catalog names them. */
  forgetTranslatedNames(productIds: readonly string[]): Promise<Undo>;
  /** A product like an existing one (its brand, category, words and attributes), with its own name, SKU, price and stock. */
  addProductLike(productId: string, product: NewProduct): Promise<Undo>;
  addProducts(products: readonly CatalogRecord[]): Promise<Undo>;
  /** A shopper who has never ordered: the tests' token for `shopper.id` then names them. */
  addShopper(shopper: NewShopper): Promise<Undo>;
  /** The package with this tracking number, of this order, was delivered at `at`. */
  deliver(orderNumber: string, trackingNumber: string, at: Date): Promise<Undo>;
}

/** Puts a change back. */
export type Undo = () => Promise<void>;

/** A return as the store holds it. */
export interface HeldReturn {
  readonly number: string;
  readonly order_number: string;
  /** The store's id of the order line (StoreIds.line names it for a demo line). */
  readonly line_id: string;
  readonly quantity: number;
  /** Shopvoice's reason the store's own reason stands for. */
  readonly reason: string;
  /** What the return refunds once the store has the items back, in minor units. */
  readonly refund_minor: number;
}

/** One line bought: of an order placed, or of a cart prepared. */
export interface BoughtLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly variant: LineVariant;
}

/** One line of an order placed since the store was seeded, with the order's number and shopper (the demo's id). */
export interface PlacedLine {
  readonly number: string;
  readonly shopperId: string;
  readonly line: BoughtLine;
}

export interface NewProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly priceMinor: number;
  readonly stock: number;
}

export interface NewShopper {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly locale: string;
  readonly address: { readonly line1: string; readonly city: string; readonly region: string; readonly postalCode: string; readonly country: string };
  /** The card on file, where the store keeps one. */
  readonly card?: { readonly brand: string; readonly last4: string };
}

/** How the store under test names the demo's shoppers and order lines: the demo's own ids, or (Medusa) its own. */
export interface StoreIds {
  /** The store's id of a demo shopper ("shopper-ben"). */
  shopper(demoId: string): string;
  /** The store's id of a demo order line ("10605-1": order 10605's first line). */
  line(demoLineId: string): string;
}

export const DEMO_IDS: StoreIds = { shopper: (id) => id, line: (id) => id };

/** The demo store's orders are numbered below this; orders placed later, from it on. */
const FIRST_PLACED_ORDER = 10743;

/** The embedded demo store's tables. Its changes end with the store (each test app has its own, in memory); shared apps put them back. */
export function embeddedStoreRecords(db: SqliteDatabase): StoreRecords {
  /** Restores the columns of one row as they are now. */
  function keepRow(table: 'products' | 'shipments', columns: readonly string[], where: string, key: string): Undo {
    const saved = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${where} = ?`).all(key) as Record<string, unknown>[];
    return async () => {
      const update = db.prepare(`UPDATE ${table} SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE ${where} = @key`);
      for (const row of saved) update.run({ ...row, key });
    };
  }
  const added = (table: 'products' | 'shoppers', ids: readonly string[]): Undo => async () => {
    for (const id of ids) db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  };

  return {
    returns: async () =>
      db.prepare<[], HeldReturn>('SELECT number, order_number, line_id, quantity, reason, refund_minor FROM returns ORDER BY id').all(),
    ordersPlaced: async () =>
      db
        .prepare<[number], { number: string; shopper_id: string; product_id: string; quantity: number; unit_price_minor: number; variant: string | null }>(
          `SELECT o.number, o.shopper_id, l.product_id, l.quantity, l.unit_price_minor, l.variant
             FROM orders o JOIN order_lines l ON l.order_number = o.number
            WHERE CAST(o.number AS INTEGER) >= ? ORDER BY o.number, l.position`,
        )
        .all(FIRST_PLACED_ORDER)
        .map((row) => ({
          number: row.number,
          shopperId: row.shopper_id,
          line: { productId: row.product_id, quantity: row.quantity, unitPriceMinor: row.unit_price_minor, variant: JSON.parse(row.variant ?? '{}') as LineVariant },
        })),
    orderCount: async () => db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM orders').get()?.count ?? 0,
    stockOf: async (productId) => db.prepare<[string], { stock: number }>('SELECT stock FROM products WHERE id = ?').get(productId)?.stock ?? -1,
    async setStock(productId, stock, restockOn = null) {
      const undo = keepRow('products', ['stock', 'restock_on'], 'id', productId);
      db.prepare('UPDATE products SET stock = ?, restock_on = ? WHERE id = ?').run(stock, restockOn, productId);
      return undo;
    },
    async setPrice(productId, minor) {
      const undo = keepRow('products', ['price_minor'], 'id', productId);
      db.prepare('UPDATE products SET price_minor = ? WHERE id = ?').run(minor, productId);
      return undo;
    },
    async setSpokenName(productId, spokenName) {
      const undo = keepRow('products', ['spoken_name'], 'id', productId);
      db.prepare('UPDATE products SET spoken_name = ? WHERE id = ?').run(spokenName, productId);
      return undo;
    },
    async forgetTranslatedNames(productIds) {
      const rows = productIds.flatMap((id) => db.prepare<[string], { product_id: string; locale: string; spoken_name: string }>('SELECT * FROM product_spoken_names WHERE product_id = ?').all(id));
      for (const id of productIds) db.prepare('DELETE FROM product_spoken_names WHERE product_id = ?').run(id);
      return async () => {
        for (const row of rows) db.prepare('INSERT OR REPLACE INTO product_spoken_names (product_id, locale, spoken_name) VALUES (@product_id, @locale, @spoken_name)').run(row);
      };
    },
    async addProductLike(productId, product) {
      db.prepare(
        `INSERT INTO products (id, sku, name, spoken_name, brand, category, description, price_minor, currency, stock, attributes)
         SELECT ?, ?, ?, spoken_name, brand, category, description, ?, currency, ?, attributes FROM products WHERE id = ?`,
      ).run(product.id, product.sku, product.name, product.priceMinor, product.stock, productId);
      return added('products', [product.id]);
    },
    async addProducts(products) {
      loadProductsInBulk(db, products);
      return added('products', products.map((product) => product.id));
    },
    async addShopper(shopper) {
      db.prepare(
        `INSERT INTO shoppers (id, given_name, family_name, email, locale, address_line1, address_city, address_region,
                               address_postal_code, address_country, payment_brand, payment_last4)
         VALUES (@id, @givenName, @familyName, @email, @locale, @line1, @city, @region, @postalCode, @country, @brand, @last4)`,
      ).run({ ...shopper, ...shopper.address, brand: shopper.card?.brand ?? null, last4: shopper.card?.last4 ?? null });
      return added('shoppers', [shopper.id]);
    },
    async deliver(orderNumber, trackingNumber, at) {
      const id = db.prepare<[string, string], { id: string }>('SELECT id FROM shipments WHERE order_number = ? AND tracking_number = ?').get(orderNumber, trackingNumber)?.id;
      if (!id) throw new Error(`order ${orderNumber} has no package ${trackingNumber}`);
      const undo = keepRow('shipments', ['status', 'delivered_at'], 'id', id);
      db.prepare("UPDATE shipments SET status = 'Delivered', delivered_at = ? WHERE id = ?").run(at.getTime(), id);
      return undo;
    },
  };
}
