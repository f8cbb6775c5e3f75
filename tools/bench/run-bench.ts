import { measurePhoneFirstToken } from './phone-first-token';
import os from 'node:os';
import path from 'node:path';
import { buildBundles } from './bundle';
import { measureColdStarts } from './cold-start';
import { measureDiscoverySearch } from './discovery-search';
import { prepareHttpFixtures } from './http-fixtures';
import { measureHttp } from './http-throughput';
import { measureListenTimes } from './listen-times';
import { measureUnderstandingSpeed } from './understanding-speed';
import { measureLoad } from './load-run';
import { measureMemory } from './memory';
import { measurePartialOutage } from './partial-outage-run';
import { measureRoundTrips } from './round-trips';
import { type BenchResults, BenchResultsSchema } from './results';
import type { BenchSettings } from './settings';
import { measureWarmTurns } from './warm-turns';
import { createWorkspace } from './workspace';

/** What every floor is: the bare platform libraries doing the same job, with nothing of Shopvoice. */
const FLOORS = {
  bundles: 'the floor skill (Alexa) or conversation app (Google) alone, bundled with the same esbuild settings',
  coldStart:
    'a fresh node loading a bundle of a one-handler ask-sdk-core skill (Alexa), or of a one-handler @assistant/conversation app behind express and serverless-http (Google), answering the same request; for the linked order status, that skill also reads one item from the store API (fetch) and one from DynamoDB (AWS SDK v3 client) first; Shopvoice starts with an empty data dir, as in a new Lambda container',
  warmTurns: 'the same floor skill and conversation app, in process, answering the same request with a fixed line',
  discoverySearch: 'bare better-sqlite3: the same rows inserted into a plain table with only a primary key; a query is a primary-key lookup',
  http: 'a bare express endpoint in its own process that reads the same JSON body and returns a fixed JSON body',
  memory: 'the floor skill and conversation app behind express, answering the same turns',
};

export interface BenchOptions {
  readonly settings: BenchSettings;
  readonly repoRoot: string;
  /** Progress, one line at a time. */
  readonly log: (line: string) => void;
}

function describeMachine(): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Runs every measurement, one after the other, and returns the results checked against their schema. */
export async function runBench({ settings, repoRoot, log }: BenchOptions): Promise<BenchResults> {
  const startedAt = new Date();
  const start = performance.now();
  const machine = describeMachine();
  const workspace = createWorkspace();
  try {
    log('bundling the Lambda entry points and the floors');
    const bundles = await buildBundles(repoRoot, path.join(workspace.root, 'bundles'));
    const coldStart = await measureColdStarts(bundles, workspace, repoRoot, settings.coldStartRuns, log);
    const warmTurns = await measureWarmTurns(settings, workspace.freshDir('warm-data'), log);
    const roundTrips = await measureRoundTrips(settings.roundTrips, workspace, log);
    const discoverySearch = await measureDiscoverySearch(settings.catalogs, workspace, log);
    const fixtures = await prepareHttpFixtures(repoRoot, workspace);
    const http = await measureHttp(bundles, fixtures, settings.http, log);
    const memory = await measureMemory(bundles, fixtures, settings.memory, log);
    const load = await measureLoad(bundles, workspace, repoRoot, settings.load, log);
    const partialOutage = await measurePartialOutage(bundles, workspace, repoRoot, settings.partialOutage, log);
    const listenTimes = await measureListenTimes(settings.mode, workspace.freshDir('listen-time-data'), log);
    const understanding = await measureUnderstandingSpeed(settings.mode, repoRoot, log);
    const phone = await measurePhoneFirstToken(settings.mode, workspace, log);
    return BenchResultsSchema.parse({
      schema: 3,
      mode: settings.mode,
      startedAt: startedAt.toISOString(),
      durationSeconds: (performance.now() - start) / 1000,
      machine,
      floors: FLOORS,
      bundles: bundles.sizes,
      coldStart,
      warmTurns,
      roundTrips,
      discoverySearch,
      http,
      memory,
      load,
      partialOutage,
      listenTimes,
      understanding,
      phone,
    });
  } finally {
    workspace.remove();
  }
}
