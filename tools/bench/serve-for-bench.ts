import type { Express } from 'express';
import type { BenchMessage, MemorySnapshot, ServerMessage } from './server-protocol';

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench server: start node with --expose-gc to measure memory');
  // Twice: the first pass can leave objects that only become unreachable once finalizers ran.
  gc();
  gc();
}

function measureMemory(): MemorySnapshot {
  collectGarbage();
  return {
    rssBytes: process.memoryUsage.rss(),
    heapAfterGcBytes: process.memoryUsage().heapUsed,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

function tell(message: ServerMessage): void {
  process.send?.(message);
}

/**
 * Serves the app on a free loopback port and tells the bench which one; answers the bench's
 * memory questions, and hands any other message to `onMessage`; exits when the bench goes away.
 */
export function serveForBench(app: Express, onMessage: (message: BenchMessage) => ServerMessage | undefined = () => undefined): void {
  if (!process.send) throw new Error('bench server: run me with child_process.fork');
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('bench server: no TCP address');
    tell({ type: 'listening', port: address.port });
  });
  process.on('message', (message: BenchMessage) => {
    if (message.type === 'measure-memory') return tell({ type: 'memory', snapshot: measureMemory() });
    const answer = onMessage(message);
    if (answer) tell(answer);
  });
  process.on('disconnect', () => {
    server.close();
    process.exit(0);
  });
}
