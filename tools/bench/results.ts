import { z } from 'zod';
import { ListenTimesSchema } from './listen-times';
import { RoundTripsSchema } from './round-trips';
import { UnderstandingSpeedSchema } from './understanding-speed';

/**
 * The shape of bench/results.json. The smoke test parses what the bench wrote with this schema,
 * so a figure that went missing or became NaN fails `npm test` rather than a reader later.
 */

const SummarySchema = z.object({
  median: z.number().nonnegative(),
  p99: z.number().nonnegative(),
  n: z.number().int().positive(),
});

/** Shopvoice's figure divided by the floor's; null when the floor measured zero. */
const RatioSchema = z.number().positive().nullable();

const PlatformSchema = z.enum(['alexa', 'google']);

export const BundleSchema = z.object({
  name: z.string().min(1),
  entry: z.string().min(1),
  role: z.enum(['shopvoice', 'floor']),
  bytes: z.number().int().positive(),
  gzipBytes: z.number().int().positive(),
});

const ColdStartTimesSchema = z.object({
  /** From spawning `node` to the answer arriving on its stdout: what a fresh process costs in all. */
  spawnToAnswerMs: SummarySchema,
  /** Inside the process: require() of the bundle plus the first invocation. */
  loadAndAnswerMs: SummarySchema,
});

export const ColdStartSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  platform: PlatformSchema,
  shopvoice: ColdStartTimesSchema,
  floor: ColdStartTimesSchema,
  ratio: z.object({ spawnToAnswer: RatioSchema, loadAndAnswer: RatioSchema }),
});

const WarmTurnBaseSchema = z.object({
  scenario: z.string().min(1),
  label: z.string().min(1),
  platform: PlatformSchema,
  /** The flow (lambda/flows) the scenario exercises. */
  flow: z.string().min(1),
});

export const WarmTurnSchema = z.discriminatedUnion('status', [
  WarmTurnBaseSchema.extend({
    status: z.literal('measured'),
    shopvoiceMs: SummarySchema,
    floorMs: SummarySchema,
    ratio: RatioSchema,
    /** The process's CPU per turn, the median of the rounds: the turn's writes and GC included. */
    cpuPerTurnMs: z.object({ shopvoice: z.number().nonnegative(), floor: z.number().nonnegative() }),
  }),
  WarmTurnBaseSchema.extend({ status: z.literal('not built'), reason: z.string().min(1) }),
]);

/** A Shopvoice figure, its floor's, and the ratio of the medians. */
const ComparedSchema = z.object({ shopvoice: SummarySchema, floor: SummarySchema, ratio: RatioSchema });

export const DiscoverySearchSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('measured'),
    /** The spoken requests, understood as discovery understands them, whose first page is timed. */
    queries: z.array(z.string().min(1)).min(1),
    catalogs: z
      .array(
        z.object({
          products: z.number().int().positive(),
          buildMs: ComparedSchema,
          queryMs: ComparedSchema,
          /** Of every search at this size, all queries together. */
          queryP95Ms: z.number().nonnegative(),
          /** Each spoken query alone, with the count its reply speaks of ("more than 100" past the count's cap). */
          byQuery: z.array(z.object({ query: z.string().min(1), matches: z.string().min(1), medianMs: z.number().nonnegative(), p95Ms: z.number().nonnegative() })),
        }),
      )
      .min(1),
  }),
  z.object({ status: z.literal('not built'), reason: z.string().min(1), catalogSizes: z.array(z.number().int().positive()) }),
]);

const HttpLoadSchema = z.object({
  requestsPerSecond: z.object({ median: z.number().nonnegative(), mean: z.number().positive() }),
  latencyMs: z.object({ median: z.number().nonnegative(), p99: z.number().nonnegative() }),
  requests: z.number().int().positive(),
  connections: z.number().int().positive(),
  durationSeconds: z.number().positive(),
});

export const HttpResultSchema = z.object({
  id: z.string().min(1),
  endpoint: z.string().min(1),
  turn: z.string().min(1),
  shopvoice: HttpLoadSchema,
  floor: HttpLoadSchema,
  ratio: z.object({ requestsPerSecond: RatioSchema, latencyP99: RatioSchema }),
});

