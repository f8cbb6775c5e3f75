import { DEMO_PRODUCTS } from '../../lambda/commerce/sqlite/demo-catalog';
import { DEMO_SHOPPER_PROFILES } from '../../lambda/commerce/sqlite/demo-shoppers';
import { DEMO_CATALOG_TERMS } from '../../lambda/commerce/sqlite/demo-vocabulary';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import type { CurrencyCode, Order, Product } from '../../lambda/commerce/ports';

/**
 * What the Medusa seed script (server/seed-demo.js) writes, as plain JSON: the embedded demo store,
 * laid out around the same "now", read through its own ports. So every fact a shopper hears over
 * Medusa (names, prices, stock, orders, packages, days) is the one the embedded store tells.
 */
export interface MedusaSeedPlan {
  readonly currency: string;
  readonly products: readonly PlannedProduct[];
  readonly customers: readonly PlannedCustomer[];
  readonly orders: readonly PlannedOrder[];
  /** The words shoppers use, per locale: kept in the metadata (`terms`) of categories (by handle) and tags (by `name:value`). */
  readonly terms: { readonly categories: Readonly<Record<string, Record<string, readonly string[]>>>; readonly tags: Readonly<Record<string, Record<string, readonly string[]>>> };
}

export interface PlannedProduct {
  /** The demo id, which becomes the product's handle. */
  readonly handle: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly sku: string;
  /** Major units, as Medusa v2 keeps prices. */
  readonly price: number;
  /** Variant options: only color and size; every other attribute is a `name:value` tag. */
  readonly options: readonly { readonly title: 'Color' | 'Size'; readonly values: readonly string[] }[];
  readonly tags: readonly string[];
  readonly stock: number;
  /** Product metadata the adapter reads: spoken names, restock day, final sale. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The option values of the variant the demo shoppers bought. */
  readonly bought: Readonly<Record<string, string>>;
}

export interface PlannedCustomer {
  readonly demoId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone?: string;
  readonly locale: string;
  readonly address?: { readonly address_1: string; readonly city: string; readonly province: string; readonly postal_code: string; readonly country_code: string };
}

