import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DocumentNode, execute, type GraphQLSchema, parse, validate } from 'graphql';
import type { AccessTokenVerifier } from '../../lambda/auth/access-token-verifier';
import type { ShopifySource } from '../../lambda/config';
import { SHOPIFY_API_VERSION } from '../../lambda/config';
import { EMPTY_QUERY, type ProductQuery } from '../../lambda/commerce/product-query';
import { evaluateReturn, type Ineligibility } from '../../lambda/commerce/return-policy';
import { type Money, type Order, type Product, RETURN_REASONS, type ReturnReason, type Shipment, type StoreCommerce, type TrackingStatus } from '../../lambda/commerce/ports';
import { createShopifyAccessTokenVerifier, createShopifyStoreCommerce } from '../../lambda/commerce/shopify/shopify-store-commerce';
import type { EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { LOCALES } from '../../lambda/speech/i18n';
import { calendarDayIn, isoDay } from '../../lambda/understanding/calendar';
import { shopifySchema } from './shopify-schemas';
import type { StoreTraits } from './store-traits';

/**
 * A local stand-in for a Shopify store: graphql-js executes the adapter's real documents against
 * Shopify's real schemas (shopify-schemas.ts), with resolvers over the demo store, so the data is
 * the demo's in Shopify's shapes (global ids, Decimal prices, fulfillments and their events,
 * return information, carts) and a conversation over it can be checked against the demo store.
 * Global ids carry the demo's own ids ("gid://shopify/Customer/shopper-ava") where a real store's
 * are numbers, so tests can compare what the skill said with the demo store.
 *
 * Customer Account API tokens are opaque, issued here per shopper with a lifetime, and checked on
 * every call as Shopify does; the Storefront API wants the private token.
 */

export interface ShopifyStoreServer {
  /** The store's ports through the Shopify adapter, pointed at this server. */
  readonly store: StoreCommerce;
  /** Checks Customer Account tokens against this server, as the app does with Shopify. */
  readonly accessTokens: AccessTokenVerifier;
  /** A Customer Account API token for a demo shopper: a time span such as "1h" or "-5m", or seconds. */
  token(shopperId: string, expiresIn?: string | number): string;
  /** Carts made by cartCreate, newest last. */
  readonly carts: readonly CartMade[];
  /** How many GraphQL requests each API served, by operation name. */
  readonly requests: Map<string, number>;
  readonly baseUrl: Promise<string>;
  close(): void;
}

/** One line of a cart cartCreate made: the variant asked for, and what it is in the demo store's words. */
export interface CartLineMade {
  readonly merchandiseId: string;
  readonly quantity: number;
  readonly productId: string;
  /** The variant's options by lower-case name ({ color: 'charcoal', size: 'M' }); empty for a product without options. */
  readonly options: Readonly<Record<string, string>>;
  readonly unitPriceMinor: number;
}

/** A cart made by cartCreate, with the buyer its Customer Account token named. */
export interface CartMade {
  readonly id: string;
  readonly checkoutUrl: string;
  readonly lines: readonly CartLineMade[];
  readonly buyerToken?: string;
  readonly shopperId?: string;
}

export interface ShopifyStoreServerOptions {
  /** "Now" for what Shopify judges by time (return windows): the demo store's. */
  readonly now: () => Date;
  readonly timeZone?: string;
}

/** How Shopify names the nth return of an order: "#1001-R1", after the order's name "#1001". */
export function returnName(orderNumber: string, nth: number): string {
  return `#${orderNumber}-R${nth}`;
}

/**
 * What Shopify's shopper-facing APIs tell, where stores differ: no saved card, no carrier's words on
 * a fulfillment event, returns requested for the store to approve, and every search match counted.
 */
export const SHOPIFY_TRAITS: Omit<StoreTraits, 'checkout'> = { savedCards: false, carrierWords: false, returnRequests: true, countsEveryMatch: true, returnsNamedByOrder: true, returnConditions: false, labelFromStore: false };

const STOREFRONT_TOKEN = 'shpat-test-storefront-private-token';
/** More products than the demo catalog and any test's additions hold. */
const EVERY_MATCH = 10_000;
const STOREFRONT_PATH = `/api/${SHOPIFY_API_VERSION}/graphql.json`;
const CUSTOMER_PATH = `/customer/api/${SHOPIFY_API_VERSION}/graphql`;

const gid = (type: string, id: string) => `gid://shopify/${type}/${encodeURIComponent(id)}`;
const ownOf = (globalId: string) => decodeURIComponent(globalId.split('/').pop() ?? '');
const decimal = (money: Money) => ({ amount: (money.minor / 100).toFixed(2), currencyCode: money.currency });

/** The demo's carrier statuses as Shopify's fulfillment event statuses. */
const EVENT_STATUS: Readonly<Record<TrackingStatus, string>> = {
  Pending: 'CONFIRMED',
  InfoReceived: 'LABEL_PURCHASED',
  InTransit: 'IN_TRANSIT',
  OutForDelivery: 'OUT_FOR_DELIVERY',
  AttemptFail: 'ATTEMPTED_DELIVERY',
  Delivered: 'DELIVERED',
  AvailableForPickup: 'READY_FOR_PICKUP',
  Exception: 'FAILURE',
  Expired: 'FAILURE',
};

/** Why the demo's policy refuses a line, as Shopify's non-returnable reasons (a category never taken back is marked final sale on Shopify). */
const NON_RETURNABLE: Readonly<Record<Ineligibility, string>> = {
  cancelled: 'OTHER',
  'gift-card': 'FINAL_SALE',
  'personal-item': 'FINAL_SALE',
  'final-sale': 'FINAL_SALE',
  'not-delivered': 'UNFULFILLED',
  'already-returned': 'RETURNED',
  'window-closed': 'RETURN_WINDOW_EXPIRED',
};

/** The store's return reason library: one definition per reason, "damaged" under Shopify's own handle. */
const REASON_DEFINITIONS = RETURN_REASONS.map((reason) => ({ id: gid('ReturnReasonDefinition', reason), handle: reason === 'damaged' ? 'defective' : reason, name: reason, deleted: false }));
const reasonOfDefinition = (id: string | undefined): ReturnReason => (RETURN_REASONS as readonly string[]).includes(ownOf(id ?? '')) ? (ownOf(id!) as ReturnReason) : 'other';

const OPTION_ATTRIBUTES = [
  ['color', 'Color'],
  ['size', 'Size'],
] as const;

/**
 * Where a package waiting for pickup is, as Shopify's PickupAddress: the demo's "Lakeview Post Office,
 * 1343 West Irving Park Road, Chicago" has its street and city; the place's own name has no field.
 */
function pickupAddressOf(shipment: Shipment): { address1: string; city: string | null } | null {
  const location = shipment.status === 'AvailableForPickup' ? shipment.events.find((event) => event.status === 'AvailableForPickup')?.location : undefined;
  if (!location) return null;
  const parts = location.split(',').map((part) => part.trim());
  const city = parts.length > 1 ? parts.pop()! : null;
  return { address1: parts.length > 1 ? parts.slice(1).join(', ') : parts[0]!, city };
}

/** A product's options as Shopify has them: Color and Size, from the demo's attributes of those names. */
function optionsOf(product: Product): { name: string; values: readonly string[] }[] {
  return OPTION_ATTRIBUTES.flatMap(([attribute, name]) => {
    const values = product.attributes[attribute] ?? [];
    return values.length > 0 ? [{ name, values }] : [];
  });
}

/** One variant per combination of option values (a product without options has Shopify's "Default Title" one), each with the product's price and stock. */
function variantsOf(product: Product) {
  const combinations = optionsOf(product).reduce<{ name: string; value: string }[][]>(
    (rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, { name: option.name, value }])),
    [[]],
  );
  return combinations.map((selectedOptions, index) => ({
    id: gid('ProductVariant', `${product.id}-${index}`),
    sku: product.sku,
    availableForSale: product.stock > 0,
    quantityAvailable: product.stock,
    price: decimal(product.price),
    selectedOptions: selectedOptions.length > 0 ? selectedOptions : [{ name: 'Title', value: 'Default Title' }],
    title: selectedOptions.map((option) => option.value).join(' / ') || 'Default Title',
  }));
}

