import type { TurnEvent } from '../../lambda/commerce/ports';

/** Builds turn events for report tests: one conversation at a time, a second apart unless told. */
export const T0 = new Date('2026-11-20T10:00:00Z');

type Step = Partial<Omit<TurnEvent, 'conversationId' | 'at'>> & { readonly afterMs?: number };

export function conversation(id: string, steps: readonly Step[], start: Date = T0): TurnEvent[] {
  let at = start.getTime();
  return steps.map(({ afterMs, ...step }, index) => {
    if (index > 0) at += afterMs ?? 1_000;
    return {
      at: new Date(at),
      conversationId: id,
      platform: 'alexa',
      locale: 'en-US',
      intent: 'launch',
      outcome: 'answered',
      latencyMs: 10,
      ...step,
    };
  });
}

/**
 * A fixed week of conversations whose report is worked out by hand in containment.test.ts:
 * - c1 order status, contained in 2 turns after 3 s;
 * - c2 order status, contained after a fallback, 3 turns, 5 s;
 * - c3 returns, escalated (asked for a person) after a fallback;
 * - c4 discovery, placed a 42.50 USD order through checkout, 4 turns, 9 s;
 * - c5 discovery, looked and left (abandoned);
 * - c6 reorder, placed a 10.00 USD order, then a 5.00 EUR one; the platform closed the session;
 * - c7 nothing but a launch and gibberish twice (assistance, abandoned, fallback).
 */
export function syntheticWeek(): TurnEvent[] {
  return [
    ...conversation('alexa:c1', [
      { intent: 'launch', latencyMs: 100 },
      { intent: 'OrderStatusIntent', outcome: 'resolved', goal: 'order-status-given', afterMs: 3_000, latencyMs: 300 },
    ]),
    ...conversation('google:c2', [
      { platform: 'google', intent: 'launch', latencyMs: 120 },
      { platform: 'google', intent: 'FallbackIntent', outcome: 'fell-back', utterance: 'Wheres my  STUFF', latencyMs: 20 },
      { platform: 'google', intent: 'OrderStatusIntent', flow: 'order-status', step: 'which-order', outcome: 'resolved', goal: 'order-status-given', afterMs: 4_000, latencyMs: 500 },
    ]),
    ...conversation('alexa:c3', [
      { intent: 'ReturnIntent', flow: 'returns', step: 'which-item', outcome: 'asked', latencyMs: 200 },
      { intent: 'FallbackIntent', flow: 'returns', step: 'which-item', outcome: 'fell-back', latencyMs: 30 },
      { intent: 'TalkToAgentIntent', outcome: 'handed-off', latencyMs: 400 },
    ]),
    ...conversation('alexa:c4', [
      { intent: 'DiscoveryIntent', flow: 'discovery', step: 'results', outcome: 'asked', latencyMs: 600 },
      { intent: 'SelectIntent', flow: 'discovery', step: 'detail', outcome: 'asked', afterMs: 3_000, latencyMs: 50 },
      { intent: 'BuyIntent', flow: 'checkout', step: 'confirm', outcome: 'asked', afterMs: 3_000, latencyMs: 70 },
      { intent: 'YesIntent', outcome: 'resolved', goal: 'order-placed', orderValue: { minor: 4_250, currency: 'USD' }, afterMs: 3_000, latencyMs: 800 },
    ]),
    ...conversation('alexa:c5', [
      { intent: 'DiscoveryIntent', flow: 'discovery', step: 'results', outcome: 'asked', latencyMs: 700 },
      { intent: 'StopIntent', outcome: 'answered', latencyMs: 5 },
    ]),
    ...conversation('google:c6', [
      { platform: 'google', intent: 'ReorderIntent', flow: 'reorder', step: 'confirm', outcome: 'asked', latencyMs: 250 },
      { platform: 'google', intent: 'YesIntent', flow: 'checkout', outcome: 'resolved', goal: 'order-placed', orderValue: { minor: 1_000, currency: 'USD' }, latencyMs: 900 },
      { platform: 'google', intent: 'YesIntent', outcome: 'resolved', goal: 'order-placed', orderValue: { minor: 500, currency: 'EUR' }, latencyMs: 850 },
      { platform: 'google', intent: 'session-ended', outcome: 'answered', latencyMs: 1 },
    ]),
    ...conversation('google:c7', [
      { platform: 'google', intent: 'launch', latencyMs: 90 },
      { platform: 'google', intent: 'FallbackIntent', outcome: 'fell-back', utterance: 'banana telephone', latencyMs: 25 },
      { platform: 'google', intent: 'FallbackIntent', outcome: 'fell-back', utterance: 'wheres my stuff', latencyMs: 35 },
    ]),
  ];
}
