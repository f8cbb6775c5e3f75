/** Median and 99th percentile of a set of measurements, with how many there were. */
export interface Summary {
  readonly median: number;
  readonly p99: number;
  readonly n: number;
}

/** Nearest-rank percentile: with 20 samples, p99 is the slowest one, which is the honest answer. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) throw new Error('bench: a percentile of no samples');
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), n: sorted.length };
}

/**
 * How many times the floor's figure Shopvoice's is, to two decimals; null when the floor measured
 * zero (a sub-millisecond latency rounded down), where no ratio means anything.
 */
export function ratio(shopvoice: number, floor: number): number | null {
  return floor > 0 ? Math.round((shopvoice / floor) * 100) / 100 : null;
}
