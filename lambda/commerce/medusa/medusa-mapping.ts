import { StoreDataError } from '../commerce-errors';
import { cutAtWord, MAX_ATTRIBUTE_NAME_CHARS, MAX_ATTRIBUTE_VALUE_CHARS, MAX_CATEGORY_CHARS, MAX_DESCRIPTION_CHARS, MAX_LABEL_CHARS, MAX_PRODUCT_NAME_CHARS, MAX_SIZE_CHARS, MAX_SKU_CHARS, MAX_SPOKEN_NAME_CHARS, MAX_TRACKING_TEXT_CHARS } from '../http/wire-limits';
import { CURRENCY_CODES, type CurrencyCode, type LineVariant, type Money, type Order, type OrderLine, type OrderState, type Product, type Shipment, type TrackingEvent, TRACKING_STATUSES, type TrackingStatus } from '../ports';
import type { MedusaOrderDetail, MedusaOrderItem, MedusaProduct, MedusaStoreOrder } from './medusa-wire';

/**
 * Medusa's shapes in the ports' words. The conventions a store follows so that Shopvoice reads it
 * as it should (the README's Medusa section says the same):
 * - a product's handle is its id in conversations; its first category (by handle) is the category;
 * - the options Color and Size are the variant attributes; every tag written `name:value`
 *   (`feature:waterproof`, `brand:Northpeak`) is an attribute, and `brand:` names the brand;
 * - product metadata `spoken_name`, `spoken_names` (JSON, locale → name), `restock_on`
 *   (YYYY-MM-DD) and `final_sale` ("true") are read where they are set;
 * - a fulfillment's label carries the tracking number; its metadata `carrier`, `tracking_status`
 *   (AfterShip's statuses), `tracking_description`, `tracking_location`, `tracking_at` and
 *   `expected_delivery` are what the store's carrier integration writes there.
 */

/** The category of a product in none. */
export const NO_CATEGORY = 'other';
export const GIFT_CARD_CATEGORY = 'gift-cards';
/** A variant Medusa does not count stock for is sold as long as it is listed: this many are offered. */
export const UNCOUNTED_STOCK = 99;
export const BRAND_TAG = 'brand';

const isCurrency = (code: string): code is CurrencyCode => (CURRENCY_CODES as readonly string[]).includes(code);

/** Medusa's amount (major units) in minor units; every currency Shopvoice speaks has two decimals. */
export function moneyOf(operation: string, amount: number, currencyCode: string): Money {
  const currency = currencyCode.toUpperCase();
  if (!isCurrency(currency)) throw new StoreDataError(operation, 'currency_code: not one Shopvoice speaks');
  const minor = Math.round(amount * 100);
  if (!Number.isSafeInteger(minor) || minor < 0) throw new StoreDataError(operation, 'amount: not a price');
  return { minor, currency };
}

export const attributeName = (name: string) => name.trim().toLowerCase().replace(/^colour$/, 'color');

const metadataText = (metadata: Readonly<Record<string, unknown>> | null | undefined, key: string): string | undefined => {
  const value = metadata?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

export function spokenNamesOf(metadata: Readonly<Record<string, unknown>> | null | undefined): Record<string, string> | undefined {
  const raw = metadata?.spoken_names;
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const names = Object.entries(parsed).flatMap(([locale, name]) =>
    /^[a-z]{2,3}-[A-Z]{2}$/.test(locale) && typeof name === 'string' && name.trim() !== '' ? [[locale, cutAtWord(name, MAX_SPOKEN_NAME_CHARS)]] : [],
  );
  return names.length > 0 ? Object.fromEntries(names) : undefined;
}

export const categoryOf = (handles: readonly { readonly handle: string }[] | null | undefined): string => {
  const handle = handles?.[0]?.handle.trim() ?? '';
  return handle === '' || handle.length > MAX_CATEGORY_CHARS ? NO_CATEGORY : handle;
};

const keepValue = (name: string, value: string) => value !== '' && value.length <= (name === 'size' ? MAX_SIZE_CHARS : MAX_ATTRIBUTE_VALUE_CHARS);

/** Options (but Medusa's placeholder "Default") and `name:value` tags as the ports' attributes; `brand:` is the brand, not an attribute. */
export function attributesOf(product: Pick<MedusaProduct, 'options' | 'tags'>): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  const add = (rawName: string, value: string) => {
    const name = attributeName(rawName);
    if (name === '' || name === BRAND_TAG || name.length > MAX_ATTRIBUTE_NAME_CHARS || !keepValue(name, value)) return;
    const values = (attributes[name] ??= []);
    if (!values.includes(value)) values.push(value);
  };
  for (const option of product.options ?? []) {
    if (option.title === 'Default') continue;
    for (const value of option.values ?? []) add(option.title, value.value.trim());
  }
  for (const tag of product.tags ?? []) {
    const colon = tag.value.indexOf(':');
    if (colon > 0) add(tag.value.slice(0, colon), tag.value.slice(colon + 1).trim());
  }
  return attributes;
}

