import type { RoundTripSettings } from './round-trips';

/** How much of each measurement a run makes. */
export interface BenchSettings {
  readonly mode: 'full' | 'smoke';
  /** Fresh processes per cold-start target. */
  readonly coldStartRuns: number;
  readonly warmTurns: {
    /** Unmeasured turns first, so the JIT and the store's caches are warm. */
    readonly warmup: number;
    /** Shopvoice and its floor take turns, round after round, so noise falls on both alike. */
    readonly rounds: number;
    readonly turnsPerRound: number;
  };
  readonly http: {
    readonly connections: number;
    readonly warmupSeconds: number;
    /** Either a duration or a fixed number of requests. */
    readonly durationSeconds?: number;
    readonly amount?: number;
  };
  readonly memory: {
    readonly turns: number;
    readonly checkpoints: number;
    readonly connections: number;
  };
  /** Generated catalogs the discovery search is measured on. */
  readonly catalogs: readonly CatalogSettings[];
  /** The load run: a fresh server answering a mix of turns from many connections at once. */
  readonly load: LoadSettings;
  /** The same mix over the store's API (STORE_ADAPTER=http) while a share of its calls hang. */
  readonly partialOutage: PartialOutageSettings;
  /** Issue 23's script of turns over the store's API, the store this far away: requests and round trips per turn. */
  readonly roundTrips: RoundTripSettings;
}

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  /** The run also ends once this many requests were sent, should the server be far faster than expected. */
  readonly maxRequests: number;
  /** An answer slower than this is a timeout: Alexa gives a skill 8 seconds. */
  readonly timeoutSeconds: number;
}

export interface PartialOutageSettings extends LoadSettings {
  /** The share of store API requests that are never answered, from 0 to 1. */
  readonly hangShare: number;
}

export interface CatalogSettings {
  readonly products: number;
  /** Times the catalog is built from scratch (a 1,000,000-product build takes about a minute). */
  readonly builds: number;
  /** Times each spoken query is searched. */
  readonly searchesPerQuery: number;
}

/**
 * `npm run bench`: stable on a noisy 2-core machine, and done in about ten minutes even when the
 * machine is busy; the 1,000,000-product catalog (generated, then built with its search indexes and
 * again as the plain floor: three to five minutes), the 10,000 memory turns, the 30-second load
 * run and the 20-second partial-outage run take most of it. The load runs' ceilings (2,000 requests
 * a second) are far above what one server process answers on such a machine, so their time ends them.
 */
export const FULL_SETTINGS: BenchSettings = {
  mode: 'full',
  coldStartRuns: 15,
  warmTurns: { warmup: 100, rounds: 4, turnsPerRound: 100 },
  http: { connections: 10, warmupSeconds: 1, durationSeconds: 5 },
  memory: { turns: 10_000, checkpoints: 10, connections: 10 },
  catalogs: [
    { products: 1_000, builds: 3, searchesPerQuery: 50 },
    { products: 10_000, builds: 2, searchesPerQuery: 50 },
    { products: 100_000, builds: 1, searchesPerQuery: 50 },
    { products: 1_000_000, builds: 1, searchesPerQuery: 25 },
  ],
  load: { connections: 50, durationSeconds: 30, maxRequests: 60_000, timeoutSeconds: 8 },
  partialOutage: { connections: 50, durationSeconds: 20, maxRequests: 40_000, timeoutSeconds: 8, hangShare: 0.5 },
  roundTrips: { runs: 5, storeDelayMs: 100 },
};

/** `npm test`: every measurement once, tiny, to prove the bench runs and writes well-formed results. */
export const SMOKE_SETTINGS: BenchSettings = {
  mode: 'smoke',
  coldStartRuns: 1,
  warmTurns: { warmup: 3, rounds: 2, turnsPerRound: 3 },
  http: { connections: 2, warmupSeconds: 0, amount: 40 },
  memory: { turns: 100, checkpoints: 2, connections: 2 },
  catalogs: [
    { products: 300, builds: 1, searchesPerQuery: 2 },
    { products: 1_000, builds: 1, searchesPerQuery: 2 },
  ],
  load: { connections: 5, durationSeconds: 2, maxRequests: 2_000, timeoutSeconds: 8 },
  partialOutage: { connections: 5, durationSeconds: 3, maxRequests: 2_000, timeoutSeconds: 8, hangShare: 0.5 },
  roundTrips: { runs: 1, storeDelayMs: 100 },
};