const MemoryCheckpointSchema = z.object({
  turns: z.number().int().nonnegative(),
  rssMb: z.number().positive(),
  heapAfterGcMb: z.number().positive(),
});

const MemoryRunSchema = z.object({
  peakRssMb: z.number().positive(),
  checkpoints: z.array(MemoryCheckpointSchema).min(2),
  growth: z.object({
    /** Least-squares slopes over the checkpoints of the second half of the turns (the first half still warms up). */
    heapAfterGcMbPer1kTurns: z.number(),
    rssMbPer1kTurns: z.number(),
    keepsGrowing: z.boolean(),
  }),
});

export const MemoryResultSchema = z.object({
  turns: z.number().int().positive(),
  shopvoice: MemoryRunSchema,
  floor: MemoryRunSchema,
  ratio: z.object({ peakRss: RatioSchema }),
});

const count = z.number().int().nonnegative();

const ServerMemorySchema = z.object({
  rssMb: z.number().positive(),
  /** Heap in use right after a full garbage collection. */
  heapAfterGcMb: z.number().positive(),
});

export const LoadRunSchema = z.object({
  /** How the server was started and what it served from. */
  server: z.string().min(1),
  connections: z.number().int().positive(),
  plannedSeconds: z.number().positive(),
  maxRequests: z.number().int().positive(),
  timeoutSeconds: z.number().positive(),
  /** Seconds the load really ran. */
  durationSeconds: z.number().positive(),
  /** The 1-minute load average as the load began (the bench's own earlier work counts in it). */
  loadAverageAtStart: z.number().nonnegative(),
  /** What stopped it: the planned time, or the ceiling on requests. */
  endedBy: z.enum(['duration', 'request limit']),
  /** Every body the connections rotate through, and how many of its answers were real answers. */
  mix: z
    .array(
      z.object({
        id: z.string().min(1),
        flow: z.string().min(1),
        platform: PlatformSchema,
        shopperId: z.string().min(1),
        utterance: z.string().min(1),
        /** The flow step a good answer leaves in progress ("none" when it leaves none), as checked before the load. */
        expectedStep: z.string().min(1),
        answered: count,
      }),
    )
    .min(2),
  requests: z.object({
    /** Requests that got a complete HTTP answer, good or bad. */
    completed: count,
    /** Requests written to a socket; the few still in flight when the run stopped were never answered. */
    sent: count,
    /** Answers that were what the body asks for: HTTP 200, speech, no apology, the expected flow step. */
    answered: count,
  }),
  errors: z.object({
    non2xx: count,
    socketErrors: count,
    timeouts: count,
    /** HTTP 200 answers that said sorry (something went wrong, or the store is unreachable) instead of answering. */
    apologies: count,
    /** HTTP 200 answers that asked the linked shopper to link their account. */
    linkAccount: count,
    /** HTTP 200 answers with no speech, or that left another flow step than the body's good answer does. */
    unexpected: count,
    total: count,
    /** The first few failures, described, to start looking from. */
    examples: z.array(z.string()),
  }),
  requestsPerSecond: z.object({ mean: z.number().nonnegative() }),
  latencyMs: z.object({
    mean: z.number().nonnegative(),
    median: z.number().nonnegative(),
    p99: z.number().nonnegative(),
    max: z.number().nonnegative(),
  }),
  memory: z.object({
    /** Listening on an empty data dir, demo store seeded, no turn answered yet. */
    before: ServerMemorySchema,
    /** Right after the last answer. */
    after: ServerMemorySchema,
    /** The process's peak resident set size over its whole life (getrusage's ru_maxrss). */
    peakRssMb: z.number().positive(),
  }),
});