export function brandOf(product: Pick<MedusaProduct, 'tags'>): string {
  const tag = (product.tags ?? []).find((candidate) => candidate.value.toLowerCase().startsWith(`${BRAND_TAG}:`));
  return cutAtWord(tag ? tag.value.slice(BRAND_TAG.length + 1).trim() : '', MAX_LABEL_CHARS);
}

/** Units a shopper can buy: they buy one variant, so the best-stocked one's (checkout checks the chosen one again). */
function stockOf(product: MedusaProduct): number {
  const counts = (product.variants ?? []).map((variant) =>
    variant.manage_inventory === false || variant.allow_backorder ? UNCOUNTED_STOCK : Math.max(0, Math.floor(variant.inventory_quantity ?? 0)),
  );
  return counts.length > 0 ? Math.max(...counts) : 0;
}

/** The product's price: its cheapest variant's in the store's region, as a shopper hears "from". */
export function priceOf(operation: string, product: MedusaProduct, fallbackCurrency: CurrencyCode): Money {
  const prices = (product.variants ?? []).flatMap((variant) => {
    const price = variant.calculated_price;
    return price?.calculated_amount != null ? [{ amount: price.calculated_amount, currency: price.currency_code ?? fallbackCurrency }] : [];
  });
  const cheapest = prices.sort((a, b) => a.amount - b.amount)[0];
  if (!cheapest) throw new StoreDataError(operation, 'variants.calculated_price: no price in the region');
  return moneyOf(operation, cheapest.amount, cheapest.currency);
}

export function productOf(operation: string, product: MedusaProduct, currency: CurrencyCode): Product {
  const restockOn = metadataText(product.metadata, 'restock_on');
  const spokenNames = spokenNamesOf(product.metadata);
  return {
    id: product.handle,
    sku: (product.variants?.[0]?.sku ?? '').slice(0, MAX_SKU_CHARS),
    name: cutAtWord(product.title, MAX_PRODUCT_NAME_CHARS),
    spokenName: cutAtWord(metadataText(product.metadata, 'spoken_name') ?? product.title, MAX_SPOKEN_NAME_CHARS),
    ...(spokenNames ? { spokenNames } : {}),
    brand: brandOf(product),
    category: categoryOf(product.categories),
    description: cutAtWord(product.description ?? '', MAX_DESCRIPTION_CHARS),
    attributes: attributesOf(product),
    price: priceOf(operation, product, currency),
    stock: stockOf(product),
    ...(restockOn && /^\d{4}-\d{2}-\d{2}$/.test(restockOn) ? { restockOn } : {}),
    ...(metadataText(product.metadata, 'final_sale') === 'true' ? { finalSale: true } : {}),
  };
}

function variantOf(item: MedusaOrderItem, detail: MedusaOrderDetail | undefined): LineVariant | undefined {
  const options = detail?.items?.find((candidate) => candidate.id === item.id)?.variant?.options ?? [];
  const variant: { color?: string; size?: string } = {};
  for (const option of options) {
    const name = attributeName(option.option?.title ?? '');
    if ((name === 'color' || name === 'size') && keepValue(name, option.value)) variant[name] = option.value;
  }
  return variant.color !== undefined || variant.size !== undefined ? variant : undefined;
}

function lineOf(operation: string, item: MedusaOrderItem, currency: string, detail: MedusaOrderDetail | undefined): OrderLine {
  const metadata = item.product?.metadata ?? detail?.items?.find((candidate) => candidate.id === item.id)?.product?.metadata;
  const spokenNames = spokenNamesOf(metadata);
  const variant = variantOf(item, detail);
  return {
    id: item.id,
    // A line whose product was deleted keeps its own id as the product's: nothing can be bought again by it.
    productId: item.product_handle ?? `line-${item.id}`,
    sku: (item.variant_sku ?? '').slice(0, MAX_SKU_CHARS),
    name: cutAtWord(item.title, MAX_PRODUCT_NAME_CHARS),
    spokenName: cutAtWord(metadataText(metadata, 'spoken_name') ?? item.title, MAX_SPOKEN_NAME_CHARS),
    ...(spokenNames ? { spokenNames } : {}),
    category: item.is_giftcard ? GIFT_CARD_CATEGORY : categoryOf(item.product?.categories ?? detail?.items?.find((candidate) => candidate.id === item.id)?.product?.categories),
    quantity: item.quantity,
    unitPrice: moneyOf(operation, item.unit_price, currency),
    ...(metadataText(metadata, 'final_sale') === 'true' ? { finalSale: true } : {}),
    ...(variant ? { variant } : {}),
  };
}

