import type { Checkout, CheckoutLine, CheckoutOutcome, CheckoutQuote, CheckoutRequest, CurrencyCode, PlacedOrder, Shopper } from '../ports';
import { demoCharges } from './demo-pricing';
import type { SqliteDatabase } from './open-database';
import { toCurrency, toShopper, type ProductRow, type ShopperRow } from './rows';
import { SHOPPER_COLUMNS } from './sqlite-shoppers';

/** Standard shipping: an order placed by voice is promised this many days after it is placed. */
export const DELIVERY_DAYS = 3;
const DAY_MS = 86_400_000;
/** Where order numbers start in an empty store. */
const FIRST_ORDER_NUMBER = 10_001;

interface PlacedRow {
  readonly order_number: string;
  readonly shopper_id: string;
  readonly placed_at: number;
  readonly currency: string;
  readonly total_minor: number;
  readonly payment_brand: string;
  readonly payment_last4: string;
  readonly ship_city: string;
  readonly expected_on: number;
}

type StockedProduct = Pick<ProductRow, 'id' | 'sku' | 'name' | 'category' | 'price_minor' | 'currency' | 'stock' | 'final_sale'>;

function toPlacedOrder(row: PlacedRow): PlacedOrder {
  return {
    number: row.order_number,
    total: { minor: row.total_minor, currency: toCurrency(row.currency) },
    placedAt: new Date(row.placed_at),
    expectedOn: new Date(row.expected_on),
    payment: { brand: row.payment_brand, last4: row.payment_last4 },
    shipToCity: row.ship_city,
  };
}

/** The one currency every line is priced in. */
function currencyOf(lines: readonly CheckoutLine[]): CurrencyCode {
  const currencies = new Set(lines.map((line) => line.unitPrice.currency));
  const [currency] = currencies;
  if (currency === undefined || currencies.size > 1) throw new Error('An order needs lines in exactly one currency');
  return currency;
}

/** The goods at the prices agreed, with the demo store's tax and delivery to the shopper's default address. */
function chargesFor(lines: readonly CheckoutLine[], shopper: Shopper | undefined): CheckoutQuote | undefined {
  const address = shopper?.defaultAddress;
  if (!address) return undefined;
  const goods = lines.reduce((sum, line) => sum + line.unitPrice.minor * line.quantity, 0);
  return demoCharges(goods, currencyOf(lines), address);
}

/** Units asked for per product, so a product on two lines is checked against its stock once. */
function unitsPerProduct(request: CheckoutRequest): Map<string, number> {
  const units = new Map<string, number>();
  for (const line of request.lines) units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
  return units;
}

/**
 * The embedded store's checkout: one IMMEDIATE transaction checks price and stock, writes the order,
 * its lines and the checkout record, and takes the units out of stock, so two shoppers can never
 * buy the last unit twice and a key already used finds its order instead of placing another.
 */
