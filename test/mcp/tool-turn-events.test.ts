import { Writable } from 'node:stream';
import type { TurnEvent, TurnEvents } from '../../lambda/commerce/ports';
import { createTurnWrites } from '../../lambda/core/turn-writes';
import { createLogger } from '../../lambda/logging';
import { recordToolCalls } from '../../lambda/platforms/mcp/tool-turn-events';

/**
 * A tool call's turn event is written beside the answer and tracked like every turn's own writes,
 * so the MCP Lambda function lets it finish before the container may be frozen; one that fails is
 * logged, never lost without a word.
 */

function logLines() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', { destination }) };
}

const call = {
  tool: 'get_order_status',
  event: { outcome: 'answered' as const, goal: 'order-status-given' as const },
  latencyMs: 12,
  shopper: undefined,
  locale: 'en-US',
};

describe('the turn events of MCP tool calls', () => {
  it('are tracked until written: a function that settles its writes returns only after the event is in', async () => {
    const recorded: TurnEvent[] = [];
    let finish: (() => void) | undefined;
    const sink = {
      record: (event: TurnEvent) =>
        new Promise<void>((resolve) => {
          finish = () => {
            recorded.push(event);
            resolve();
          };
        }),
    } as unknown as TurnEvents;
    const writes = createTurnWrites();
    const { logger } = logLines();
    recordToolCalls({ sink, writes, shopperHashSecret: 'secret', logger, clock: () => new Date('2026-11-26T10:00:00Z') })(call);

    expect(writes.pending).toBe(1);
    const settled = writes.settle(5_000);
    // The write starts beside the answer, a moment later; it is still pending until the sink answers.
    while (!finish) await new Promise((resolve) => setImmediate(resolve));
    expect(recorded).toEqual([]);
    finish();
    await settled;
    expect(writes.pending).toBe(0);
    expect(recorded).toEqual([expect.objectContaining({ platform: 'mcp', intent: 'get_order_status', outcome: 'answered', latencyMs: 12 })]);
  });

  it('logs an event the sink failed to write, without failing the call', async () => {
    const sink = { record: () => Promise.reject(new Error('table gone')) } as unknown as TurnEvents;
    const writes = createTurnWrites();
    const { lines, logger } = logLines();
    recordToolCalls({ sink, writes, shopperHashSecret: 'secret', logger })(call);
    await writes.settle(5_000);
    expect(lines).toEqual([expect.objectContaining({ msg: 'turn event not recorded; the tool call was answered', tool: 'get_order_status' })]);
  });
});
