import { answered } from '../support/conversation';
import { faults } from '../support/faulty-store';
import {
  ALEXA_DEADLINE_MS,
  apologised,
  failedWith,
  type FaultApp,
  HUNG_TURN_BOUND_MS,
  SLOW_BUT_IN_TIME_MS,
  startFaultApp,
  timed,
} from './fault-app';

/** Product search (the catalog's searchProducts and its vocabulary) while the store misbehaves. */

let fault: FaultApp;
beforeEach(async () => {
  fault = await startFaultApp();
});
afterEach(() => fault.close());

const FOUND = /^I found (\d+) matches\. [^.]+, \d+ dollars( \d+)?\. /;


describe.each(['alexa', 'google'] as const)('product search against a faulty store, on %s', (platform) => {
  it('answers as usual when search is slow but within the deadline', async () => {
    const shopper = await fault.converse(platform);
    fault.store.fail('searchProducts', faults.slow(SLOW_BUT_IN_TIME_MS));
    const heard = answered(await shopper.say('FindProductIntent', { query: 'jackets' }), platform);
    expect(heard.text).toMatch(FOUND);
    expect(fault.store.requestsTo('searchProducts').every((request) => request.fault === 'slow')).toBe(true);
  });

  it('apologises within the deadline when search hangs, keeps the results it read, and "next" works once it is back', async () => {
    const shopper = await fault.converse(platform);
    const first = answered(await shopper.say('FindProductIntent', { query: 'jackets' }), platform);
    expect(first.text).toMatch(FOUND);
    fault.store.forget();

    fault.store.fail('searchProducts', faults.hang());
    const { heard, ms } = await timed(shopper.say('NextIntent'));
    apologised(heard, platform);
    expect(ms).toBeLessThan(HUNG_TURN_BOUND_MS);
    expect(ms).toBeLessThan(ALEXA_DEADLINE_MS);
    expect(heard.state).toEqual(first.state);
    expect(fault.store.count('searchProducts')).toBeGreaterThanOrEqual(2);

    fault.store.heal();
    const next = answered(await shopper.say('NextIntent'), platform);
    expect(next.text).toMatch(/^The next ones: /);
  });

  it('retries a search that meets 500s, then apologises', async () => {
    const shopper = await fault.converse(platform);
    fault.store.fail('searchProducts', faults.status(500));
    apologised(await shopper.say('FindProductIntent', { query: 'jackets' }), platform);
    expect(fault.store.count('searchProducts')).toBe(3);
    expect(failedWith(fault)).toEqual(['StoreUnavailableError']);
  });
});

describe('product search against a faulty store, on alexa', () => {
  const platform = 'alexa';

  it.each([
    ['a body that is not JSON', faults.notJson()],
    ['JSON of the wrong shape', faults.wrongShape()],
  ])('apologises for %s, once, without an error escaping', async (_what, malformed) => {
    const shopper = await fault.converse(platform);
    fault.store.fail('searchProducts', malformed);
    apologised(await shopper.say('FindProductIntent', { query: 'a waterproof jacket for hiking under $150' }), platform);
    expect(fault.store.count('searchProducts')).toBe(1);
    expect(failedWith(fault)).toEqual(['StoreDataError']);
  });

  it('apologises when every connection is reset, after retrying; a single reset is ridden out', async () => {
    const shopper = await fault.converse(platform);
    fault.store.fail('searchProducts', faults.reset());
    apologised(await shopper.say('FindProductIntent', { query: 'jackets' }), platform);
    expect(fault.store.count('searchProducts')).toBe(3);

    fault.store.forget();
    fault.store.fail('searchProducts', faults.reset(), { times: 1 });
    expect(answered(await shopper.say('FindProductIntent', { query: 'jackets' }), platform).text).toMatch(FOUND);
    expect(fault.store.requestsTo('searchProducts').map((request) => request.fault)).toEqual(['reset', undefined]);
  });

  it('a vocabulary that fails is not kept: the next search asks for it again and works', async () => {
    const shopper = await fault.converse(platform);
    fault.store.fail('catalogVocabulary', faults.status(503));
    apologised(await shopper.say('FindProductIntent', { query: 'jackets' }), platform);
    expect(fault.store.count('catalogVocabulary')).toBe(3);
    expect(fault.store.count('searchProducts')).toBe(0);

    fault.store.heal();
    expect(answered(await shopper.say('FindProductIntent', { query: 'jackets' }), platform).text).toMatch(FOUND);
    expect(fault.store.count('catalogVocabulary')).toBe(4);
    // Once read, it is kept: another search does not ask again.
    answered(await shopper.say('FindProductIntent', { query: 'wireless headphones' }), platform);
    expect(fault.store.count('catalogVocabulary')).toBe(4);
  });
});
