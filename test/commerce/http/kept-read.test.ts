import { keptRead } from '../../../lambda/commerce/http/kept-read';
import { type FaultyStore, faults, startFaultyStore } from '../../support/faulty-store';

/** What the store changes rarely is kept in the container: read once, refreshed beside the turns that use it. */

function counted<Value>(answers: (() => Promise<Value>)[]) {
  const keys: string[] = [];
  return {
    keys,
    read: (key: string) => {
      keys.push(key);
      const next = answers.shift();
      if (!next) throw new Error('asked more often than expected');
      return next();
    },
  };
}

describe('keptRead', () => {
  it('shares one read among concurrent askers and keeps it for its time, per key', async () => {
    let now = 0;
    const store = counted([async () => 'en policy', async () => 'de policy']);
    const get = keptRead(store.read, { ttlMs: 1_000, now: () => now });
    expect(await Promise.all([get('en'), get('en')])).toEqual(['en policy', 'en policy']);
    now = 999;
    expect(await get('en')).toBe('en policy');
    expect(await get('de')).toBe('de policy');
    expect(store.keys).toEqual(['en', 'de']);
  });

  it('answers with what it kept once that is old, while the fresh answer is read beside it', async () => {
    let now = 0;
    let release: (value: string) => void = () => {};
    const store = counted([async () => 'first', () => new Promise<string>((resolve) => (release = resolve))]);
    const get = keptRead(store.read, { ttlMs: 1_000, now: () => now });
    await get('policy');
    now = 1_000;
    expect(await get('policy')).toBe('first');
    expect(await get('policy')).toBe('first');
    expect(store.keys).toHaveLength(2);
    release('second');
    await new Promise(setImmediate);
    expect(await get('policy')).toBe('second');
  });

  it('keeps no failed read, and keeps the older answer when a refresh fails', async () => {
    let now = 0;
    const store = counted<string>([
      async () => {
        throw new Error('down');
      },
      async () => 'read',
      async () => {
        throw new Error('down again');
      },
      async () => 'fresh',
    ]);
    const get = keptRead(store.read, { ttlMs: 1_000, now: () => now });
    await expect(get('policy')).rejects.toThrow('down');
    expect(await get('policy')).toBe('read');
    now = 2_000;
    expect(await get('policy')).toBe('read');
    await new Promise(setImmediate);
    expect(await get('policy')).toBe('read');
    await new Promise(setImmediate);
    expect(await get('policy')).toBe('fresh');
    expect(store.keys).toHaveLength(4);
  });

  it('reads every time with no time to keep', async () => {
    const store = counted([async () => 1, async () => 2]);
    const get = keptRead(store.read, { ttlMs: 0 });
    expect([await get('k'), await get('k')]).toEqual([1, 2]);
  });
});

describe('the HTTP adapter', () => {
  let store: FaultyStore;
  beforeEach(async () => {
    store = await startFaultyStore();
  });
  afterEach(() => store.close());

  it('asks for the return policy once for all the turns of a container, and again after a failure', async () => {
    const adapter = store.adapter({ retries: 0 });
    store.fail('returnPolicy', faults.status(503), { times: 1 });
    await expect(adapter.returns.policy()).rejects.toMatchObject({ name: 'StoreUnavailableError' });
    const [first, second] = await Promise.all([adapter.returns.policy(), adapter.returns.policy()]);
    expect(second).toEqual(first);
    expect(await adapter.returns.policy()).toEqual(first);
    expect(store.count('returnPolicy')).toBe(2);
  });

  it('reads the catalog vocabulary of the locales it is told to as it is made', async () => {
    const adapter = store.adapter({ warmVocabularyFor: ['en-US', 'de-DE'] });
    while (store.handled('catalogVocabulary') < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await adapter.catalog.vocabulary('de-DE');
    expect(store.requestsTo('catalogVocabulary').map((request) => new URL(request.path, store.url).searchParams.get('locale')).sort()).toEqual(['de-DE', 'en-US']);
  });
});
