import request from 'supertest';
import { PLATFORMS } from '../support/conversation';
import { observedApp, type ObservedApp, seriesValue } from './observed-app';

/**
 * `GET /metrics` and the per-turn log line after real conversations on both platforms: both are fed
 * by the turn events the router records, so their counts must match those events exactly.
 */

let testApp: ObservedApp;
beforeAll(async () => {
  testApp = observedApp();
  const token = await testApp.token('shopper-ava');
  for (const [, start] of PLATFORMS) {
    const ava = start(testApp.app, { token });
    await ava.launch();
    await ava.say('FallbackIntent');
    await ava.say('OrderStatusIntent');
    await ava.say('TalkToAgentIntent');
  }
  // Recording is off the reply's path: let the last writes land.
  await new Promise((resolve) => setTimeout(resolve, 50));
});
afterAll(() => testApp.close());

async function scrape(): Promise<string> {
  const response = await request(testApp.app).get('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text;
}

describe('GET /metrics', () => {
  it('counts every recorded turn by platform, intent and outcome', async () => {
    const events = await testApp.events();
    expect(events).toHaveLength(8);
    const text = await scrape();
    const expected = new Map<string, number>();
    for (const event of events) {
      const key = JSON.stringify({ platform: event.platform, intent: event.intent, outcome: event.outcome });
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const [key, count] of expected) {
      expect({ key, value: seriesValue(text, 'shopvoice_turns_total', JSON.parse(key)) }).toEqual({ key, value: count });
    }
    for (const platform of ['alexa', 'google']) {
      expect(seriesValue(text, 'shopvoice_turns_total', { platform, intent: 'OrderStatusIntent', outcome: 'resolved' })).toBe(1);
      expect(seriesValue(text, 'shopvoice_turns_total', { platform, intent: 'FallbackIntent', outcome: 'fell-back' })).toBe(1);
      expect(seriesValue(text, 'shopvoice_turns_total', { platform, intent: 'TalkToAgentIntent', outcome: 'handed-off' })).toBe(1);
      expect(seriesValue(text, 'shopvoice_turn_duration_seconds_count', { platform })).toBe(4);
    }
  });

  it('times store calls by port operation', async () => {
    const text = await scrape();
    // The shopper's record is read only where a turn needs it: the welcome by name and the handoff ticket, per platform.
    expect(seriesValue(text, 'shopvoice_store_call_duration_seconds_count', { operation: 'shoppers.findById' })).toBe(4);
    expect(text).toMatch(/^shopvoice_store_call_duration_seconds_count\{operation="orders\.\w+"\} [1-9]/m);
    expect(text).not.toMatch(/^shopvoice_store_call_errors_total\{/m);
  });

  it('reports the handoff tickets waiting for the webhook', async () => {
    expect(seriesValue(await scrape(), 'shopvoice_handoff_queue_depth')).toBe(2);
  });

  it('keeps each app in a registry of its own', async () => {
    const other = observedApp();
    try {
      const text = (await request(other.app).get('/metrics')).text;
      expect(text).toContain('# TYPE shopvoice_turns_total counter');
      expect(seriesValue(text, 'shopvoice_turns_total', { platform: 'alexa', intent: 'OrderStatusIntent', outcome: 'resolved' })).toBeUndefined();
      expect(seriesValue(text, 'shopvoice_handoff_queue_depth')).toBe(0);
      // No HTTP store adapter here, so no breaker to report.
      expect(text).not.toContain('shopvoice_store_circuit_state{');
    } finally {
      other.close();
    }
  });
});

describe('the per-turn log line', () => {
  it('is one JSON line per turn with the request id, what was heard, where it ended, the outcome and the latency', async () => {
    const events = await testApp.events();
    const turns = testApp.logLines().filter((line) => line.msg === 'turn');
    expect(turns).toHaveLength(8);
    for (const line of turns) {
      expect(line).toEqual(
        expect.objectContaining({
          level: 30,
          requestId: expect.any(String),
          platform: expect.stringMatching(/^(alexa|google)$/),
          locale: 'en-US',
          intent: expect.any(String),
          outcome: expect.any(String),
          latencyMs: expect.any(Number),
        }),
      );
      expect(String(line.requestId).length).toBeGreaterThan(0);
    }
    const alexaIds = turns.filter((line) => line.platform === 'alexa').map((line) => line.requestId);
    expect(alexaIds.every((id) => String(id).startsWith('amzn1.echo-api.request.'))).toBe(true);
    expect(new Set(alexaIds).size).toBe(4);
    const summary = (item: object) => {
      const fields = item as Record<string, unknown>;
      return (
        [fields.platform, fields.intent, fields.flow ?? null, fields.step ?? null, fields.outcome, fields.goal ?? null, fields.latencyMs].join(' ')
      );
    };
    expect(turns.map(summary).sort()).toEqual(events.map(summary).sort());
    expect(turns.find((line) => line.intent === 'OrderStatusIntent')).toMatchObject({ outcome: 'resolved', goal: 'order-status-given' });
  });

  it('carries nothing about the shopper', () => {
    const turns = testApp.logLines().filter((line) => line.msg === 'turn');
    for (const line of turns) {
      expect(Object.keys(line).sort()).toEqual(
        expect.arrayContaining(['level', 'time', 'msg', 'requestId', 'platform', 'locale', 'intent', 'outcome', 'latencyMs']),
      );
      for (const key of ['shopperHash', 'utterance', 'conversationId', 'orderValue', 'shopperId', 'token']) expect(line).not.toHaveProperty(key);
      expect(JSON.stringify(line)).not.toMatch(/shopper-ava|ava|eyJ/i);
    }
  });
});
