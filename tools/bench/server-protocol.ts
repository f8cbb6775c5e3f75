/** Messages between the bench and a server it forked, over the IPC channel. */

export interface MemorySnapshot {
  readonly rssBytes: number;
  /** Heap in use right after a full garbage collection: what the server really keeps. */
  readonly heapAfterGcBytes: number;
  /** The process's peak resident set size so far (getrusage's ru_maxrss). */
  readonly peakRssBytes: number;
}

export type ServerMessage =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'memory'; readonly snapshot: MemorySnapshot };

export type BenchMessage = { readonly type: 'measure-memory' };
