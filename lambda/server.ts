import type { Express } from 'express';
import type { AccessTokenVerifier } from './auth/access-token-verifier';
import { devConsoleRoutes } from '../tools/dev-console/dev-console';
import type { Adapters } from './commerce/adapters';
import { openAdapters } from './commerce/open-adapters';
import { composeShopvoice, type Shopvoice } from './compose';
import { readWithOwnUnderstanding } from './understanding/text-reader';
import { type Config, ConfigError, loadConfig } from './config';
import { BODY_LIMIT, createHttpApp } from './http-app';
import { listenOn, listeningUrl, localUrl } from './http-listen';
import { createLogger, describeError, type Logger } from './logging';
import { instrumentAdapters, instrumentRouter } from './observability/instrument';
import { createMetrics, type Metrics } from './observability/metrics';
import { storeEventsLogger } from './observability/store-call-events';
import { createPlatformEndpoints } from './platforms/http-endpoints';
import { mountMcp } from './platforms/mcp/mcp-http';
import { mcpEndpointOptions } from './platforms/mcp/mcp-from-config';
import { createPhoneChannel } from './platforms/phone/phone-http';
import { configuredAlexaOrderNotifications } from './platforms/alexa-proactive/alexa-order-notifications';
import { createOrderStatusWebhook } from './events/order-status-webhook';
import { medusaLinkFromConfig } from './platforms/medusa-link/medusa-link-from-config';

export interface ServerOptions {
  /** Adapters opened by the caller (tests), who closes them; by default they are opened as configured and closed with the server. */
  readonly adapters?: Pick<Adapters, 'store' | 'state'>;
  readonly clock?: () => Date;
  /** Who an access token names (tests give the one for their store); as configured by default. */
  readonly accessTokens?: AccessTokenVerifier;
  /** prom-client's process and Node.js metrics on `GET /metrics` as well as Shopvoice's own; on for `npm start`. */
  readonly processMetrics?: boolean;
}

/**
 * Every turn event the router records is also logged (one line per turn) and counted, and every
 * store call is timed; the HTTP store adapter's retries and circuit breaker reach the metrics
 * through the logger it reports them to.
 */
function composeOver(config: Config, logger: Logger, metrics: Metrics, options: ServerOptions): Shopvoice {
  const instrument = (adapters: Pick<Adapters, 'store' | 'state'>) => instrumentAdapters(adapters, { logger, metrics });
  if (options.adapters) {
    const { accessTokens } = options;
    return composeShopvoice(config, {
      logger,
      adapters: instrument(options.adapters),
      clock: options.clock,
      readText: readWithOwnUnderstanding,
      orderNotificationSender: configuredAlexaOrderNotifications(config, options.clock),
      ...(accessTokens ? { accessTokens } : {}),
    });
  }
  if (config.commerce.adapter === 'http') metrics.circuit('closed');
  const adapters = openAdapters(config, config.commerce.adapter === 'http' ? storeEventsLogger(logger, { retry: metrics.storeRetry, circuit: metrics.circuit }) : logger);
  try {
    const shopvoice = composeShopvoice(config, {
      logger,
      adapters: instrument(adapters),
      clock: options.clock,
      readText: readWithOwnUnderstanding,
      orderNotificationSender: configuredAlexaOrderNotifications(config, options.clock),
    });
    return {
      ...shopvoice,
      close() {
        shopvoice.close();
        adapters.close();
      },
    };
  } catch (error) {
    adapters.close();
    throw error;
  }
}

/** The express app serving both platforms, over the configured store. */
export function createServer(config: Config, logger: Logger, options: ServerOptions = {}) {
  const metrics = createMetrics({ processMetrics: options.processMetrics });
  const shopvoice = composeOver(config, logger, metrics, options);
  const router = instrumentRouter(shopvoice.router);
  const endpoints = createPlatformEndpoints(config, router, logger, BODY_LIMIT, {
    stateSeal: shopvoice.stateSeal,
    onSkillDisabled: (token) => shopvoice.forgetByAccessToken(token),
    ...(shopvoice.orderEvents ? { onNotificationPermission: shopvoice.orderEvents.permissionChanged } : {}),
  });
  // The dev console speaks for any shopper of the store, so it never runs in production.
  const extraRoutes = config.environment === 'production' ? undefined : devConsoleRoutes({ config, router, stateSeal: shopvoice.stateSeal, logger, clock: options.clock, shoppers: shopvoice.commerce.shoppers });
  const mcp = (app: Express) => mountMcp(app, mcpEndpointOptions(config, shopvoice, logger, BODY_LIMIT, options.clock));
  // The phone's WebSocket runs on the HTTP server: whoever listens attaches it (`phone.attach`).
  const phone = createPhoneChannel({
    phone: config.phone,
    store: config.store,
    router,
    commerce: shopvoice.commerce,
    callStates: shopvoice.callStates,
    readText: readWithOwnUnderstanding,
    logger,
    bodyLimit: BODY_LIMIT,
    clock: options.clock,
    bindingSecret: config.sessionStateSecret,
  });
  const orderEvents = shopvoice.orderEvents;
  const app = createHttpApp({
    ...endpoints,
    logger,
    metrics,
    metricsToken: config.metrics.token,
    mcp,
    phone: (on) => phone.mount(on),
    accountLinking: medusaLinkFromConfig(config, shopvoice, logger, options.clock),
    ...(orderEvents ? { orderStatusWebhook: createOrderStatusWebhook({ ...orderEvents.webhook, logger }) } : {}),
    extraRoutes,
  });
  return { app, shopvoice, metrics, phone };
}

/** A bad setting stops the server before it listens, with the setting named and no stack trace. */
function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
}

function describeStore(config: Config): string {
  return config.commerce.adapter === 'http' ? config.commerce.baseUrl : config.storePath;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
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
  if (config.environment === 'production' && !config.metrics.token) {
    logger.warn('METRICS_TOKEN is not set: GET /metrics answers anyone who can reach this server; keep it on a private network.');
  }
  if (!config.phone.verifySignature) {
    logger.warn('PHONE_VERIFY_SIGNATURE=false: phone requests are NOT checked for Twilio signatures. Never run like this in production.');
  } else if (config.phone.provider === 'telnyx') {
    if (!config.phone.telnyxPublicKey) logger.warn('PHONE_TELNYX_PUBLIC_KEY is not set: every phone call is refused.');
  } else if (!config.phone.twilioAuthToken) {
    logger.warn('PHONE_TWILIO_AUTH_TOKEN is not set: every phone call is refused.');
  }
  const { app, shopvoice, phone } = createServer(config, logger, { processMetrics: true });
  const { server, address } = await listenOn(app, config).catch((error: unknown) => {
    // EADDRINUSE, EADDRNOTAVAIL (a HOST this machine does not have), EACCES: one line, no stack.
    logger.error({ host: config.host, port: config.port, error: describeError(error) }, `Shopvoice could not listen on ${config.host}:${config.port}`);
    shopvoice.close();
    process.exit(1);
  });
  phone.attach(server);
  logger.info(
    { host: address.address, port: address.port, store: describeStore(config), state: config.state.adapter },
    `Shopvoice is listening on ${listeningUrl(address)}`,
  );
  if (config.environment !== 'production') {
    logger.info(`Dev console: open ${localUrl(address)} and say "where is my order"`);
  }
  const shutdown = () => {
    phone.close();
    server.close(() => {
      shopvoice.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) void main();
