import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { STORE_API_OPERATIONS } from '../../../lambda/commerce/http/store-api-operations';
import { EMPTY_QUERY } from '../../../lambda/commerce/product-query';
import { createLogger } from '../../../lambda/logging';
import { createStoreApiApp } from '../../../tools/store-server/store-api-app';
import { TEST_NOW } from '../../support/test-app';
import { serveDemoStore, type ServedStore } from './store-api-fixtures';

/** commerce-api.yaml, the store API server and the HTTP adapter describe, serve and use exactly the same operations. */

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
}

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly (Parameter | { $ref: string })[];
  readonly responses: Record<string, unknown>;
  readonly requestBody?: unknown;
  readonly description?: string;
}

interface Documented {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly parameters: readonly Parameter[];
  readonly operation: Operation;
}

const document = parse(fs.readFileSync(path.join(__dirname, '../../../commerce-api.yaml'), 'utf8')) as {
  openapi: string;
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter>; securitySchemes: Record<string, { type: string; scheme: string }> };
  security: unknown[];
};

function resolve(parameter: Parameter | { $ref: string }): Parameter {
  if (!('$ref' in parameter)) return parameter;
  const name = parameter.$ref.replace('#/components/parameters/', '');
  const found = document.components.parameters[name];
  if (!found) throw new Error(`unresolved ${parameter.$ref}`);
  return found;
}

const documented: Documented[] = Object.entries(document.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path: template,
    operationId: operation.operationId,
    parameters: (operation.parameters ?? []).map(resolve),
    operation,
  })),
);

const key = (method: string, template: string) => `${method} ${template}`;

