import type { Order, Product } from '../../lambda/commerce/ports';
import { CheckoutOutcomeSchema, CheckoutQuoteSchema, OrderListSchema } from '../../lambda/commerce/http/wire-schemas';
import { type CheckContext, checkAnswer, describeStatus, readAnswer } from './check-context';

/** placeOrder: refusals place nothing, and one key places one order, however often it is sent. */

const OUTCOME = { status: [200, 201], schema: CheckoutOutcomeSchema, schemaName: 'CheckoutOutcome' } as const;
const ORDER_LIST = { status: [200], schema: OrderListSchema, schemaName: 'OrderList' } as const;

const CHECK = {
  PRICE: 'refuses a price the shopper did not agree to (price-changed), placing nothing',
  UNKNOWN: 'refuses an unknown product (refused, unknown-product)',
  STOCK: 'refuses more units than are in stock (out-of-stock)',
  NO_KEY: 'an order without an Idempotency-Key is 400 and places nothing',
  PLACES: 'places an order of one unit (201, placed)',
  RETRY: 'a retry with the same key answers the same order and places no second one',
} as const;

const WRITES_OFF = 'writes are off: run with --writes and a test shopper to place an order';

interface Line {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Product['price'];
}

async function orderNumbers(context: CheckContext): Promise<ReadonlySet<string> | undefined> {
  const read = readAnswer(context, 'listShopperOrders', await context.caller.call('listShopperOrders', { path: { shopperId: context.shopperId } }), ORDER_LIST);
  return read.ok ? new Set(read.value.orders.map((order: Order) => order.number)) : undefined;
}

/** "2 new orders (10612, 10613)" when the shopper's list grew, else undefined. */
function newOrders(before: ReadonlySet<string> | undefined, after: ReadonlySet<string> | undefined): string[] {
  return before && after ? [...after].filter((number) => !before.has(number)) : [];
}

const QUOTE = { status: [200], schema: CheckoutQuoteSchema, schemaName: 'CheckoutQuote' } as const;
const QUOTES = 'quotes one unit: a total no less than its price, with tax and delivery in it';

/**
 * quoteOrder (optional, changes nothing): a store that does not quote answers 404 and is skipped;
 * one that does must quote at least the goods, in their currency.
 */
async function checkQuote(context: CheckContext, line: Line): Promise<void> {
  const answer = await context.caller.call('quoteOrder', { path: { shopperId: context.shopperId }, body: { lines: [line] } });
  if (answer.kind === 'answered' && answer.status === 404) {
    context.log.skip('quoteOrder', QUOTES, 'the store does not quote (404): confirmations say the goods\' total only');
    return;
  }
  checkAnswer(context, 'quoteOrder', QUOTES, answer, QUOTE, (quote) => {
    if (quote.total.currency !== line.unitPrice.currency) return `quoted in ${quote.total.currency} for a line priced in ${line.unitPrice.currency}`;
    const parts = (quote.tax?.minor ?? 0) + (quote.delivery?.minor ?? 0);
    if (quote.total.minor < line.unitPrice.minor + parts) return `the total ${quote.total.minor} is less than the goods (${line.unitPrice.minor}) with the tax and delivery it names (${parts})`;
    return undefined;
  });
}

