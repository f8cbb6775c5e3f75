import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFiles } from './lib/build';
import { treeDrift, writeFiles } from './lib/files';
import { SOURCE_DIR, SourceError, loadSource } from './lib/load';
import { fileMap, outputProblems } from './lib/output-checks';
import { sourceProblems } from './lib/source-checks';

/**
 * `npm run models`: reads interaction-models/, checks it, and writes the Alexa skill package
 * models, skill.json, the account-linking template and the Google Actions Builder project.
 *
 *   npm run models                 write into the repository
 *   npm run models -- --check      fail if the committed files differ from what the source generates
 *   npm run models -- --out <dir>  write into another folder
 */

export const REPO_ROOT = path.resolve(__dirname, '..');

/** Loads, checks and writes; throws SourceError listing every problem instead of writing a broken model. */
export function generate(root: string = REPO_ROOT, sourceDir: string = SOURCE_DIR): { written: string[]; removed: string[] } {
  const source = loadSource(sourceDir);
  const inSource = sourceProblems(source);
  if (inSource.length > 0) throw new SourceError(inSource);
  const files = buildFiles(source);
  const inOutput = outputProblems(fileMap(files), source);
  if (inOutput.length > 0) throw new SourceError(inOutput);
  return writeFiles(root, files);
}

function main(args: readonly string[]): number {
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (outIndex >= 0 && out === undefined) {
    process.stderr.write('--out needs a folder\n');
    return 2;
  }
  try {
    if (args.includes('--check')) {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-models-'));
      try {
        generate(scratch);
        const drift = treeDrift(scratch, REPO_ROOT);
        for (const line of drift) process.stderr.write(`${line}\n`);
        if (drift.length > 0) process.stderr.write('The generated files are out of date: run npm run models and commit the result.\n');
        return drift.length > 0 ? 1 : 0;
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    }
    const { written, removed } = generate(out === undefined ? REPO_ROOT : path.resolve(out));
    for (const file of written) process.stdout.write(`wrote   ${file}\n`);
    for (const file of removed) process.stdout.write(`removed ${file}\n`);
    if (written.length === 0 && removed.length === 0) process.stdout.write('models are up to date\n');
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof SourceError ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
