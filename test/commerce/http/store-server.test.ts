import request from 'supertest';
import type { StoreCommerce } from '../../../lambda/commerce/ports';
import { openEmbeddedStore, type EmbeddedStore } from '../../../lambda/commerce/sqlite/embedded-store';
import { createLogger } from '../../../lambda/logging';
import { createStoreApiApp } from '../../../tools/store-server/store-api-app';
import { TEST_NOW } from '../../support/test-app';

/** The reference store API server (`npm run store`): what it answers to good and bad requests. */

let embedded: EmbeddedStore;
beforeEach(() => {
  embedded = openEmbeddedStore(':memory:', { now: TEST_NOW });
});
afterEach(() => embedded.close());

const appOver = (store: StoreCommerce = embedded.store, apiKey?: string) => createStoreApiApp(store, { apiKey, logger: createLogger('silent') });

const RETURN_BODY = { orderNumber: '10605', lineId: '10605-2', quantity: 1, reason: 'color', refundMethod: { kind: 'store-credit' }, labelDelivery: 'email' };

describe('the store API server', () => {
  it('answers JSON with ISO dates and money in minor units', async () => {
    const response = await request(appOver()).get('/shoppers/shopper-ava/orders/10605').expect(200);
    expect(response.type).toBe('application/json');
    expect(response.body).toEqual(
      expect.objectContaining({
        number: '10605',
        shopperId: 'shopper-ava',
        placedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        total: { minor: expect.any(Number), currency: 'USD' },
      }),
    );
  });

  it("gives someone else's order and an order that does not exist the very same 404", async () => {
    const bens = await request(appOver()).get('/shoppers/shopper-ben/orders/10605').expect(404);
    const unknown = await request(appOver()).get('/shoppers/shopper-ben/orders/99999').expect(404);
    expect(bens.type).toBe('application/problem+json');
    expect(bens.body).toEqual(unknown.body);
    expect(bens.body).toEqual(expect.objectContaining({ status: 404, code: 'not-found' }));
  });

  it('answers an unknown path with its own code, so it is never read as "no such shopper"', async () => {
    const response = await request(appOver()).get('/customers/shopper-ava').expect(404);
    expect(response.body.code).toBe('no-such-operation');
    await request(appOver()).delete('/shoppers/shopper-ava').expect(404);
  });

  it.each([
    ['/shoppers/shopper-ava/orders?limit=0', /limit/],
    ['/shoppers/shopper-ava/orders?limit=two', /limit/],
    ['/shoppers/shopper-ava/orders?since=yesterday', /since/],
    ['/catalog/products?limit=0', /limit/],
    ['/catalog/products?offset=-1', /offset/],
    ['/catalog/products?minPrice=1.5', /minPrice/],
    ['/catalog/products?attribute=waterproof', /attribute/],
    ['/catalog/products?cheapestFirst=yes', /cheapestFirst/],
    ['/catalog/products?category=a&category=b', /category/],
    ['/catalog/vocabulary', /locale/],
    ['/catalog/vocabulary?locale=en_US!', /locale/],
  ])('answers 400 to GET %s', async (url, problem) => {
    const response = await request(appOver()).get(url).expect(400);
    expect(response.body).toEqual(expect.objectContaining({ code: 'bad-request', detail: expect.stringMatching(problem) }));
  });

  it('requires an Idempotency-Key and a valid body on every POST', async () => {
    const app = appOver();
    const noKey = await request(app).post('/shoppers/shopper-ava/returns').send(RETURN_BODY).expect(400);
    expect(noKey.body.detail).toMatch(/Idempotency-Key/);
    await request(app).post('/shoppers/shopper-ava/returns').set('Idempotency-Key', '   ').send(RETURN_BODY).expect(400);
    const badBody = await request(app).post('/shoppers/shopper-ava/returns').set('Idempotency-Key', 'k1').send({ ...RETURN_BODY, quantity: 0, reason: 'meh' }).expect(400);
    expect(badBody.body.detail).toMatch(/quantity/);
    expect(badBody.body.detail).toMatch(/reason/);
    const notJson = await request(app).post('/shoppers/shopper-ben/orders').set('Idempotency-Key', 'k2').set('content-type', 'application/json').send('{"lines": [').expect(400);
    expect(notJson.body.code).toBe('bad-request');
    const mixed = await request(app)
      .post('/shoppers/shopper-ben/orders')
      .set('Idempotency-Key', 'k3')
      .send({
        lines: [
          { productId: 'a', quantity: 1, unitPrice: { minor: 1, currency: 'USD' } },
          { productId: 'b', quantity: 1, unitPrice: { minor: 1, currency: 'EUR' } },
        ],
        placedAt: TEST_NOW.toISOString(),
      })
      .expect(400);
    expect(mixed.body.detail).toMatch(/currency/);
    expect((embedded.db.prepare('SELECT COUNT(*) AS n FROM returns').get() as { n: number }).n).toBe(0);
  });

  it('answers 201 with the same return for the same key, and 200 with the refusal when nothing was created', async () => {
    const app = appOver();
    const first = await request(app).post('/shoppers/shopper-ava/returns').set('Idempotency-Key', 'k1').send(RETURN_BODY).expect(201);
    const again = await request(app).post('/shoppers/shopper-ava/returns').set('Idempotency-Key', 'k1').send(RETURN_BODY).expect(201);
    expect(again.body).toEqual(first.body);
    expect(first.body).toEqual({ kind: 'created', record: expect.objectContaining({ lineId: '10605-2', createdAt: expect.any(String) }) });
    const refused = await request(app).post('/shoppers/shopper-ben/returns').set('Idempotency-Key', 'k2').send(RETURN_BODY).expect(200);
    expect(refused.body).toEqual({ kind: 'refused', why: 'not-found' });
  });

  it('refuses, creating nothing, a return the policy forbids, with the reason as commerce-api.yaml names it', async () => {
    const app = appOver();
    const cases = [
      ['final-sale', { orderNumber: '10665', lineId: '10665-1', quantity: 1 }],
      ['window-closed', { orderNumber: '10149', lineId: '10149-1', quantity: 1 }],
      ['not-delivered', { orderNumber: '10718', lineId: '10718-1', quantity: 1 }],
      ['gift-card', { orderNumber: '10449', lineId: '10449-1', quantity: 1 }],
      ['too-many', { orderNumber: '10605', lineId: '10605-2', quantity: 4 }],
    ] as const;
    for (const [why, line] of cases) {
      const refused = await request(app).post('/shoppers/shopper-ava/returns').set('Idempotency-Key', `policy-${why}`).send({ ...RETURN_BODY, ...line }).expect(200);
      expect(refused.body).toEqual({ kind: 'refused', why });
    }
    expect((embedded.db.prepare('SELECT COUNT(*) AS n FROM returns').get() as { n: number }).n).toBe(0);
  });

  it('with an API key, refuses every request without that bearer token', async () => {
    const app = appOver(embedded.store, 'store-secret-key');
    for (const authorization of [undefined, 'Bearer wrong', 'Basic store-secret-key', 'store-secret-key']) {
      const call = request(app).get('/returns/policy');
      const response = await (authorization ? call.set('Authorization', authorization) : call).expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body.code).toBe('unauthorized');
    }
    await request(app).get('/returns/policy').set('Authorization', 'Bearer store-secret-key').expect(200);
  });

  it('answers 500 without a stack trace or the error message when the store fails', async () => {
    const failing: StoreCommerce = {
      ...embedded.store,
      catalog: {
        ...embedded.store.catalog,
        findById: async () => {
          throw new Error('disk on fire at /var/lib/store.db');
        },
      },
    };
    const response = await request(appOver(failing)).get('/catalog/products/stormline-rain-jacket').expect(500);
    expect(response.body).toEqual({ title: 'Internal error', status: 500, code: 'internal' });
    expect(response.text).not.toMatch(/disk on fire|at .*\.ts|Error:/);
  });
});
