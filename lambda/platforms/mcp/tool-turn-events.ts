import { randomUUID } from 'node:crypto';
import type { TurnEvents } from '../../commerce/ports';
import { shopperHash } from '../../core/shopper-hash';
import { describeError, type Logger } from '../../logging';
import type { McpEndpointOptions } from './mcp-http';

export interface ToolTurnEventOptions {
  readonly sink: TurnEvents;
  /** SHOPPER_HASH_SECRET: the shopper appears only as a keyed hash, as in every turn event. */
  readonly shopperHashSecret: string;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/**
 * One turn event per tool call, so the containment report counts MCP conversations too. The host
 * keeps the conversation, so each call stands for itself: no arguments, no text, no raw shopper id.
 * Recording is off the answer's path: a failing sink loses the event, never the call.
 */
export function recordToolCalls(options: ToolTurnEventOptions): NonNullable<McpEndpointOptions['onToolCall']> {
  const clock = options.clock ?? (() => new Date());
  return (call) => {
    options.sink
      .record({
        at: clock(),
        conversationId: `mcp:${randomUUID()}`,
        platform: 'mcp',
        locale: call.locale,
        intent: call.tool,
        outcome: call.event.outcome,
        ...(call.event.goal ? { goal: call.event.goal } : {}),
        ...(call.event.orderValue ? { orderValue: call.event.orderValue } : {}),
        latencyMs: call.latencyMs,
        ...(call.shopper ? { shopperHash: shopperHash(options.shopperHashSecret, call.shopper.id) } : {}),
      })
      .catch((error: unknown) => options.logger.warn({ error: describeError(error), tool: call.tool }, 'turn event not recorded; the tool call was answered'));
  };
}
