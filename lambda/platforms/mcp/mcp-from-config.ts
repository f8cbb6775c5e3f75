import type { Shopvoice } from '../../compose';
import type { Config } from '../../config';
import type { Logger } from '../../logging';
import type { McpEndpointOptions } from './mcp-http';
import { recordToolCalls } from './tool-turn-events';

/** The MCP endpoint as configured, over the application's ports: the same for `npm start` and Lambda. */
export function mcpEndpointOptions(
  config: Config,
  shopvoice: Pick<Shopvoice, 'commerce' | 'turnEvents' | 'turnWrites' | 'accessTokens'>,
  logger: Logger,
  bodyLimit: string,
  clock?: () => Date,
): McpEndpointOptions {
  return {
    commerce: shopvoice.commerce,
    store: config.store,
    verifier: shopvoice.accessTokens,
    authorizationServer: config.auth.issuer,
    confirmationSecret: config.sessionStateSecret,
    bodyLimit,
    allowedOrigins: config.mcp.allowedOrigins,
    budgetMs: config.turn.budgetMs,
    logger,
    clock,
    onToolCall: recordToolCalls({ sink: shopvoice.turnEvents, writes: shopvoice.turnWrites, shopperHashSecret: config.analytics.shopperHashSecret, logger, clock }),
  };
}
