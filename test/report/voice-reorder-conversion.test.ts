import { createSqliteTurnEvents } from '../../lambda/commerce/sqlite/sqlite-turn-events';
import { computeContainmentReport } from '../../tools/report/containment';
import { PLATFORMS } from '../support/conversation';
import { createTestApp, TEST_NOW } from '../support/test-app';

/**
 * Real voice reorders, as the README's "Reorders" describes them, on both platforms: the containment
 * report must count each for reorder, and its order as voice-attributed conversion.
 */
describe('voice-attributed conversion of reorders', () => {
  it('counts a reorder that placed an order under reorder, with its order value', async () => {
    const testApp = createTestApp();
    try {
      const token = await testApp.token('shopper-ava');
      for (const [, start] of PLATFORMS) {
        const ava = start(testApp.app, { token });
        expect((await ava.say('ReorderIntent', { item: 'coffee' })).text).toMatch(/^Shall I order .+\?$/);
        expect((await ava.say('YesIntent')).text).toMatch(/^Done! Your order number is \d+/);
      }
      // Recording is off the reply's path: let the last writes land.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const events = await createSqliteTurnEvents(testApp.db).list({ since: new Date(TEST_NOW.getTime() - 60_000) });
      const report = computeContainmentReport(events);

      expect(report.flows.map((row) => [row.flow, row.conversations, row.contained])).toEqual([['reorder', 2, 2]]);
      const reorder = report.conversion.find((row) => row.flow === 'reorder');
      expect(reorder).toMatchObject({ conversations: 2, converted: 2, rate: 1, orders: 2 });
      // Two orders of 2 bags at 16.99: 33.98 with 2.80 tax and free delivery, as each was confirmed.
      expect(reorder?.orderValue).toEqual([{ currency: 'USD', minor: 2 * 3_678 }]);
    } finally {
      testApp.close();
    }
  });
});
