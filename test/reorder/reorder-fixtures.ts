import type { Conversation, Heard } from '../support/conversation';
import { expectValidSsml } from '../support/ssml-checks';
import type { TestApp } from '../support/test-app';

/** Ava's usual: two bags of it about once a month (lambda/commerce/sqlite/demo-orders.ts). */
export const ETHIOPIA = 'ethiopia-yirgacheffe-coffee';
/** The in-stock coffee most like it in the demo catalog (same brand, whole bean, pour-over, citrus). */
export const COSTA_RICA = 'costa-rica-tarrazu-whole-bean-coffee-12-oz';
/** The demo PINs (README "Reorders"). */
export const AVA_PIN = '7391';
export const FINN_PIN = '0528';

export interface PlacedLine {
  readonly number: string;
  readonly product_id: string;
  readonly quantity: number;
  readonly unit_price_minor: number;
  readonly variant: string;
}

/** Orders placed in this store since it was seeded (demo orders are all numbered below 10743). */
export function placedOrders(testApp: TestApp, shopperId: string): PlacedLine[] {
  return testApp.db
    .prepare<[string], PlacedLine>(
      `SELECT o.number, l.product_id, l.quantity, l.unit_price_minor, l.variant
         FROM orders o JOIN order_lines l ON l.order_number = o.number
        WHERE o.shopper_id = ? AND CAST(o.number AS INTEGER) >= 10743
        ORDER BY o.number, l.position`,
    )
    .all(shopperId);
}

export function allOrderCount(testApp: TestApp): number {
  return testApp.db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM orders').get()?.count ?? 0;
}

export function stockOf(testApp: TestApp, productId: string): number {
  return testApp.db.prepare<[string], { stock: number }>('SELECT stock FROM products WHERE id = ?').get(productId)?.stock ?? -1;
}

export function setStock(testApp: TestApp, productId: string, stock: number, restockOn: string | null = null): void {
  testApp.db.prepare('UPDATE products SET stock = ?, restock_on = ? WHERE id = ?').run(stock, restockOn, productId);
}

export function setPrice(testApp: TestApp, productId: string, minor: number): void {
  testApp.db.prepare('UPDATE products SET price_minor = ? WHERE id = ?').run(minor, productId);
}

/** The same coffee in a two-pound bag: the demo catalog sells every coffee in one size only. */
export function addTwoPoundEthiopia(testApp: TestApp, stock = 9): string {
  const id = 'ethiopia-yirgacheffe-coffee-2-lb';
  testApp.db
    .prepare(
      `INSERT INTO products (id, sku, name, spoken_name, brand, category, description, price_minor, currency, stock, attributes)
       SELECT ?, 'COF-2LB', 'Ethiopia Yirgacheffe Whole Bean Coffee, 2 lb', spoken_name, brand, category, description, 3999, currency, ?, attributes
         FROM products WHERE id = ?`,
    )
    .run(id, stock, ETHIOPIA);
  return id;
}

/** A linked shopper who has never ordered anything. */
export function addShopperWithoutOrders(testApp: TestApp): string {
  const id = 'shopper-gus';
  testApp.db
    .prepare(
      `INSERT INTO shoppers (id, given_name, family_name, email, locale, address_line1, address_city, address_region,
                             address_postal_code, address_country, payment_brand, payment_last4)
       VALUES (?, 'Gus', 'Lind', 'gus@example.com', 'en-US', '9 Elm Street', 'Madison', 'WI', '53703', 'US', 'Visa', '5556')`,
    )
    .run(id);
  return id;
}

/** Every reply must be well-formed SSML for its platform and carry a status of 200. */
export function heard(reply: Heard, platform: Conversation['platform']): Heard {
  expect(reply.status).toBe(200);
  expectValidSsml(reply.ssml, platform);
  return reply;
}
