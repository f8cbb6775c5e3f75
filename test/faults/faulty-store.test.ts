import { faults, type FaultyStore, startFaultyStore } from '../support/faulty-store';

/** The fault switch itself: which requests meet which fault, and what is counted. */

let store: FaultyStore;
beforeEach(async () => {
  store = await startFaultyStore();
});
afterEach(() => store.close());

const get = (path: string) => fetch(`${store.url}${path}`, { signal: AbortSignal.timeout(2_000) });

describe('the faulty store', () => {
  it('serves the real store API while no fault is set, and names each request by its operation', async () => {
    const shopper = await get('/shoppers/shopper-ava');
    expect(shopper.status).toBe(200);
    expect(await shopper.json()).toMatchObject({ id: 'shopper-ava', givenName: 'Ava' });
    expect((await get('/catalog/products?limit=1')).status).toBe(200);
    expect((await get('/nowhere')).status).toBe(404);
    expect(store.requests.map((request) => request.operation)).toEqual(['findShopper', 'searchProducts', undefined]);
    expect(store.handled('findShopper')).toBe(1);
  });

  it('a fault on one operation wins over one on every route; "times" lets later requests through', async () => {
    store.fail('all', faults.status(503));
    store.fail('returnPolicy', faults.status(500), { times: 2 });
    const statuses = [];
    for (let call = 0; call < 3; call++) statuses.push((await get('/returns/policy')).status);
    statuses.push((await get('/shoppers/shopper-ava')).status);
    expect(statuses).toEqual([500, 500, 503, 503]);

    store.heal('all');
    expect((await get('/returns/policy')).status).toBe(200);
    expect(store.count('returnPolicy')).toBe(4);
    expect(store.requestsTo('returnPolicy').map((request) => request.fault)).toEqual(['status', 'status', 'status', undefined]);
  });

  it('answers malformed bodies with a 200, and resets or hangs connections', async () => {
    store.fail('findShopper', faults.notJson(), { times: 1 });
    const cut = await get('/shoppers/shopper-ava');
    expect(cut.status).toBe(200);
    await expect(cut.json()).rejects.toThrow();

    store.fail('findShopper', faults.reset(), { times: 1 });
    await expect(get('/shoppers/shopper-ava')).rejects.toThrow();

    store.fail('findShopper', faults.hang(), { times: 1 });
    await expect(fetch(`${store.url}/shoppers/shopper-ava`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });

    store.fail('findShopper', faults.cutOff(), { times: 1 });
    await expect(get('/shoppers/shopper-ava').then((response) => response.text())).rejects.toThrow();
    expect(store.handled('findShopper')).toBe(1);
  });
});
