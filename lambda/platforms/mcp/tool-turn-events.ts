import { randomUUID } from 'node:crypto';
import type { TurnEvents } from '../../commerce/ports';
import { shopperHash } from '../../core/shopper-hash';
import type { TurnWrites } from '../../core/turn-writes';
import { describeError, type Logger } from '../../logging';
import type { McpEndpointOptions } from './mcp-http';

export interface ToolTurnEventOptions {
  readonly sink: TurnEvents;
  /** SHOPPER_HASH_SECRET: the shopper appears only as a keyed hash, as in every turn event. */
  readonly shopperHashSecret: string;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Where the event's write is tracked, so a Lambda function lets it finish before it returns. */
  readonly writes: Pick<TurnWrites, 'start'>;
}

/**
 * One turn event per tool call, so the containment report counts MCP conversations too. The host
 * keeps the conversation, so each call stands for itself: no arguments, no text, no raw shopper id.
 * Recording is off the answer's path and tracked like every turn's own writes: a failing sink loses
 * the event, never the call, and says so in the log.
 */
export function recordToolCalls(options: ToolTurnEventOptions): NonNullable<McpEndpointOptions['onToolCall']> {
  const clock = options.clock ?? (() => new Date());
  const lost = (tool: string) => ({
    failed: (error: unknown) => options.logger.warn({ error: describeError(error), tool }, 'turn event not recorded; the tool call was answered'),
    notConfirmed: () => options.logger.warn({ tool }, 'turn event not confirmed in time; the tool call was answered'),
  });
  return (call) => {
    const event = {
      at: clock(),
      conversationId: `mcp:${randomUUID()}`,
      platform: 'mcp' as const,
      locale: call.locale,
      intent: call.tool,
      outcome: call.event.outcome,
      ...(call.event.goal ? { goal: call.event.goal } : {}),
      ...(call.event.orderValue ? { orderValue: call.event.orderValue } : {}),
      latencyMs: call.latencyMs,
      ...(call.shopper ? { shopperHash: shopperHash(options.shopperHashSecret, call.shopper.id) } : {}),
    };
    options.writes.start(() => options.sink.record(event), lost(call.tool));
  };
}
