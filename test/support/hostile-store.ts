import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpStoreCommerce } from '../../lambda/commerce/http/http-store-commerce';
import { readProductSearch } from '../../lambda/commerce/http/query-params';
import { type OperationId, STORE_API_OPERATIONS } from '../../lambda/commerce/http/store-api-operations';
import type { Order, Product, Shipment, Shopper, StoreCommerce, TrackingStatus } from '../../lambda/commerce/ports';
import type { CatalogVocabulary } from '../../lambda/commerce/product-query';
import type { EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { createLogger } from '../../lambda/logging';
import { createStoreApiApp } from '../../tools/store-server/store-api-app';
import { TEST_NOW } from './test-app';

/**
 * A store API that sends far more than it is asked for, as a careless or hostile order system
 * would: 5,000 search results whatever the page, 10,000 orders whatever the limit, and 5,000-character
 * names, descriptions, carriers and tracking texts, full of characters SSML has to escape. Only
 * text is inflated, never an identifier, so every answer is still well-formed: Shopvoice has to
 * cope with the size alone. Writes (orders, returns) and the return policy reach the real store API
 * over the demo store behind it, so conversations can be carried through to the end.
 */

/** How much the hostile store sends. */
export const HOSTILE = {
  searchResults: 5_000,
  orders: 10_000,
  textChars: 5_000,
  packages: 30,
  /** The best matches of a search come with every text inflated; the rest as the store has them. */
  inflatedResults: 10,
  /** Values added to each attribute of an inflated product, each too long to be a value. */
  attributeValues: 100,
  /** Catalog words added to each kind of vocabulary entry, each too long to be one. */
  vocabularyEntries: 1_000,
} as const;

/** Longer than any value, term or id Shopvoice keeps, but short enough for the answers to stay under the body limit. */
const OVERLONG_CHARS = 200;

/** Words, with every character SSML escapes, to stretch any text to HOSTILE.textChars. */
export const PADDING = ' & the <very> "long" name\'s words go on and on';

/** `text` stretched to exactly `chars` characters (HOSTILE.textChars by default), beginning as it did. */
export function inflate(text: string, chars: number = HOSTILE.textChars): string {
  let out = text;
  while (out.length < chars) out += PADDING;
  return out.slice(0, chars);
}

const overlong = (text: string) => inflate(text, OVERLONG_CHARS);

function inflateProduct(product: Product): Product {
  const attributes: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(product.attributes)) {
    // The real values first, so the product still is what it was; then hundreds of over-long ones.
    attributes[name] = [...values, ...Array.from({ length: HOSTILE.attributeValues }, (_, index) => overlong(`${name} ${index}`))];
  }
  return {
    ...product,
    sku: inflate(product.sku),
    name: inflate(product.name),
    spokenName: inflate(product.spokenName),
    brand: inflate(product.brand),
    description: inflate(product.description),
    attributes,
  };
}

/** A plain product beyond the ones the shopper could mean: results 4 to 5,000. */
function fillerProduct(index: number): Product {
  return {
    id: `filler-product-${index}`,
    sku: `FILL-${index}`,
    name: `Filler product ${index}`,
    spokenName: `filler product ${index}`,
    brand: 'Filler',
    category: 'misc',
    description: 'A filler product.',
    attributes: {},
    price: { minor: 1_000 + index, currency: 'USD' },
    stock: 5,
  };
}

const PACKAGE_STATUSES: readonly TrackingStatus[] = ['InTransit', 'Exception', 'AvailableForPickup', 'AttemptFail', 'OutForDelivery'];

/** Many packages, each with inflated carrier and tracking texts. */
function manyPackages(order: Order): Shipment[] {
  return Array.from({ length: HOSTILE.packages }, (_, index) => {
    const status = PACKAGE_STATUSES[index % PACKAGE_STATUSES.length]!;
    const at = new Date(TEST_NOW.getTime() - (index + 1) * 3_600_000);
    return {
      id: `${order.number}-package-${index}`,
      carrier: inflate(`Carrier ${index}`),
      trackingNumber: inflate(`1Z${index}`),
      status,
      shippedAt: new Date(at.getTime() - 86_400_000),
      expectedOn: new Date(TEST_NOW.getTime() + 2 * 86_400_000),
      lineIds: order.lines.map((line) => line.id),
      events: [{ at, status, description: inflate('The package met a problem'), location: inflate('Pickup point on Main Street') }],
    };
  });
}

