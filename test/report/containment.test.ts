import { computeContainmentReport, conversationsOf, median, percentile, sumByCurrency } from '../../tools/report/containment';
import { conversation, syntheticWeek } from './synthetic-events';

describe('containment report over a synthetic week', () => {
  const report = computeContainmentReport(syntheticWeek());

  it('judges every conversation and attributes it to a flow', () => {
    const summaries = Object.fromEntries(conversationsOf(syntheticWeek()).map((c) => [c.conversationId, [c.flow, c.outcome, c.turns, c.fallbackTurns, c.timeToResolutionMs]]));
    expect(summaries).toEqual({
      // No turn named a flow: the goal's own flow.
      'alexa:c1': ['order-status', 'contained', 2, 0, 3_000],
      'google:c2': ['order-status', 'contained', 3, 1, 5_000],
      // No goal: the first flow a turn ended in; a handoff makes it escalated.
      'alexa:c3': ['returns', 'escalated', 3, 1, undefined],
      // The order was placed in checkout: it belongs to the flow checkout continued.
      'alexa:c4': ['discovery', 'contained', 4, 0, 9_000],
      'alexa:c5': ['discovery', 'abandoned', 2, 0, undefined],
      // The platform closing the session is not a turn.
      'google:c6': ['reorder', 'contained', 3, 0, 1_000],
      'google:c7': ['assistance', 'abandoned', 3, 2, undefined],
    });
  });

  it('counts per flow, most conversations first', () => {
    expect(report.events).toBe(21);
    expect(report.flows.map((flow) => flow.flow)).toEqual(['discovery', 'order-status', 'assistance', 'reorder', 'returns']);
    const byFlow = Object.fromEntries(report.flows.map((flow) => [flow.flow, flow]));
    expect(byFlow['order-status']).toEqual({
      flow: 'order-status',
      conversations: 2,
      contained: 2,
      escalated: 0,
      abandoned: 0,
      containmentRate: 1,
      escalationRate: 0,
      abandonmentRate: 0,
      fallbackConversations: 1,
      fallbackRate: 0.5,
      fallbackTurns: 1,
      turns: 5,
      medianTurns: 2.5,
      medianTimeToResolutionMs: 4_000,
    });
    expect(byFlow.discovery).toMatchObject({ conversations: 2, contained: 1, abandoned: 1, containmentRate: 0.5, fallbackRate: 0, medianTurns: 3, medianTimeToResolutionMs: 9_000 });
    expect(byFlow.returns).toMatchObject({ conversations: 1, escalated: 1, escalationRate: 1, containmentRate: 0, fallbackRate: 1, medianTimeToResolutionMs: null });
    expect(byFlow.reorder).toMatchObject({ conversations: 1, contained: 1, medianTurns: 3, medianTimeToResolutionMs: 1_000 });
    expect(byFlow.assistance).toMatchObject({ conversations: 1, abandoned: 1, fallbackConversations: 1, fallbackTurns: 2 });
  });

  it('totals every conversation', () => {
    expect(report.totals).toEqual({
      flow: 'all',
      conversations: 7,
      contained: 4,
      escalated: 1,
      abandoned: 2,
      containmentRate: 4 / 7,
      escalationRate: 1 / 7,
      abandonmentRate: 2 / 7,
      fallbackConversations: 3,
      fallbackRate: 3 / 7,
      fallbackTurns: 4,
      turns: 20,
      medianTurns: 3,
      medianTimeToResolutionMs: 4_000,
    });
  });

  it('attributes voice orders to discovery and reorder, with their value per currency', () => {
    expect(report.conversion).toEqual([
      { flow: 'discovery', conversations: 2, converted: 1, rate: 0.5, orders: 1, orderValue: [{ currency: 'USD', minor: 4_250 }] },
      {
        flow: 'reorder',
        conversations: 1,
        converted: 1,
        rate: 1,
        orders: 2,
        orderValue: [
          { currency: 'EUR', minor: 500 },
          { currency: 'USD', minor: 1_000 },
        ],
      },
      {
        flow: 'all',
        conversations: 3,
        converted: 2,
        rate: 2 / 3,
        orders: 3,
        orderValue: [
          { currency: 'EUR', minor: 500 },
          { currency: 'USD', minor: 5_250 },
        ],
      },
    ]);
  });

  it('lists what shoppers said that was not understood, normalized, most frequent first', () => {
    expect(report.topFallbackUtterances).toEqual([
      { utterance: 'wheres my stuff', count: 2 },
      { utterance: 'banana telephone', count: 1 },
    ]);
  });

  it('ranks intents by p95 latency, ten at most', () => {
    expect(report.slowestIntents).toHaveLength(10);
    expect(report.slowestIntents.slice(0, 3)).toEqual([
      { intent: 'YesIntent', turns: 3, p50Ms: 850, p95Ms: 900 },
      { intent: 'DiscoveryIntent', turns: 2, p50Ms: 600, p95Ms: 700 },
      { intent: 'OrderStatusIntent', turns: 2, p50Ms: 300, p95Ms: 500 },
    ]);
    expect(report.slowestIntents.find((row) => row.intent === 'launch')).toEqual({ intent: 'launch', turns: 3, p50Ms: 100, p95Ms: 120 });
    expect(report.slowestIntents.find((row) => row.intent === 'FallbackIntent')).toEqual({ intent: 'FallbackIntent', turns: 4, p50Ms: 25, p95Ms: 35 });
    expect(report.slowestIntents.map((row) => row.intent)).not.toContain('session-ended');
  });
});

