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

const USAGE = `Usage: npm run store

Serves the store API of commerce-api.yaml over the embedded demo store. Settings come from the
environment: STORE_PORT (4000), STORE_HOST (127.0.0.1), STORE_API_KEY (when set, callers must send
it as a bearer token), and SHOPVOICE_STORE_PATH / SHOPVOICE_DATA_DIR for the store file.
`;

/** The command takes no arguments: --help prints the usage; anything else is refused before the store is opened. */
function checkArguments(args: readonly string[]): void {
  if (args.length === 0) return;
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  process.stderr.write(`Unexpected argument '${args[0]}': the store server is configured by environment variables.\n${USAGE.split('\n')[0]}\nRun it with --help for its settings.\n`);
  process.exit(2);
}

function main(): void {
  checkArguments(process.argv.slice(2));
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