export function createSqliteCheckout(db: SqliteDatabase): Checkout {
  const placedByKey = db.prepare<[string], PlacedRow>(
    `SELECT c.order_number, c.shopper_id, o.placed_at, o.currency, o.total_minor, c.payment_brand, c.payment_last4,
            c.ship_city, c.expected_on
       FROM checkouts c JOIN orders o ON o.number = c.order_number
      WHERE c.idempotency_key = ?`,
  );
  const shopperById = db.prepare<[string], ShopperRow>(`SELECT ${SHOPPER_COLUMNS} FROM shoppers WHERE id = ?`);
  const productById = db.prepare<[string], StockedProduct>(
    'SELECT id, sku, name, category, price_minor, currency, stock, final_sale FROM products WHERE id = ?',
  );
  const nextNumber = db.prepare<[number], { next: number }>(
    'SELECT COALESCE(MAX(CAST(number AS INTEGER)) + 1, ?) AS next FROM orders',
  );
  const insertOrder = db.prepare(
    'INSERT INTO orders (number, shopper_id, placed_at, cancelled_at, currency, total_minor) VALUES (?, ?, ?, NULL, ?, ?)',
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (id, order_number, position, product_id, sku, name, category, quantity,
                              unit_price_minor, currency, final_sale, variant)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const takeStock = db.prepare('UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?');
  const insertCheckout = db.prepare(
    `INSERT INTO checkouts (idempotency_key, order_number, shopper_id, payment_brand, payment_last4, ship_line1,
                            ship_city, ship_region, ship_postal_code, ship_country, expected_on, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const placeOnce = db.transaction((request: CheckoutRequest): CheckoutOutcome => {
    const earlier = placedByKey.get(request.idempotencyKey);
    if (earlier) {
      if (earlier.shopper_id !== request.shopperId) throw new Error('Checkout idempotency key reused by another shopper');
      return { kind: 'placed', order: toPlacedOrder(earlier) };
    }
    const shopperRow = shopperById.get(request.shopperId);
    const shopper = shopperRow ? toShopper(shopperRow) : undefined;
    const payment = shopper?.defaultPayment;
    const address = shopper?.defaultAddress;
    if (!payment || !address) return { kind: 'refused', why: 'no-payment-or-address' };

    const products = new Map<string, StockedProduct>();
    for (const line of request.lines) {
      const product = productById.get(line.productId);
      if (!product) return { kind: 'refused', why: 'unknown-product' };
      if (product.price_minor !== line.unitPrice.minor || product.currency !== line.unitPrice.currency) {
        return { kind: 'price-changed', productId: product.id, unitPrice: { minor: product.price_minor, currency: toCurrency(product.currency) } };
      }
      products.set(product.id, product);
    }
    for (const [productId, units] of unitsPerProduct(request)) {
      const available = products.get(productId)?.stock ?? 0;
      if (available < units) return { kind: 'out-of-stock', productId, available };
    }

    const currency = currencyOf(request.lines);
    // What the confirmation said: the goods, with tax and delivery (demo-pricing).
    const total = demoCharges(request.lines.reduce((sum, line) => sum + line.unitPrice.minor * line.quantity, 0), currency, address).total.minor;
    const number = String(nextNumber.get(FIRST_ORDER_NUMBER)?.next ?? FIRST_ORDER_NUMBER);
    const placedAt = request.placedAt.getTime();
    const expectedOn = placedAt + DELIVERY_DAYS * DAY_MS;

    insertOrder.run(number, request.shopperId, placedAt, currency, total);
    request.lines.forEach((line, index) => {
      const product = products.get(line.productId)!;
      insertLine.run(
        `${number}-${index + 1}`,
        number,
        index + 1,
        product.id,
        product.sku,
        product.name,
        product.category,
        line.quantity,
        line.unitPrice.minor,
        currency,
        product.final_sale,
        JSON.stringify(line.variant ?? {}),
      );
    });
    for (const [productId, units] of unitsPerProduct(request)) {
      // Checked above in this same write transaction, so this cannot fail short of a bug.
      if (takeStock.run(units, productId, units).changes !== 1) throw new Error(`Stock of ${productId} changed inside a transaction`);
    }
    insertCheckout.run(
      request.idempotencyKey,
      number,
      request.shopperId,
      payment.brand,
      payment.last4,
      address.line1,
      address.city,
      address.region,
      address.postalCode,
      address.country,
      expectedOn,
      placedAt,
    );
    return {
      kind: 'placed',
      order: {
        number,
        total: { minor: total, currency },
        placedAt: request.placedAt,
        expectedOn: new Date(expectedOn),
        payment,
        shipToCity: address.city,
      },
    };
  });

  return {
    async quote(request) {
      if (request.lines.length === 0 || request.lines.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
        throw new Error('A quote needs lines of at least one unit each');
      }
      const row = shopperById.get(request.shopperId);
      return chargesFor(request.lines, row ? toShopper(row) : undefined);
    },
    async place(request) {
      if (request.idempotencyKey.trim() === '') throw new Error('A checkout needs an idempotency key');
      if (request.lines.length === 0 || request.lines.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
        throw new Error('A checkout needs lines of at least one unit each');
      }
      return placeOnce.immediate(request);
    },
  };
}
