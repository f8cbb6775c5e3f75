import type { CurrencyCode, Shopper } from '../ports';
import { demoCalendar, type DemoCalendar } from './demo-calendar';
import { DEMO_PRODUCTS, type DemoProduct } from './demo-catalog';
import { planJourney, trackingNumberFor } from './demo-journeys';
import { DEMO_ORDERS, type DemoOrder } from './demo-orders';
import { insertDemoPurchasePins } from './demo-purchase-pins';
import { DEMO_SHOPPER_PROFILES } from './demo-shoppers';
import { writeMeta, META } from './store-meta';
import type { SqliteDatabase } from './open-database';
import { seededRandom, type SeededRandom } from './seeded-random';

export interface DemoSeedOptions {
  /** Every day in the demo history is relative to this instant. */
  readonly now: Date;
  /** The zone whose calendar "today" and "yesterday" are counted in. */
  readonly timeZone: string;
  /** The store's currency (STORE_CURRENCY): the demo's price tags are in it. USD by default. */
  readonly currency?: CurrencyCode;
}

const CATALOG_SEED = 20_240_611;
const TRACKING_SEED = 7_355_608;
const DEFAULT_CURRENCY: CurrencyCode = 'USD';

/** Dollars as written on a price tag → cents, without float drift (19.99 * 100 is 1998.9999…). */
function toCents(dollars: number): number {
  return Math.round(dollars * 100);
}

function stockFor(product: DemoProduct, random: SeededRandom, calendar: DemoCalendar) {
  // Draw for every product, fixed or not, so editing one fixed level never reshuffles the rest.
  const roll = random.next();
  const drawnLevel = random.int(4, 140);
  const drawnRestock = random.int(3, 28);
  if (product.stock !== undefined) {
    const restockIn = product.stock === 0 ? product.restockInDays : undefined;
    return { stock: product.stock, restockOn: restockIn == null ? null : calendar.dayKey(restockIn) };
  }
  if (roll < 0.06) return { stock: 0, restockOn: calendar.dayKey(drawnRestock) };
  if (roll < 0.08) return { stock: 0, restockOn: null };
  return { stock: drawnLevel, restockOn: null };
}

/** Writes the demo products' spoken names in other locales, keeping any already there. */
export function writeDemoSpokenNames(db: SqliteDatabase): void {
  const insert = db.prepare('INSERT OR IGNORE INTO product_spoken_names (product_id, locale, spoken_name) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const product of DEMO_PRODUCTS) {
      for (const [locale, name] of Object.entries(product.spokenNames)) insert.run(product.id, locale, name);
    }
  })();
}

export function hasSpokenNames(db: SqliteDatabase): boolean {
  return db.prepare('SELECT 1 FROM product_spoken_names LIMIT 1').get() !== undefined;
}

function insertCatalog(db: SqliteDatabase, calendar: DemoCalendar, currency: CurrencyCode): Map<string, DemoProduct> {
  const insert = db.prepare(
    `INSERT INTO products (id, sku, name, spoken_name, brand, category, description, price_minor, currency,
                           stock, restock_on, final_sale, attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const random = seededRandom(CATALOG_SEED);
  const byId = new Map<string, DemoProduct>();
  for (const product of DEMO_PRODUCTS) {
    const { stock, restockOn } = stockFor(product, random, calendar);
    insert.run(
      product.id,
      product.sku,
      product.name,
      product.spokenName,
      product.brand,
      product.category,
      product.description,
      toCents(product.priceUsd),
      currency,
      stock,
      restockOn,
      product.finalSale ? 1 : 0,
      JSON.stringify(product.attributes),
    );
    byId.set(product.id, product);
  }
  return byId;
}

function insertShoppers(db: SqliteDatabase, shoppers: readonly Shopper[]): void {
  const insert = db.prepare(
    `INSERT INTO shoppers (id, given_name, family_name, email, phone, locale, address_line1, address_city,
                           address_region, address_postal_code, address_country, payment_brand, payment_last4)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const shopper of shoppers) {
    const address = shopper.defaultAddress;
    insert.run(
      shopper.id,
      shopper.givenName,
      shopper.familyName,
      shopper.email,
      shopper.phone ?? null,
      shopper.locale,
      address?.line1 ?? null,
      address?.city ?? null,
      address?.region ?? null,
      address?.postalCode ?? null,
      address?.country ?? null,
      shopper.defaultPayment?.brand ?? null,
      shopper.defaultPayment?.last4 ?? null,
    );
  }
}

