/** Messages between the bench and a server it forked, over the IPC channel. */

export interface MemorySnapshot {
  readonly rssBytes: number;
  /** Heap in use right after a full garbage collection: what the server really keeps. */
  readonly heapAfterGcBytes: number;
  /** The process's peak resident set size so far (getrusage's ru_maxrss). */
  readonly peakRssBytes: number;
}

/** What the partial-outage store (partial-outage-store.ts) received and let hang so far. */
export interface StoreCounts {
  readonly requests: number;
  readonly hung: number;
}

export type ServerMessage =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'memory'; readonly snapshot: MemorySnapshot }
  | { readonly type: 'store-counts'; readonly counts: StoreCounts };

export type BenchMessage =
  | { readonly type: 'measure-memory' }
  /** To the partial-outage store: from now on, let this share of requests hang (0 heals it); answered with its counts so far. */
  | { readonly type: 'hang-share'; readonly share: number };
