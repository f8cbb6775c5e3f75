import os from 'node:os';
import { loadConfig } from '../../lambda/config';
import type { Bundles } from './bundle';
import { shopvoiceServerSettings } from './http-fixtures';
import { checkEntries, emptyTally, prepareEntries, runMix } from './load-mix';
import type { PartialOutageResult } from './results';
import { startServer, type ServerProcess } from './server-process';
import type { PartialOutageSettings } from './settings';
import { childEnvironment, type Workspace } from './workspace';

const SERVER =
  'tools/bench/shopvoice-server.ts bundled with esbuild, as in the load run, with STORE_ADAPTER=http pointed at the store below ' +
  '(the store call policy and the turn budget at their defaults), the skill state embedded in a fresh empty data dir';
const STORE =
  'tools/bench/partial-outage-store.ts bundled with esbuild and forked: the store API of tools/store-server over an in-memory demo store, ' +
  'on 127.0.0.1, where each request hangs (read, never answered) with the set probability, drawn from a fixed seed';

/**
 * The partial-outage run: the load run's mix, answered by a server that reaches the store over its
 * API while a share of the store's requests hang. Every body is first checked against the healthy
 * store; then the hangs start and the load runs. Apologies are expected here and counted apart;
 * HTTP errors, socket errors, timeouts and wrong answers are errors.
 */
export async function measurePartialOutage(
  bundles: Bundles,
  workspace: Workspace,
  repoRoot: string,
  settings: PartialOutageSettings,
  log: (line: string) => void,
): Promise<PartialOutageResult> {
  log('partial outage: a store API on loopback and a fresh server over it');
  const store = await startServer(bundles.program('partial-outage-store'), childEnvironment(repoRoot, {}));
  let server: ServerProcess | undefined;
  try {
    const dataDir = workspace.freshDir('partial-outage-data');
    const serverSettings = { ...shopvoiceServerSettings(dataDir), STORE_ADAPTER: 'http', STORE_API_URL: store.baseUrl };
    const config = loadConfig(serverSettings);
    if (config.commerce.adapter !== 'http') throw new Error('bench: the partial-outage server must use the store API');
    server = await startServer(bundles.program('shopvoice-server'), childEnvironment(repoRoot, serverSettings));
    const entries = await prepareEntries(dataDir, serverSettings);
    await checkEntries(server.baseUrl, entries);

    const before = (await store.ask({ type: 'hang-share', share: settings.hangShare }, 'store-counts')).counts;
    log(`partial outage: ${Math.round(settings.hangShare * 100)}% of store calls hang; ${settings.connections} connections for ${settings.durationSeconds} s`);
    const tally = emptyTally(['apology']);
    const loadAverageAtStart = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
    const result = await runMix(server, entries, settings, tally);
    const after = (await store.ask({ type: 'hang-share', share: 0 }, 'store-counts')).counts;

    const socketErrors = result.errors - result.timeouts;
    const { refused } = tally;
    const wrongAnswers = refused['link-account'] + refused.unexpected;
    const answered = entries.reduce((sum, entry) => sum + entry.answered, 0);
    const completed = result.requests.total;
    return {
      server: SERVER,
      store: STORE,
      hangShare: settings.hangShare,
      turnBudgetMs: config.turn.budgetMs,
      storeTimeoutMs: config.commerce.timeoutMs,
      connections: settings.connections,
      plannedSeconds: settings.durationSeconds,
      maxRequests: settings.maxRequests,
      timeoutSeconds: settings.timeoutSeconds,
      durationSeconds: result.duration,
      loadAverageAtStart,
      endedBy: result.requests.sent >= settings.maxRequests ? 'request limit' : 'duration',
      requests: { completed, sent: result.requests.sent, answered, apologies: refused.apology },
      answeredShare: completed > 0 ? answered / completed : 0,
      errors: {
        non2xx: result.non2xx,
        socketErrors,
        timeouts: result.timeouts,
        wrongAnswers,
        total: result.non2xx + socketErrors + result.timeouts + wrongAnswers,
        examples: tally.examples,
      },
      latencyMs: { mean: result.latency.average, median: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      storeRequests: { received: after.requests - before.requests, hung: after.hung - before.hung },
    };
  } finally {
    await server?.stop();
    await store.stop();
  }
}
