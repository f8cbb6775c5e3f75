import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isStoreError } from '../../commerce/commerce-errors';
import { describeError, type Logger } from '../../logging';
import { getProduct, searchProducts } from './catalog-tools';
import { handOffToPerson } from './handoff-tool';
import { getOrderStatus, listOrders } from './order-tools';
import { confirmReorder, listUsualItems, prepareReorder } from './reorder-tools';
import { checkReturnEligibility, confirmReturn, prepareReturn } from './return-tools';
import type { AnyTool, ToolContext, ToolEvent } from './tool-kit';

/** Every tool the server offers, in the order a host lists them. */
export const MCP_TOOLS: readonly AnyTool[] = [
  listOrders,
  getOrderStatus,
  searchProducts,
  getProduct,
  checkReturnEligibility,
  prepareReturn,
  confirmReturn,
  listUsualItems,
  prepareReorder,
  confirmReorder,
  handOffToPerson,
];

/** Names of the tools that act for a signed-in shopper: called without one, they get HTTP 401. */
export const SHOPPER_TOOL_NAMES: ReadonlySet<string> = new Set(MCP_TOOLS.filter((tool) => tool.needsShopper).map((tool) => tool.name));

export const SERVER_INFO = { name: 'shopvoice', version: '0.1.0' } as const;

export interface ToolCallRecord {
  readonly tool: string;
  readonly event: ToolEvent;
  readonly latencyMs: number;
}

export interface McpServerOptions {
  readonly context: ToolContext;
  readonly logger: Logger;
  /** Told once per tool call, after it was answered. Must not throw. */
  readonly onToolCall?: (record: ToolCallRecord) => void;
}

const INSTRUCTIONS =
  "Shopvoice answers for one store: the signed-in shopper's orders and deliveries, returns, reorders, and the store's catalog. " +
  'Tools that change something (confirm_return, confirm_reorder) act only with a confirmation token from their prepare_ tool, after the shopper said yes to the details it returned.';

/** What a model reads when a tool failed: the store's trouble in general words, never an internal message. */
function failure(error: unknown): CallToolResult {
  const text = isStoreError(error)
    ? "The store's systems are not answering right now. Nothing new was done; try again in a moment."
    : 'Something went wrong while answering. Try again, or offer the shopper the store\'s support line.';
  return { isError: true, content: [{ type: 'text', text }] };
}

/**
 * An MCP server for one HTTP request (the transport is stateless): the same tools for everyone, run
 * with this request's shopper.
 */
export function createMcpServer(options: McpServerOptions): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS });
  for (const tool of MCP_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        annotations: {
          title: tool.title,
          readOnlyHint: !tool.destructive && tool.adds !== true,
          destructiveHint: tool.destructive,
          // A confirmation performs its write once, however often it is sent.
          idempotentHint: true,
          openWorldHint: false,
        },
      },
      async (args: Record<string, unknown>): Promise<CallToolResult> => {
        const started = Date.now();
        let event: ToolEvent = { outcome: 'answered' };
        try {
          const answer = await tool.run(args, options.context);
          if (answer.event) event = answer.event;
          return {
            structuredContent: answer.output as Record<string, unknown>,
            content: [{ type: 'text', text: JSON.stringify(answer.output) }],
          };
        } catch (error) {
          event = { outcome: 'error' };
          options.logger.error({ error: describeError(error), tool: tool.name }, 'MCP tool failed');
          return failure(error);
        } finally {
          options.onToolCall?.({ tool: tool.name, event, latencyMs: Date.now() - started });
        }
      },
    );
  }
  return server;
}
