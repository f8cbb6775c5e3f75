import { execFile } from 'node:child_process';
import path from 'node:path';

/** The two deploy tools a store's developer runs are installed and start (they only print their versions here). */

const REPO_ROOT = path.resolve(__dirname, '../..');

function npx(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('npx', ['--no-install', ...args], { cwd: REPO_ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`npx ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`)) : resolve(stdout.trim()),
    );
  });
}

it('npx ask --version prints ask-cli’s version', async () => {
  expect(await npx('ask', '--version')).toMatch(/^2\.\d+\.\d+$/);
}, 60_000);

it('npx serverless --version prints the osls version', async () => {
  expect(await npx('serverless', '--version')).toMatch(/osls version: \d+\.\d+\.\d+/);
}, 60_000);
