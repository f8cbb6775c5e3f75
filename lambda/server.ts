import { devConsoleRoutes } from '../tools/dev-console/dev-console';
import { type ComposeOptions, composeShopvoice } from './compose';
import { type Config, loadConfig } from './config';
import { BODY_LIMIT, createHttpApp } from './http-app';
import { createLogger, type Logger } from './logging';
import { createPlatformEndpoints } from './platforms/http-endpoints';

/** The express app serving both platforms, over the configured store. */
export function createServer(config: Config, logger: Logger, options: Omit<ComposeOptions, 'logger'> = {}) {
  const shopvoice = composeShopvoice(config, { ...options, logger });
  const endpoints = createPlatformEndpoints(config, shopvoice.router, logger, BODY_LIMIT);
  // The dev console speaks for any demo shopper, so it never runs in production.
  const extraRoutes = config.environment === 'production' ? undefined : devConsoleRoutes({ config, router: shopvoice.router, logger });
  const app = createHttpApp({ ...endpoints, logger, extraRoutes });
  return { app, shopvoice };
}

function main(): void {
  const config = loadConfig();
  const logger = createLogger();
  if (!config.alexa.verifySignature) {
    logger.warn('ALEXA_VERIFY_SIGNATURE=false: Alexa request signatures are NOT checked. Never run like this in production.');
  } else if (config.environment !== 'production') {
    logger.info('POST /alexa only accepts requests signed by Alexa; to try it with curl, start with ALEXA_VERIFY_SIGNATURE=false.');
  }
  if (!config.google.projectId) {
    logger.warn('GOOGLE_PROJECT_ID is not set: Google webhook requests are NOT verified.');
  }
  if (!config.auth.jwksUrl && !config.auth.jwksFile && !config.auth.trustDevKey) {
    logger.warn('Neither AUTH_JWKS_URL nor AUTH_JWKS_FILE is set: no access token can be verified, so every shopper will be asked to link.');
  }
  if (config.auth.trustDevKey) {
    logger.warn('Trusting the development signing key used by `npm run token` (set NODE_ENV=production to stop).');
  }
  const { app, shopvoice } = createServer(config, logger);
  const server = app.listen(config.port, () => {
    logger.info({ port: config.port, store: config.storePath }, `Shopvoice is listening on http://localhost:${config.port}`);
    if (config.environment !== 'production') {
      logger.info(`Dev console: open http://localhost:${config.port} and say "where is my order"`);
    }
  });
  const shutdown = () => {
    server.close(() => {
      shopvoice.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) main();
