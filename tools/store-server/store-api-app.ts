import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { readLocale, readOrderQuery, readProductSearch, type Parsed } from '../../lambda/commerce/http/query-params';
import { type OperationId, routeOf, STORE_API_OPERATIONS } from '../../lambda/commerce/http/store-api-operations';
import {
  CatalogVocabularySchema,
  CheckoutOutcomeSchema,
  CheckoutQuoteSchema,
  CheckoutRequestBodySchema,
  describeIssues,
  encodeWire,
  OrderListSchema,
  OrderLookupAnswerSchema,
  OrderLookupBodySchema,
  OrderSchema,
  PhoneLookupBodySchema,
  ProductPageSchema,
  ProductSchema,
  QuoteRequestBodySchema,
  ReturnedUnitsSchema,
  ReturnOutcomeSchema,
  ReturnPolicySchema,
  ReturnRequestBodySchema,
  SecondFactorAnswerSchema,
  SecondFactorBodySchema,
  ShopperSchema,
} from '../../lambda/commerce/http/wire-schemas';
import type { StoreCommerce } from '../../lambda/commerce/ports';
import { secondFactorOfProfile } from '../../lambda/commerce/second-factor';
import { createLogger, type Logger } from '../../lambda/logging';
import { requireBearer } from './bearer-auth';
import { createInFlightKeys, idempotencyKeyOf } from './idempotency';
import { answerErrors, sendProblem } from './problems';

export interface StoreApiAppOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string;
  readonly logger?: Logger;
}

/** Bodies Shopvoice sends are a few hundred bytes. */
const BODY_LIMIT = '64kb';

function searchOf(request: Request): URLSearchParams {
  return new URL(request.originalUrl, 'http://store.invalid').searchParams;
}

function parameter(request: Request, name: string): string {
  // Express only matches a route when every parameter has a value; none of these routes has a wildcard.
  const value = request.params[name];
  return typeof value === 'string' ? value : '';
}

/** The parsed value, or undefined after answering 400 with what was wrong. */
function accept<T>(response: Response, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  sendProblem(response, 400, 'bad-request', parsed.problems.join('; '));
  return undefined;
}

function json(response: Response, status: number, body: unknown): void {
  response.status(status).json(body);
}

/**
 * The store API of commerce-api.yaml, served over any StoreCommerce (the embedded store for
 * `npm run store`, an in-memory one in tests). Routes come from the same operation table the
 * adapter calls, so each documented operation is served exactly once.
 */