/**
 * A document parsed and validated against the schema, as Shopify does before it runs one; kept per
 * schema and text, since the adapter sends the same few documents again and again.
 */
const checkedDocuments = new WeakMap<GraphQLSchema, Map<string, { document: DocumentNode } | { errors: { message: string }[] }>>();
function checkedDocument(schema: GraphQLSchema, source: string): { document: DocumentNode } | { errors: { message: string }[] } {
  const bySource = checkedDocuments.get(schema) ?? new Map();
  checkedDocuments.set(schema, bySource);
  let checked = bySource.get(source);
  if (!checked) {
    try {
      const document = parse(source);
      const errors = validate(schema, document);
      checked = errors.length > 0 ? { errors: errors.map((error) => ({ message: error.message })) } : { document };
    } catch (error) {
      checked = { errors: [{ message: String(error) }] };
    }
    bySource.set(source, checked);
  }
  return checked;
}

function connection<T>(items: readonly T[], args: { first?: number; after?: string }): { nodes: T[]; edges: { cursor: string; node: T }[]; pageInfo: object } {
  const start = args.after ? Number(args.after.replace(/^c/, '')) + 1 : 0;
  const page = items.slice(start, start + (args.first ?? items.length));
  const edges = page.map((node, index) => ({ cursor: `c${start + index}`, node }));
  return {
    nodes: page,
    edges,
    pageInfo: { hasNextPage: start + page.length < items.length, hasPreviousPage: start > 0, endCursor: edges.at(-1)?.cursor ?? null, startCursor: edges[0]?.cursor ?? null },
  };
}

