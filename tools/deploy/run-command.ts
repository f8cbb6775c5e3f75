import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** A command-line tool installed in node_modules/.bin (ask, serverless). */
export function localBin(name: string): string {
  return path.join(REPO_ROOT, 'node_modules', '.bin', name);
}

/** Runs a command in the developer's terminal (prompts and progress stay theirs) and throws unless it succeeds. */
export function runCommand(command: string, args: readonly string[], cwd: string): void {
  console.log(`\n$ ${[path.basename(command), ...args].join(' ')}   (in ${path.relative(REPO_ROOT, cwd) || '.'})`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args[0] ?? ''} exited with ${result.status ?? result.signal}`);
}
