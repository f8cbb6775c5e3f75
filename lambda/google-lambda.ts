import express from 'express';
import serverless from 'serverless-http';
import { openCloudAdapters } from './commerce/open-cloud-adapters';
import { composeShopvoice } from './compose';
import { readWithOwnUnderstanding } from './understanding/text-reader';
import { LOG_WAIT_MS } from './core/router';
import { settlingTurnWrites } from './core/turn-writes';
import { loadConfig } from './config';
import { BODY_LIMIT } from './http-app';
import { createLogger, describeError } from './logging';
import { warmForFirstTurn } from './warm-start';
import { instrumentAdapters, instrumentRouter } from './observability/instrument';
import { createGoogleApp, createGoogleWebhook } from './platforms/google';
import { withCheckedGoogleBody } from './platforms/google-request-schema';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig();
const logger = createLogger();
// One JSON line per turn (msg "turn") goes to stdout, which Lambda sends to CloudWatch Logs.
const shopvoice = composeShopvoice(config, {
  logger,
  adapters: instrumentAdapters(openCloudAdapters(config, logger), { logger }),
  readText: readWithOwnUnderstanding,
});
const router = instrumentRouter(shopvoice.router);
// What the first turn would otherwise set up (formatters, templates, fetch) is done during init.
warmForFirstTurn(config);
const onError = (error: unknown) => logger.error({ error: describeError(error) }, 'google handler failed');

const app = express();
app.disable('x-powered-by');
app.post(
  '/google',
  express.json({ limit: BODY_LIMIT }),
  withCheckedGoogleBody(
    createGoogleWebhook({ app: createGoogleApp({ router, stateSeal: shopvoice.stateSeal, onError }), projectId: config.google.projectId, onError }),
  ),
);

// The container is frozen once the handler returns: the turn's own writes (log line, turn event) finish first.
export const handler = settlingTurnWrites(serverless(app), shopvoice.turnWrites, LOG_WAIT_MS);