/** The documented operation a concrete request path is an instance of. */
function operationOf(method: string, url: string): Documented | undefined {
  const pathname = new URL(url, 'http://store.invalid').pathname;
  return documented.find(
    (entry) => entry.method === method && new RegExp(`^${entry.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname),
  );
}

describe('commerce-api.yaml', () => {
  it('is an OpenAPI 3.1 document with one operation per store port method, as the adapter knows them', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const inDocument = documented.map((entry) => `${entry.operationId}: ${key(entry.method, entry.path)}`).sort();
    const inAdapter = Object.entries(STORE_API_OPERATIONS)
      .map(([operationId, { method, path: template }]) => `${operationId}: ${key(method, template)}`)
      .sort();
    expect(inDocument).toEqual(inAdapter);
    expect(documented).toHaveLength(14);
  });

  /** POSTs that change nothing (the phone's look-ups): no key, retried like a GET. */
  const readOnly = (operationId: string) => (STORE_API_OPERATIONS as Record<string, { readonly readOnly?: true }>)[operationId]?.readOnly === true;

  it('describes errors for every operation, and for every POST a required Idempotency-Key and the 409 of a key in progress', () => {
    for (const entry of documented) {
      const statuses = Object.keys(entry.operation.responses);
      expect({ id: entry.operationId, has5xx: statuses.includes('5XX'), has4xx: statuses.some((status) => status.startsWith('4')) }).toEqual({
        id: entry.operationId,
        has5xx: true,
        has4xx: true,
      });
      if (entry.method === 'POST' && readOnly(entry.operationId)) {
        expect(entry.parameters).not.toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
        expect(entry.operation.requestBody).toBeDefined();
        expect(entry.operation.description).toMatch(/[Cc]hanges nothing/);
      } else if (entry.method === 'POST') {
        expect(entry.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
        expect(statuses).toEqual(expect.arrayContaining(['200', '201', '409']));
        expect(entry.operation.requestBody).toBeDefined();
        expect(entry.operation.description).toMatch(/Idempotency-Key/);
      }
    }
    expect(document.info.description).toMatch(/same key gives\s+the same result/);
    expect(document.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(document.security).toContainEqual({});
  });

  it('is served by the store API server, route for route', () => {
    const app = createStoreApiApp({} as never, { logger: createLogger('silent') }) as unknown as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const served = app.router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => key(method.toUpperCase(), layer.route!.path.replace(/:(\w+)/g, '{$1}'))))
      .sort();
    expect(served).toEqual(documented.map((entry) => key(entry.method, entry.path)).sort());
  });

  describe('against the demo store', () => {
    let store: ServedStore;
    beforeAll(async () => {
      store = await serveDemoStore();
    });
    afterAll(() => store.close());

    it('every documented operation answers from the server, none with "no such operation"', async () => {
      const values: Record<string, string> = { shopperId: 'shopper-ava', orderNumber: '10605', productId: 'stormline-rain-jacket' };
      const bodies: Record<string, unknown> = {
        createReturn: { orderNumber: '10605', lineId: '10605-2', quantity: 1, reason: 'size', refundMethod: { kind: 'store-credit' }, labelDelivery: 'email' },
        placeOrder: { lines: [{ productId: 'merino-hiking-socks', quantity: 1, unitPrice: { minor: 1800, currency: 'USD' } }], placedAt: TEST_NOW.toISOString() },
        quoteOrder: { lines: [{ productId: 'merino-hiking-socks', quantity: 1, unitPrice: { minor: 1800, currency: 'USD' } }] },
        findShopperByPhone: { phone: '+13035550142' },
        findShopperByOrder: { orderNumber: '10605', postalCode: '80205', placedSince: new Date(TEST_NOW.getTime() - 365 * 86_400_000).toISOString() },
        checkSecondFactor: { digits: '4242', placedSince: TEST_NOW.toISOString() },
      };
      for (const entry of documented) {
        const concrete = entry.path.replace(/\{(\w+)\}/g, (_match, name: string) => values[name]!);
        const query = entry.parameters.filter((parameter) => parameter.in === 'query' && parameter.required).map((parameter) => `${parameter.name}=en-US`);
        const response = await fetch(`${store.server.url}${concrete}${query.length > 0 ? `?${query.join('&')}` : ''}`, {
          method: entry.method,
          headers: entry.method === 'POST' ? { 'content-type': 'application/json', 'idempotency-key': `contract-${entry.operationId}` } : {},
          body: entry.method === 'POST' ? JSON.stringify(bodies[entry.operationId]) : undefined,
        });
        const body = (await response.json()) as { code?: string };
        expect({ operation: entry.operationId, status: response.status, code: body.code }).toEqual({
          operation: entry.operationId,
          status: entry.method === 'POST' ? expect.any(Number) : 200,
          code: undefined,
        });
        expect(response.status).toBeLessThan(300);
      }
    });

    it('the adapter uses every documented operation, and only documented paths and query parameters', async () => {
      const adapter = store.http;
      await adapter.shoppers.findById('shopper-ava');
      await adapter.shoppers.findByPhone!('+13035550142');
      await adapter.shoppers.findByOrderAndPostalCode!({ orderNumber: '10605', postalCode: '80205', placedSince: new Date(TEST_NOW.getTime() - 90 * 86_400_000) });
      await adapter.shoppers.checkSecondFactor!({ shopperId: 'shopper-ava', digits: '4242', placedSince: new Date(TEST_NOW.getTime() - 90 * 86_400_000) });
      await adapter.orders.listForShopper('shopper-ava', { placedSince: new Date(TEST_NOW.getTime() - 90 * 86_400_000), limit: 5 });
      await adapter.orders.findForShopper('shopper-ava', '10605');
      await adapter.catalog.findById('stormline-rain-jacket');
      await adapter.catalog.search(
        { ...EMPTY_QUERY, category: 'jackets', brand: 'Rainier Outfitters', attributes: { feature: ['waterproof'] }, words: ['rain'], hints: ['hiking'], price: { minMinor: 1, maxMinor: 20_000 }, cheapestFirst: true },
        { offset: 0, limit: 3 },
      );
      await adapter.catalog.vocabulary('en-US');
      await adapter.returns.policy();
      await adapter.returns.returnedUnits('10605');
      await adapter.returns.create({
        shopperId: 'shopper-ava',
        orderNumber: '10605',
        lineId: '10605-2',
        quantity: 1,
        reason: 'size',
        refundMethod: { kind: 'store-credit' },
        labelDelivery: 'email',
        idempotencyKey: 'adapter-return',
      });
      expect(await adapter.checkout.quote!({ shopperId: 'shopper-ben', lines: [{ productId: 'merino-hiking-socks', quantity: 1, unitPrice: { minor: 1800, currency: 'USD' } }] })).toEqual({
        total: { minor: 2448, currency: 'USD' },
        tax: { minor: 149, currency: 'USD' },
        delivery: { minor: 499, currency: 'USD' },
      });
      await adapter.checkout.place({
        shopperId: 'shopper-ben',
        lines: [{ productId: 'merino-hiking-socks', quantity: 1, unitPrice: { minor: 1800, currency: 'USD' } }],
        placedAt: TEST_NOW,
        idempotencyKey: 'adapter-order',
      });

      const requests = store.server.received.filter((request) => !request.idempotencyKey?.startsWith('contract-'));
      const used = new Set<string>();
      for (const request of requests) {
        const operation = operationOf(request.method, request.path);
        expect({ request: `${request.method} ${request.path}`, documented: operation !== undefined }).toEqual({
          request: `${request.method} ${request.path}`,
          documented: true,
        });
        used.add(operation!.operationId);
        const declared = operation!.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
        const sent = [...new URL(request.path, 'http://store.invalid').searchParams.keys()];
        expect({ operation: operation!.operationId, undeclared: sent.filter((name) => !declared.includes(name)) }).toEqual({
          operation: operation!.operationId,
          undeclared: [],
        });
        if (request.method === 'POST' && !readOnly(operation!.operationId)) expect(request.idempotencyKey).toMatch(/^adapter-/);
      }
      expect([...used].sort()).toEqual(documented.map((entry) => entry.operationId).sort());
    });
  });
});
