import express from 'express';
import serverless from 'serverless-http';
import { openCloudAdapters } from './commerce/open-cloud-adapters';
import { composeShopvoice } from './compose';
import { loadConfig } from './config';
import { BODY_LIMIT } from './http-app';
import { createLogger, describeError } from './logging';
import { createGoogleApp, createGoogleWebhook } from './platforms/google';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig();
const logger = createLogger();
const shopvoice = composeShopvoice(config, { logger, adapters: openCloudAdapters(config, logger) });
const onError = (error: unknown) => logger.error({ error: describeError(error) }, 'google handler failed');

const app = express();
app.disable('x-powered-by');
app.post(
  '/google',
  express.json({ limit: BODY_LIMIT }),
  createGoogleWebhook({ app: createGoogleApp({ router: shopvoice.router, onError }), projectId: config.google.projectId, onError }),
);

export const handler = serverless(app);
