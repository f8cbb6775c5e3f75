import type { LineVariant } from '../../lambda/commerce/ports';
import type { Heard } from './conversation';
import type { BoughtLine } from './store-records';
import type { TestApp } from './test-app';

export type { BoughtLine } from './store-records';

/**
 * What a shopper hears, and what the store holds, when they buy by voice: a placed order where the
 * store places orders, or a cart and its checkout link where it takes payment at its own checkout
 * page (Shopify). The sentences are written out per store and locale, so every branch is exact.
 */

export type Purchase = TestApp['traits']['checkout'];

/** What placing an order charges, as the store quotes it, in words: "41 dollars 77", "2 dollars 80", "4 dollars 99" or free. */
export interface Charge {
  readonly total: string;
  readonly tax: string;
  readonly delivery: string | 'free';
}

export interface ConfirmationParts {
  /** "2 bags of Ethiopia Yirgacheffe coffee" */
  readonly items: string;
  /** What the goods cost ("33 dollars 98"): all a cart's question can say, before tax and shipping. */
  readonly total: string;
  /** What placing the order charges, tax and delivery said apart. */
  readonly charge: Charge;
  /** The city an order ships to; a cart names none. */
  readonly city: string;
}

/** The seller of record the confirmation names: the demo store's name. */
export const SELLER = 'Northwind Outfitters';

function chargeWords({ total, tax, delivery }: Charge, locale: 'en-US' | 'de-DE'): string {
  if (locale === 'de-DE') return delivery === 'free' ? `${total} inklusive ${tax} Steuern, versandkostenfrei` : `${total} inklusive ${tax} Steuern und ${delivery} Versand`;
  return delivery === 'free' ? `${total} including ${tax} tax and free delivery` : `${total} including ${tax} tax and ${delivery} delivery`;
}

/** The one question a yes answers before anything is bought. */
export function confirmation(purchase: Purchase, { items, total, charge, city }: ConfirmationParts, locale: 'en-US' | 'de-DE' = 'en-US'): string {
  if (locale === 'de-DE') {
    return purchase === 'places-order'
      ? `Soll ich ${items} von ${SELLER} nach ${city} bestellen, für ${chargeWords(charge, locale)}?`
      : `Soll ich ${items} für ${total} in einen Warenkorb legen, damit Sie an der Kasse des Shops bezahlen können?`;
  }
  return purchase === 'places-order'
    ? `Shall I order ${items} from ${SELLER} to ${city}, for ${chargeWords(charge, locale)}?`
    : `Shall I put ${items} for ${total} in a cart, so you can pay at the store's checkout?`;
}

/** The start of the confirmation, up to what differs by store: for assertions that end there. */
export function confirmationStart(purchase: Purchase, items: string): string {
  return purchase === 'places-order' ? `Shall I order ${items}` : `Shall I put ${items}`;
}

export interface DoneParts {
  /** The number of the order placed, and the day it should arrive ("on Sunday"). */
  readonly orderNumber: string;
  readonly day: string;
  /** What the cart costs before shipping ("33 dollars 98"). */
  readonly total: string;
  /** The card an order is charged to ("Visa ending 4242"): the app card names it; a cart has none. */
  readonly card?: string;
}

/** What the shopper hears after the yes. */
export function done(purchase: Purchase, { orderNumber, day, total }: DoneParts, locale: 'en-US' | 'de-DE' = 'en-US'): string {
  if (locale === 'de-DE') {
    return purchase === 'places-order'
      ? `Erledigt! Ihre Bestellnummer ist ${orderNumber}, und die Lieferung sollte ${day} ankommen.`
      : `Es liegt im Warenkorb, ${total} zuzüglich Versand. Bestellt ist noch nichts: Öffnen Sie den Link in der App Ihres Sprachassistenten, um an der Kasse des Shops zu bezahlen.`;
  }
  return purchase === 'places-order'
    ? `Done! Your order number is ${orderNumber}, and it should arrive ${day}.`
    : `It's in a cart, ${total} before shipping. Nothing is ordered yet: open the link in your voice assistant's app to pay at the store's checkout.`;
}

/** The card the shopper's app shows after the yes: the order placed, or the newest cart's checkout link. */
export function doneCard(testApp: TestApp, spoken: string, card: string | undefined): { title: string; text: string } {
  if (testApp.traits.checkout === 'places-order') {
    if (card === undefined) throw new Error('an order placed names its card: give the card');
    return { title: 'Order placed', text: `${spoken} Charged to your ${card}.` };
  }
  const cart = testApp.carts().at(-1);
  if (!cart) throw new Error('no cart was prepared');
  return { title: 'Your cart is ready', text: `Nothing is ordered yet. Pay at the store's checkout: ${cart.checkoutUrl}` };
}

/**
 * Orders placed since the demo store was seeded (its own are all numbered below 10743), with their
 * lines, in the embedded demo store's tables (also behind the store API and the local Shopify).
 * Whatever the store: ordersPlacedFor.
 */
export function ordersPlaced(testApp: TestApp, shopperId?: string): { readonly number: string; readonly line: BoughtLine }[] {
  const rows = testApp.db
    .prepare<[], { number: string; shopper_id: string; product_id: string; quantity: number; unit_price_minor: number; variant: string | null }>(
      `SELECT o.number, o.shopper_id, l.product_id, l.quantity, l.unit_price_minor, l.variant
         FROM orders o JOIN order_lines l ON l.order_number = o.number
        WHERE CAST(o.number AS INTEGER) >= 10743 ORDER BY o.number, l.position`,
    )
    .all();
  return rows
    .filter((row) => shopperId === undefined || row.shopper_id === shopperId)
    .map((row) => ({
      number: row.number,
      line: { productId: row.product_id, quantity: row.quantity, unitPriceMinor: row.unit_price_minor, variant: JSON.parse(row.variant ?? '{}') as LineVariant },
    }));
}

/** Orders placed for the shopper since the store was seeded, as the store under test holds them, one entry per line. */
export async function ordersPlacedFor(testApp: TestApp, shopperId: string): Promise<{ readonly number: string; readonly line: BoughtLine }[]> {
  return (await testApp.records.ordersPlaced()).filter((order) => order.shopperId === shopperId).map(({ number, line }) => ({ number, line }));
}

/**
 * What the shopper's yeses bought, oldest first: the lines of the orders placed for them, or, where
 * the store prepares carts, the lines of their carts, after checking that no order was placed.
 */
export async function bought(testApp: TestApp, shopperId: string): Promise<BoughtLine[]> {
  const placed = (await ordersPlacedFor(testApp, shopperId)).map((order) => order.line);
  if (testApp.traits.checkout === 'places-order') return placed;
  expect(placed).toEqual([]);
  return testApp
    .carts()
    .filter((cart) => cart.shopperId === shopperId)
    .flatMap((cart) => cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, variant: line.options as LineVariant })));
}

/** Asserts the reply is the store's "done" for this purchase, card included. */
export function expectDone(testApp: TestApp, reply: Heard, parts: DoneParts, locale: 'en-US' | 'de-DE' = 'en-US'): void {
  const spoken = done(testApp.traits.checkout, parts, locale);
  expect(reply.text).toBe(spoken);
  expect(reply.listening).toBe(false);
  if (locale === 'en-US') expect(reply.card).toEqual(doneCard(testApp, spoken, parts.card));
}
