import { StoreDataError } from '../commerce-errors';
import { CURRENCY_CODES, type CurrencyCode, type LineVariant, type Money, type Order, type OrderLine, type OrderState, type Product, type Shipment, type TrackingEvent, type TrackingStatus } from '../ports';
import { cutAtWord, MAX_ATTRIBUTE_NAME_CHARS, MAX_ATTRIBUTE_VALUE_CHARS, MAX_CATEGORY_CHARS, MAX_DESCRIPTION_CHARS, MAX_LABEL_CHARS, MAX_PRODUCT_NAME_CHARS, MAX_SIZE_CHARS, MAX_SKU_CHARS, MAX_SPOKEN_NAME_CHARS, MAX_TRACKING_TEXT_CHARS } from '../http/wire-limits';
import { ownIdOf, type ShopifyType } from './shopify-ids';
import type { Fulfillment, LineItem, MoneyV2, ShopifyOrder, ShopifyProduct } from './shopify-wire';

/**
 * Shopify's shapes in the ports' words. The conventions a store follows so that Shopvoice reads its
 * catalog as it should (the README's Shopify section says the same):
 * - the product type is the category, the vendor the brand;
 * - every product option (Color, Size, …) is an attribute by its lower-case name, and so is every
 *   tag written `name:value` ("feature:waterproof", "material:leather");
 * - the tag `final-sale` marks a product sold as final sale;
 * - the metafields `shopvoice.spoken_name` (a short name to say), `shopvoice.spoken_names` (JSON,
 *   locale → spoken name) and `shopvoice.restock_on` (YYYY-MM-DD) are read where they are set.
 */

/** A product whose inventory Shopify does not count (or the app may not read) is sold as long as it is for sale: this many are offered. */
export const UNCOUNTED_STOCK = 99;

/** The category of a line or product whose product type is empty. */
export const NO_CATEGORY = 'other';

/** Gift cards are one category whatever their product type, so the return policy can leave them out. */
export const GIFT_CARD_CATEGORY = 'gift-cards';

export const FINAL_SALE_TAG = 'final-sale';

export function ownId(operation: string, globalId: string, type: ShopifyType): string {
  const id = ownIdOf(globalId, type);
  if (id === undefined || id.length > 80) throw new StoreDataError(operation, `id: not a ${type} id`);
  return id;
}

function isCurrency(code: string): code is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(code);
}

/** Shopify's decimal amount in minor units; every currency Shopvoice speaks has two decimals. */
export function moneyOf(operation: string, money: MoneyV2): Money {
  if (!isCurrency(money.currencyCode)) throw new StoreDataError(operation, `currencyCode: not one Shopvoice speaks`);
  const minor = Math.round(Number(money.amount) * 100);
  if (!Number.isSafeInteger(minor) || minor < 0) throw new StoreDataError(operation, 'amount: not a price');
  return { minor, currency: money.currencyCode };
}

/** Shopify's Decimal for an amount in minor units. */
export function decimalOf(money: Money): string {
  return (money.minor / 100).toFixed(2);
}

export const categoryOf = (productType: string | null): string => {
  const type = (productType ?? '').trim();
  return type === '' || type.length > MAX_CATEGORY_CHARS ? NO_CATEGORY : type;
};

export const attributeName = (name: string) => name.trim().toLowerCase().replace(/^colour$/, 'color');

function metafield(product: Pick<ShopifyProduct, 'metafields'>, key: string): string | undefined {
  return product.metafields.find((field) => field?.key === key)?.value ?? undefined;
}

/** The spoken names in other locales, from the `shopvoice.spoken_names` metafield; anything malformed is left out. */
export function spokenNamesOf(product: Pick<ShopifyProduct, 'metafields'>): Record<string, string> | undefined {
  const json = metafield(product, 'spoken_names');
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const names = Object.entries(parsed).flatMap(([locale, name]) =>
    /^[a-z]{2,3}-[A-Z]{2}$/.test(locale) && typeof name === 'string' && name.trim() !== '' ? [[locale, cutAtWord(name, MAX_SPOKEN_NAME_CHARS)]] : [],
  );
  return names.length > 0 ? Object.fromEntries(names) : undefined;
}

export function spokenNameOf(product: Pick<ShopifyProduct, 'metafields'>, title: string): string {
  return cutAtWord(metafield(product, 'spoken_name') ?? title, MAX_SPOKEN_NAME_CHARS);
}

const keepValue = (name: string, value: string) => value !== '' && value.length <= (name === 'size' ? MAX_SIZE_CHARS : MAX_ATTRIBUTE_VALUE_CHARS);

