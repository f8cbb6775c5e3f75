import os from 'node:os';
import type { Bundles } from './bundle';
import { shopvoiceServerSettings } from './http-fixtures';
import { checkEntries, emptyTally, prepareEntries, runMix } from './load-mix';
import type { LoadRunResult } from './results';
import { startServer } from './server-process';
import type { MemorySnapshot } from './server-protocol';
import type { LoadSettings } from './settings';
import { childEnvironment, type Workspace } from './workspace';

const MB = 1024 * 1024;

const SERVER =
  'tools/bench/shopvoice-server.ts bundled with esbuild (createServer from lambda/server.ts with loadConfig(), as npm start builds it), ' +
  'forked with --expose-gc, on 127.0.0.1, fresh empty data dir (demo store seeded at start), ALEXA_VERIFY_SIGNATURE=false';

const toMb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const memoryFigures = (snapshot: MemorySnapshot) => ({ rssMb: toMb(snapshot.rssBytes), heapAfterGcMb: toMb(snapshot.heapAfterGcBytes) });

/**
 * The load run: a fresh server on an empty data dir answers order-status and discovery turns of
 * every demo shopper, Alexa and Google, from many connections at once. Every answer is judged; any
 * HTTP error, socket error, timeout, apology or wrong answer is counted as an error.
 */
export async function measureLoad(bundles: Bundles, workspace: Workspace, repoRoot: string, settings: LoadSettings, log: (line: string) => void): Promise<LoadRunResult> {
  const dataDir = workspace.freshDir('load-data');
  log('load: a fresh server on an empty data dir');
  const serverSettings = shopvoiceServerSettings(dataDir);
  const server = await startServer(bundles.program('shopvoice-server'), childEnvironment(repoRoot, serverSettings));
  try {
    const before = await server.measureMemory();
    const entries = await prepareEntries(dataDir, serverSettings);
    await checkEntries(server.baseUrl, entries);
    log(`load: ${settings.connections} connections for ${settings.durationSeconds} s, ${entries.length} bodies in rotation`);
    const tally = emptyTally();
    const loadAverageAtStart = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
    const result = await runMix(server, entries, settings, tally);
    const after = await server.measureMemory();
    const socketErrors = result.errors - result.timeouts;
    const { refused } = tally;
    const total = result.non2xx + socketErrors + result.timeouts + refused.apology + refused['link-account'] + refused.unexpected;
    return {
      server: SERVER,
      connections: settings.connections,
      plannedSeconds: settings.durationSeconds,
      maxRequests: settings.maxRequests,
      timeoutSeconds: settings.timeoutSeconds,
      durationSeconds: result.duration,
      loadAverageAtStart,
      endedBy: result.requests.sent >= settings.maxRequests ? 'request limit' : 'duration',
      mix: entries.map(({ id, flow, platform, shopperId, utterance, expectedStep, answered }) => ({ id, flow, platform, shopperId, utterance, expectedStep, answered })),
      requests: {
        completed: result.requests.total,
        sent: result.requests.sent,
        answered: entries.reduce((sum, entry) => sum + entry.answered, 0),
      },
      errors: {
        non2xx: result.non2xx,
        socketErrors,
        timeouts: result.timeouts,
        apologies: refused.apology,
        linkAccount: refused['link-account'],
        unexpected: refused.unexpected,
        total,
        examples: tally.examples,
      },
      requestsPerSecond: { mean: Math.round((result.requests.total / result.duration) * 10) / 10 },
      latencyMs: { mean: result.latency.average, median: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      memory: { before: memoryFigures(before), after: memoryFigures(after), peakRssMb: toMb(after.peakRssBytes) },
    };
  } finally {
    await server.stop();
  }
}