export interface PlannedShipment {
  readonly lines: readonly number[];
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shippedAt: string;
  readonly deliveredAt?: string;
  /** Fulfillment metadata: what a carrier integration would write on the fulfillment. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PlannedOrder {
  readonly displayId: number;
  readonly customer: string;
  readonly placedAt: string;
  readonly cancelledAt?: string;
  readonly lines: readonly { readonly handle: string; readonly quantity: number }[];
  readonly shipments: readonly PlannedShipment[];
}

const TRACKING_URLS: Readonly<Record<string, string>> = {
  UPS: 'https://www.ups.com/track?tracknum=',
  FedEx: 'https://www.fedex.com/fedextrack/?trknbr=',
  USPS: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  DHL: 'https://www.dhl.com/us-en/home/tracking.html?tracking-id=',
};

export const trackingUrlFor = (carrier: string, number: string) => `${TRACKING_URLS[carrier] ?? 'https://track.example/?n='}${encodeURIComponent(number)}`;

function productPlan(product: Product, bought: Readonly<Record<string, string>>): PlannedProduct {
  const options: { title: 'Color' | 'Size'; values: readonly string[] }[] = [];
  const tags: string[] = [`brand:${product.brand}`];
  for (const [name, values] of Object.entries(product.attributes)) {
    if (name === 'color') options.push({ title: 'Color', values });
    else if (name === 'size') options.push({ title: 'Size', values });
    else for (const value of values) tags.push(`${name}:${value}`);
  }
  return {
    handle: product.id,
    title: product.name,
    description: product.description,
    category: product.category,
    sku: product.sku,
    price: product.price.minor / 100,
    options,
    tags,
    stock: product.stock,
    metadata: {
      spoken_name: product.spokenName,
      ...(product.spokenNames ? { spoken_names: JSON.stringify(product.spokenNames) } : {}),
      ...(product.restockOn ? { restock_on: product.restockOn } : {}),
      ...(product.finalSale ? { final_sale: 'true' } : {}),
    },
    bought,
  };
}

function orderPlan(order: Order, customer: string): PlannedOrder {
  const position = new Map(order.lines.map((line, index) => [line.id, index + 1]));
  return {
    displayId: Number(order.number),
    customer,
    placedAt: order.placedAt.toISOString(),
    ...(order.state === 'cancelled' ? { cancelledAt: new Date(order.placedAt.getTime() + 20 * 60_000).toISOString() } : {}),
    lines: order.lines.map((line) => ({ handle: line.productId, quantity: line.quantity })),
    shipments: order.shipments.map((shipment) => {
      const latest = shipment.events[0];
      return {
        lines: shipment.lineIds.map((id) => position.get(id) ?? 1),
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        shippedAt: (shipment.shippedAt ?? order.placedAt).toISOString(),
        ...(shipment.status === 'Delivered' && shipment.deliveredAt ? { deliveredAt: shipment.deliveredAt.toISOString() } : {}),
        metadata: {
          carrier: shipment.carrier,
          tracking_status: shipment.status,
          ...(shipment.expectedOn ? { expected_delivery: shipment.expectedOn.toISOString() } : {}),
          ...(latest ? { tracking_description: latest.description, tracking_at: latest.at.toISOString() } : {}),
          ...(latest?.location ? { tracking_location: latest.location } : {}),
        },
      };
    }),
  };
}

/** The demo store as it stands at `now`, ready for Medusa. */
export async function buildMedusaSeedPlan(now: Date, currency: CurrencyCode = 'USD'): Promise<MedusaSeedPlan> {
  const embedded = openEmbeddedStore(':memory:', { now, currency });
  try {
    const { store } = embedded;
    const orders: PlannedOrder[] = [];
    const boughtVariants = new Map<string, Record<string, string>>();
    for (const shopper of DEMO_SHOPPER_PROFILES) {
      for (const order of await store.orders.listForShopper(shopper.id, { limit: 100 })) {
        orders.push(orderPlan(order, shopper.id));
        for (const line of order.lines) if (line.variant) boughtVariants.set(line.productId, { ...line.variant });
      }
    }
    const products: PlannedProduct[] = [];
    for (const demo of DEMO_PRODUCTS) {
      const product = await store.catalog.findById(demo.id);
      if (product) products.push(productPlan(product, boughtVariants.get(demo.id) ?? {}));
    }
    const customers = DEMO_SHOPPER_PROFILES.map((shopper): PlannedCustomer => ({
      demoId: shopper.id,
      email: shopper.email,
      firstName: shopper.givenName,
      lastName: shopper.familyName,
      ...(shopper.phone ? { phone: shopper.phone } : {}),
      locale: shopper.locale,
      ...(shopper.defaultAddress
        ? {
            address: {
              address_1: shopper.defaultAddress.line1,
              city: shopper.defaultAddress.city,
              province: shopper.defaultAddress.region,
              postal_code: shopper.defaultAddress.postalCode,
              country_code: shopper.defaultAddress.country.toLowerCase(),
            },
          }
        : {}),
    }));
    orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt));
    const terms: { categories: Record<string, Record<string, readonly string[]>>; tags: Record<string, Record<string, readonly string[]>> } = { categories: {}, tags: {} };
    for (const [locale, words] of Object.entries(DEMO_CATALOG_TERMS)) {
      for (const [category, list] of Object.entries(words.categories)) (terms.categories[category] ??= {})[locale] = list;
      for (const [tag, list] of Object.entries(words.attributeValues)) (terms.tags[tag] ??= {})[locale] = list;
    }
    return { currency: currency.toLowerCase(), products, customers, orders, terms };
  } finally {
    embedded.close();
  }
}
