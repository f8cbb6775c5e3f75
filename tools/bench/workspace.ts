import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clockEnvironment } from '../clock-environment';

/** A scratch folder for one bench run: bundles, request files and store data dirs. Removed at the end. */
export interface Workspace {
  readonly root: string;
  /** A new empty folder, like /tmp in a fresh Lambda container. */
  freshDir(name: string): string;
  /** Writes JSON to a file in the workspace and returns its path. */
  writeJson(name: string, value: unknown): string;
  remove(): void;
}

export function createWorkspace(): Workspace {
  const root = mkdtempSync(path.join(os.tmpdir(), 'shopvoice-bench-'));
  let dirs = 0;
  return {
    root,
    freshDir(name) {
      dirs += 1;
      const dir = path.join(root, `${name}-${dirs}`);
      mkdirSync(dir);
      return dir;
    },
    writeJson(name, value) {
      const file = path.join(root, name);
      writeFileSync(file, JSON.stringify(value));
      return file;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The environment of every process the bench starts: only what it needs, so nothing from the
 * caller's shell (NODE_OPTIONS, a test runner's hooks) changes what is measured.
 */
export function childEnvironment(repoRoot: string, extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_PATH: path.join(repoRoot, 'node_modules'),
    // The bench signs tokens on its own clock; its servers must check them on the same one.
    ...clockEnvironment(),
    ...extra,
  };
}
