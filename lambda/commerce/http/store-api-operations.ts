/**
 * The operations of the store API (commerce-api.yaml), one per StoreCommerce method, by their
 * operationId: the adapter builds its requests from this table and the reference store server
 * mounts its routes from it, so the two cannot drift apart from each other or from the document.
 */
export const STORE_API_OPERATIONS = {
  findShopper: { method: 'GET', path: '/shoppers/{shopperId}' },
  // Look-ups for the phone: POSTs that change nothing, so the number, order number and ZIP code
  // travel in the body, never in a URL that proxies and access logs keep.
  findShopperByPhone: { method: 'POST', path: '/shopper-lookups/by-phone', readOnly: true },
  findShopperByOrder: { method: 'POST', path: '/shopper-lookups/by-order', readOnly: true },
  checkSecondFactor: { method: 'POST', path: '/shoppers/{shopperId}/second-factor-checks', readOnly: true },
  listShopperOrders: { method: 'GET', path: '/shoppers/{shopperId}/orders' },
  findShopperOrder: { method: 'GET', path: '/shoppers/{shopperId}/orders/{orderNumber}' },
  placeOrder: { method: 'POST', path: '/shoppers/{shopperId}/orders' },
  // Optional: a store that does not quote answers 404, and the confirmation says the goods' total alone.
  quoteOrder: { method: 'POST', path: '/shoppers/{shopperId}/order-quotes', readOnly: true },
  createReturn: { method: 'POST', path: '/shoppers/{shopperId}/returns' },
  findProduct: { method: 'GET', path: '/catalog/products/{productId}' },
  searchProducts: { method: 'GET', path: '/catalog/products' },
  catalogVocabulary: { method: 'GET', path: '/catalog/vocabulary' },
  returnPolicy: { method: 'GET', path: '/returns/policy' },
  returnedUnits: { method: 'GET', path: '/orders/{orderNumber}/returned-units' },
} as const satisfies Record<string, { readonly method: 'GET' | 'POST'; readonly path: string; readonly readOnly?: true }>;

export type OperationId = keyof typeof STORE_API_OPERATIONS;

/** The path parameters an operation's path template names, e.g. "shopperId" | "orderNumber". */
type ParametersOf<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParametersOf<Rest> : never;

export type PathParameters<Id extends OperationId> = Record<ParametersOf<(typeof STORE_API_OPERATIONS)[Id]['path']>, string>;

/** Whether a value can fill a path parameter: "." and ".." would be read as steps up the path. */
export function isPathSegment(value: string): boolean {
  return value !== '' && value !== '.' && value !== '..';
}

/** The operation's path with each `{name}` filled in, percent-encoded. */
export function pathOf<Id extends OperationId>(operation: Id, parameters: PathParameters<Id>): string {
  const values = parameters as Record<string, string>;
  return STORE_API_OPERATIONS[operation].path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || !isPathSegment(value)) {
      throw new Error(`Store API ${operation}: {${name}} needs a value that can be a path segment`);
    }
    return encodeURIComponent(value);
  });
}

/** The same template as an express route, `{name}` → `:name`. */
export function routeOf(operation: OperationId): string {
  return STORE_API_OPERATIONS[operation].path.replace(/\{(\w+)\}/g, ':$1');
}

/** The header a POST carries so that a retried request has the same effect as the first one. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The problem code of a 404 that means "no such resource", as opposed to "no such path". */
export const NOT_FOUND_CODE = 'not-found';