export async function checkCheckout(context: CheckContext, products: readonly Product[]): Promise<void> {
  const { caller, shopperId, log } = context;
  const cheapest = [...products].filter((each) => each.stock > 0).sort((a, b) => a.price.minor - b.price.minor)[0];
  if (cheapest) await checkQuote(context, { productId: cheapest.id, quantity: 1, unitPrice: cheapest.price });
  else log.skip('quoteOrder', QUOTES, 'the search found no product in stock');
  if (!context.writes) {
    for (const check of Object.values(CHECK)) log.skip('placeOrder', check, WRITES_OFF);
    return;
  }
  const place = (lines: readonly Line[], key: string | undefined) =>
    caller.call('placeOrder', { path: { shopperId }, body: { lines, placedAt: context.now().toISOString() }, ...(key !== undefined ? { idempotencyKey: key } : {}) });
  const key = (name: string) => `store-check-${context.runId}-order-${name}`;
  const product = [...products].filter((each) => each.stock > 1).sort((a, b) => a.price.minor - b.price.minor)[0];
  if (!product) {
    for (const check of Object.values(CHECK)) log.skip('placeOrder', check, 'the search found no product with more than one unit in stock');
    return;
  }
  const line: Line = { productId: product.id, quantity: 1, unitPrice: product.price };

  const beforeRefusals = await orderNumbers(context);
  checkAnswer(context, 'placeOrder', CHECK.PRICE, await place([{ ...line, unitPrice: { ...product.price, minor: product.price.minor + 1 } }], key('price')), OUTCOME, (outcome, status) => {
    if (outcome.kind !== 'price-changed') return `answered ${outcome.kind} for a unit price one cent off: refuse with {"kind": "price-changed", "unitPrice": <the price now>}`;
    if (status !== 200) return `answered ${status}: a refusal is 200`;
    return outcome.unitPrice.minor === product.price.minor ? undefined : `says the price is ${outcome.unitPrice.minor}, the catalog says ${product.price.minor}`;
  });
  checkAnswer(context, 'placeOrder', CHECK.UNKNOWN, await place([{ ...line, productId: `store-check-${context.runId}` }], key('unknown')), OUTCOME, (outcome) =>
    outcome.kind === 'refused' && outcome.why === 'unknown-product' ? undefined : `answered ${outcome.kind}: refuse with {"kind": "refused", "why": "unknown-product"}`,
  );
  checkAnswer(context, 'placeOrder', CHECK.STOCK, await place([{ ...line, quantity: product.stock + 1 }], key('stock')), OUTCOME, (outcome) => {
    if (outcome.kind !== 'out-of-stock') return `answered ${outcome.kind} for ${product.stock + 1} units of ${product.id}, which has ${product.stock}: refuse with {"kind": "out-of-stock", "available": …}`;
    return outcome.available === product.stock ? undefined : `says ${outcome.available} are available, the catalog says ${product.stock}`;
  });
  const missingKey = await place([line], undefined);
  const afterRefusals = await orderNumbers(context);
  const placedByRefusals = newOrders(beforeRefusals, afterRefusals);
  log.record(
    'placeOrder',
    CHECK.NO_KEY,
    missingKey.kind === 'no-answer'
      ? `no answer: ${missingKey.reason}`
      : missingKey.status !== 400
        ? `answered ${describeStatus(missingKey)}: require the Idempotency-Key header (400 without it), or a retried request places a second order`
        : placedByRefusals.length > 0
          ? `order ${placedByRefusals.join(', ')} was placed by requests the store refused or should have`
          : undefined,
  );

  const placed = checkAnswer(context, 'placeOrder', CHECK.PLACES, await place([line], key('place')), OUTCOME, (outcome, status) => {
    if (outcome.kind !== 'placed') return `answered ${outcome.kind}: one unit of ${product.id} at ${product.price.minor}, in stock, for a shopper with a default address and payment`;
    return status === 201 ? undefined : `answered ${status} for a placed order: answer 201`;
  });
  if (placed?.kind !== 'placed') {
    log.skip('placeOrder', CHECK.RETRY, 'no order was placed');
    return;
  }
  const retried = await place([line], key('place'));
  const afterRetry = await orderNumbers(context);
  checkAnswer(context, 'placeOrder', CHECK.RETRY, retried, OUTCOME, (outcome) => {
    if (outcome.kind !== 'placed') return `the retry answered ${outcome.kind}: answer the order the key placed, with the same status`;
    if (outcome.order.number !== placed.order.number) return `the retry answered order ${outcome.order.number}, the first ${placed.order.number}: keep each Idempotency-Key with the order it placed and answer that one again`;
    const added = newOrders(afterRefusals, afterRetry);
    return added.length > 1 ? `${added.length} orders (${added.join(', ')}) were placed for two requests with one key` : undefined;
  });
}