describe('containment report edge cases', () => {
  it('is empty, with null rates, for no events', () => {
    const report = computeContainmentReport([]);
    expect(report.totals).toMatchObject({ conversations: 0, containmentRate: null, fallbackRate: null, medianTurns: null, medianTimeToResolutionMs: null });
    expect(report.flows).toEqual([]);
    expect(report.conversion.map((row) => row.rate)).toEqual([null, null, null]);
  });

  it('counts a handoff after a goal as escalated, not contained', () => {
    const events = conversation('alexa:x', [
      { intent: 'OrderStatusIntent', flow: 'order-status', outcome: 'resolved', goal: 'order-status-given' },
      { intent: 'TalkToAgentIntent', outcome: 'handed-off' },
    ]);
    const [summary] = conversationsOf(events);
    expect(summary).toMatchObject({ outcome: 'escalated', flow: 'order-status', goal: 'order-status-given' });
    expect(summary!.timeToResolutionMs).toBeUndefined();
  });

  it('counts a reorder that went straight to checkout, as every voice reorder does, for reorder', () => {
    // As the router records it: the reorder flow starts on ReorderIntent and leaves checkout's confirmation in progress.
    const placed = conversation('alexa:reorder', [
      { intent: 'ReorderIntent', flow: 'checkout', step: 'confirm', outcome: 'asked' },
      { intent: 'YesIntent', flow: 'checkout', step: 'pin', outcome: 'asked' },
      { intent: 'PinIntent', outcome: 'resolved', goal: 'order-placed', orderValue: { currency: 'USD', minor: 3_398 } },
    ]);
    const left = conversation('google:reorder-left', [{ intent: 'ReorderIntent', flow: 'checkout', step: 'confirm', outcome: 'asked' }, { intent: 'StopIntent' }]);
    const report = computeContainmentReport([...placed, ...left]);
    expect(conversationsOf(placed)[0]).toMatchObject({ flow: 'reorder', outcome: 'contained', goal: 'order-placed' });
    expect(conversationsOf(left)[0]).toMatchObject({ flow: 'reorder', outcome: 'abandoned' });
    expect(report.flows.map((row) => [row.flow, row.conversations])).toEqual([['reorder', 2]]);
    expect(report.conversion.find((row) => row.flow === 'reorder')).toEqual({
      flow: 'reorder',
      conversations: 2,
      converted: 1,
      rate: 0.5,
      orders: 1,
      orderValue: [{ currency: 'USD', minor: 3_398 }],
    });
  });

  it('keeps an order placed in checkout for the discovery that led to it, whatever was said in checkout', () => {
    const events = conversation('alexa:discovery', [
      { intent: 'FindProductIntent', flow: 'discovery', step: 'results', outcome: 'asked' },
      { intent: 'BuyIntent', flow: 'checkout', step: 'confirm', outcome: 'resolved', goal: 'product-chosen' },
      { intent: 'QuantityIntent', flow: 'checkout', step: 'confirm', outcome: 'asked' },
      { intent: 'YesIntent', outcome: 'resolved', goal: 'order-placed', orderValue: { currency: 'USD', minor: 3_499 } },
    ]);
    expect(conversationsOf(events)[0]).toMatchObject({ flow: 'discovery', goal: 'product-chosen' });
  });

  it('orders events by time whatever order they come in', () => {
    const events = conversation('alexa:y', [
      { intent: 'launch' },
      { intent: 'ReturnIntent', flow: 'returns', outcome: 'asked' },
      { intent: 'YesIntent', outcome: 'resolved', goal: 'return-created' },
    ]).reverse();
    expect(conversationsOf(events)[0]).toMatchObject({ flow: 'returns', outcome: 'contained', timeToResolutionMs: 2_000 });
  });

  it('takes medians and nearest-rank percentiles', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([4, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(sumByCurrency([])).toEqual([]);
  });
});
