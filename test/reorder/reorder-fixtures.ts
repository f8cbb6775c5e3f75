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

export function setStock(testApp: TestApp, productId: string, stock: number, restockOn: string | null = null): void {
  testApp.db.prepare('UPDATE products SET stock = ?, restock_on = ? WHERE id = ?').run(stock, restockOn, productId);
}

export function setPrice(testApp: TestApp, productId: string, minor: number): void {
  testApp.db.prepare('UPDATE products SET price_minor = ? WHERE id = ?').run(minor, productId);
}

/** The same coffee in a two-pound bag, in the store under test: the demo catalog sells every coffee in one size only. */
export async function addTwoPoundEthiopia(testApp: TestApp, stock = 9): Promise<string> {
  const id = 'ethiopia-yirgacheffe-coffee-2-lb';
  await testApp.records.addProductLike(ETHIOPIA, { id, sku: 'COF-2LB', name: 'Ethiopia Yirgacheffe Whole Bean Coffee, 2 lb', priceMinor: 3999, stock });
  return id;
}

/** A linked shopper who has never ordered anything, in the store under test. */
export async function addShopperWithoutOrders(testApp: TestApp): Promise<string> {
  const id = 'shopper-gus';
  await testApp.records.addShopper({
    id,
    givenName: 'Gus',
    familyName: 'Lind',
    email: 'gus@example.com',
    locale: 'en-US',
    address: { line1: '9 Elm Street', city: 'Madison', region: 'WI', postalCode: '53703', country: 'US' },
    card: { brand: 'Visa', last4: '5556' },
  });
  return id;
}

/** Every reply must be well-formed SSML for its platform and carry a status of 200. */
export function heard(reply: Heard, platform: Conversation['platform']): Heard {
  expect(reply.status).toBe(200);
  expectValidSsml(reply.ssml, platform);
  return reply;
}
