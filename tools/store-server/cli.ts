import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { ConfigError, loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createStoreApiApp } from './store-api-app';

/**
 * `npm run store`: the store API of commerce-api.yaml over the embedded demo store, so Shopvoice can
 * be tried with STORE_ADAPTER=http against a real HTTP store. STORE_PORT (4000) and STORE_HOST
 * (127.0.0.1) say where it listens; STORE_API_KEY, when set, is required as a bearer token.
 */
function settings() {
  const portText = process.env.STORE_PORT?.trim() || '4000';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) throw new ConfigError(['STORE_PORT: must be a whole number from 1 to 65535']);
  return {
    port,
    host: process.env.STORE_HOST?.trim() || '127.0.0.1',
    apiKey: process.env.STORE_API_KEY?.trim() || undefined,
  };
}

function main(): void {
  let config: ReturnType<typeof loadConfig>;
  let listen: ReturnType<typeof settings>;
  try {
    config = loadConfig();
    listen = settings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger();
  const embedded = openEmbeddedStore(config.storePath, { timeZone: config.store.timeZone });
  const app = createStoreApiApp(embedded.store, { apiKey: listen.apiKey, logger });
  const server = app.listen(listen.port, listen.host, (error?: Error) => {
    if (error) {
      logger.error({ port: listen.port, host: listen.host, error: error.message }, 'the store API could not listen');
      embedded.close();
      process.exit(1);
    }
    const url = `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${listen.port}`;
    logger.info(
      { url, store: config.storePath, bearer: listen.apiKey !== undefined },
      `Store API (commerce-api.yaml) on ${url}; point Shopvoice at it with STORE_ADAPTER=http STORE_API_URL=${url}`,
    );
  });
  const shutdown = () => {
    server.close(() => {
      embedded.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main();
