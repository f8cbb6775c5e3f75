import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { serveForBench } from './serve-for-bench';

/** The real Shopvoice express app over the embedded store, configured from the env the bench sets. */
const { app } = createServer(loadConfig(), createLogger());
serveForBench(app);
