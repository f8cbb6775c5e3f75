import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every developer tool, run as npm runs it: `--help` prints its usage and exits 0; a wrong argument
 * gets one line saying what is wrong, the usage, a non-zero exit, no stack trace, and nothing done.
 * (catalog:audit, token, pin, report and chat have their own tests of the same; forget and the
 * deploy scripts already answered this way.)
 */

const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-usage-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * A tool still running after this long started a server instead of answering. Generous: on a busy
 * 2-core machine, tsx alone takes seconds to load the bench's imports.
 */
const HUNG_TOOL_MS = 50_000;
jest.setTimeout(HUNG_TOOL_MS + 10_000);

/** Runs a tool; one that starts a server instead of answering is stopped and reported as such. */
function run(tool: string, args: readonly string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, tool), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', SHOPVOICE_DATA_DIR: dataDir, STORE_PORT: '0', NODE_NO_WARNINGS: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${tool} ${args.join(' ')} kept running: ${stdout}${stderr}`));
    }, HUNG_TOOL_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const STACK_FRAME = /\n\s+at \S/;

describe.each([
  ['tools/store-server/cli.ts', 'Usage: npm run store', ['--port', '5000'], /^Unexpected argument '--port'/],
  ['tools/local-dynamo/cli.ts', 'Usage: npm run dynamodb:local', ['--port', 'x'], /^--port must be a port number from 0 to 65535, not "x"$/],
  ['tools/privacy/purge.ts', 'Usage: npm run purge', ['--days', '3'], /^Unexpected argument '--days'.*nothing was deleted\.$/],
  ['tools/bench/main.ts', 'Usage: npm run bench', ['--fast'], /^Unknown argument --fast$/],
  ['tools/store-check/cli.ts', 'Usage: npm run store:check', ['--url', 'ftp://store.example', '--shopper', 'x'], /^--url must be an http\(s\) URL, not "ftp:\/\/store\.example"$/],
  ['tools/catalog-import/cli.ts', 'Usage: npm run catalog:import', ['products.csv', '--sheet', 'x'], /^Unknown option '--sheet'$/],
] as const)('%s', (tool, usage, badArgs, reason) => {
  it('prints its usage on --help', async () => {
    const ran = await run(tool, ['--help']);
    expect({ status: ran.status, stderr: ran.stderr }).toEqual({ status: 0, stderr: '' });
    expect(ran.stdout.startsWith(usage)).toBe(true);
  });

  it('says in one line what is wrong with a bad argument, then the usage, without a stack trace', async () => {
    const ran = await run(tool, badArgs);
    expect(ran.status).not.toBe(0);
    const lines = ran.stderr.split('\n');
    expect(lines[0]).toMatch(reason);
    expect(ran.stderr).toContain(usage);
    expect(ran.stderr).not.toMatch(STACK_FRAME);
    expect(ran.stdout).toBe('');
  });
});