export function createStoreApiApp(store: StoreCommerce, options: StoreApiAppOptions = {}): Express {
  const logger = options.logger ?? createLogger();
  const inFlight = createInFlightKeys();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((request, response, next) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      // The route pattern, never the path: paths carry shopper ids and order numbers.
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: request.method, route: request.route?.path, status: response.statusCode, ms }, 'store API request');
    });
    next();
  });
  if (options.apiKey) app.use(requireBearer(options.apiKey));

  const handlers: Record<OperationId, RequestHandler[]> = {
    findShopper: [
      async (request, response) => {
        const shopper = await store.shoppers.findById(parameter(request, 'shopperId'));
        if (!shopper) return sendProblem(response, 404, 'not-found', 'no such shopper');
        json(response, 200, encodeWire(ShopperSchema, shopper));
      },
    ],
    findShopperByPhone: [
      express.json({ limit: BODY_LIMIT }),
      async (request, response) => {
        const body = PhoneLookupBodySchema.safeParse(request.body);
        if (!body.success) return sendProblem(response, 400, 'bad-request', describeIssues(body.error));
        const shopper = store.shoppers.findByPhone ? await store.shoppers.findByPhone(body.data.phone) : undefined;
        // A number nobody has and a number several shoppers share get the same answer.
        if (!shopper) return sendProblem(response, 404, 'not-found', 'no shopper with this number');
        json(response, 200, encodeWire(ShopperSchema, shopper));
      },
    ],
    findShopperByOrder: [
      express.json({ limit: BODY_LIMIT }),
      async (request, response) => {
        const body = OrderLookupBodySchema.safeParse(request.body);
        if (!body.success) return sendProblem(response, 400, 'bad-request', describeIssues(body.error));
        const shopperId = store.shoppers.findByOrderAndPostalCode ? await store.shoppers.findByOrderAndPostalCode(body.data) : undefined;
        // No such order and the wrong postal code get the same answer: whether the order exists is never said.
        if (!shopperId) return sendProblem(response, 404, 'not-found', 'no order matches');
        json(response, 200, encodeWire(OrderLookupAnswerSchema, { shopperId }));
      },
    ],
    checkSecondFactor: [
      express.json({ limit: BODY_LIMIT }),
      async (request, response) => {
        const body = SecondFactorBodySchema.safeParse(request.body);
        if (!body.success) return sendProblem(response, 400, 'bad-request', describeIssues(body.error));
        const check = { shopperId: parameter(request, 'shopperId'), ...body.data };
        const matches = store.shoppers.checkSecondFactor ? await store.shoppers.checkSecondFactor(check) : await secondFactorOfProfile(store, check);
        json(response, 200, encodeWire(SecondFactorAnswerSchema, { matches }));
      },
    ],
    listShopperOrders: [
      async (request, response) => {
        const query = accept(response, readOrderQuery(searchOf(request)));
        if (!query) return;
        const orders = await store.orders.listForShopper(parameter(request, 'shopperId'), query);
        json(response, 200, encodeWire(OrderListSchema, { orders }));
      },
    ],
    findShopperOrder: [
      async (request, response) => {
        const order = await store.orders.findForShopper(parameter(request, 'shopperId'), parameter(request, 'orderNumber'));
        // Someone else's order and no order at all get the very same answer.
        if (!order) return sendProblem(response, 404, 'not-found', 'no such order for this shopper');
        json(response, 200, encodeWire(OrderSchema, order));
      },
    ],
    findProduct: [
      async (request, response) => {
        const product = await store.catalog.findById(parameter(request, 'productId'));
        if (!product) return sendProblem(response, 404, 'not-found', 'no such product');
        json(response, 200, encodeWire(ProductSchema, product));
      },
    ],
    searchProducts: [
      async (request, response) => {
        const search = accept(response, readProductSearch(searchOf(request)));
        if (!search) return;
        const page = await store.catalog.search(search.query, search.page);
        json(response, 200, encodeWire(ProductPageSchema, page));
      },
    ],
    catalogVocabulary: [
      async (request, response) => {
        const locale = accept(response, readLocale(searchOf(request)));
        if (!locale) return;
        json(response, 200, encodeWire(CatalogVocabularySchema, await store.catalog.vocabulary(locale)));
      },
    ],
    returnPolicy: [
      async (_request, response) => {
        json(response, 200, encodeWire(ReturnPolicySchema, await store.returns.policy()));
      },
    ],
    returnedUnits: [
      async (request, response) => {
        const units = await store.returns.returnedUnits(parameter(request, 'orderNumber'));
        const lines = [...units].map(([lineId, count]) => ({ lineId, units: count }));
        json(response, 200, encodeWire(ReturnedUnitsSchema, { lines }));
      },
    ],
    createReturn: [
      express.json({ limit: BODY_LIMIT }),
      async (request, response) => {
        const key = idempotencyKeyOf(request, response);
        if (!key) return;
        const body = ReturnRequestBodySchema.safeParse(request.body);
        if (!body.success) return sendProblem(response, 400, 'bad-request', describeIssues(body.error));
        const shopperId = parameter(request, 'shopperId');
        const outcome = await inFlight.once(`createReturn:${shopperId}`, key, response, () =>
          store.returns.create({ ...body.data, shopperId, idempotencyKey: key }),
        );
        if (outcome) json(response, outcome.kind === 'created' ? 201 : 200, encodeWire(ReturnOutcomeSchema, outcome));
      },
    ],
    quoteOrder: [
      express.json({ limit: BODY_LIMIT }),
      async (request, response) => {
        const body = QuoteRequestBodySchema.safeParse(request.body);
        if (!body.success) return sendProblem(response, 400, 'bad-request', describeIssues(body.error));
        const quote = await store.checkout.quote?.({ ...body.data, shopperId: parameter(request, 'shopperId') });
        if (!quote) return sendProblem(response, 404, 'not-found', 'No quote: unknown shopper, or no default address.');
        json(response, 200, encodeWire(CheckoutQuoteSchema, quote));
      },
    ],
    placeOrder: [
      express.json({ limit: BODY_LIMIT }),
      async (request, response) => {
        const key = idempotencyKeyOf(request, response);
        if (!key) return;
        const body = CheckoutRequestBodySchema.safeParse(request.body);
        if (!body.success) return sendProblem(response, 400, 'bad-request', describeIssues(body.error));
        const shopperId = parameter(request, 'shopperId');
        const outcome = await inFlight.once(`placeOrder:${shopperId}`, key, response, () =>
          store.checkout.place({ ...body.data, shopperId, idempotencyKey: key }),
        );
        if (outcome) json(response, outcome.kind === 'placed' ? 201 : 200, encodeWire(CheckoutOutcomeSchema, outcome));
      },
    ],
  };

  for (const [operation, { method }] of Object.entries(STORE_API_OPERATIONS) as [OperationId, { method: 'GET' | 'POST' }][]) {
    const route = routeOf(operation);
    if (method === 'GET') app.get(route, ...handlers[operation]);
    else app.post(route, ...handlers[operation]);
  }

  app.use((_request, response) => sendProblem(response, 404, 'no-such-operation'));
  app.use(answerErrors(logger));
  return app;
}