/** Options and `name:value` tags as the ports' attributes. */
export function attributesOf(product: Pick<ShopifyProduct, 'options' | 'tags'>): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  const add = (rawName: string, value: string) => {
    const name = attributeName(rawName);
    if (name === '' || name.length > MAX_ATTRIBUTE_NAME_CHARS || !keepValue(name, value)) return;
    const values = (attributes[name] ??= []);
    if (!values.includes(value)) values.push(value);
  };
  for (const option of product.options) {
    // Shopify gives a product without options one called "Title" with the value "Default Title".
    if (option.name === 'Title' && option.optionValues.length === 1 && option.optionValues[0]?.name === 'Default Title') continue;
    for (const value of option.optionValues) add(option.name, value.name.trim());
  }
  for (const tag of product.tags) {
    const colon = tag.indexOf(':');
    if (colon > 0) add(tag.slice(0, colon), tag.slice(colon + 1).trim());
  }
  return attributes;
}

/**
 * Units of the product a shopper can buy: a shopper buys one variant, so the best-stocked one's
 * count (checkout checks the variant chosen again before the cart is made).
 */
function stockOf(product: ShopifyProduct): number {
  const counted = product.variants.nodes.map((variant) => variant.quantityAvailable).filter((quantity): quantity is number => quantity !== null);
  if (counted.length > 0) return Math.max(0, ...counted);
  return product.availableForSale ? UNCOUNTED_STOCK : 0;
}

export function productOf(operation: string, product: ShopifyProduct): Product {
  const restockOn = metafield(product, 'restock_on');
  const spokenNames = spokenNamesOf(product);
  return {
    id: ownId(operation, product.id, 'Product'),
    sku: (product.variants.nodes[0]?.sku ?? '').slice(0, MAX_SKU_CHARS),
    name: cutAtWord(product.title, MAX_PRODUCT_NAME_CHARS),
    spokenName: spokenNameOf(product, product.title),
    ...(spokenNames ? { spokenNames } : {}),
    brand: cutAtWord(product.vendor, MAX_LABEL_CHARS),
    category: categoryOf(product.productType),
    description: cutAtWord(product.description, MAX_DESCRIPTION_CHARS),
    attributes: attributesOf(product),
    price: moneyOf(operation, product.priceRange.minVariantPrice),
    stock: stockOf(product),
    ...(restockOn && /^\d{4}-\d{2}-\d{2}$/.test(restockOn) ? { restockOn } : {}),
    ...(product.tags.some((tag) => tag.toLowerCase() === FINAL_SALE_TAG) ? { finalSale: true } : {}),
  };
}

/** What Shopvoice knows of a product's name when it reads an order: from the catalog, where the product still is. */
export interface ProductNames {
  readonly spokenName: string;
  readonly spokenNames?: Readonly<Record<string, string>>;
}

function variantOf(line: LineItem): LineVariant | undefined {
  const variant: { color?: string; size?: string } = {};
  for (const option of line.variantOptions ?? []) {
    const name = attributeName(option.name);
    if ((name === 'color' || name === 'size') && keepValue(name, option.value)) variant[name] = option.value;
  }
  return variant.color !== undefined || variant.size !== undefined ? variant : undefined;
}

function lineOf(operation: string, line: LineItem, order: ShopifyOrder, names: ReadonlyMap<string, ProductNames>): OrderLine {
  const id = ownId(operation, line.id, 'LineItem');
  // A line whose product was deleted keeps its own id as the product's: nothing can be bought again by it.
  const productId = line.productId ? ownId(operation, line.productId, 'Product') : `line-${id}`;
  const named = names.get(productId);
  const finalSale = order.returnInformation.nonReturnableLineItems.nodes.some(
    (item) => item.lineItem.id === line.id && item.quantityDetails.some((detail) => detail.reasonCode === 'FINAL_SALE'),
  );
  const variant = variantOf(line);
  if (!line.price) throw new StoreDataError(operation, 'lineItems.price: missing');
  return {
    id,
    productId,
    sku: (line.sku ?? '').slice(0, MAX_SKU_CHARS),
    name: cutAtWord(line.title, MAX_PRODUCT_NAME_CHARS),
    spokenName: named?.spokenName ?? cutAtWord(line.title, MAX_SPOKEN_NAME_CHARS),
    ...(named?.spokenNames ? { spokenNames: named.spokenNames } : {}),
    category: line.giftCard ? GIFT_CARD_CATEGORY : categoryOf(line.productType),
    quantity: line.quantity,
    unitPrice: moneyOf(operation, line.price),
    ...(finalSale ? { finalSale: true } : {}),
    ...(variant ? { variant } : {}),
  };
}