const isTrackingStatus = (value: string | undefined): value is TrackingStatus => (TRACKING_STATUSES as readonly string[]).includes(value ?? '');
const dateOf = (value: string | undefined) => {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

/**
 * A fulfillment as a package. Medusa knows when it shipped and when it was delivered; what the
 * carrier says in between is the fulfillment's metadata, where the store's carrier integration
 * keeps it. Without it, a shipped package is in transit and a delivered one delivered.
 */
function shipmentOf(fulfillment: NonNullable<MedusaStoreOrder['fulfillments']>[number], detail: MedusaOrderDetail | undefined): Shipment {
  const metadata = fulfillment.metadata;
  const full = detail?.fulfillments?.find((candidate) => candidate.id === fulfillment.id);
  const label = full?.labels?.find((candidate) => candidate.tracking_number);
  const shippedAt = dateOf(fulfillment.shipped_at ?? undefined);
  const deliveredAt = dateOf(fulfillment.delivered_at ?? undefined);
  const reported = metadataText(metadata, 'tracking_status');
  const status: TrackingStatus = deliveredAt ? 'Delivered' : isTrackingStatus(reported) ? reported : shippedAt ? 'InTransit' : 'InfoReceived';
  const events: TrackingEvent[] = [];
  const reportedAt = dateOf(metadataText(metadata, 'tracking_at'));
  if (deliveredAt) events.push({ at: deliveredAt, status: 'Delivered', description: metadataText(metadata, 'tracking_description') ?? '' });
  else if (reportedAt) {
    const location = metadataText(metadata, 'tracking_location');
    events.push({ at: reportedAt, status, description: cutAtWord(metadataText(metadata, 'tracking_description') ?? '', MAX_TRACKING_TEXT_CHARS), ...(location ? { location: cutAtWord(location, MAX_LABEL_CHARS) } : {}) });
  }
  if (shippedAt && !events.some((event) => event.at.getTime() === shippedAt.getTime())) events.push({ at: shippedAt, status: 'InTransit', description: '' });
  events.sort((a, b) => b.at.getTime() - a.at.getTime());
  const expectedOn = dateOf(metadataText(metadata, 'expected_delivery'));
  return {
    id: fulfillment.id,
    carrier: cutAtWord(metadataText(metadata, 'carrier') ?? carrierOfUrl(label?.tracking_url ?? undefined), MAX_LABEL_CHARS),
    trackingNumber: (label?.tracking_number ?? '').slice(0, 80),
    status,
    ...(shippedAt ? { shippedAt } : {}),
    ...(expectedOn ? { expectedOn } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
    lineIds: (full?.items ?? []).flatMap((item) => (item.line_item_id ? [item.line_item_id] : [])),
    events,
  };
}

/** A label from a carrier's tracking page names the carrier by its site. */
function carrierOfUrl(url: string | undefined): string {
  if (!url) return '';
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    const known: Readonly<Record<string, string>> = { 'ups.com': 'UPS', 'fedex.com': 'FedEx', 'usps.com': 'USPS', 'tools.usps.com': 'USPS', 'dhl.com': 'DHL' };
    return known[host] ?? '';
  } catch {
    return '';
  }
}

function stateOf(order: MedusaStoreOrder): OrderState {
  if (order.canceled_at || order.status === 'canceled') return 'cancelled';
  // Counted from the items: Medusa's fulfillment_status tells the furthest step any item reached
  // (partially_shipped also when the other items are not even packed), not whether all are fulfilled.
  const items = order.items ?? [];
  const fulfilled = items.reduce((sum, item) => sum + Math.min(item.quantity, item.detail?.fulfilled_quantity ?? 0), 0);
  const total = items.reduce((sum, item) => sum + item.quantity, 0);
  if (total > 0 && fulfilled >= total) return 'fulfilled';
  return fulfilled > 0 ? 'partially-fulfilled' : 'processing';
}

/** An order of the shopper's as the ports tell it; `detail` is what the Admin API added (labels, package contents, variants). */
/**
 * An order's items in the order they were added, which is how a shopper lists them; Medusa gives
 * them in no promised order.
 */
function inAddedOrder(items: readonly MedusaOrderItem[]): MedusaOrderItem[] {
  const added = (item: MedusaOrderItem) => (item.created_at ? Date.parse(item.created_at) : 0);
  return [...items].sort((a, b) => added(a) - added(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function orderOf(operation: string, shopperId: string, order: MedusaStoreOrder, detail: MedusaOrderDetail | undefined): Order {
  return {
    number: String(order.display_id),
    shopperId,
    placedAt: new Date(order.created_at),
    state: stateOf(order),
    total: moneyOf(operation, order.total, order.currency_code),
    lines: inAddedOrder(order.items ?? []).map((item) => lineOf(operation, item, order.currency_code, detail)),
    shipments: (order.fulfillments ?? []).filter((fulfillment) => !fulfillment.canceled_at && fulfillment.shipped_at).map((fulfillment) => shipmentOf(fulfillment, detail)),
  };
}