function inflateOrder(order: Order, options: { manyPackages: boolean }): Order {
  return {
    ...order,
    lines: order.lines.map((line) => ({ ...line, sku: inflate(line.sku), name: inflate(line.name), spokenName: inflate(line.spokenName) })),
    shipments: options.manyPackages
      ? manyPackages(order)
      : order.shipments.map((shipment) => ({
          ...shipment,
          carrier: inflate(shipment.carrier),
          trackingNumber: inflate(shipment.trackingNumber),
          events: shipment.events.map((event) => ({
            ...event,
            description: inflate(event.description),
            ...(event.location !== undefined ? { location: inflate(event.location) } : {}),
          })),
        })),
  };
}

/** A small order, still being prepared, older than every real one: orders 12 to 10,000. */
function fillerOrder(shopperId: string, index: number, before: Date): Order {
  const number = String(900_000 + index);
  return {
    number,
    shopperId,
    placedAt: new Date(before.getTime() - (index + 1) * 3_600_000),
    state: 'processing',
    total: { minor: 1_000, currency: 'USD' },
    lines: [
      {
        id: `${number}-1`,
        productId: `filler-product-${index}`,
        sku: 'FILL',
        name: 'Filler item',
        spokenName: 'filler item',
        category: 'misc',
        quantity: 1,
        unitPrice: { minor: 1_000, currency: 'USD' },
      },
    ],
    shipments: [],
  };
}

function inflateShopper(shopper: Shopper): Shopper {
  return {
    ...shopper,
    givenName: inflate(shopper.givenName),
    familyName: inflate(shopper.familyName),
    ...(shopper.defaultAddress ? { defaultAddress: { ...shopper.defaultAddress, city: inflate(shopper.defaultAddress.city) } } : {}),
    ...(shopper.defaultPayment ? { defaultPayment: { brand: inflate(shopper.defaultPayment.brand), last4: '4242'.repeat(1_250) } } : {}),
  };
}

/** The catalog's real words first, then thousands of entries too long to keep. */
function inflateVocabulary(vocabulary: CatalogVocabulary): CatalogVocabulary {
  const junk = Array.from({ length: HOSTILE.vocabularyEntries }, (_, index) => index);
  return {
    ...vocabulary,
    categories: [
      ...vocabulary.categories.map((category) => ({ ...category, terms: [...category.terms, overlong('coat')] })),
      ...junk.map((index) => ({ id: overlong(`category ${index}`), terms: [`junk${index}`] })),
    ],
    attributes: [
      ...vocabulary.attributes,
      ...junk.map((index) => ({ name: 'feature', value: overlong(`feature ${index}`), terms: [overlong(`feature ${index}`)] })),
    ],
    brands: [...vocabulary.brands, ...junk.map((index) => overlong(`brand ${index}`))],
  };
}

