import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LISTEN_TIME_DIR_VARIABLE } from './listen-time-budget';

/**
 * Jest global setup: a fresh directory for this run's listen-time estimates. Workers start after
 * this and inherit the variable; each writes its own file there.
 */
export default function createListenTimeDir(): void {
  process.env[LISTEN_TIME_DIR_VARIABLE] = mkdtempSync(path.join(os.tmpdir(), 'shopvoice-listen-times-'));
}
