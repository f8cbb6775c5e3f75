import type {
  CurrencyCode,
  HandoffTicket,
  LineVariant,
  OrderLine,
  Product,
  Shopper,
  TrackingEvent,
  TrackingStatus,
} from '../ports';
import { CURRENCY_CODES, TRACKING_STATUSES } from '../ports';

/** Row shapes exactly as the SQL in this folder selects them, and their mapping to the ports' types. */

export interface ShopperRow {
  readonly id: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly locale: string;
  readonly address_line1: string | null;
  readonly address_city: string | null;
  readonly address_region: string | null;
  readonly address_postal_code: string | null;
  readonly address_country: string | null;
  readonly payment_brand: string | null;
  readonly payment_last4: string | null;
}

export interface ProductRow {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly spoken_name: string;
  /** JSON object locale → spoken name (see SPOKEN_NAMES_OF), or null where not selected. */
  readonly spoken_names?: string | null;
  readonly brand: string;
  readonly category: string;
  readonly description: string;
  readonly price_minor: number;
  readonly currency: string;
  readonly stock: number;
  readonly restock_on: string | null;
  readonly final_sale: number;
  readonly attributes: string;
}

export interface OrderRow {
  readonly number: string;
  readonly shopper_id: string;
  readonly placed_at: number;
  readonly cancelled_at: number | null;
  readonly currency: string;
  readonly total_minor: number;
}

export interface OrderLineRow {
  readonly id: string;
  readonly order_number: string;
  readonly product_id: string;
  readonly sku: string;
  readonly name: string;
  readonly spoken_name: string;
  readonly spoken_names?: string | null;
  readonly category: string;
  readonly quantity: number;
  readonly unit_price_minor: number;
  readonly currency: string;
  readonly final_sale: number;
  /** JSON object: { color?, size? }. */
  readonly variant: string;
}

export interface ShipmentRow {
  readonly id: string;
  readonly order_number: string;
  readonly carrier: string;
  readonly tracking_number: string;
  readonly status: string;
  readonly shipped_at: number | null;
  readonly expected_on: number | null;
  readonly delivered_at: number | null;
  /** JSON array of line ids, in line order. */
  readonly line_ids: string;
}

export interface TrackingEventRow {
  readonly shipment_id: string;
  readonly at: number;
  readonly status: string;
  readonly description: string;
  readonly location: string | null;
}

export interface HandoffRow {
  readonly reference: string;
  readonly created_at: number;
}

const CURRENCIES: ReadonlySet<string> = new Set<CurrencyCode>(CURRENCY_CODES);
const KNOWN_TRACKING_STATUSES: ReadonlySet<string> = new Set<TrackingStatus>(TRACKING_STATUSES);

export function toCurrency(value: string): CurrencyCode {
  if (!CURRENCIES.has(value)) throw new Error(`Unknown currency in store: ${value}`);
  return value as CurrencyCode;
}

export function toTrackingStatus(value: string): TrackingStatus {
  if (!KNOWN_TRACKING_STATUSES.has(value)) throw new Error(`Unknown tracking status in store: ${value}`);
  return value as TrackingStatus;
}

export function toAttributes(json: string): Readonly<Record<string, readonly string[]>> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('Product attributes must be a JSON object');
  }
  const attributes: Record<string, readonly string[]> = {};
  for (const [name, values] of Object.entries(parsed)) {
    if (!Array.isArray(values) || !values.every((value): value is string => typeof value === 'string')) {
      throw new Error(`Product attribute ${name} must be a list of strings`);
    }
    attributes[name] = values;
  }
  return attributes;
}

export function toStringList(json: string): readonly string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error('Expected a JSON array');
  return parsed.filter((value): value is string => typeof value === 'string');
}

export function toDate(ms: number): Date {
  return new Date(ms);
}

export function toOptionalDate(ms: number | null): Date | undefined {
  return ms === null ? undefined : new Date(ms);
}

export function toShopper(row: ShopperRow): Shopper {
  const {
    address_line1: line1,
    address_city: city,
    address_region: region,
    address_postal_code: postalCode,
    address_country: country,
    payment_brand: brand,
    payment_last4: last4,
  } = row;
  const hasAddress = line1 !== null && city !== null && region !== null && postalCode !== null && country !== null;
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    locale: row.locale,
    ...(row.phone !== null ? { phone: row.phone } : {}),
    ...(hasAddress ? { defaultAddress: { line1, city, region, postalCode, country } } : {}),
    ...(brand !== null && last4 !== null ? { defaultPayment: { brand, last4 } } : {}),
  };
}

/** A column that reads a product's spoken names per locale as one JSON object; `productId` names the product's id column. */
export function spokenNamesOf(productId: string): string {
  return `(SELECT json_group_object(n.locale, n.spoken_name) FROM product_spoken_names n WHERE n.product_id = ${productId}) AS spoken_names`;
}

function toSpokenNames(json: string | null | undefined): { spokenNames?: Readonly<Record<string, string>> } {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  const names = Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return Object.keys(names).length > 0 ? { spokenNames: names } : {};
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    spokenName: row.spoken_name,
    ...toSpokenNames(row.spoken_names),
    brand: row.brand,
    category: row.category,
    description: row.description,
    attributes: toAttributes(row.attributes),
    price: { minor: row.price_minor, currency: toCurrency(row.currency) },
    stock: row.stock,
    ...(row.restock_on !== null ? { restockOn: row.restock_on } : {}),
    ...(row.final_sale === 1 ? { finalSale: true } : {}),
  };
}

/** The variant's known, non-empty fields; undefined when the store recorded none. */
export function toVariant(json: string): LineVariant | undefined {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { color, size } = parsed as Record<string, unknown>;
  const variant = {
    ...(typeof color === 'string' && color !== '' ? { color } : {}),
    ...(typeof size === 'string' && size !== '' ? { size } : {}),
  };
  return Object.keys(variant).length > 0 ? variant : undefined;
}

export function toOrderLine(row: OrderLineRow): OrderLine {
  const variant = toVariant(row.variant);
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    spokenName: row.spoken_name,
    ...toSpokenNames(row.spoken_names),
    category: row.category,
    quantity: row.quantity,
    unitPrice: { minor: row.unit_price_minor, currency: toCurrency(row.currency) },
    ...(row.final_sale === 1 ? { finalSale: true } : {}),
    ...(variant ? { variant } : {}),
  };
}

export function toTrackingEvent(row: TrackingEventRow): TrackingEvent {
  return {
    at: toDate(row.at),
    status: toTrackingStatus(row.status),
    description: row.description,
    ...(row.location !== null ? { location: row.location } : {}),
  };
}

export function toHandoffTicket(row: HandoffRow): HandoffTicket {
  return { reference: row.reference, createdAt: toDate(row.created_at) };
}