const OPERATION_MATCHERS = (Object.entries(STORE_API_OPERATIONS) as [OperationId, { method: string; path: string }][]).map(
  ([operation, { method, path: template }]) => ({
    operation,
    method,
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`),
  }),
);

function route(method: string, pathname: string): { operation: OperationId; parameters: string[] } | undefined {
  for (const matcher of OPERATION_MATCHERS) {
    const match = matcher.method === method ? matcher.pattern.exec(pathname) : null;
    if (match) return { operation: matcher.operation, parameters: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

/**
 * The hostile store API on loopback, in front of `embedded`, and the HTTP adapter talking to it
 * (STORE_ADAPTER=http): pass it to createTestApp as its store.
 */
export function hostileStoreOver(embedded: EmbeddedStore): { readonly store: StoreCommerce; close(): void } {
  const { store } = embedded;
  const honest = createStoreApiApp(store, { logger: createLogger('silent') }) as unknown as http.RequestListener;
  // Ten thousand orders are built and written once per shopper; every list call sends them again.
  const orderLists = new Map<string, string>();

  async function ordersJson(shopperId: string): Promise<string> {
    const cached = orderLists.get(shopperId);
    if (cached) return cached;
    const real = await store.orders.listForShopper(shopperId);
    const oldest = real.at(-1)?.placedAt ?? TEST_NOW;
    const orders = [
      // The newest order comes in many packages; all of them have inflated texts.
      ...real.map((order, index) => inflateOrder(order, { manyPackages: index === 0 })),
      ...Array.from({ length: HOSTILE.orders - real.length }, (_, index) => fillerOrder(shopperId, index, oldest)),
    ];
    const json = JSON.stringify({ orders });
    orderLists.set(shopperId, json);
    return json;
  }

  async function hostileAnswer(operation: OperationId, parameters: readonly string[], search: URLSearchParams): Promise<unknown> {
    switch (operation) {
      case 'findShopper': {
        const shopper = await store.shoppers.findById(parameters[0]!);
        return shopper && inflateShopper(shopper);
      }
      case 'findShopperOrder': {
        const [shopperId, number] = parameters as [string, string];
        const real = await store.orders.listForShopper(shopperId);
        const order = real.find((candidate) => candidate.number === number);
        if (order) return inflateOrder(order, { manyPackages: order === real[0] });
        const filler = Number(number) - 900_000;
        const isFiller = Number.isInteger(filler) && filler >= 0 && filler < HOSTILE.orders - real.length;
        return isFiller ? fillerOrder(shopperId, filler, real.at(-1)?.placedAt ?? TEST_NOW) : undefined;
      }
      case 'searchProducts': {
        const parsed = readProductSearch(search);
        if (!parsed.ok) return undefined;
        // Every match, whatever page was asked for (the best ones inflated), then fillers up to 5,000, from the offset on.
        const matches = await store.catalog.search(parsed.value.query, { offset: 0, limit: 1_000 });
        const products = [
          ...matches.products.slice(0, HOSTILE.inflatedResults).map(inflateProduct),
          ...matches.products.slice(HOSTILE.inflatedResults),
          ...Array.from({ length: HOSTILE.searchResults - matches.products.length }, (_, index) => fillerProduct(index)),
        ];
        return { total: HOSTILE.searchResults, products: products.slice(parsed.value.page.offset) };
      }
      case 'findProduct': {
        const product = await store.catalog.findById(parameters[0]!);
        return product && inflateProduct(product);
      }
      case 'catalogVocabulary':
        return inflateVocabulary(await store.catalog.vocabulary(search.get('locale') ?? 'en-US'));
      default:
        // Writes, the return policy and returned units: the real store API answers.
        return undefined;
    }
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://store.invalid');
    const matched = route(request.method ?? '', url.pathname);
    void (async () => {
      const answer =
        matched?.operation === 'listShopperOrders'
          ? await ordersJson(matched.parameters[0]!)
          : matched
            ? await hostileAnswer(matched.operation, matched.parameters, url.searchParams)
            : undefined;
      if (answer === undefined) {
        honest(request, response);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(typeof answer === 'string' ? answer : JSON.stringify(answer));
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ title: 'hostile store failed', status: 500 }));
    });
  });
  const baseUrl = new Promise<string>((resolve) => server.once('listening', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  server.listen(0, '127.0.0.1');
  const fetchWhenListening: typeof fetch = async (input, init) => {
    const requested = new URL(input instanceof Request ? input.url : String(input));
    return fetch(`${await baseUrl}${requested.pathname}${requested.search}`, init);
  };
  return {
    // The adapter as STORE_ADAPTER=http builds it, given time for the hostile answers on a busy machine.
    store: createHttpStoreCommerce({ baseUrl: 'http://127.0.0.1/', timeoutMs: 4_000 }, { fetch: fetchWhenListening, breaker: false }),
    close() {
      server.close();
      server.closeAllConnections();
    },
  };
}
