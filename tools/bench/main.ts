import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderReport } from './report';
import { runBench } from './run-bench';
import { FULL_SETTINGS, SMOKE_SETTINGS } from './settings';
import { runSection, SECTION_NAMES } from './single-section';

/**
 * `npm run bench`: measures Shopvoice against the bare platform libraries, prints the table and
 * writes bench/results.json. `-- --smoke` runs every measurement tiny (and writes to a temp file
 * unless `--out` says otherwise), to prove the bench works. `-- --only <section>` runs one
 * measurement alone (single-section.ts), printing its table, writing only to `--out`. Exits 1 when the load run or the
 * partial-outage run saw any error, after printing and writing the results all the same.
 */

const USAGE = `Usage: npm run bench [-- --smoke] [-- --out <results.json>] [-- --only <${SECTION_NAMES.join('|')}>]`;
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Bad arguments: said in one line with the usage, never as a stack trace. */
class UsageError extends Error {}

function parseArgs(args: readonly string[]): { smoke: boolean; out?: string; only?: string; help: boolean } {
  let smoke = false;
  let out: string | undefined;
  let only: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--help' || arg === '-h') return { smoke, help: true };
    if (arg === '--smoke') smoke = true;
    else if (arg === '--out' && args[index + 1]) {
      out = args[index + 1];
      index += 1;
    } else if (arg === '--only' && args[index + 1] && SECTION_NAMES.includes(args[index + 1]!)) {
      only = args[index + 1];
      index += 1;
    } else if (arg === '--only') throw new UsageError(`--only needs one of ${SECTION_NAMES.join(', ')}`);
    else throw new UsageError(arg === '--out' ? '--out needs a file name' : `Unknown argument ${arg ?? ''}`);
  }
  return { smoke, out, only, help: false };
}

async function main(): Promise<void> {
  const { smoke, out, only, help } = parseArgs(process.argv.slice(2));
  if (help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const settings = smoke ? SMOKE_SETTINGS : FULL_SETTINGS;
  // Progress goes to stderr, so stdout carries the table alone.
  const start = performance.now();
  const log = (line: string) => process.stderr.write(`[${((performance.now() - start) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
  if (only) {
    const { result, table } = await runSection(only, settings, REPO_ROOT, log);
    if (out) writeFileSync(path.resolve(out), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${table}\n`);
    return;
  }
  const target = path.resolve(out ?? (smoke ? path.join(os.tmpdir(), 'shopvoice-bench-smoke.json') : path.join(REPO_ROOT, 'bench', 'results.json')));
  const results = await runBench({ settings, repoRoot: REPO_ROOT, log });
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${renderReport(results)}\nResults written to ${path.relative(process.cwd(), target) || target}\n`);
  // The figures are written either way; a load run that saw errors still fails the bench.
  const runs = [
    ['load run', results.load.errors],
    ['partial-outage run', results.partialOutage.errors],
  ] as const;
  for (const [run, errors] of runs) {
    if (errors.total === 0) continue;
    console.error(`bench: the ${run} saw ${errors.total} errors (${errors.examples.join(' | ') || 'socket errors or timeouts'})`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  // A bench that breaks midway is a bug to find: its stack trace is what the developer needs.
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