/** Shopify's shipment statuses as the carrier statuses Shopvoice speaks (AfterShip's taxonomy). */
const TRACKING_STATUS_OF: Readonly<Record<string, TrackingStatus>> = {
  LABEL_PURCHASED: 'InfoReceived',
  LABEL_PRINTED: 'InfoReceived',
  CONFIRMED: 'InfoReceived',
  CARRIER_PICKED_UP: 'InTransit',
  IN_TRANSIT: 'InTransit',
  // A delay, not a failure: the package is still on its way.
  DELAYED: 'InTransit',
  OUT_FOR_DELIVERY: 'OutForDelivery',
  ATTEMPTED_DELIVERY: 'AttemptFail',
  // "Failure to deliver the shipment": a delivery problem, not a try the carrier repeats by itself.
  FAILURE: 'Exception',
  READY_FOR_PICKUP: 'AvailableForPickup',
  PICKED_UP: 'Delivered',
  DELIVERED: 'Delivered',
};

/** Fulfillments that never left, or were called off, are no package. */
const NOT_A_PACKAGE = new Set(['CANCELLED', 'ERROR', 'FAILURE']);

/** The pickup address as a place to say: "1343 West Irving Park Road, Chicago". */
function pickupPlaceOf(fulfillment: Fulfillment): string | undefined {
  const address = fulfillment.pickupAddress;
  const place = [address?.address1, address?.city].map((part) => (part ?? '').trim()).filter((part) => part !== '').join(', ');
  return place === '' ? undefined : cutAtWord(place, MAX_TRACKING_TEXT_CHARS);
}

function shipmentOf(operation: string, fulfillment: Fulfillment): Shipment {
  const pickupPlace = pickupPlaceOf(fulfillment);
  const events: TrackingEvent[] = fulfillment.events.nodes
    .map((event): TrackingEvent => {
      const status = TRACKING_STATUS_OF[event.status] ?? 'InfoReceived';
      // Shopify's events carry no words of the carrier's; a package waiting for pickup waits at the pickup address.
      return { at: new Date(event.happenedAt), status, description: '', ...(status === 'AvailableForPickup' && pickupPlace ? { location: pickupPlace } : {}) };
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const latest = fulfillment.latestShipmentStatus ? TRACKING_STATUS_OF[fulfillment.latestShipmentStatus] : undefined;
  const status = latest ?? events[0]?.status ?? 'InfoReceived';
  const delivered = events.find((event) => event.status === 'Delivered');
  const tracking = fulfillment.trackingInformation[0];
  return {
    id: ownId(operation, fulfillment.id, 'Fulfillment'),
    carrier: cutAtWord(tracking?.company ?? '', MAX_LABEL_CHARS),
    trackingNumber: (tracking?.number ?? '').slice(0, 80),
    status,
    shippedAt: new Date(fulfillment.createdAt),
    ...(fulfillment.estimatedDeliveryAt ? { expectedOn: new Date(fulfillment.estimatedDeliveryAt) } : {}),
    ...(status === 'Delivered' && delivered ? { deliveredAt: delivered.at } : {}),
    lineIds: fulfillment.fulfillmentLineItems.nodes.map((item) => ownId(operation, item.lineItem.id, 'LineItem')),
    events: events.map((event) => ({ ...event, description: cutAtWord(event.description, MAX_TRACKING_TEXT_CHARS) })),
  };
}

function stateOf(order: ShopifyOrder): OrderState {
  if (order.cancelledAt) return 'cancelled';
  if (order.fulfillmentStatus === 'FULFILLED') return 'fulfilled';
  if (order.fulfillmentStatus === 'PARTIALLY_FULFILLED') return 'partially-fulfilled';
  return 'processing';
}

/** An order of the shopper's as the ports tell it; `names` holds the spoken names of its products. */
export function orderOf(operation: string, shopperId: string, order: ShopifyOrder, names: ReadonlyMap<string, ProductNames>): Order {
  return {
    number: String(order.number),
    shopperId,
    placedAt: new Date(order.processedAt),
    state: stateOf(order),
    total: moneyOf(operation, order.totalPrice),
    lines: order.lineItems.nodes.map((line) => lineOf(operation, line, order, names)),
    shipments: order.fulfillments.nodes
      .filter((fulfillment) => !NOT_A_PACKAGE.has(fulfillment.status ?? ''))
      .map((fulfillment) => shipmentOf(operation, fulfillment)),
  };
}