export const PartialOutageSchema = z.object({
  /** How the server was started, and the store it talks to. */
  server: z.string().min(1),
  store: z.string().min(1),
  /** The share of store API requests that were never answered, as set. */
  hangShare: z.number().min(0).max(1),
  /** The server's TURN_BUDGET_MS and STORE_API_TIMEOUT_MS (its defaults unless the bench set them). */
  turnBudgetMs: z.number().int().positive(),
  storeTimeoutMs: z.number().int().positive(),
  connections: z.number().int().positive(),
  plannedSeconds: z.number().positive(),
  maxRequests: z.number().int().positive(),
  timeoutSeconds: z.number().positive(),
  durationSeconds: z.number().positive(),
  loadAverageAtStart: z.number().nonnegative(),
  endedBy: z.enum(['duration', 'request limit']),
  requests: z.object({
    completed: count,
    sent: count,
    /** Real answers: HTTP 200, speech, no apology, the flow step the body's good answer leaves. */
    answered: count,
    /** HTTP 200 answers that said sorry: the store could not be reached in time for this turn. */
    apologies: count,
  }),
  /** answered ÷ completed. */
  answeredShare: z.number().min(0).max(1),
  /** Never acceptable, outage or not: the shopper heard nothing, or something wrong. */
  errors: z.object({
    non2xx: count,
    socketErrors: count,
    timeouts: count,
    /** HTTP 200 answers that asked to link the account, had no speech, or left another flow step. */
    wrongAnswers: count,
    total: count,
    examples: z.array(z.string()),
  }),
  latencyMs: z.object({
    mean: z.number().nonnegative(),
    median: z.number().nonnegative(),
    p99: z.number().nonnegative(),
    max: z.number().nonnegative(),
  }),
  /** What the store saw while the load ran: requests received, and how many of them hung. */
  storeRequests: z.object({ received: count, hung: count }),
});

/** The phone line: from a caller's prompt to the first and the last text token, per flow. */
const PhoneFirstTokenSchema = z.object({
  flows: z.array(z.object({ flow: z.string(), firstTokenMs: SummarySchema, lastTokenMs: SummarySchema })).min(1),
});

export const BenchResultsSchema = z.object({
  schema: z.literal(3),
  mode: z.enum(['full', 'smoke']),
  startedAt: z.iso.datetime(),
  durationSeconds: z.number().positive(),
  machine: z.object({
    cpus: z.number().int().positive(),
    cpuModel: z.string(),
    totalMemoryMb: z.number().positive(),
    node: z.string().min(1),
    os: z.string().min(1),
    /** The 1-minute load average when the run began: how much else was competing for the cores. */
    loadAverageAtStart: z.number().nonnegative(),
  }),
  /** What each floor is, in words, keyed by measurement. */
  floors: z.record(z.string(), z.string()),
  bundles: z.array(BundleSchema).min(1),
  coldStart: z.array(ColdStartSchema).min(1),
  warmTurns: z.array(WarmTurnSchema).min(1),
  roundTrips: RoundTripsSchema,
  discoverySearch: DiscoverySearchSchema,
  http: z.array(HttpResultSchema).min(1),
  memory: MemoryResultSchema,
  load: LoadRunSchema,
  partialOutage: PartialOutageSchema,
  listenTimes: ListenTimesSchema,
  understanding: UnderstandingSpeedSchema,
  /** Absent in runs from before the phone line was measured. */
  phone: PhoneFirstTokenSchema.optional(),
});

export type BenchResults = z.infer<typeof BenchResultsSchema>;
export type Bundle = z.infer<typeof BundleSchema>;
export type ColdStartResult = z.infer<typeof ColdStartSchema>;
export type WarmTurnResult = z.infer<typeof WarmTurnSchema>;
export type DiscoverySearchResult = z.infer<typeof DiscoverySearchSchema>;
export type HttpResult = z.infer<typeof HttpResultSchema>;
export type HttpLoad = z.infer<typeof HttpLoadSchema>;
export type MemoryResult = z.infer<typeof MemoryResultSchema>;
export type MemoryRun = z.infer<typeof MemoryRunSchema>;
export type LoadRunResult = z.infer<typeof LoadRunSchema>;
export type PartialOutageResult = z.infer<typeof PartialOutageSchema>;
