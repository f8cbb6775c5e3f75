import express, { type ErrorRequestHandler } from 'express';
import serverless from 'serverless-http';
import { openCloudAdapters } from './commerce/open-cloud-adapters';
import { composeShopvoice } from './compose';
import { LOG_WAIT_MS } from './core/router';
import { settlingTurnWrites } from './core/turn-writes';
import { loadConfig } from './config';
import { BODY_LIMIT } from './http-app';
import { createLogger, describeError } from './logging';
import { instrumentAdapters } from './observability/instrument';
import { mcpEndpointOptions } from './platforms/mcp/mcp-from-config';
import { mountMcp } from './platforms/mcp/mcp-http';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig();
const logger = createLogger();
const shopvoice = composeShopvoice(config, { logger, adapters: instrumentAdapters(openCloudAdapters(config, logger), { logger }) });

const app = express();
app.disable('x-powered-by');
mountMcp(app, mcpEndpointOptions(config, shopvoice, logger, BODY_LIMIT));
app.use((_request, response) => {
  response.status(404).json({ error: 'not found' });
});
// A body that is too large or not JSON is the caller's mistake; anything else is logged, never shown.
app.use(((error, _request, response, _next) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status < 500) {
    response.status(status).json({ error: 'bad request' });
    return;
  }
  logger.error({ error: describeError(error) }, 'MCP request failed');
  response.status(500).json({ error: 'internal error' });
}) as ErrorRequestHandler);

// The tool calls' turn events finish before the container may be frozen.
export const handler = settlingTurnWrites(serverless(app), shopvoice.turnWrites, LOG_WAIT_MS);