function insertOrders(
  db: SqliteDatabase,
  orders: readonly DemoOrder[],
  products: ReadonlyMap<string, DemoProduct>,
  calendar: DemoCalendar,
  currency: CurrencyCode,
): void {
  const insertOrder = db.prepare(
    `INSERT INTO orders (number, shopper_id, placed_at, cancelled_at, currency, total_minor) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (id, order_number, position, product_id, sku, name, category, quantity,
                              unit_price_minor, currency, final_sale, variant)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertShipment = db.prepare(
    `INSERT INTO shipments (id, order_number, carrier, tracking_number, status, shipped_at, expected_on, delivered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertShipmentLine = db.prepare('INSERT INTO shipment_lines (shipment_id, line_id) VALUES (?, ?)');
  const insertEvent = db.prepare(
    'INSERT INTO tracking_events (shipment_id, at, status, description, location) VALUES (?, ?, ?, ?, ?)',
  );
  const destinations = new Map(
    DEMO_SHOPPER_PROFILES.map((shopper) => [
      shopper.id,
      shopper.defaultAddress ? `${shopper.defaultAddress.city}, ${shopper.defaultAddress.region}` : 'Columbus, OH',
    ]),
  );
  const random = seededRandom(TRACKING_SEED);

  for (const order of orders) {
    const placedAt = calendar.at(order.placedDay, order.placedTime);
    const lines = order.lines.map((line, index) => {
      const product = products.get(line.productId);
      if (!product) throw new Error(`Demo order ${order.number} names an unknown product: ${line.productId}`);
      return { id: `${order.number}-${index + 1}`, position: index + 1, product, quantity: line.quantity ?? 1 };
    });
    const total = lines.reduce((sum, line) => sum + toCents(line.product.priceUsd) * line.quantity, 0);
    const cancelledAt =
      order.cancelledDay === undefined
        ? null
        : Math.max(placedAt.getTime() + 20 * 60_000, calendar.at(order.cancelledDay, '12:00').getTime());
    insertOrder.run(order.number, order.shopperId, placedAt.getTime(), cancelledAt, currency, total);
    for (const line of lines) {
      insertLine.run(
        line.id,
        order.number,
        line.position,
        line.product.id,
        line.product.sku,
        line.product.name,
        line.product.category,
        line.quantity,
        toCents(line.product.priceUsd),
        currency,
        line.product.finalSale ? 1 : 0,
        JSON.stringify(variantBought(line.product)),
      );
    }

    (order.shipments ?? []).forEach((shipment, index) => {
      const shipmentId = `${order.number}-P${index + 1}`;
      const journey = planJourney(
        {
          carrier: shipment.carrier,
          shipDay: shipment.shipDay ?? order.placedDay + 1,
          outcome: shipment.outcome,
          destination: destinations.get(order.shopperId) ?? 'Columbus, OH',
        },
        calendar,
        random,
      );
      if (journey.shippedAt.getTime() <= placedAt.getTime()) {
        throw new Error(`Demo order ${order.number} ships before it was placed`);
      }
      insertShipment.run(
        shipmentId,
        order.number,
        shipment.carrier,
        trackingNumberFor(shipment.carrier, random),
        journey.status,
        journey.shippedAt.getTime(),
        journey.expectedOn?.getTime() ?? null,
        journey.deliveredAt?.getTime() ?? null,
      );
      const positions = shipment.lines ?? lines.map((line) => line.position);
      for (const position of positions) {
        const line = lines[position - 1];
        if (!line) throw new Error(`Demo order ${order.number} ships a line it does not have: ${position}`);
        insertShipmentLine.run(shipmentId, line.id);
      }
      for (const event of journey.events) {
        insertEvent.run(shipmentId, event.at.getTime(), event.status, event.description, event.location);
      }
    });
  }
}

/** The demo's shoppers bought the first listed color and a middle size, so each line has one variant. */
function variantBought(product: DemoProduct): { color?: string; size?: string } {
  const colors = product.attributes.color ?? [];
  const sizes = product.attributes.size ?? [];
  const color = colors[0];
  const size = sizes[Math.floor(sizes.length / 2)];
  return { ...(color ? { color } : {}), ...(size ? { size } : {}) };
}

/** True when the store holds nothing yet: no catalog, no shoppers, no orders. */
export function isStoreEmpty(db: SqliteDatabase): boolean {
  const row = db
    .prepare<[], { total: number }>(
      `SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM shoppers) + (SELECT count(*) FROM orders) AS total`,
    )
    .get();
  return (row?.total ?? 0) === 0;
}

/**
 * Writes the demo store (catalog, shoppers, order history) in one transaction, laid out around
 * `now`, and records the seed day so the demo clock can move it forward later.
 */
export function seedDemoStore(db: SqliteDatabase, options: DemoSeedOptions): void {
  const calendar = demoCalendar(options.now, options.timeZone);
  db.transaction(() => {
    const currency = options.currency ?? DEFAULT_CURRENCY;
    const products = insertCatalog(db, calendar, currency);
    writeDemoSpokenNames(db);
    insertShoppers(db, DEMO_SHOPPER_PROFILES);
    insertOrders(db, DEMO_ORDERS, products, calendar, currency);
    insertDemoPurchasePins(db);
    writeMeta(db, META.demoAnchorDay, calendar.today);
    writeMeta(db, META.demoTimeZone, calendar.timeZone);
    writeMeta(db, META.demoSeededAt, options.now.toISOString());
  }).immediate();
}