/** Milliseconds in "1h", "-5m", "30s", "7d"; a number is seconds. */
function lifetimeMs(expiresIn: string | number): number {
  if (typeof expiresIn === 'number') return expiresIn * 1000;
  const match = /^(-?\d+)\s*([smhd])$/.exec(expiresIn.trim());
  if (!match) throw new Error(`shopify test server: a lifetime like 1h or -5m, not "${expiresIn}"`);
  return Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

export function serveShopifyOnLoopback(embedded: EmbeddedStore, options: ShopifyStoreServerOptions): ShopifyStoreServer {
  const demo = embedded.store;
  // Built once per test file, here rather than inside the first turn, whose store calls have a deadline.
  shopifySchema('storefront');
  shopifySchema('customer-account');
  const timeZone = options.timeZone ?? 'America/New_York';
  const tokens = new Map<string, { shopperId: string; expiresAt: number }>();
  const carts: CartMade[] = [];
  const requests = new Map<string, number>();

  // --- Storefront ---------------------------------------------------------------------------------

  function productNode(product: Product) {
    const options = optionsOf(product);
    const tags = Object.entries(product.attributes)
      .filter(([name]) => !OPTION_ATTRIBUTES.some(([attribute]) => attribute === name))
      .flatMap(([name, values]) => values.map((value) => `${name}:${value}`));
    if (product.finalSale) tags.push('final-sale');
    const metafields: Record<string, string> = { spoken_name: product.spokenName };
    if (product.spokenNames) metafields.spoken_names = JSON.stringify(product.spokenNames);
    if (product.restockOn) metafields.restock_on = product.restockOn;
    return {
      __typename: 'Product',
      id: gid('Product', product.id),
      title: product.name,
      vendor: product.brand,
      productType: product.category,
      tags,
      description: ({ truncateAt }: { truncateAt?: number }) => (truncateAt ? product.description.slice(0, truncateAt) : product.description),
      availableForSale: product.stock > 0,
      priceRange: { minVariantPrice: decimal(product.price), maxVariantPrice: decimal(product.price) },
      options: () =>
        options.length > 0
          ? options.map((option) => ({ name: option.name, optionValues: option.values.map((value) => ({ name: value })) }))
          : [{ name: 'Title', optionValues: [{ name: 'Default Title' }] }],
      // Made when asked for: the catalog's pages ask for none.
      variants: (args: { first?: number; after?: string }) => connection(variantsOf(product), args),
      metafields: ({ identifiers }: { identifiers: { namespace?: string; key: string }[] }) =>
        identifiers.map(({ namespace, key }) => (namespace === 'shopvoice' && metafields[key] !== undefined ? { key, value: metafields[key] } : null)),
    };
  }

  /** Shopify's product filters back into the demo store's query: filters of one kind widen, kinds narrow; only what the adapter sends is read. */
  function queryOf(text: string, filters: Record<string, any>[] = []): ProductQuery {
    const attributes: Record<string, string[]> = {};
    let category: string | undefined;
    let brand: string | undefined;
    const price: { minMinor?: number; maxMinor?: number } = {};
    for (const filter of filters) {
      if (filter.productType) category = filter.productType;
      if (filter.productVendor) brand = filter.productVendor;
      if (filter.variantOption) (attributes[String(filter.variantOption.name).toLowerCase()] ??= []).push(filter.variantOption.value);
      if (filter.tag) {
        const [name, ...value] = String(filter.tag).split(':');
        (attributes[name!] ??= []).push(value.join(':'));
      }
      if (filter.price) {
        if (filter.price.min !== undefined && filter.price.min !== null && filter.price.min > 0) price.minMinor = Math.round(filter.price.min * 100);
        if (filter.price.max !== undefined && filter.price.max !== null) price.maxMinor = Math.round(filter.price.max * 100);
      }
    }
    return { ...EMPTY_QUERY, ...(category ? { category } : {}), ...(brand ? { brand } : {}), attributes, words: text.split(/\s+/).filter((word) => word !== ''), price };
  }

  async function allProducts(): Promise<Product[]> {
    return [...(await demo.catalog.search(EMPTY_QUERY, { offset: 0, limit: 10_000 })).products];
  }

  async function vocabularyMetafield(): Promise<string> {
    const byLocale: Record<string, { categories: Record<string, string[]>; attributeValues: Record<string, string[]> }> = {};
    for (const locale of LOCALES) {
      const vocabulary = await demo.catalog.vocabulary(locale);
      byLocale[locale] = {
        // The vocabulary leads with the id and the value themselves; the store's own words follow.
        categories: Object.fromEntries(vocabulary.categories.map((category) => [category.id, category.terms.slice(1, 21)])),
        attributeValues: Object.fromEntries(vocabulary.attributes.map((entry) => [`${entry.name}:${entry.value}`, entry.terms.slice(1, 21)])),
      };
    }
    return JSON.stringify(byLocale);
  }

  const storefrontRoot = {
    product: async ({ id }: { id: string }) => {
      const product = await demo.catalog.findById(ownOf(id));
      return product ? productNode(product) : null;
    },
    nodes: async ({ ids }: { ids: string[] }) =>
      Promise.all(ids.map(async (id) => (id.includes('/Product/') ? ((product) => (product ? productNode(product) : null))(await demo.catalog.findById(ownOf(id))) : null))),
    search: async (args: { query: string; productFilters?: Record<string, any>[]; first?: number; sortKey?: string }) => {
      const query = { ...queryOf(args.query, args.productFilters), cheapestFirst: args.sortKey === 'PRICE' };
      const page = await demo.catalog.search(query, { offset: 0, limit: args.first ?? 10 });
      // Shopify's totalCount is every match; the demo store stops counting past 100, so count them all then.
      const totalCount = page.moreThanTotal ? (await demo.catalog.search(query, { offset: 0, limit: EVERY_MATCH })).total : page.total;
      return { totalCount, nodes: page.products.map(productNode), edges: [], pageInfo: {}, productFilters: [] };
    },
    products: async (args: { first?: number; after?: string }) => connection((await allProducts()).map(productNode), args),
    shop: () => ({
      metafield: async ({ namespace, key }: { namespace?: string; key: string }) => (namespace === 'shopvoice' && key === 'vocabulary' ? { value: await vocabularyMetafield() } : null),
    }),
    // The shop's currency: the demo store's, which prices every product in it.
    localization: async () => ({ country: { currency: { isoCode: (await demo.catalog.search(EMPTY_QUERY, { offset: 0, limit: 1 })).products[0]?.price.currency ?? 'USD' } } }),
    cartCreate: async ({ input }: { input: { lines?: { merchandiseId: string; quantity?: number }[]; buyerIdentity?: { customerAccessToken?: string } } }) => {
      let total: Money | undefined;
      const lines: CartLineMade[] = [];
      const cartLines: object[] = [];
      for (const { merchandiseId, quantity = 1 } of input.lines ?? []) {
        const product = await demo.catalog.findById(ownOf(merchandiseId).replace(/-\d+$/, ''));
        const variant = product && variantsOf(product).find((candidate) => candidate.id === merchandiseId);
        if (!product || !variant) return { cart: null, userErrors: [{ code: 'INVALID_MERCHANDISE_LINE', field: ['input', 'lines'], message: 'The merchandise line is invalid.' }], warnings: [] };
        total = { minor: (total?.minor ?? 0) + product.price.minor * quantity, currency: product.price.currency };
        const options = Object.fromEntries(variant.selectedOptions.filter((option) => option.name !== 'Title').map((option) => [option.name.toLowerCase(), option.value]));
        lines.push({ merchandiseId, quantity, productId: product.id, options, unitPriceMinor: product.price.minor });
        cartLines.push({ __typename: 'CartLine', quantity, merchandise: { __typename: 'ProductVariant', id: merchandiseId, price: variant.price } });
      }
      const id = `cart-${randomBytes(6).toString('hex')}`;
      const checkoutUrl = `https://northwind-outfitters.myshopify.com/cart/c/${id}?key=${randomBytes(4).toString('hex')}`;
      const buyerToken = input.buyerIdentity?.customerAccessToken;
      const buyer = buyerToken ? tokens.get(buyerToken)?.shopperId : undefined;
      carts.push({ id, checkoutUrl, lines, ...(buyerToken ? { buyerToken } : {}), ...(buyer ? { shopperId: buyer } : {}) });
      return {
        cart: {
          id: gid('Cart', id),
          checkoutUrl,
          cost: { totalAmount: decimal(total ?? { minor: 0, currency: 'USD' }) },
          lines: (args: { first?: number }) => connection(cartLines, args),
        },
        userErrors: [],
        warnings: [],
      };
    },
  };

  // --- Customer Account ---------------------------------------------------------------------------

  const fulfillmentStatusOf = (order: Order) =>
    order.state === 'fulfilled' ? 'FULFILLED' : order.state === 'partially-fulfilled' ? 'PARTIALLY_FULFILLED' : 'UNFULFILLED';

  function fulfillmentNode(order: Order, shipment: Shipment) {
    const events = shipment.events.map((event) => ({ happenedAt: event.at.toISOString(), status: EVENT_STATUS[event.status] }));
    if (shipment.deliveredAt && !shipment.events.some((event) => event.status === 'Delivered')) {
      events.unshift({ happenedAt: shipment.deliveredAt.toISOString(), status: 'DELIVERED' });
    }
    return {
      id: gid('Fulfillment', shipment.id),
      createdAt: (shipment.shippedAt ?? order.placedAt).toISOString(),
      status: 'SUCCESS',
      estimatedDeliveryAt: shipment.expectedOn?.toISOString() ?? null,
      latestShipmentStatus: EVENT_STATUS[shipment.status],
      trackingInformation: [{ company: shipment.carrier, number: shipment.trackingNumber, url: null }],
      pickupAddress: pickupAddressOf(shipment),
      fulfillmentLineItems: (args: { first?: number }) => connection(shipment.lineIds.map((lineId) => ({ id: gid('FulfillmentLineItem', lineId), lineItem: { id: gid('LineItem', lineId) } })), args),
      events: (args: { first?: number; reverse?: boolean }) =>
        connection(
          [...events].sort((a, b) => (args.reverse ? b.happenedAt.localeCompare(a.happenedAt) : a.happenedAt.localeCompare(b.happenedAt))).map((event, index) => ({ id: gid('FulfillmentEvent', `${shipment.id}-${index}`), ...event })),
          args,
        ),
    };
  }

  async function orderNode(shopperId: string, order: Order) {
    const [policy, returned] = await Promise.all([demo.returns.policy(), demo.returns.returnedUnits(order.number)]);
    const today = isoDay(calendarDayIn(options.now(), timeZone));
    const verdicts = order.lines.map((line) => {
      const shipment = order.shipments.find((candidate) => candidate.lineIds.includes(line.id) && candidate.deliveredAt);
      const verdict = evaluateReturn(
        policy,
        {
          category: line.category,
          finalSale: line.finalSale === true,
          orderCancelled: order.state === 'cancelled',
          quantity: line.quantity,
          returnedQuantity: returned.get(line.id) ?? 0,
          ...(shipment?.deliveredAt ? { deliveredOn: isoDay(calendarDayIn(shipment.deliveredAt, timeZone)) } : {}),
        },
        today,
      );
      return { line, verdict };
    });
    const returns = embedded.db
      .prepare<[string], { number: string; line_id: string; quantity: number; created_at: number }>('SELECT number, line_id, quantity, created_at FROM returns WHERE order_number = ? ORDER BY id')
      .all(order.number);
    return {
      id: gid('Order', order.number),
      number: Number(order.number),
      name: `#${order.number}`,
      processedAt: order.placedAt.toISOString(),
      cancelledAt: order.state === 'cancelled' ? order.placedAt.toISOString() : null,
      fulfillmentStatus: fulfillmentStatusOf(order),
      totalPrice: decimal(order.total),
      customerLocale: null,
      lineItems: (args: { first?: number }) =>
        connection(
          order.lines.map((line) => ({
            id: gid('LineItem', line.id),
            title: line.name,
            productId: gid('Product', line.productId),
            productType: line.category,
            quantity: line.quantity,
            sku: line.sku,
            giftCard: line.category === 'gift-cards',
            price: decimal(line.unitPrice),
            variantOptions: [
              ...(line.variant?.color ? [{ name: 'Color', value: line.variant.color }] : []),
              ...(line.variant?.size ? [{ name: 'Size', value: line.variant.size }] : []),
            ],
            suggestedReturnReasonDefinitions: (definitionArgs: { first?: number }) => connection(REASON_DEFINITIONS, definitionArgs),
          })),
          args,
        ),
      fulfillments: (args: { first?: number }) => connection(order.shipments.map((shipment) => fulfillmentNode(order, shipment)), args),
      returnInformation: {
        returnableLineItems: (args: { first?: number }) =>
          connection(
            verdicts.flatMap(({ line, verdict }) => (verdict.eligible ? [{ quantity: verdict.returnable, lineItem: { id: gid('LineItem', line.id) } }] : [])),
            args,
          ),
        nonReturnableLineItems: (args: { first?: number }) =>
          connection(
            verdicts.flatMap(({ line, verdict }) =>
              verdict.eligible
                ? []
                : [{ lineItem: { id: gid('LineItem', line.id) }, quantity: line.quantity, quantityDetails: [{ quantity: line.quantity, reasonCode: NON_RETURNABLE[verdict.why] }] }],
            ),
            args,
          ),
      },
      returns: (args: { first?: number }) =>
        connection(
          returns.map((row, index) => ({
            id: gid('Return', row.number),
            name: returnName(order.number, index + 1),
            status: 'REQUESTED',
            returnLineItems: (itemArgs: { first?: number }) =>
              connection([{ __typename: 'ReturnLineItem', id: gid('ReturnLineItem', row.number), quantity: row.quantity, lineItem: { id: gid('LineItem', row.line_id) } }], itemArgs),
          })),
          args,
        ),
      shopperId,
    };
  }

  /** The name Shopify gives a return: the order's name and the return's place among the order's returns, "#1001-R1". */
  function returnNameOf(orderNumber: string, returnNumber: string): string {
    const numbers = embedded.db.prepare<[string], { number: string }>('SELECT number FROM returns WHERE order_number = ? ORDER BY id').all(orderNumber);
    return returnName(orderNumber, numbers.findIndex((row) => row.number === returnNumber) + 1);
  }

  /** Shopify's order search, as far as the adapter uses it: processed_at:>='…' and order_number:N. */
  function matchesSearch(order: Order, query: string | undefined): boolean {
    if (!query) return true;
    const since = /processed_at:>='([^']+)'/.exec(query);
    if (since && order.placedAt.getTime() < new Date(since[1]!).getTime()) return false;
    const number = /order_number:(\d+)/.exec(query);
    return !number || order.number === number[1];
  }

  function customerRoot(shopperId: string) {
    return {
      customer: async () => {
        const shopper = await demo.shoppers.findById(shopperId);
        if (!shopper) throw new Error('no such customer');
        return {
          id: gid('Customer', shopper.id),
          firstName: shopper.givenName,
          lastName: shopper.familyName,
          emailAddress: { emailAddress: shopper.email },
          phoneNumber: shopper.phone ? { phoneNumber: shopper.phone } : null,
          defaultAddress: shopper.defaultAddress
            ? { address1: shopper.defaultAddress.line1, city: shopper.defaultAddress.city, zoneCode: shopper.defaultAddress.region, province: shopper.defaultAddress.region, zip: shopper.defaultAddress.postalCode, territoryCode: shopper.defaultAddress.country }
            : null,
          orders: async (args: { first?: number; after?: string; query?: string; reverse?: boolean }) => {
            const orders = (await demo.orders.listForShopper(shopperId, { limit: 1_000 })).filter((order) => matchesSearch(order, args.query));
            const nodes = await Promise.all(orders.map((order) => orderNode(shopperId, order)));
            return connection(nodes.map((node) => ({ ...node, customerLocale: shopper.locale })), args);
          },
        };
      },
      orderRequestReturn: async ({ orderId, requestedLineItems }: { orderId: string; requestedLineItems: { lineItemId: string; quantity: number; returnReasonDefinitionId?: string; customerNote?: string }[] }) => {
        const [item] = requestedLineItems;
        if (!item) return { return: null, userErrors: [{ code: 'BLANK', field: ['requestedLineItems'], message: 'No line items.' }] };
        const reason = reasonOfDefinition(item.returnReasonDefinitionId);
        const outcome = await demo.returns.create({
          shopperId,
          orderNumber: ownOf(orderId),
          lineId: ownOf(item.lineItemId),
          quantity: item.quantity,
          reason,
          ...(item.customerNote && reason === 'other' ? { note: item.customerNote } : {}),
          refundMethod: { kind: 'original-payment' },
          labelDelivery: 'email',
          idempotencyKey: randomBytes(12).toString('hex'),
        });
        if (outcome.kind === 'refused') return { return: null, userErrors: [{ code: outcome.why === 'not-found' ? 'NOT_FOUND' : 'INVALID', field: ['requestedLineItems'], message: `Not returnable: ${outcome.why}` }] };
        return { return: { id: gid('Return', outcome.record.number), name: returnNameOf(outcome.record.orderNumber, outcome.record.number), status: 'REQUESTED', createdAt: outcome.record.createdAt.toISOString() }, userErrors: [] };
      },
    };
  }

  // --- HTTP -------------------------------------------------------------------------------------

  async function run(schema: GraphQLSchema, body: { query?: string; variables?: Record<string, unknown>; operationName?: string }, rootValue: object) {
    if (body.operationName) requests.set(body.operationName, (requests.get(body.operationName) ?? 0) + 1);
    const checked = checkedDocument(schema, body.query ?? '');
    if ('errors' in checked) return { errors: checked.errors };
    const result = await execute({ schema, document: checked.document, variableValues: body.variables ?? {}, operationName: body.operationName, rootValue });
    return JSON.parse(JSON.stringify(result)) as unknown;
  }

  const server = http.createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (request.method === 'GET' && url.pathname === '/.well-known/customer-account-api') {
          return send(200, { graphql_api: `${await baseUrl}${CUSTOMER_PATH}` });
        }
        if (request.method !== 'POST') return send(404, { errors: [{ message: 'Not found' }] });
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { query?: string; variables?: Record<string, unknown>; operationName?: string };
        if (url.pathname === STOREFRONT_PATH) {
          if (request.headers['shopify-storefront-private-token'] !== STOREFRONT_TOKEN) return send(401, { errors: [{ message: 'Unauthorized' }] });
          return send(200, await run(shopifySchema('storefront'), body, storefrontRoot));
        }
        if (url.pathname === CUSTOMER_PATH) {
          const held = tokens.get(String(request.headers.authorization ?? ''));
          if (!held || held.expiresAt <= Date.now()) return send(401, { errors: [{ message: 'Invalid token' }] });
          return send(200, await run(shopifySchema('customer-account'), body, customerRoot(held.shopperId)));
        }
        return send(404, { errors: [{ message: 'Not found' }] });
      })().catch((error: unknown) => send(500, { errors: [{ message: String(error) }] }));
    });
  });
  const baseUrl = new Promise<string>((resolve, reject) => {
    server.once('listening', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    server.once('error', reject);
  });
  baseUrl.catch(() => undefined);
  server.listen(0, '127.0.0.1');

  // The adapter is made at once; its requests wait for the server to listen, then go to its port.
  const fetchWhenListening: typeof fetch = async (input, init) => {
    const requested = new URL(input instanceof Request ? input.url : String(input));
    return fetch(`${await baseUrl}${requested.pathname}${requested.search}`, init);
  };
  const source: ShopifySource = {
    adapter: 'shopify',
    storeOrigin: 'http://shopify.test',
    storefrontToken: STOREFRONT_TOKEN,
    apiVersion: SHOPIFY_API_VERSION,
    returnWindowDays: 30,
    timeoutMs: 10_000,
  };
  return {
    store: createShopifyStoreCommerce(source, { fetch: fetchWhenListening, catalogLocale: 'en-US', currency: 'USD', breaker: false }),
    accessTokens: createShopifyAccessTokenVerifier(source, { fetch: fetchWhenListening, breaker: false }),
    token(shopperId, expiresIn = '1h') {
      const token = `shcat_${randomBytes(24).toString('hex')}`;
      tokens.set(token, { shopperId, expiresAt: Date.now() + lifetimeMs(expiresIn) });
      return token;
    },
    carts,
    requests,
    baseUrl,
    close() {
      server.close();
      server.closeAllConnections();
    },
  };
}
