import autocannon from 'autocannon';
import type { HttpLoad } from './results';

/** A request autocannon sends again and again: a path and a JSON body. */
export interface LoadRequest {
  readonly path: string;
  readonly body: unknown;
}

export interface LoadPlan {
  readonly baseUrl: string;
  /** Each connection sends these in turn, over and over. */
  readonly requests: readonly LoadRequest[];
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly durationSeconds?: number;
  readonly amount?: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * autocannon notices the end of a run only when it takes a sample: a run of a fixed number of
 * requests samples often, so it does not idle up to a second after its last answer.
 */
const SAMPLE_MS = { duration: 1000, amount: 100 } as const;

/**
 * Loads a loopback server with autocannon. Any error, timeout or non-2xx answer fails the bench:
 * a fast error is not a figure.
 */
export async function runLoad(plan: LoadPlan): Promise<HttpLoad> {
  const sampleMs = plan.amount === undefined ? SAMPLE_MS.duration : SAMPLE_MS.amount;
  const result = await autocannon({
    url: plan.baseUrl,
    connections: plan.connections,
    sampleInt: sampleMs,
    ...(plan.amount === undefined ? { duration: plan.durationSeconds } : { amount: plan.amount }),
    ...(plan.warmupSeconds > 0 ? { warmup: { connections: plan.connections, duration: plan.warmupSeconds } } : {}),
    requests: plan.requests.map((request) => ({ method: 'POST', path: request.path, headers: JSON_HEADERS, body: JSON.stringify(request.body) })),
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) {
    const paths = plan.requests.map((request) => request.path).join(', ');
    throw new Error(`bench: ${failures} of ${result.requests.total} requests to ${paths} failed (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
  }
  return {
    requestsPerSecond: { median: (result.requests.p50 * 1000) / sampleMs, mean: result.requests.total / result.duration },
    latencyMs: { median: result.latency.p50, p99: result.latency.p99 },
    requests: result.requests.total,
    connections: plan.connections,
    durationSeconds: result.duration,
  };
}
